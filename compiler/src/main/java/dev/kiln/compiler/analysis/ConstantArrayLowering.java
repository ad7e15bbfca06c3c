package dev.kiln.compiler.analysis;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.InsnList;
import org.objectweb.asm.tree.InsnNode;
import org.objectweb.asm.tree.IntInsnNode;
import org.objectweb.asm.tree.LdcInsnNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;

/**
 * Array initializers with constant elements become one copy from the image (docs/compiler.md "Constant array
 * initializers"). javac compiles {@code static final int[] T = {1, 2, 3}} element by element (JLS §10.6, JVMS
 * §3.9):
 * <pre>
 *   iconst_3; newarray int; dup; iconst_0; iconst_1; iastore; dup; iconst_1; iconst_2; iastore; dup; ...
 * </pre>
 * four instructions and some 30 bytes of machine code per element, which made the JDK's Unicode tables and locale
 * data several megabytes of code. A run of such stores right after a {@code newarray} of constant length — each a
 * {@code dup}, a constant index, a constant value and the array kind's store, the indexes consecutive and inside
 * the length — becomes
 * <pre>
 *   dup; ldc firstByte; ldc "elements"; ldc byteCount; invokestatic kiln/runtime/ArrayConstants.copy
 * </pre>
 * where the string literal's chars hold the elements' bytes as x86-64 lays them out in memory (little-endian,
 * Intel SDM Vol. 1 §1.3.1: the low byte of a char at the lower address), so the runtime copies them with one
 * {@code rep movsb}. Nothing observable changes: the array is fresh and only on the operand stack until the run
 * ends, so the order of its stores cannot be seen; every index is checked against the constant length here, so
 * no store of the run could throw; the values are narrowed as the stores would narrow them (JVMS §6.5
 * {@code bastore}: {@code & 1} for boolean arrays; {@code castore}, {@code sastore}: the low 16 bits) and floats
 * keep their bits, NaN payloads and {@code -0.0} included. A run that does not fit — a computed index or value, a
 * label (a jump target, an exception range's edge) in the middle — ends there; what follows stays as javac wrote it.
 *
 * <p>The lowering runs in the analysis, before {@link MethodReferences} scans the method, so the analysis and
 * both tiers see the same code and the runtime helper and the literal are reached like any other.
 *
 * <p><i>Rejected</i>: recognising the pattern in each backend (two recognisers to keep in step with each other and
 * with the analysis's view of the literals); a loop over a table of values in generated code (code per array kind,
 * no smaller than the copy); a data section of raw blobs addressed by symbols (a new kind of image data and an
 * intrinsic to take its address, where a string literal is already read-only data that every tier can load);
 * folding reference arrays of string literals the same way (their elements are literal addresses the image
 * writer relocates, and the String-array initializers this was measured on are a small part of the code).
 */
final class ConstantArrayLowering {
    static final String HELPER_CLASS = "kiln/runtime/ArrayConstants";
    static final String HELPER_METHOD = "copy";
    static final String HELPER_DESCRIPTOR = "(Ljava/lang/Object;ILjava/lang/String;I)V";
    /** Shorter runs stay: the call and the literal's headers cost about as much as three stores. */
    static final int MINIMUM_RUN = 4;

    private ConstantArrayLowering() {
    }

    /** The element kinds of {@code newarray} (JVMS §6.5 newarray, Table 6.5.newarray-A). */
    private enum Kind {
        BOOLEAN(Opcodes.BASTORE, 1), BYTE(Opcodes.BASTORE, 1), CHAR(Opcodes.CASTORE, 2), SHORT(Opcodes.SASTORE, 2),
        INT(Opcodes.IASTORE, 4), FLOAT(Opcodes.FASTORE, 4), LONG(Opcodes.LASTORE, 8), DOUBLE(Opcodes.DASTORE, 8);

        final int store;
        final int size;

        Kind(int store, int size) {
            this.store = store;
            this.size = size;
        }

        static Kind of(int newarrayOperand) {
            return switch (newarrayOperand) {
                case Opcodes.T_BOOLEAN -> BOOLEAN;
                case Opcodes.T_BYTE -> BYTE;
                case Opcodes.T_CHAR -> CHAR;
                case Opcodes.T_SHORT -> SHORT;
                case Opcodes.T_INT -> INT;
                case Opcodes.T_FLOAT -> FLOAT;
                case Opcodes.T_LONG -> LONG;
                case Opcodes.T_DOUBLE -> DOUBLE;
                default -> throw new IllegalArgumentException("newarray operand " + newarrayOperand);
            };
        }

