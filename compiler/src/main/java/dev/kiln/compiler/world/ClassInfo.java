package dev.kiln.compiler.world;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.FieldNode;
import org.objectweb.asm.tree.MethodNode;

/**
 * One class of the closed world as the compiler sees it: its class file (for ordinary classes and interfaces),
 * or a synthesized array or primitive class, with the layout decisions of docs/abi.md ("Objects", "Class objects").
 */
public final class ClassInfo {
    public enum Kind { ORDINARY, ARRAY, PRIMITIVE }

    public static final int HEADER_BYTES = 16;
    public static final int ARRAY_LENGTH_OFFSET = 16;
    public static final int ARRAY_BASE_OFFSET = 24;

    /** Bits of {@code Class.flags}, docs/abi.md. */
    static final int FLAG_INTERFACE = 1, FLAG_ARRAY = 2, FLAG_PRIMITIVE = 4, FLAG_ABSTRACT = 8, FLAG_REFERENCE_ELEMENTS = 16;
    /** The class (an array: its element class) was read from the class path, not the JDK nor the kernel template. */
    public static final int FLAG_CLASS_PATH = 32;

    /** An instance or static field with its place. */
    public record Field(ClassInfo owner, FieldNode node, int offset, int size) {
        public boolean isStatic() {
            return (node.access & Opcodes.ACC_STATIC) != 0;
        }
    }

    /** A method and the class that declares it. */
    public record Method(ClassInfo owner, MethodNode node) {
        public String selector() {
            return node.name + node.desc;
        }

        public boolean isStatic() {
            return (node.access & Opcodes.ACC_STATIC) != 0;
        }

        public boolean isAbstract() {
            return (node.access & Opcodes.ACC_ABSTRACT) != 0;
        }

        public boolean isNative() {
            return (node.access & Opcodes.ACC_NATIVE) != 0;
        }

        public boolean isPrivate() {
            return (node.access & Opcodes.ACC_PRIVATE) != 0;
        }

        public boolean isFinal() {
            return (node.access & Opcodes.ACC_FINAL) != 0;
        }

        /** "com.example.Hello.main", the form stack traces show. */
        public String displayName() {
            return owner.javaName() + "." + node.name;
        }

        /** "com.example.Hello.main([Ljava/lang/String;)V", the form error messages show. */
        public String fullName() {
            return owner.javaName() + "." + node.name + node.desc;
        }
    }

    public final String name;
    public final Kind kind;
    public final ClassNode node;
    public final String origin;
    /** Read from the kernel template (its kernel packages and Kiln's class library), or made for one of its classes. */
    public final boolean fromKernelTemplate;
    ClassInfo superclass;
    final List<ClassInfo> directInterfaces = new ArrayList<>();
    /** Arrays: the component class. */
    ClassInfo component;

    // Layout, filled by World.layout().
    final Map<String, Field> declaredFields = new LinkedHashMap<>();
    int instanceSize;
    /** Virtual method selectors in vtable slot order. */
    final List<String> vtable = new ArrayList<>();
    private Set<ClassInfo> allInterfaces;
    boolean laidOut;

    // Read-only views for the other phases; the world alone links and lays out (World.link, World.layout).

    public ClassInfo superclass() {
        return superclass;
    }

    public List<ClassInfo> directInterfaces() {
        return Collections.unmodifiableList(directInterfaces);
    }

    /** Arrays: the component class; null otherwise. */
    public ClassInfo component() {
        return component;
    }

    /** Instance fields by name, with their offsets; filled by {@link World#layout}. */
    public Map<String, Field> declaredFields() {
        return Collections.unmodifiableMap(declaredFields);
    }

    public int instanceSize() {
        return instanceSize;
    }

    /** Virtual method selectors in vtable slot order; filled by {@link World#layout}. */
    public List<String> vtable() {
        return Collections.unmodifiableList(vtable);
    }

    ClassInfo(String name, Kind kind, ClassNode node, String origin, boolean fromKernelTemplate) {
        this.name = name;
        this.kind = kind;
        this.node = node;
        this.origin = origin;
        this.fromKernelTemplate = fromKernelTemplate;
    }

    public boolean isInterface() {
        return node != null && (node.access & Opcodes.ACC_INTERFACE) != 0;
    }

    public boolean isAbstract() {
        return node != null && (node.access & Opcodes.ACC_ABSTRACT) != 0;
    }

    public boolean isEnum() {
        return node != null && (node.access & Opcodes.ACC_ENUM) != 0 && superclass != null
                && superclass.name.equals("java/lang/Enum");
    }

