package java.lang;

/**
 * A class, interface, array class or primitive type. Every Class object is laid out by the Kiln compiler
 * in the image; none is ever created at run time. The instance fields below are that layout and must
 * match docs/abi.md "Class objects" exactly, in this order: the compiler finds them by name.
 *
 * <p>Differences from the JDK: {@link #getInterfaces()} lists all interfaces, transitively;
 * {@link #getSimpleName()} is derived from the binary name (a top-level class with '$' in its name is
 * mistaken for a nested one); there is no reflection yet.
 */
public final class Class<T> implements java.io.Serializable, java.lang.reflect.Type {
    private static final int INTERFACE = 1, ARRAY = 2, PRIMITIVE = 4;

    private String name;
    private Class<?> superclass;
    private Class<?> componentType;
    private Class<?>[] interfaces;
    /** Pairs {selector, code address}; null if the class implements no interface method. */
    private long[] itable;
    private int instanceSize;
    private int elementSize;
    private int flags;
    /** The class of arrays of this class, when the program uses that array class; null otherwise. */
    private Class<?> arrayType;
    /** Enums: the code address of the static {@code values()} method; 0 otherwise. */
    private long enumValues;

    private Class() {}

    /** The Class of a primitive type, for the wrappers' {@code TYPE} fields (as in the JDK). */
    static Class<?> getPrimitiveClass(String name) {
        switch (name) {
            case "boolean": return boolean[].class.componentType;
            case "byte": return byte[].class.componentType;
            case "char": return char[].class.componentType;
            case "short": return short[].class.componentType;
            case "int": return int[].class.componentType;
            case "long": return long[].class.componentType;
            case "float": return float[].class.componentType;
            case "double": return double[].class.componentType;
            // void has no array class to reach it through; needs a compiler-provided symbol (see report)
            default: return null;
        }
    }

    public String getName() {
        return name;
    }

    public String getSimpleName() {
        if (isArray()) {
            return componentType.getSimpleName() + "[]";
        }
        String simple = name.substring(name.lastIndexOf('.') + 1);
        int dollar = simple.lastIndexOf('$');
        if (dollar < 0) {
            return simple;
        }
        // Outer$Inner -> Inner, Outer$1Local -> Local, Outer$1 (anonymous) -> "" as in the JDK
        int start = dollar + 1;
        while (start < simple.length() && Character.isDigit(simple.charAt(start))) {
            start++;
        }
        return simple.substring(start);
    }

    /**
     * From the binary name, like {@link #getSimpleName()}: {@code Outer$Inner} is {@code Outer.Inner}, and a
     * local or anonymous class ({@code Outer$1...}) has none (null).
     */
    public String getCanonicalName() {
        if (isArray()) {
            String component = componentType.getCanonicalName();
            return component == null ? null : component + "[]";
        }
        for (int dollar = name.indexOf('$'); dollar >= 0; dollar = name.indexOf('$', dollar + 1)) {
            if (dollar + 1 < name.length() && Character.isDigit(name.charAt(dollar + 1))) {
                return null;
            }
        }
        return name.replace('$', '.');
    }

    public String getTypeName() {
        if (isArray()) {
            return componentType.getTypeName() + "[]";
        }
        return name;
    }

    public String getPackageName() {
        if (isArray()) {
            return componentType.getPackageName();
        }
        if (isPrimitive()) {
            return "java.lang";
        }
        int dot = name.lastIndexOf('.');
        return dot < 0 ? "" : name.substring(0, dot);
    }

    public Class<? super T> getSuperclass() {
        @SuppressWarnings("unchecked")
        Class<? super T> s = (Class<? super T>) superclass;
        return s;
    }

    public Class<?>[] getInterfaces() {
        return interfaces == null ? new Class<?>[0] : interfaces.clone();
    }

    public Class<?> getComponentType() {
        return componentType;
    }

    public Class<?> componentType() {
        return componentType;
    }

