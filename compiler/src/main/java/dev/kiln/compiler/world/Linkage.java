package dev.kiln.compiler.world;

import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.FieldInsnNode;
import org.objectweb.asm.tree.MethodInsnNode;

/**
 * The linkage rules a field or method reference must pass before its instruction can run (JVMS §5.4.3.2,
 * §5.4.3.3, §5.4.3.4 resolution; §5.4.4 access control; the linking exceptions of each instruction in §6.5),
 * and what HotSpot throws when one fails.
 *
 * <p>A reference that does not link is not a build error: the JVM resolves references lazily and throws when
 * the instruction first runs, so a library whose optional dependency is absent still works as long as the
 * code that needs it does not run. The compiler therefore compiles such an instruction into a call that throws
 * the same {@code LinkageError} subclass HotSpot throws, with HotSpot's message where it is fixed (JDK 17's
 * formats), and lists the reference as a warning ({@code kiln.linkAtBuildTime} makes it an error).
 * <i>Rejected</i>: failing the build (a working program with an absent optional dependency would not build, and
 * GraalVM Native Image made the same choice by default); compiling the instruction anyway (undefined behaviour:
 * a call through a wrong signature or static-ness corrupts the stack).
 *
 * <p>Access control is checked for the program's own classes (the ones the verifier checks); the host JDK's
 * and the kernel template's classes are trusted, and the classes the compiler makes for lambdas stand in for
 * HotSpot's hidden classes, which are nestmates of their host.
 */
public final class Linkage {
    /** The error a failed reference throws; docs/abi.md "Linkage errors" (the kind is its index). */
    public enum Kind {
        NO_CLASS_DEF_FOUND("NoClassDefFoundError"),
        NO_SUCH_FIELD("NoSuchFieldError"),
        NO_SUCH_METHOD("NoSuchMethodError"),
        ILLEGAL_ACCESS("IllegalAccessError"),
        INSTANTIATION("InstantiationError"),
        INCOMPATIBLE_CLASS_CHANGE("IncompatibleClassChangeError"),
        BOOTSTRAP_METHOD("BootstrapMethodError"),
        /** A native method of the JDK that Kiln's class library does not implement (JLS §8.4.3.4, JNI linking). */
        UNSATISFIED_LINK("UnsatisfiedLinkError");

        public final String errorClass;

        Kind(String errorClass) {
            this.errorClass = errorClass;
        }
    }

    /** A reference that does not link: the error it throws when it runs and the error's message. */
    public record Failure(Kind kind, String message) {
    }

    private Linkage() {
    }

    /** A field instruction's reference, resolved to {@code field} (null: none by that name). */
    public static Failure field(ClassInfo accessor, ClassInfo.Method inMethod, FieldInsnNode insn, ClassInfo owner,
                         ClassInfo.Field field, boolean checkAccess) {
        if (field == null || !field.node().desc.equals(insn.desc)) {
            return new Failure(Kind.NO_SUCH_FIELD, insn.name);
        }
        boolean isStatic = insn.getOpcode() == Opcodes.GETSTATIC || insn.getOpcode() == Opcodes.PUTSTATIC;
        String name = field.owner().javaName() + "." + insn.name;
        if (isStatic != field.isStatic()) {
            return new Failure(Kind.INCOMPATIBLE_CLASS_CHANGE, (isStatic ? "Expected static field " : "Expected non-static field ")
                    + name);
        }
        if (!checkAccess) {
            return null;
        }
        Failure denied = access(accessor, owner, field.owner(), field.node().access, "field " + name);
        if (denied != null) {
            return denied;
        }
        boolean isPut = insn.getOpcode() == Opcodes.PUTSTATIC || insn.getOpcode() == Opcodes.PUTFIELD;
        if (isPut && (field.node().access & Opcodes.ACC_FINAL) != 0) {
            // JVMS §6.5 putfield/putstatic: a final field is set only by its class's initializer methods
            String initializer = isStatic ? "<clinit>" : "<init>";
            if (field.owner() != accessor) {
                return new Failure(Kind.ILLEGAL_ACCESS, "Update to " + (isStatic ? "static" : "non-static") + " final field "
                        + name + " attempted from a different class (" + accessor.javaName() + ") than the field's"
                        + " declaring class");
            }
            if ((accessor.node.version & 0xFFFF) >= Opcodes.V9 && !inMethod.node().name.equals(initializer)) {
                return new Failure(Kind.ILLEGAL_ACCESS, "Update to " + (isStatic ? "static" : "non-static") + " final field "
                        + name + " attempted from a different method (" + inMethod.node().name + ") than the initializer"
                        + " method " + initializer);
            }
        }
        return null;
    }

