package dev.kiln.compiler.world;

import dev.kiln.compiler.verify.ClassFileException;
import dev.kiln.compiler.verify.ClassFileFormat;
import dev.kiln.compiler.verify.ClassHierarchy;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.FieldNode;
import org.objectweb.asm.tree.MethodNode;

/**
 * The classes of the closed world, loaded on demand, with field layout, vtables and the method and field
 * resolution rules of JVMS §5.4.3. Layout follows docs/abi.md.
 */
public final class World implements ClassHierarchy {
    /**
     * The JDK classes whose bytecode the compiler rewrites where a method patch in Java cannot reach (each rewrite's
     * design comment says why), by internal name.
     */
    private static final Map<String, Consumer<ClassNode>> JDK_BYTECODE_REWRITES = Map.of(
            ZoneInfoFilePatch.LOADER_CLASS, ZoneInfoFilePatch::apply,
            ThreadLocalRandomSeedPatch.TARGET_CLASS, ThreadLocalRandomSeedPatch::apply,
            FloatingDecimalHexPatch.TARGET_CLASS, FloatingDecimalHexPatch::apply);

    public static final String OBJECT = "java/lang/Object";

    private final ClassFileLoader loader;
    private final Map<String, ClassInfo> classes = new LinkedHashMap<>();
    private final Map<String, byte[]> classBytes = new HashMap<>();
    /** Classes read from the class path (not the JDK) whose code has not been verified yet. */
    private final Set<String> verifyLater = new HashSet<>();
    /** Classes read from the class path, not the JDK or the kernel template: the program's own. */
    private final Set<String> fromClassPath = new HashSet<>();
    /**
     * Classes whose file exists but that cannot be loaded because a superclass or superinterface is on no class
     * path, with that missing class (JVMS §5.3.5 step 3). Like classes without a file, they do not exist for
     * the program: every reference to one throws {@code NoClassDefFoundError} naming the missing supertype.
     */
    private final Map<String, String> missingSupertype = new HashMap<>();

    public World(ClassFileLoader loader) {
        this.loader = loader;
    }

    /**
     * The class named by an internal name or array/primitive descriptor; empty when no class file exists or the
     * class cannot be loaded for want of a supertype ({@link #missingClass} tells which).
     */
    public Optional<ClassInfo> find(String name) {
        ClassInfo known = classes.get(name);
        if (known != null) {
            return Optional.of(known);
        }
        if (missingSupertype.containsKey(name)) {
            return Optional.empty();
        }
        if (name.startsWith("[")) {
            String componentDesc = name.substring(1);
            Optional<ClassInfo> component = componentDesc.length() == 1
                    ? Optional.of(primitive(componentDesc.charAt(0)))
                    : find(componentDesc.startsWith("[") ? componentDesc : componentDesc.substring(1, componentDesc.length() - 1));
            if (component.isEmpty()) {
                return Optional.empty();
            }
            ClassInfo array = new ClassInfo(name, ClassInfo.Kind.ARRAY, null, "array", false);
            array.component = component.get();
            array.superclass = require(OBJECT);
            find("java/lang/Cloneable").ifPresent(array.directInterfaces::add);
            find("java/io/Serializable").ifPresent(array.directInterfaces::add);
            classes.put(name, array);
            return Optional.of(array);
        }
        Optional<ClassFileLoader.ClassFile> file = loader.load(name);
        if (file.isEmpty()) {
            return Optional.empty();
        }
        ClassNode node = read(file.get());
        byte[] bytes = file.get().bytes();
        Optional<ClassFileLoader.ClassFile> patch = file.get().fromKernelTemplate() ? Optional.empty()
                : loader.load(KernelAbi.JDK_PATCHES_PACKAGE + name).filter(ClassFileLoader.ClassFile::fromKernelTemplate);
        Consumer<ClassNode> rewrite = file.get().fromKernelTemplate() ? null : JDK_BYTECODE_REWRITES.get(name);
        if (rewrite != null) {
            rewrite.accept(node);
        }
        if (patch.isPresent()) {
            JdkMethodPatches.apply(node, read(patch.get()));
        }
        boolean fieldLookups = !file.get().fromKernelTemplate() && UnsafeOffsets.withoutFieldLookups(node);
        if (patch.isPresent() || rewrite != null || fieldLookups) {
            ClassWriter patched = new ClassWriter(0); // for BytecodeOffsets: the class file as compiled
            node.accept(patched);
            bytes = patched.toByteArray();
        }
        classBytes.put(name, bytes);
        if (file.get().fromKernelTemplate()) {
            return Optional.of(define(node, file.get().origin(), true));
        }
        try {
            return Optional.of(define(node, file.get().origin(), false));
        } catch (MissingClassException e) {
            // HotSpot loads the supertypes while it loads the class and fails with the missing one's name
            classes.remove(name);
            classBytes.remove(name);
            verifyLater.remove(name);
            fromClassPath.remove(name);
            missingSupertype.put(name, e.className);
            return Optional.empty();
        }
    }

