package dev.kiln.compiler.world;

import java.util.ListIterator;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.FieldInsnNode;
import org.objectweb.asm.tree.FieldNode;
import org.objectweb.asm.tree.LdcInsnNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.TypeInsnNode;

/**
 * Method-level substitution in JDK classes (docs/compiler.md "The class library"). Where Kiln needs a JDK
 * class to behave differently in a few static methods only, the kernel template does not replace the class:
 * it declares {@code kiln.lib.patches.<the JDK class's name>} with static methods of the same names and
 * descriptors, and when the closed world loads the JDK class, each of those methods' code takes the place of
 * the JDK's. Everything else in the class stays the JDK's bytecode. A patch method's code is moved into the
 * JDK class, so it must not refer to its own patch class; it calls the real implementation elsewhere.
 * <p>One exception: a static field the patch class declares with the name and type of a static field of the JDK
 * class stands for that field (javac would not let the patch name the JDK class's private fields, which its code
 * can read once it is moved there), and the patch's accesses to it become accesses to the JDK's field.
 * <p>An instance method is replaced by a static patch method whose first parameter is the JDK class: the
 * receiver, in local 0 either way (JVMS §2.6.1), so the code moves unchanged; it reaches the instance through the
 * class's accessible members only, since javac compiled it outside the class.
 * <i>Rejected</i>: substituting the whole class (the rule for classes whose bytecode reaches into the VM),
 * which would mean keeping dozens of unrelated methods in step with the JDK; and rewriting call sites, which
 * would miss calls made through method references and from the JDK's own bytecode.
 */
final class JdkMethodPatches {
    private JdkMethodPatches() {
    }

    /** Replaces the code of each static method of {@code target} that {@code patch} declares. */
    static void apply(ClassNode target, ClassNode patch) {
        for (MethodNode replacement : patch.methods) {
            if (replacement.name.equals("<init>")) {
                continue; // the patch class's own (private) constructor
            }
            String where = "patch " + patch.name.replace('/', '.') + "." + replacement.name + replacement.desc;
            if ((replacement.access & Opcodes.ACC_STATIC) == 0 || replacement.name.equals("<clinit>")) {
                throw new IllegalStateException(where + " must be a static method other than a static initializer");
            }
            redirectStandInFields(target, patch, replacement);
            refusesSelfReference(where, patch.name, replacement);
            String instanceDesc = instanceDescriptor(target.name, replacement.desc);
            ListIterator<MethodNode> methods = target.methods.listIterator();
            boolean replaced = false;
            while (methods.hasNext() && !replaced) {
                MethodNode original = methods.next();
                boolean isStatic = (original.access & Opcodes.ACC_STATIC) != 0;
                if (original.name.equals(replacement.name)
                        && (isStatic ? original.desc.equals(replacement.desc) : original.desc.equals(instanceDesc))) {
                    replacement.access = original.access & ~Opcodes.ACC_NATIVE;
                    replacement.desc = original.desc;
                    methods.set(replacement);
                    replaced = true;
                }
            }
            if (!replaced) {
                throw new IllegalStateException(where + " has no method to replace in the JDK's "
                        + target.name.replace('/', '.') + " (did the JDK rename or remove it?)");
            }
        }
    }

    /**
     * The descriptor of the instance method that a static patch method of descriptor {@code staticDesc} replaces
     * (its first parameter, the receiver, of type {@code target}, dropped), or null if it takes no such receiver.
     */
    private static String instanceDescriptor(String target, String staticDesc) {
        String receiver = "(L" + target + ";";
        return staticDesc.startsWith(receiver) ? "(" + staticDesc.substring(receiver.length()) : null;
    }

    /** Points {@code method}'s accesses to the patch's stand-in fields at the JDK class's fields they stand for. */
    private static void redirectStandInFields(ClassNode target, ClassNode patch, MethodNode method) {
        for (AbstractInsnNode insn : method.instructions) {
            if (insn instanceof FieldInsnNode field && field.owner.equals(patch.name)
                    && patch.fields.stream().anyMatch(f -> isStandIn(f, field))
                    && target.fields.stream().anyMatch(f -> isStandIn(f, field))) {
                field.owner = target.name;
            }
        }
    }

    private static boolean isStandIn(FieldNode declared, FieldInsnNode access) {
        return (declared.access & Opcodes.ACC_STATIC) != 0 && declared.name.equals(access.name)
                && declared.desc.equals(access.desc);
    }

    private static void refusesSelfReference(String where, String patchClass, MethodNode method) {
        for (AbstractInsnNode insn : method.instructions) {
            String owner = insn instanceof MethodInsnNode call ? call.owner
                    : insn instanceof FieldInsnNode field ? field.owner
                    : insn instanceof TypeInsnNode type ? type.desc
                    : insn instanceof LdcInsnNode ldc && ldc.cst instanceof Type type ? type.getInternalName()
                    : null;
            if (patchClass.equals(owner)) {
                throw new IllegalStateException(where + " refers to its own patch class, which does not exist"
                        + " once the method is moved into the JDK class; call a class elsewhere instead");
            }
        }
    }
}