    /** A method instruction's reference, resolved to {@code target} (null: no such method). */
    public static Failure method(ClassInfo accessor, MethodInsnNode insn, ClassInfo owner, ClassInfo.Method target,
                          boolean checkAccess) {
        if (owner.kind == ClassInfo.Kind.ORDINARY && insn.itf != owner.isInterface()) {
            // §5.4.3.3 and §5.4.3.4: a Methodref must name a class, an InterfaceMethodref an interface
            return new Failure(Kind.INCOMPATIBLE_CLASS_CHANGE, "Found " + (owner.isInterface() ? "interface " : "class ")
                    + owner.javaName() + ", but " + (insn.itf ? "interface" : "class") + " was expected");
        }
        if (target == null) {
            return new Failure(Kind.NO_SUCH_METHOD, "'" + signature(owner, insn.name, insn.desc) + "'");
        }
        boolean isStatic = insn.getOpcode() == Opcodes.INVOKESTATIC;
        if (isStatic != target.isStatic()) {
            return new Failure(Kind.INCOMPATIBLE_CLASS_CHANGE, (isStatic ? "Expected static method '" : "Expecting non-static method '")
                    + signature(target.owner(), insn.name, insn.desc) + "'");
        }
        if (!checkAccess) {
            return null;
        }
        return access(accessor, owner, target.owner(), target.node().access,
                "method '" + signature(target.owner(), insn.name, insn.desc) + "'");
    }

    /** JVMS §5.4.4: may code in {@code accessor} use a member of {@code declarer} referenced through {@code owner}? */
    private static Failure access(ClassInfo accessor, ClassInfo owner, ClassInfo declarer, int access, String member) {
        if (owner.kind == ClassInfo.Kind.ORDINARY && (owner.node.access & Opcodes.ACC_PUBLIC) == 0
                && !samePackage(accessor, owner)) {
            return new Failure(Kind.ILLEGAL_ACCESS, "failed to access class " + owner.javaName() + " from class "
                    + accessor.javaName());
        }
        boolean allowed;
        if ((access & Opcodes.ACC_PUBLIC) != 0) {
            allowed = true;
        } else if ((access & Opcodes.ACC_PRIVATE) != 0) {
            allowed = nestHost(accessor).equals(nestHost(declarer));
        } else if ((access & Opcodes.ACC_PROTECTED) != 0) {
            allowed = samePackage(accessor, declarer) || accessor.isSubtypeOf(declarer);
        } else {
            allowed = samePackage(accessor, declarer);
        }
        if (allowed) {
            return null;
        }
        String level = (access & Opcodes.ACC_PRIVATE) != 0 ? "private " : (access & Opcodes.ACC_PROTECTED) != 0
                ? "protected " : "";
        return new Failure(Kind.ILLEGAL_ACCESS, "class " + accessor.javaName() + " tried to access " + level + member);
    }

    /** JVMS §5.4.4: private members are shared by the classes of one nest (Java 11+). */
    private static String nestHost(ClassInfo c) {
        return c.node != null && c.node.nestHostClass != null ? c.node.nestHostClass : c.name;
    }

    private static boolean samePackage(ClassInfo a, ClassInfo b) {
        return packageOf(a.name).equals(packageOf(b.name));
    }

    private static String packageOf(String internalName) {
        int slash = internalName.lastIndexOf('/');
        return slash < 0 ? "" : internalName.substring(0, slash);
    }

    /** {@code new C} of an abstract class or an interface: InstantiationError (JVMS §6.5 new), or null. */
    public static Failure instantiation(ClassInfo c) {
        return c.isAbstract() || c.isInterface() ? new Failure(Kind.INSTANTIATION, c.javaName()) : null;
    }

    /** HotSpot's form of a method in its messages: "void demo.Lib.m(int, java.lang.String)". */
    public static String signature(ClassInfo owner, String name, String desc) {
        StringBuilder s = new StringBuilder(Type.getReturnType(desc).getClassName()).append(' ')
                .append(owner.javaName()).append('.').append(name).append('(');
        Type[] arguments = Type.getArgumentTypes(desc);
        for (int i = 0; i < arguments.length; i++) {
            s.append(i == 0 ? "" : ", ").append(arguments[i].getClassName());
        }
        return s.append(')').toString();
    }
}