    /**
     * The class whose absence makes {@code name} unloadable: a supertype of it that is on no class path, or
     * {@code name} itself. HotSpot's {@code NoClassDefFoundError} names this class.
     */
    public String missingClass(String name) {
        return missingSupertype.getOrDefault(name, name);
    }

    /**
     * The class file as a tree. The host JDK's and the kernel template's are trusted; every other one is
     * format-checked first (ClassFileFormat: ASM's reader trusts its input) and read with its StackMapTable
     * frames, which the verifier checks against (JVMS §4.10.1).
     */
    private ClassNode read(ClassFileLoader.ClassFile file) {
        ClassNode node = new ClassNode();
        if (file.jdk() || file.fromKernelTemplate()) {
            new ClassReader(file.bytes()).accept(node, ClassReader.SKIP_FRAMES);
            return node;
        }
        try {
            ClassFileFormat.check(file.bytes(), file.internalName());
        } catch (ClassFileException e) {
            throw new UnreadableClassException(file.origin(), e);
        }
        try {
            new ClassReader(file.bytes()).accept(node, ClassReader.EXPAND_FRAMES);
        } catch (RuntimeException e) {
            throw new UnreadableClassException(file.origin(), new ClassFileException("ClassFormatError",
                    file.internalName(), null, -1, "malformed class file that ASM cannot read (" + e + ")"));
        }
        verifyLater.add(file.internalName());
        fromClassPath.add(file.internalName());
        return node;
    }

    /** The class if something has already loaded it; never loads or creates one. */
    public Optional<ClassInfo> loaded(String name) {
        return Optional.ofNullable(classes.get(name));
    }

    /** Adds a class made by the compiler itself (e.g. for a lowered invokedynamic). */
    public ClassInfo define(ClassNode node, String origin, boolean fromKernelTemplate) {
        ClassInfo info = new ClassInfo(node.name, ClassInfo.Kind.ORDINARY, node, origin, fromKernelTemplate);
        classes.put(node.name, info);
        if (node.superName != null) {
            info.superclass = require(node.superName);
        }
        for (String i : node.interfaces) {
            info.directInterfaces.add(require(i));
        }
        if (fromClassPath.contains(node.name)) {
            checkSupertypes(info);
        }
        return info;
    }