    /** The field descriptor of this class: "Ljava/lang/String;", "[I", "I". */
    public String descriptor() {
        return kind == Kind.ORDINARY ? "L" + name + ";" : name;
    }

    public boolean isArray() {
        return kind == Kind.ARRAY;
    }

    /** Class.getName() form. */
    public String javaName() {
        return switch (kind) {
            case PRIMITIVE -> primitiveName(name.charAt(0));
            default -> name.replace('/', '.');
        };
    }

    public int flags() {
        int flags = 0;
        if (isInterface()) {
            flags |= FLAG_INTERFACE;
        }
        if (isAbstract()) {
            flags |= FLAG_ABSTRACT;
        }
        if (kind == Kind.ARRAY) {
            flags |= FLAG_ARRAY;
            if (component.kind != Kind.PRIMITIVE) {
                flags |= FLAG_REFERENCE_ELEMENTS;
            }
        }
        if (kind == Kind.PRIMITIVE) {
            flags |= FLAG_PRIMITIVE;
        }
        return flags;
    }

    /**
     * {@code Class.getModifiers()} as HotSpot computes it: a member class's flags from its InnerClasses entry
     * (JVMS §4.7.6), else the class file's (§4.1), without ACC_SUPER; an array's are its component's access
     * flags plus final and abstract; a primitive's public, final and abstract.
     */
    public int modifiers() {
        final int publicFinalAbstract = Opcodes.ACC_PUBLIC | Opcodes.ACC_FINAL | Opcodes.ACC_ABSTRACT;
        return switch (kind) {
            case PRIMITIVE -> publicFinalAbstract;
            case ARRAY -> (component.modifiers() & (Opcodes.ACC_PUBLIC | Opcodes.ACC_PRIVATE | Opcodes.ACC_PROTECTED))
                    | Opcodes.ACC_FINAL | Opcodes.ACC_ABSTRACT;
            default -> {
                int access = node.access;
                for (org.objectweb.asm.tree.InnerClassNode inner : node.innerClasses) {
                    if (inner.name.equals(name)) {
                        access = inner.access;
                    }
                }
                yield access & 0x761F; // public, private, protected, static, final, interface, abstract, synthetic, annotation, enum
            }
        };
    }

    /**
     * The binary internal name of the class that declares this member class ({@code Class.getDeclaringClass()}):
     * the outer_class_info of this class's own InnerClasses entry (JVMS §4.7.6), which local and anonymous
     * classes, and top-level classes, do not have; null for those.
     */
    public String declaringClassName() {
        if (node == null) {
            return null;
        }
        for (org.objectweb.asm.tree.InnerClassNode inner : node.innerClasses) {
            if (inner.name.equals(name)) {
                return inner.outerName;
            }
        }
        return null;
    }

    /** Bytes per element of an array class. */
    public int elementSize() {
        return kind == Kind.ARRAY ? sizeOfDescriptor(name.substring(1)) : 0;
    }

    public Method declaredMethod(String methodName, String desc) {
        if (node == null) {
            return null;
        }
        for (MethodNode m : node.methods) {
            if (m.name.equals(methodName) && m.desc.equals(desc)) {
                return new Method(this, m);
            }
        }
        return null;
    }

    /** Every interface this class implements or extends, transitively, superclasses' included. */
    public Set<ClassInfo> allInterfaces() {
        if (allInterfaces == null) {
            Set<ClassInfo> result = new LinkedHashSet<>();
            if (superclass != null) {
                result.addAll(superclass.allInterfaces());
            }
            for (ClassInfo i : directInterfaces) {
                result.add(i);
                result.addAll(i.allInterfaces());
            }
            allInterfaces = result;
        }
        return allInterfaces;
    }

    public boolean isSubtypeOf(ClassInfo other) {
        for (ClassInfo c = this; c != null; c = c.superclass) {
            if (c == other) {
                return true;
            }
        }
        return allInterfaces().contains(other);
    }

    static int sizeOfDescriptor(String desc) {
        return switch (desc.charAt(0)) {
            case 'Z', 'B' -> 1;
            case 'C', 'S' -> 2;
            case 'I', 'F' -> 4;
            default -> 8;
        };
    }

    public static String primitiveName(char descriptor) {
        return switch (descriptor) {
            case 'Z' -> "boolean";
            case 'B' -> "byte";
            case 'C' -> "char";
            case 'S' -> "short";
            case 'I' -> "int";
            case 'J' -> "long";
            case 'F' -> "float";
            case 'D' -> "double";
            case 'V' -> "void";
            default -> throw new IllegalArgumentException("not a primitive descriptor: " + descriptor);
        };
    }

    @Override
    public String toString() {
        return javaName();
    }
}
