package java.lang;

import java.lang.annotation.Annotation;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.GenericDeclaration;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import kiln.lib.reflect.AnnotationInstance;
import kiln.lib.reflect.ClassMetadata;
import kiln.lib.reflect.MissingReflectionRegistrationError;
import kiln.runtime.LibrarySupport;

/**
 * A class, interface, array class or primitive type. Every Class object is laid out by the Kiln compiler
 * in the image; none is ever created at run time. The instance fields below are that layout and must
 * match docs/abi.md "Class objects" exactly, in this order: the compiler finds them by name.
 *
 * <p>Reflection answers from metadata the build recorded for the classes registered for it (docs/abi.md
 * "Reflection metadata"): {@code reflectionData} is the address of a generated method that makes the class's
 * {@link ClassMetadata}. A query that needs metadata about a class that has none throws
 * {@link MissingReflectionRegistrationError}, naming the class and how to register it.
 *
 * <p>Differences from the JDK: {@link #getInterfaces()} lists all interfaces, transitively, for a class not
 * registered for reflection (the declared ones for a registered class); {@link #getSimpleName()} is derived
 * from the binary name (a top-level class with '$' in its name is mistaken for a nested one);
 * {@link #forName(String)} finds every class in the image but initializes only registered ones; annotations
 * are not inherited from superclasses ({@code @Inherited} is ignored); an unregistered class's generic
 * superclass and interfaces come without type arguments; {@link #getEnclosingClass()} of a local or anonymous
 * class is found by its binary name among the classes that have a Class object in the image (null if its
 * enclosing class has none).
 */