    /**
     * The checks HotSpot makes on a class's supertypes when it loads it (JVMS §5.3.5 steps 3 and 4; a final
     * superclass is an IncompatibleClassChangeError in HotSpot, a VerifyError in §4.10). A class file from the class path can name anything there, and a cycle would send
     * the compiler's walks up the hierarchy round forever.
     */
    private void checkSupertypes(ClassInfo c) {
        for (ClassInfo k = c.superclass; k != null; k = k.superclass) {
            if (k == c) {
                throw linkageAtLoad(c, "ClassCircularityError", c.name + " is its own superclass");
            }
        }
        if (reachesThroughInterfaces(c, c, new HashSet<>())) {
            throw linkageAtLoad(c, "ClassCircularityError", c.name + " is its own superinterface");
        }
        if (c.superclass != null && c.superclass.isInterface()) {
            throw linkageAtLoad(c, "IncompatibleClassChangeError", "class " + c.javaName() + " has interface "
                    + c.superclass.javaName() + " as super class");
        }
        if (c.superclass != null && c.superclass.node != null && (c.superclass.node.access & Opcodes.ACC_FINAL) != 0) {
            throw linkageAtLoad(c, "IncompatibleClassChangeError", "class " + c.javaName()
                    + " cannot inherit from final class " + c.superclass.javaName());
        }
        for (ClassInfo i : c.directInterfaces) {
            if (!i.isInterface()) {
                throw linkageAtLoad(c, "IncompatibleClassChangeError", "class " + c.javaName() + " can not implement "
                        + i.javaName() + ", because it is not an interface");
            }
        }
    }

    private static boolean reachesThroughInterfaces(ClassInfo from, ClassInfo target, Set<ClassInfo> seen) {
        for (ClassInfo i : from.directInterfaces) {
            if (i == target || seen.add(i) && reachesThroughInterfaces(i, target, seen)) {
                return true;
            }
        }
        return false;
    }

    private static UnreadableClassException linkageAtLoad(ClassInfo c, String error, String reason) {
        return new UnreadableClassException(c.origin, new ClassFileException(error, c.name, null, -1, reason));
    }

    public ClassInfo require(String name) {
        return find(name).orElseThrow(() -> new MissingClassException(missingClass(name), name));
    }

    /**
     * A class the program refers to has no class file anywhere on the class path ({@code className}), or needs
     * such a class as a supertype ({@code className} is then that supertype, {@code wanted} the class asked for).
     */
    public static final class MissingClassException extends RuntimeException {
        public final String className;

        MissingClassException(String className, String wanted) {
            super("class " + className.replace('/', '.') + " was not found on the class path or in the JDK"
                    + (className.equals(wanted) ? "" : " (it is a supertype of " + wanted.replace('/', '.') + ")"));
            this.className = className;
        }
    }

    /**
     * A class file exists but HotSpot would not load it: corrupt ({@code ClassFormatError}, {@code VerifyError}
     * for static constraints on code), from a newer Java than Kiln reads ({@code UnsupportedClassVersionError}),
     * or holding another class than its name says ({@code NoClassDefFoundError}).
     */
    public static final class UnreadableClassException extends RuntimeException {
        UnreadableClassException(String origin, ClassFileException cause) {
            super(cause.errorClass + ": class " + cause.className.replace('/', '.') + " in " + origin
                    + (cause.method == null ? "" : ", method " + cause.method)
                    + (cause.offset < 0 ? "" : " at bytecode offset " + cause.offset) + ": " + cause.reason
                    + fix(cause.errorClass), cause);
        }

        private static String fix(String errorClass) {
            return switch (errorClass) {
                case "UnsupportedClassVersionError", "NoClassDefFoundError" -> "";
                case "ClassCircularityError", "IncompatibleClassChangeError" -> "; the class path differs from the one"
                        + " the class was compiled against, or the class file is corrupt";
                default -> "; the class file is corrupt: rebuild it (or the jar holding it) with a Java compiler";
            };
        }
    }

    public ClassInfo primitive(char descriptor) {
        String name = String.valueOf(descriptor);
        return classes.computeIfAbsent(name, n -> new ClassInfo(n, ClassInfo.Kind.PRIMITIVE, null, "primitive", false));
    }

    /** The class for a field or array-element descriptor ("I", "Ljava/lang/String;", "[J"). */
    ClassInfo forDescriptor(String desc) {
        if (desc.length() == 1) {
            return primitive(desc.charAt(0));
        }
        return desc.startsWith("[") ? require(desc) : require(desc.substring(1, desc.length() - 1));
    }