        /** The element's bytes as the store leaves them, or false when the constant is not of this kind. */
        boolean put(ByteBuffer out, Object constant) {
            switch (this) {
                case BOOLEAN, BYTE, CHAR, SHORT, INT -> {
                    if (!(constant instanceof Integer i)) {
                        return false;
                    }
                    switch (this) {
                        case BOOLEAN -> out.put((byte) (i & 1));
                        case BYTE -> out.put(i.byteValue());
                        case CHAR, SHORT -> out.putShort(i.shortValue());
                        default -> out.putInt(i);
                    }
                }
                case FLOAT -> {
                    if (!(constant instanceof Float f)) {
                        return false;
                    }
                    out.putInt(Float.floatToRawIntBits(f));
                }
                case LONG -> {
                    if (!(constant instanceof Long l)) {
                        return false;
                    }
                    out.putLong(l);
                }
                case DOUBLE -> {
                    if (!(constant instanceof Double d)) {
                        return false;
                    }
                    out.putLong(Double.doubleToRawLongBits(d));
                }
            }
            return true;
        }
    }

    /** Rewrites the method's runs; returns how many it rewrote. */
    static int lower(MethodNode method) {
        InsnList code = method.instructions;
        int rewritten = 0;
        for (AbstractInsnNode insn = code.getFirst(); insn != null; insn = insn.getNext()) {
            if (insn.getOpcode() == Opcodes.NEWARRAY) {
                Integer length = constant(insn.getPrevious()) instanceof Integer n ? n : null;
                if (length != null && lowerRun(code, insn, Kind.of(((IntInsnNode) insn).operand), length)) {
                    rewritten++;
                }
            }
        }
        if (rewritten > 0) {
            // The call's four operands over the array: one more than the int stores' dup, index and value.
            method.maxStack += 1;
        }
        return rewritten;
    }

    private static boolean lowerRun(InsnList code, AbstractInsnNode newarray, Kind kind, int length) {
        // At most one element per four instructions, however long the array.
        int capacity = Math.max(0, Math.min(length, code.size() / 4 + 1));
        ByteBuffer bytes = ByteBuffer.allocate(capacity * kind.size).order(ByteOrder.LITTLE_ENDIAN);
        AbstractInsnNode store = newarray;
        int first = -1;
        int count = 0;
        while (true) {
            AbstractInsnNode dup = store.getNext();
            if (dup == null || dup.getOpcode() != Opcodes.DUP) {
                break;
            }
            AbstractInsnNode indexInsn = dup.getNext();
            AbstractInsnNode valueInsn = indexInsn == null ? null : indexInsn.getNext();
            AbstractInsnNode storeInsn = valueInsn == null ? null : valueInsn.getNext();
            if (storeInsn == null || storeInsn.getOpcode() != kind.store
                    || !(constant(indexInsn) instanceof Integer index)) {
                break;
            }
            if (count == 0 ? index < 0 || index >= length : index != first + count || index >= length) {
                break;
            }
            int mark = bytes.position();
            if (!kind.put(bytes, constant(valueInsn))) {
                bytes.position(mark);
                break;
            }
            if (count == 0) {
                first = index;
            }
            count++;
            store = storeInsn;
        }
        if (count < MINIMUM_RUN) {
            return false;
        }
        AbstractInsnNode end = store.getNext();
        for (AbstractInsnNode removed = newarray.getNext(); removed != end; ) {
            AbstractInsnNode next = removed.getNext();
            code.remove(removed);
            removed = next;
        }
        InsnList call = new InsnList();
        call.add(new InsnNode(Opcodes.DUP));
        call.add(new LdcInsnNode(first * kind.size));
        call.add(new LdcInsnNode(chars(bytes.array(), bytes.position())));
        call.add(new LdcInsnNode(bytes.position()));
        call.add(new MethodInsnNode(Opcodes.INVOKESTATIC, HELPER_CLASS, HELPER_METHOD, HELPER_DESCRIPTOR, false));
        code.insert(newarray, call);
        return true;
    }

    /** The bytes as chars, two to a char, the lower address in the low byte; an odd last byte padded with 0. */
    static String chars(byte[] bytes, int count) {
        StringBuilder chars = new StringBuilder((count + 1) / 2);
        for (int i = 0; i < count; i += 2) {
            int high = i + 1 < count ? bytes[i + 1] & 0xFF : 0;
            chars.append((char) ((bytes[i] & 0xFF) | high << 8));
        }
        return chars.toString();
    }

    /** The constant an instruction pushes (JVMS §6.5 iconst, bipush, sipush, ldc...), or null. */
    private static Object constant(AbstractInsnNode insn) {
        if (insn == null) {
            return null;
        }
        int op = insn.getOpcode();
        if (op >= Opcodes.ICONST_M1 && op <= Opcodes.ICONST_5) {
            return op - Opcodes.ICONST_0;
        }
        return switch (op) {
            case Opcodes.BIPUSH, Opcodes.SIPUSH -> ((IntInsnNode) insn).operand;
            case Opcodes.LCONST_0 -> 0L;
            case Opcodes.LCONST_1 -> 1L;
            case Opcodes.FCONST_0 -> 0f;
            case Opcodes.FCONST_1 -> 1f;
            case Opcodes.FCONST_2 -> 2f;
            case Opcodes.DCONST_0 -> 0d;
            case Opcodes.DCONST_1 -> 1d;
            case Opcodes.LDC -> ((LdcInsnNode) insn).cst;
            default -> null;
        };
    }
}