public final class Class<T> implements java.io.Serializable, java.lang.reflect.Type, GenericDeclaration,
        AnnotatedElement {
    private static final int INTERFACE = 1, ARRAY = 2, PRIMITIVE = 4, CLASS_PATH = 32;

    private String name;
    private Class<?> superclass;
    private Class<?> componentType;
    private Class<?>[] interfaces;
    /**
     * The address of this class's row in the type table (docs/abi.md "Type table"), which compiled code reads for
     * interface calls and type checks; only the compiler's code uses it.
     */
    private long typeTableRow;
    /** An array of references but Object[]: the type-table entry of its element class, which aastore checks; else 0. */
    private int elementTypeEntry;
    private int instanceSize;
    private int elementSize;
    private int flags;
    /** The class of arrays of this class, when the program uses that array class; null otherwise. */
    private Class<?> arrayType;
    /** Enums: the code address of the static {@code values()} method; 0 otherwise. */
    private long enumValues;
    /** As {@link #getModifiers()}: the InnerClasses flags of a member class, else the class file's (JVMS §4.1). */
    private int modifiers;
    /** Registered for reflection: the code address of the generated method that makes its ClassMetadata; else 0. */
    private long reflectionData;
    /** A member class: the class that declares it (its InnerClasses entry's outer class, JVMS §4.7.6); else null. */
    private Class<?> declaringClass;

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
            case "void": return LibrarySupport.voidClass();
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
        while (start < simple.length() && isAsciiDigit(simple.charAt(start))) {
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
            if (dollar + 1 < name.length() && isAsciiDigit(name.charAt(dollar + 1))) {
                return null;
            }
        }
        return name.replace('$', '.');
    }

    /** The class this member class is declared in; null for top-level, local and anonymous classes. */
    public Class<?> getDeclaringClass() {
        return declaringClass;
    }

    /**
     * The class whose body declares this one: the declaring class of a member class, the class around a local or
     * anonymous one (found by its binary name, JLS §13.1: {@code Outer$1} and {@code Outer$1Local} are declared in
     * {@code Outer}); null for a top-level class.
     */
    public Class<?> getEnclosingClass() {
        if (declaringClass != null) {
            return declaringClass;
        }
        int dollar = isLocalOrAnonymous() ? name.lastIndexOf('$') : -1;
        return dollar < 0 ? null : inImage(name.substring(0, dollar));
    }

    public boolean isMemberClass() {
        return declaringClass != null;
    }

    public boolean isLocalClass() {
        return isLocalOrAnonymous() && !getSimpleName().isEmpty();
    }

    public boolean isAnonymousClass() {
        return isLocalOrAnonymous() && getSimpleName().isEmpty();
    }

    /**
     * The digits javac writes after the '$' of a local or anonymous class's binary name (JLS §13.1); no identifier
     * starts with a digit of any script, so these are the only ones there. Not {@code Character.isDigit}, which
     * brings the Unicode tables into every image that prints a class's simple name.
     */
    private static boolean isAsciiDigit(char c) {
        return c >= '0' && c <= '9';
    }

    /** JLS §13.1: a local or anonymous class's binary name is its enclosing class's, '$', and a number first. */
    private boolean isLocalOrAnonymous() {
        if (isArray() || isPrimitive() || declaringClass != null) {
            return false;
        }
        int dollar = name.lastIndexOf('$');
        return dollar > name.lastIndexOf('.') && dollar + 1 < name.length() && isAsciiDigit(name.charAt(dollar + 1))
                && !name.contains("$$Lambda$"); // the compiler's lambda classes, neither local nor anonymous on HotSpot
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

    /**
     * Whether this is a hidden class (JVMS §5.3.5): on HotSpot, the classes spun for lambdas are; Kiln compiles
     * those at build time with "$$Lambda$" in their names (the compiler's IndyLowering), and has no other.
     */
    public boolean isHidden() {
        return !isArray() && name.contains("$$Lambda$");
    }

    /**
     * The package of this class or interface, null for an array or a primitive type (as on HotSpot): a
     * {@link Package} of the class's loader, made once per name ({@link ClassLoader#getDefinedPackage}). Kiln reads
     * no jar manifest, so its specification and implementation titles, versions and vendors are null.
     */
    public Package getPackage() {
        if (isArray() || isPrimitive()) {
            return null;
        }
        return ClassLoader.definedPackage(getClassLoader(), getPackageName());
    }

    /**
     * The unnamed module of the class's loader: the system loader's for the class path's classes, the boot loader's
     * for the JDK's and Kiln's own (HotSpot answers the JDK's named modules, {@code java.base} and the others; the
     * image keeps no module graph). An array class is in its element type's module.
     */
    public Module getModule() {
        if (isArray()) {
            return componentType.getModule();
        }
        return ClassLoader.unnamedModuleOf(getClassLoader());
    }

    public Class<? super T> getSuperclass() {
        @SuppressWarnings("unchecked")
        Class<? super T> s = (Class<? super T>) superclass;
        return s;
    }

    public Class<?>[] getInterfaces() {
        ClassMetadata metadata = metadataIfRecorded();
        if (metadata != null) {
            return metadata.interfaces().clone();
        }
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
        return (T[]) LibrarySupport.invokeStaticObject(enumValues);
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
        return (modifiers & 0x4000) != 0 && superclass == Enum.class; // ACC_ENUM
    }

    public boolean isAnnotation() {
        return (modifiers & 0x2000) != 0; // ACC_ANNOTATION
    }

    public boolean isSynthetic() {
        return (modifiers & 0x1000) != 0; // ACC_SYNTHETIC
    }

    public boolean isRecord() {
        return superclass == Record.class && (modifiers & Modifier.FINAL) != 0;
    }

    public int getModifiers() {
        return modifiers;
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

    // ---- reflection (docs/abi.md "Reflection metadata") ------------------------------------------------------

    public static Class<?> forName(String className) throws ClassNotFoundException {
        return forName(className, true, null);
    }

    /**
     * The class of that name among the image's classes. Only a class registered for reflection is initialized
     * here (the others have no generated code to do it with; they are initialized at their first use as usual).
     */
    public static Class<?> forName(String name, boolean initialize, ClassLoader loader) throws ClassNotFoundException {
        Class<?> c = inImage(Objects.requireNonNull(name));
        if (c == null || c.isPrimitive()) {
            throw new ClassNotFoundException(name + " (Kiln: no class of this name is in the image; if it is on the"
                    + " class path, register it for reflection: Class.forName(\"" + name + "\") with the name as a"
                    + " constant, the kiln-maven-plugin's <reflection>, a META-INF/native-image/.../reflect-config.json,"
                    + " or -Dkiln.reflectAll)");
        }
        if (initialize) {
            ClassMetadata metadata = c.metadataIfRecorded();
            if (metadata != null) {
                metadata.access().initialize();
            }
        }
        return c;
    }

    /** The image's class of that binary name ({@code Class.getName()} form), or null (Kiln runtime hook). */
    public static Class<?> inImage(String name) {
        Class<?>[] table = LibrarySupport.classTable();
        int low = 0;
        int high = table.length - 1;
        while (low <= high) {
            int middle = (low + high) >>> 1;
            int order = table[middle].name.compareTo(name);
            if (order == 0) {
                return table[middle];
            } else if (order < 0) {
                low = middle + 1;
            } else {
                high = middle - 1;
            }
        }
        return null;
    }

    /**
     * The class path file {@code name} packed into the image (docs/compiler.md "Resources"), or null: a name
     * without a leading '/' is relative to this class's package ({@code "data.txt"} on {@code a.b.C} is
     * {@code a/b/data.txt}), one with it is the path from the class path's root, as on HotSpot.
     */
    public java.io.InputStream getResourceAsStream(String name) {
        return kiln.runtime.ResourceTable.open(resolveResourceName(name));
    }

    /**
     * The {@code resource:} URL of the class path file {@code name} packed into the image, resolved as by
     * {@link #getResourceAsStream}, or null (kiln.lib.net.ResourceUrlHandler).
     */
    public java.net.URL getResource(String name) {
        return kiln.lib.net.ResourceUrlHandler.of(resolveResourceName(name));
    }

    private String resolveResourceName(String name) {
        if (name.startsWith("/")) {
            return name.substring(1);
        }
        String pkg = getPackageName();
        return pkg.isEmpty() ? name : pkg.replace('.', '/') + "/" + name;
    }

    /**
     * The system class loader for a class of the class path (an array: of its element class), as on HotSpot; null
     * (the boot loader) for the JDK's classes, Kiln's own, primitives and classes the compiler generates.
     */
    public ClassLoader getClassLoader() {
        return (flags & CLASS_PATH) != 0 ? ClassLoader.getSystemClassLoader() : null;
    }

    /** The metadata, or null when the build recorded none for this class. */
    private ClassMetadata metadataIfRecorded() {
        return reflectionData == 0 ? null : (ClassMetadata) LibrarySupport.invokeStaticObject(reflectionData);
    }

    /**
     * The metadata for {@code query}, which needs all declared members unless {@code publicOnly}. Primitive and
     * array classes declare nothing (JLS §10.7: an array's members are inherited or its public {@code length} and
     * {@code clone}, which reflection does not list), so they need no registration: Jackson asks
     * {@code double.class} for its methods when it binds a {@code double} property.
     */
    private ClassMetadata metadata(String query, boolean publicOnly) {
        if (isPrimitive() || isArray()) {
            return new ClassMetadata(true, new Class<?>[0], null, new Field[0], new Method[0], new Constructor<?>[0],
                    new Annotation[0], null, null);
        }
        ClassMetadata metadata = metadataIfRecorded();
        if (metadata == null || !publicOnly && !metadata.complete()) {
            throw new MissingReflectionRegistrationError(getName() + "." + query, this);
        }
        return metadata;
    }

    public Field[] getDeclaredFields() {
        return copies(metadata("getDeclaredFields()", false).fields());
    }

    public Method[] getDeclaredMethods() {
        return copies(metadata("getDeclaredMethods()", false).methods());
    }

    public Constructor<?>[] getDeclaredConstructors() {
        return copies(metadata("getDeclaredConstructors()", false).constructors());
    }

    public Field getDeclaredField(String name) throws NoSuchFieldException {
        Objects.requireNonNull(name);
        for (Field f : metadata("getDeclaredField(\"" + name + "\")", false).fields()) {
            if (f.getName().equals(name)) {
                return f.copy();
            }
        }
        throw new NoSuchFieldException(name);
    }

    public Method getDeclaredMethod(String name, Class<?>... parameterTypes) throws NoSuchMethodException {
        Objects.requireNonNull(name);
        Method found = null;
        for (Method m : metadata("getDeclaredMethod(\"" + name + "\")", false).methods()) {
            if (m.getName().equals(name) && sameTypes(m.getParameterTypes(), parameterTypes)
                    && (found == null || found.getReturnType().isAssignableFrom(m.getReturnType()))) {
                found = m;
            }
        }
        if (found == null) {
            throw new NoSuchMethodException(methodToString(name, parameterTypes));
        }
        return found.copy();
    }

    @SuppressWarnings("unchecked")
    public Constructor<T> getDeclaredConstructor(Class<?>... parameterTypes) throws NoSuchMethodException {
        for (Constructor<?> c : metadata("getDeclaredConstructor()", false).constructors()) {
            if (sameTypes(c.getParameterTypes(), parameterTypes)) {
                return (Constructor<T>) c.copy();
            }
        }
        throw new NoSuchMethodException(methodToString("<init>", parameterTypes));
    }

    /** Public fields of this class, its superinterfaces and superclasses, in the order of JVMS §5.4.3.2. */
    public Field[] getFields() {
        List<Field> fields = new ArrayList<>();
        collectPublicFields(fields);
        return fields.toArray(new Field[0]);
    }

    private void collectPublicFields(List<Field> fields) {
        for (Field f : metadata("getFields()", true).fields()) {
            if (Modifier.isPublic(f.getModifiers()) && !fields.contains(f)) {
                fields.add(f.copy());
            }
        }
        for (Class<?> i : metadata("getFields()", true).interfaces()) {
            i.collectPublicFields(fields);
        }
        if (superclass != null && !isInterface()) {
            superclass.collectPublicFields(fields);
        }
    }

    public Field getField(String name) throws NoSuchFieldException {
        Objects.requireNonNull(name);
        for (Field f : getFields()) {
            if (f.getName().equals(name)) {
                return f;
            }
        }
        throw new NoSuchFieldException(name);
    }

    /**
     * Public methods of this class and its superclasses, then the public instance methods of the
     * superinterfaces that no class method of the same name and parameters overrides (Class.getMethods' javadoc).
     */
    public Method[] getMethods() {
        List<Method> methods = new ArrayList<>();
        for (Class<?> c = this; c != null; c = c.isInterface() ? null : c.superclass) {
            for (Method m : c.metadata("getMethods()", true).methods()) {
                if (Modifier.isPublic(m.getModifiers()) && (c == this || !Modifier.isStatic(m.getModifiers()))
                        && !overridden(methods, m)) {
                    methods.add(m.copy());
                }
            }
        }
        List<Class<?>> superinterfaces = new ArrayList<>();
        for (Class<?> c = this; c != null; c = c.superclass) {
            c.collectInterfaces(superinterfaces);
        }
        for (Class<?> i : superinterfaces) {
            if (i == this) {
                continue;
            }
            for (Method m : i.metadata("getMethods()", true).methods()) {
                if (Modifier.isPublic(m.getModifiers()) && !Modifier.isStatic(m.getModifiers()) && !overridden(methods, m)) {
                    methods.add(m.copy());
                }
            }
        }
        return methods.toArray(new Method[0]);
    }

    private void collectInterfaces(List<Class<?>> into) {
        for (Class<?> i : metadata("getMethods()", true).interfaces()) {
            if (!into.contains(i)) {
                into.add(i);
                i.collectInterfaces(into);
            }
        }
    }

    /** Whether {@code methods} has one with the name, parameters and return type of {@code m}. */
    private static boolean overridden(List<Method> methods, Method m) {
        for (Method other : methods) {
            if (other.getName().equals(m.getName()) && other.getReturnType() == m.getReturnType()
                    && sameTypes(other.getParameterTypes(), m.getParameterTypes())) {
                return true;
            }
        }
        return false;
    }

    public Method getMethod(String name, Class<?>... parameterTypes) throws NoSuchMethodException {
        Objects.requireNonNull(name);
        Method found = null;
        for (Method m : getMethods()) {
            if (m.getName().equals(name) && sameTypes(m.getParameterTypes(), parameterTypes)
                    && (found == null || found.getReturnType().isAssignableFrom(m.getReturnType())
                    && found.getReturnType() != m.getReturnType())) {
                found = m;
            }
        }
        if (found == null) {
            throw new NoSuchMethodException(methodToString(name, parameterTypes));
        }
        return found;
    }

    public Constructor<?>[] getConstructors() {
        List<Constructor<?>> constructors = new ArrayList<>();
        for (Constructor<?> c : metadata("getConstructors()", false).constructors()) {
            if (Modifier.isPublic(c.getModifiers())) {
                constructors.add(c.copy());
            }
        }
        return constructors.toArray(new Constructor<?>[0]);
    }

    public Constructor<T> getConstructor(Class<?>... parameterTypes) throws NoSuchMethodException {
        Constructor<T> c = getDeclaredConstructor(parameterTypes);
        if (!Modifier.isPublic(c.getModifiers())) {
            throw new NoSuchMethodException(methodToString("<init>", parameterTypes));
        }
        return c;
    }

    /** Deprecated in the JDK: the nullary constructor, its exceptions passed on unwrapped. */
    @Deprecated(since = "9")
    @SuppressWarnings("unchecked")
    public T newInstance() throws InstantiationException, IllegalAccessException {
        Constructor<T> nullary;
        try {
            nullary = getDeclaredConstructor();
        } catch (NoSuchMethodException e) {
            throw new InstantiationException(getName());
        }
        try {
            return nullary.newInstance();
        } catch (InvocationTargetException e) {
            throw Class.<RuntimeException>passOn(e.getCause());
        }
    }

    /** Throws {@code t}, checked or not, as Class.newInstance passes on what the constructor throws. */
    @SuppressWarnings("unchecked")
    private static <E extends Throwable> E passOn(Throwable t) throws E {
        throw (E) t;
    }

    public RecordComponent[] getRecordComponents() {
        if (!isRecord()) {
            return null;
        }
        RecordComponent[] components = metadata("getRecordComponents()", false).recordComponents();
        return components == null ? null : components.clone();
    }

    // ---- generic signatures and annotations ----------------------------------------------------------------

    /** For a class not registered for reflection, the superclass without type arguments (see getGenericInterfaces). */
    public Type getGenericSuperclass() {
        ClassMetadata metadata = isInterface() || isArray() || isPrimitive() ? null : metadataIfRecorded();
        return metadata == null ? superclass : metadata.genericSuperclass(this);
    }

    /**
     * For a class not registered for reflection, the interfaces without type arguments (as {@link #getInterfaces()}):
     * the JDK's own code asks this of any class (HashMap of every key class that implements Comparable), and the
     * plain answer is right for it, if less precise.
     */
    public Type[] getGenericInterfaces() {
        ClassMetadata metadata = isArray() || isPrimitive() ? null : metadataIfRecorded();
        return metadata == null ? getInterfaces() : metadata.genericInterfaces(this);
    }

    @Override
    @SuppressWarnings("unchecked")
    public TypeVariable<Class<T>>[] getTypeParameters() {
        if (isArray() || isPrimitive()) {
            return (TypeVariable<Class<T>>[]) new TypeVariable<?>[0];
        }
        return (TypeVariable<Class<T>>[]) metadata("getTypeParameters()", true).typeParameters(this);
    }

    /** The type parameters if the build recorded this class's signature, else none (Kiln runtime hook). */
    public TypeVariable<?>[] typeParametersIfRecorded() {
        ClassMetadata metadata = metadataIfRecorded();
        return metadata == null ? new TypeVariable<?>[0] : metadata.typeParameters(this);
    }

    @Override
    public <A extends Annotation> A getAnnotation(Class<A> annotationClass) {
        return AnnotationInstance.find(annotationsShared("getAnnotation()"), annotationClass);
    }

    @Override
    public boolean isAnnotationPresent(Class<? extends Annotation> annotationClass) {
        return getAnnotation(annotationClass) != null;
    }

    @Override
    public Annotation[] getAnnotations() {
        return annotationsShared("getAnnotations()").clone();
    }

    @Override
    public Annotation[] getDeclaredAnnotations() {
        return annotationsShared("getDeclaredAnnotations()").clone();
    }

    private Annotation[] annotationsShared(String query) {
        return isArray() || isPrimitive() ? new Annotation[0] : metadata(query, true).annotations();
    }

    private static <M> M[] copies(M[] members) {
        M[] copies = members.clone();
        for (int i = 0; i < copies.length; i++) {
            Object m = copies[i];
            @SuppressWarnings("unchecked")
            M copy = (M) (m instanceof Method method ? method.copy() : m instanceof Field field ? field.copy()
                    : ((Constructor<?>) m).copy());
            copies[i] = copy;
        }
        return copies;
    }

    private static boolean sameTypes(Class<?>[] declared, Class<?>[] asked) {
        int count = asked == null ? 0 : asked.length;
        if (declared.length != count) {
            return false;
        }
        for (int i = 0; i < count; i++) {
            if (declared[i] != asked[i]) {
                return false;
            }
        }
        return true;
    }

    /** HotSpot's message for NoSuchMethodException: {@code p.C.m(int,java.lang.String)}. */
    private String methodToString(String method, Class<?>[] parameterTypes) {
        StringBuilder text = new StringBuilder(getName()).append('.').append(method).append('(');
        if (parameterTypes != null) {
            for (int i = 0; i < parameterTypes.length; i++) {
                text.append(i == 0 ? "" : ",").append(parameterTypes[i] == null ? "null" : parameterTypes[i].getName());
            }
        }
        return text.append(')').toString();
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
}