    /**
     * Whether {@code c}'s code still needs verifying; true once per class read from the class path. The JDK's
     * classes and the ones the compiler makes are trusted.
     */
    public boolean takeUnverified(ClassInfo c) {
        return verifyLater.remove(c.name);
    }

    public boolean isFromClassPath(ClassInfo c) {
        return fromClassPath.contains(c.name);
    }

    // ---- ClassHierarchy, for the verifier ------------------------------------------------------------------

    @Override
    public boolean exists(String internalName) {
        return find(internalName).isPresent();
    }

    @Override
    public boolean isInterface(String internalName) {
        return require(internalName).isInterface();
    }

    @Override
    public String superclass(String internalName) {
        ClassInfo superclass = require(internalName).superclass;
        return superclass == null ? null : superclass.name;
    }

    @Override
    public Member resolve(String owner, String name, String descriptor, boolean isField) {
        ClassInfo c = require(owner);
        if (isField) {
            ClassInfo.Field f = resolveField(c, name);
            return f == null ? null : new Member(f.owner().name, f.node().access);
        }
        ClassInfo.Method m = resolveMethod(c, name, descriptor);
        return m == null ? null : new Member(m.owner().name, m.node().access);
    }

    /**
     * The verifier changed {@code c}'s code (it inlines subroutines): the class bytes that bytecode offsets are
     * read from become those of the changed code, so that offsets in messages match the compiled instructions.
     */
    public void codeReplaced(ClassInfo c) {
        ClassWriter changed = new ClassWriter(0);
        c.node.accept(changed);
        classBytes.put(c.name, changed.toByteArray());
    }

    /** The class path's files under {@code directory} (not the JDK's): configuration such as META-INF/native-image. */
    public java.util.List<ClassFileLoader.Resource> resources(String directory) {
        return loader.resources(directory);
    }

    /** A resource of the JDK's run-time image: see {@link ClassFileLoader#jdkResource}. */
    public java.util.Optional<ClassFileLoader.Resource> jdkResource(String path) {
        return loader.jdkResource(path);
    }

    /** The class path's non-class files that {@code selected} accepts: see {@link ClassFileLoader#packableFiles}. */
    public java.util.List<ClassFileLoader.Resource> packableFiles(java.util.function.BiPredicate<String, Boolean> selected) {
        return loader.packableFiles(selected);
    }

    public byte[] classBytes(String name) {
        return classBytes.get(name);
    }

    Iterable<ClassInfo> all() {
        return classes.values();
    }

    // ---- layout -------------------------------------------------------------------------------------------

    /** Lays out instance fields and the vtable of {@code c} (and its superclasses); idempotent. */
    public void layout(ClassInfo c) {
        if (c.laidOut) {
            return;
        }
        c.laidOut = true;
        if (c.kind != ClassInfo.Kind.ORDINARY) {
            ClassInfo object = require(OBJECT);
            layout(object);
            c.vtable.addAll(object.vtable);
            return;
        }
        int offset = ClassInfo.HEADER_BYTES;
        if (c.superclass != null) {
            layout(c.superclass);
            offset = c.superclass.instanceSize;
            c.vtable.addAll(c.superclass.vtable);
        }
        for (FieldNode f : c.node.fields) {
            int size = ClassInfo.sizeOfDescriptor(f.desc);
            boolean isStatic = (f.access & Opcodes.ACC_STATIC) != 0;
            if (isStatic) {
                c.declaredFields.put(f.name, new ClassInfo.Field(c, f, 0, 8));
            } else {
                offset = align(offset, size);
                c.declaredFields.put(f.name, new ClassInfo.Field(c, f, offset, size));
                offset += size;
            }
        }
        c.instanceSize = align(offset, 8);
        if (c.isInterface()) {
            return;
        }
        for (MethodNode m : c.node.methods) {
            if (isVirtual(m) && !c.vtable.contains(m.name + m.desc)) {
                c.vtable.add(m.name + m.desc);
            }
        }
        // Default and abstract interface methods the class does not declare can be invoked with invokevirtual too.
        for (ClassInfo i : c.allInterfaces()) {
            for (MethodNode m : i.node.methods) {
                if (isVirtual(m) && !c.vtable.contains(m.name + m.desc)) {
                    c.vtable.add(m.name + m.desc);
                }
            }
        }
    }