    /**
     * The class of arrays of this class. Kiln has it only when the program uses that array class; otherwise
     * this throws, because no class can be made at run time.
     */
    public Class<?> arrayType() {
        if (arrayType == null) {
            throw new UnsupportedOperationException("Kiln: the array class of " + getTypeName()
                    + " is not in the image because the program never uses it; create one such array"
                    + " directly (new " + getTypeName() + "[0]) so the compiler includes it");
        }
        return arrayType;
    }

    /**
     * Without generic signatures (Kiln keeps none), the interfaces as plain classes: every interface
     * implemented, transitively, as {@link #getInterfaces()}. No element is a ParameterizedType.
     */
    public java.lang.reflect.Type[] getGenericInterfaces() {
        return getInterfaces();
    }

    /** The constants of an enum class in declaration order, or null if this is not an enum class. */
    public T[] getEnumConstants() {
        T[] constants = enumConstantsShared();
        return constants == null ? null : constants.clone();
    }

    /** The enum's {@code values()}, called through the address the compiler recorded. */
    @SuppressWarnings("unchecked")
    T[] enumConstantsShared() {
        if (enumValues == 0) {
            return null;
        }
        return (T[]) kiln.runtime.LibrarySupport.invokeStaticObject(enumValues);
    }

    public boolean isInterface() {
        return (flags & INTERFACE) != 0;
    }

    public boolean isArray() {
        return (flags & ARRAY) != 0;
    }

    public boolean isPrimitive() {
        return (flags & PRIMITIVE) != 0;
    }

    public boolean isEnum() {
        return superclass == Enum.class;
    }

    public boolean isInstance(Object obj) {
        return obj != null && isAssignableFrom(obj.getClass());
    }

    /**
     * JLS §5.2 / JVMS §6.5 checkcast rules. Runs for every checkcast, instanceof and aastore, so it uses
     * nothing that would itself check a cast: only fields, array elements and ==.
     */
    public boolean isAssignableFrom(Class<?> other) {
        if (this == other) {
            return true;
        }
        if (other == null) {
            throw new NullPointerException();
        }
        if (isPrimitive() || other.isPrimitive()) {
            return false;
        }
        if (this == Object.class) {
            return true;
        }
        if (isInterface()) {
            return other.implementsInterface(this);
        }
        if (isArray()) {
            return other.isArray() && !componentType.isPrimitive() && !other.componentType.isPrimitive()
                    && componentType.isAssignableFrom(other.componentType);
        }
        for (Class<?> c = other.superclass; c != null; c = c.superclass) {
            if (c == this) {
                return true;
            }
        }
        return false;
    }

    private boolean implementsInterface(Class<?> iface) {
        if (isArray()) {
            return iface == Cloneable.class || iface == java.io.Serializable.class; // JLS §10.8
        }
        if (interfaces != null) {
            for (Class<?> implemented : interfaces) {
                if (implemented == iface) {
                    return true;
                }
            }
        }
        return false;
    }

    @SuppressWarnings("unchecked")
    public T cast(Object obj) {
        if (obj != null && !isInstance(obj)) {
            throw new ClassCastException("Cannot cast " + obj.getClass().getName() + " to " + getName());
        }
        return (T) obj;
    }

    public boolean desiredAssertionStatus() {
        return false;
    }

    public String toString() {
        return (isInterface() ? "interface " : isPrimitive() ? "" : "class ") + name;
    }

    // Kiln runtime hooks, not JDK API: applications compile against the JDK's Class and cannot see them.

    /** Bytes of an instance including the header (ordinary classes). */
    public int instanceSize() {
        return instanceSize;
    }

    /** Bytes per element (array classes). */
    public int elementSize() {
        return elementSize;
    }

    /** The code address implementing interface method {@code selector} for instances of this class, or 0. */
    public long interfaceMethodAddress(long selector) {
        if (itable != null) {
            for (int i = 0; i < itable.length; i += 2) {
                if (itable[i] == selector) {
                    return itable[i + 1];
                }
            }
        }
        return 0;
    }
}
