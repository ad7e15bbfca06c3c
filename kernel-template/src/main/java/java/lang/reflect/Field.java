package java.lang.reflect;

import java.lang.annotation.Annotation;
import kiln.lib.reflect.Conversions;
import kiln.lib.reflect.MemberAccess;
import kiln.lib.reflect.MissingReflectionRegistrationError;
import kiln.lib.reflect.SignatureParser;

/**
 * A field of a class registered for reflection. Reads and writes run the {@code getfield}/{@code putfield} (or
 * static) code the compiler generated for it ({@link MemberAccess}); the typed getters and setters widen as
 * JLS §5.1.2 allows and throw HotSpot's {@code IllegalArgumentException} messages otherwise.
 */
public final class Field extends AccessibleObject implements Member {
    private final Class<?> declaringClass;
    private final String name;
    private final Class<?> type;
    private final int modifiers;
    private final String signature;
    private final Annotation[] annotations;
    private final MemberAccess access;
    private final int index;

    /** Made by the generated metadata code only (docs/abi.md "Reflection metadata"). */
    Field(Class<?> declaringClass, String name, Class<?> type, int modifiers, String signature,
          Annotation[] annotations, MemberAccess access, int index) {
        this.declaringClass = declaringClass;
        this.name = name;
        this.type = type;
        this.modifiers = modifiers;
        this.signature = signature;
        this.annotations = annotations;
        this.access = access;
        this.index = index;
    }

    /** A copy with its own accessible flag (Kiln runtime hook, not JDK API). */
    public Field copy() {
        return new Field(declaringClass, name, type, modifiers, signature, annotations, access, index);
    }

    @Override
    public Class<?> getDeclaringClass() {
        return declaringClass;
    }

    @Override
    public String getName() {
        return name;
    }

    @Override
    public int getModifiers() {
        return modifiers;
    }

    @Override
    public boolean isSynthetic() {
        return (modifiers & 0x1000) != 0;
    }

    public boolean isEnumConstant() {
        return (modifiers & 0x4000) != 0; // ACC_ENUM, JVMS §4.5
    }

    public Class<?> getType() {
        return type;
    }

    public Type getGenericType() {
        return signature == null ? type : SignatureParser.type(declaringClass, signature);
    }

    @Override
    Annotation[] annotationsShared() {
        return annotations;
    }

    // ---- reading ---------------------------------------------------------------------------------------------

    public Object get(Object obj) throws IllegalArgumentException, IllegalAccessException {
        return read(obj);
    }

    private Object read(Object obj) {
        Object target = receiver(obj);
        if (index == Executable.QUERY_ONLY) {
            throw MissingReflectionRegistrationError.queryOnly("read", this, declaringClass);
        }
        return access.get(index, target);
    }

    public boolean getBoolean(Object obj) throws IllegalArgumentException, IllegalAccessException {
        return (Boolean) widened(obj, boolean.class);
    }

    public byte getByte(Object obj) throws IllegalArgumentException, IllegalAccessException {
        return (Byte) widened(obj, byte.class);
    }

    public char getChar(Object obj) throws IllegalArgumentException, IllegalAccessException {
        return (Character) widened(obj, char.class);
    }

    public short getShort(Object obj) throws IllegalArgumentException, IllegalAccessException {
        return (Short) widened(obj, short.class);
    }

    public int getInt(Object obj) throws IllegalArgumentException, IllegalAccessException {
        return (Integer) widened(obj, int.class);
    }

    public long getLong(Object obj) throws IllegalArgumentException, IllegalAccessException {
        return (Long) widened(obj, long.class);
    }

    public float getFloat(Object obj) throws IllegalArgumentException, IllegalAccessException {
        return (Float) widened(obj, float.class);
    }

    public double getDouble(Object obj) throws IllegalArgumentException, IllegalAccessException {
        return (Double) widened(obj, double.class);
    }

    /** The value read as the primitive {@code wanted}, which the field's type must widen to. */
    private Object widened(Object obj, Class<?> wanted) {
        Object value = type.isPrimitive() ? read(obj) : null;
        Object converted = value == null ? null : Conversions.convert(wanted, value);
        if (converted == null) {
            receiver(obj);
            throw new IllegalArgumentException("Attempt to get " + type.getName() + " field \"" + declaringClass.getName()
                    + "." + name + "\" with illegal data type conversion to " + wanted.getName());
        }
        return converted;
    }

    // ---- writing ---------------------------------------------------------------------------------------------

    public void set(Object obj, Object value) throws IllegalArgumentException, IllegalAccessException {
        Object target = receiver(obj);
        if (Modifier.isFinal(modifiers) && (!override || Modifier.isStatic(modifiers) || declaringClass.isRecord())) {
            throw new IllegalAccessException(setFailure(value));
        }
        Object converted = Conversions.convert(type, value);
        if (!Conversions.converted(type, value, converted)) {
            throw new IllegalArgumentException(setFailure(value));
        }
        if (index == Executable.QUERY_ONLY) {
            throw MissingReflectionRegistrationError.queryOnly("write", this, declaringClass);
        }
        access.set(index, target, converted);
    }

    public void setBoolean(Object obj, boolean z) throws IllegalArgumentException, IllegalAccessException {
        set(obj, z);
    }

    public void setByte(Object obj, byte b) throws IllegalArgumentException, IllegalAccessException {
        set(obj, b);
    }

    public void setChar(Object obj, char c) throws IllegalArgumentException, IllegalAccessException {
        set(obj, c);
    }

    public void setShort(Object obj, short s) throws IllegalArgumentException, IllegalAccessException {
        set(obj, s);
    }

    public void setInt(Object obj, int i) throws IllegalArgumentException, IllegalAccessException {
        set(obj, i);
    }

    public void setLong(Object obj, long l) throws IllegalArgumentException, IllegalAccessException {
        set(obj, l);
    }

    public void setFloat(Object obj, float f) throws IllegalArgumentException, IllegalAccessException {
        set(obj, f);
    }

    public void setDouble(Object obj, double d) throws IllegalArgumentException, IllegalAccessException {
        set(obj, d);
    }

    /** The object to access: null for a static field; else {@code obj}, checked as HotSpot checks it. */
    private Object receiver(Object obj) {
        if (Modifier.isStatic(modifiers)) {
            return null;
        }
        if (obj == null) {
            throw new NullPointerException();
        }
        if (!declaringClass.isInstance(obj)) {
            throw new IllegalArgumentException(setFailure(obj));
        }
        return obj;
    }

    /** HotSpot's message: "Can not set [static ][final ]int field p.C.f to java.lang.String" (or "null value"). */
    private String setFailure(Object value) {
        return "Can not set " + (Modifier.isStatic(modifiers) ? "static " : "") + (Modifier.isFinal(modifiers) ? "final " : "")
                + type.getName() + " field " + declaringClass.getName() + "." + name + " to "
                + (value == null ? "null value" : value.getClass().getName());
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Field other && declaringClass == other.declaringClass && name.equals(other.name)
                && type == other.type;
    }

    @Override
    public int hashCode() {
        return declaringClass.getName().hashCode() ^ name.hashCode();
    }

    @Override
    public String toString() {
        return described(type);
    }

    /** As {@link #toString()}, with the generic type: {@code java.util.List<java.lang.String> p.C.names}. */
    public String toGenericString() {
        return described(getGenericType());
    }

    private String described(Type fieldType) {
        int mod = modifiers & Modifier.fieldModifiers();
        return (mod == 0 ? "" : Modifier.toString(mod) + " ") + fieldType.getTypeName() + " "
                + declaringClass.getTypeName() + "." + name;
    }
}