    static boolean isVirtual(MethodNode m) {
        return (m.access & (Opcodes.ACC_STATIC | Opcodes.ACC_PRIVATE)) == 0 && !m.name.startsWith("<");
    }

    static int align(int value, int alignment) {
        return (value + alignment - 1) & -alignment;
    }

    // ---- resolution (JVMS §5.4.3) -------------------------------------------------------------------------

    /** Field resolution, JVMS §5.4.3.2: the class, its superinterfaces, then its superclasses. */
    public ClassInfo.Field resolveField(ClassInfo c, String fieldName) {
        for (ClassInfo k = c; k != null; k = k.superclass) {
            layout(k);
            ClassInfo.Field f = k.declaredFields.get(fieldName);
            if (f != null) {
                return f;
            }
            for (ClassInfo i : k.allInterfaces()) {
                layout(i);
                ClassInfo.Field fi = i.declaredFields.get(fieldName);
                if (fi != null) {
                    return fi;
                }
            }
        }
        return null;
    }

    /** Method resolution, JVMS §5.4.3.3 and §5.4.3.4: the class and its superclasses, then superinterfaces. */
    public ClassInfo.Method resolveMethod(ClassInfo c, String methodName, String desc) {
        if (c.kind != ClassInfo.Kind.ORDINARY) {
            c = require(OBJECT);
        }
        for (ClassInfo k = c; k != null; k = k.superclass) {
            ClassInfo.Method m = k.declaredMethod(methodName, desc);
            if (m != null) {
                return m;
            }
        }
        if (c.isInterface()) {
            ClassInfo.Method m = require(OBJECT).declaredMethod(methodName, desc);
            if (m != null && (m.node().access & Opcodes.ACC_PUBLIC) != 0 && !m.isStatic()) {
                return m;
            }
        }
        return interfaceMethod(c, methodName, desc);
    }

    /** The method a virtual call of {@code selector} runs on an instance of {@code c} (JVMS §5.4.6), or null. */
    public ClassInfo.Method dispatch(ClassInfo c, String selector) {
        int paren = selector.indexOf('(');
        String methodName = selector.substring(0, paren);
        String desc = selector.substring(paren);
        if (c.kind != ClassInfo.Kind.ORDINARY) {
            c = require(OBJECT);
        }
        for (ClassInfo k = c; k != null; k = k.superclass) {
            ClassInfo.Method m = k.declaredMethod(methodName, desc);
            if (m != null && !m.isStatic() && !m.isPrivate()) {
                return m.isAbstract() ? null : m;
            }
        }
        ClassInfo.Method m = interfaceMethod(c, methodName, desc);
        return m == null || m.isAbstract() ? null : m;
    }

    /** A maximally-specific superinterface method, preferring one with a body (JVMS §5.4.3.3 step 3). */
    private ClassInfo.Method interfaceMethod(ClassInfo c, String methodName, String desc) {
        ClassInfo.Method candidate = null;
        for (ClassInfo i : c.allInterfaces()) {
            ClassInfo.Method m = i.declaredMethod(methodName, desc);
            if (m == null || m.isStatic() || m.isPrivate()) {
                continue;
            }
            if (candidate == null || (candidate.isAbstract() && !m.isAbstract())
                    || (!m.isAbstract() && m.owner().isSubtypeOf(candidate.owner()))) {
                candidate = m;
            }
        }
        return candidate;
    }
}
