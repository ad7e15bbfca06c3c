package dev.kiln.compiler.analysis;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.InsnNode;
import org.objectweb.asm.tree.IntInsnNode;
import org.objectweb.asm.tree.LabelNode;
import org.objectweb.asm.tree.LdcInsnNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.VarInsnNode;
import org.objectweb.asm.tree.analysis.Analyzer;
import org.objectweb.asm.tree.analysis.AnalyzerException;
import org.objectweb.asm.tree.analysis.BasicVerifier;

/** Which runs of constant element stores ConstantArrayLowering copies from a literal, and the bytes it copies. */
class ConstantArrayLoweringTest {
    /** javac's code for this initializer is what the lowering is for. */
    static int[] javacInitializer() {
        return new int[] {1, -2, 0x12345678, Integer.MIN_VALUE, 5};
    }

    @Test
    void javacsIntInitializerBecomesOneCopy() throws Exception {
        ClassNode c = new ClassNode();
        try (InputStream in = ConstantArrayLoweringTest.class.getResourceAsStream("ConstantArrayLoweringTest.class")) {
            new ClassReader(in).accept(c, 0);
        }
        MethodNode m = c.methods.stream().filter(n -> n.name.equals("javacInitializer")).findFirst().orElseThrow();
        assertEquals(1, ConstantArrayLowering.lower(m));
        assertEquals(0, count(m, Opcodes.IASTORE));
        assertEquals(List.<Object>of(0, bytes(ByteBuffer.allocate(20).order(ByteOrder.LITTLE_ENDIAN)
                .putInt(1).putInt(-2).putInt(0x12345678).putInt(Integer.MIN_VALUE).putInt(5)), 20), copyOperands(m));
        verify(m, "()[I");
    }

    @Test
    void storesNarrowAndFloatsKeepTheirBits() throws Exception {
        MethodNode booleans = method(6, Opcodes.T_BOOLEAN, Opcodes.BASTORE, 0, 1, 2, 3, -1, 0);
        assertEquals(1, ConstantArrayLowering.lower(booleans));
        assertEquals(List.<Object>of(0, ConstantArrayLowering.chars(new byte[] {0, 1, 0, 1, 1, 0}, 6), 6),
                copyOperands(booleans));
        verify(booleans, "()[Z");

        MethodNode chars = method(4, Opcodes.T_CHAR, Opcodes.CASTORE, 0x10041, -1, 0x4e2d, 'a');
        ConstantArrayLowering.lower(chars);
        assertEquals("\u0041\uffff\u4e2d\u0061", copyOperands(chars).get(1));

        MethodNode bytes = method(5, Opcodes.T_BYTE, Opcodes.BASTORE, 1, 255, -128, 0x1ff, 3);
        ConstantArrayLowering.lower(bytes);
        assertEquals(List.<Object>of(0, "\uff01\uff80\u0003", 5), copyOperands(bytes));

        MethodNode longs = method(4, Opcodes.T_LONG, Opcodes.LASTORE, Long.MIN_VALUE, -1L, 0L, 0x0102030405060708L);
        ConstantArrayLowering.lower(longs);
        assertEquals(bytes(ByteBuffer.allocate(32).order(ByteOrder.LITTLE_ENDIAN).putLong(Long.MIN_VALUE)
                .putLong(-1L).putLong(0L).putLong(0x0102030405060708L)), copyOperands(longs).get(1));
        verify(longs, "()[J");

        MethodNode doubles = method(4, Opcodes.T_DOUBLE, Opcodes.DASTORE, -0.0, Double.NaN, 1.5, Double.MIN_VALUE);
        ConstantArrayLowering.lower(doubles);
        assertEquals(bytes(ByteBuffer.allocate(32).order(ByteOrder.LITTLE_ENDIAN).putLong(0x8000000000000000L)
                .putLong(0x7ff8000000000000L).putDouble(1.5).putLong(1L)), copyOperands(doubles).get(1));

        float payloadNaN = Float.intBitsToFloat(0x7fc12345);
        MethodNode floats = method(4, Opcodes.T_FLOAT, Opcodes.FASTORE, -0.0f, payloadNaN, 2f, -1f);
        ConstantArrayLowering.lower(floats);
        assertEquals(bytes(ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN).putInt(0x80000000)
                .putInt(0x7fc12345).putFloat(2f).putFloat(-1f)), copyOperands(floats).get(1));
    }

    @Test
    void runEndsAtAComputedValueAndTheRestStays() throws Exception {
        MethodNode m = method(7, Opcodes.T_INT, Opcodes.IASTORE, 1, 2, 3, 4, null, 6, 7);
        assertEquals(1, ConstantArrayLowering.lower(m));
        assertEquals(List.<Object>of(0, bytes(ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN)
                .putInt(1).putInt(2).putInt(3).putInt(4)), 16), copyOperands(m));
        assertEquals(3, count(m, Opcodes.IASTORE));
        verify(m, "()[I");
    }

    @Test
    void leavesAloneWhatCouldThrowOrIsTooShort() throws Exception {
        // An index at the length: that store stays and throws; the stores before it cannot, and are copied.
        MethodNode outside = method(4, Opcodes.T_INT, Opcodes.IASTORE, 1, 2, 3, 4, 5);
        assertEquals(1, ConstantArrayLowering.lower(outside));
        assertEquals(1, count(outside, Opcodes.IASTORE));
        assertEquals(16, copyOperands(outside).get(2));
        MethodNode allOutside = method(3, Opcodes.T_INT, Opcodes.IASTORE, 1, 2, 3, 4);
        allOutside.instructions.set(allOutside.instructions.getFirst(), new InsnNode(Opcodes.ICONST_M1));
        assertEquals(0, ConstantArrayLowering.lower(allOutside), "a negative length");
        // Three stores are cheaper than the call.
        MethodNode shortRun = method(3, Opcodes.T_INT, Opcodes.IASTORE, 1, 2, 3);
        assertEquals(0, ConstantArrayLowering.lower(shortRun));
        // A length that is not a constant: the indexes cannot be checked.
        MethodNode unknownLength = method(5, Opcodes.T_INT, Opcodes.IASTORE, 1, 2, 3, 4, 5);
        unknownLength.instructions.set(unknownLength.instructions.getFirst(), new VarInsnNode(Opcodes.ILOAD, 0));
        assertEquals(0, ConstantArrayLowering.lower(unknownLength));
        // A label in the run (a jump target or a try range's edge) ends it.
        MethodNode labelled = method(5, Opcodes.T_INT, Opcodes.IASTORE, 1, 2, 3, 4, 5);
        AbstractInsnNode secondStore = nth(labelled, Opcodes.IASTORE, 1);
        labelled.instructions.insert(secondStore, new LabelNode());
        assertEquals(0, ConstantArrayLowering.lower(labelled));
        assertEquals(5, count(labelled, Opcodes.IASTORE));
        // Indexes out of order.
        MethodNode shuffled = method(5, Opcodes.T_INT, Opcodes.IASTORE, 1, 2, 3, 4, 5);
        shuffled.instructions.set(nth(shuffled, Opcodes.DUP, 1).getNext(), new InsnNode(Opcodes.ICONST_4));
        assertEquals(0, ConstantArrayLowering.lower(shuffled));
    }

    /**
     * {@code static T[] m() { return new T[length] {values[0], ...}; }} in javac's shape; a null value is a
     * computed one ({@code System.identityHashCode(null)}, for int arrays).
     */
    private static MethodNode method(int length, int kind, int store, Object... values) {
        MethodNode m = new MethodNode(Opcodes.ACC_STATIC, "m", "()V", null, null);
        m.instructions.add(new LdcInsnNode(length));
        m.instructions.add(new IntInsnNode(Opcodes.NEWARRAY, kind));
        for (int i = 0; i < values.length; i++) {
            m.instructions.add(new InsnNode(Opcodes.DUP));
            m.instructions.add(new LdcInsnNode(i));
            Object v = values[i];
            if (v == null) {
                m.instructions.add(new MethodInsnNode(Opcodes.INVOKESTATIC, "java/lang/System", "identityHashCode",
                        "(Ljava/lang/Object;)I", false));
                m.instructions.insertBefore(m.instructions.getLast(), new InsnNode(Opcodes.ACONST_NULL));
            } else if (v instanceof Character ch) {
                m.instructions.add(new LdcInsnNode((int) ch));
            } else {
                m.instructions.add(new LdcInsnNode(v));
            }
            m.instructions.add(new InsnNode(store));
        }
        m.instructions.add(new InsnNode(Opcodes.ARETURN));
        m.maxStack = store == Opcodes.LASTORE || store == Opcodes.DASTORE ? 5 : 4; // javac's limit
        m.maxLocals = 1;
        return m;
    }

    /** The constant operands of the lowering's call: first byte, literal, byte count. */
    private static List<Object> copyOperands(MethodNode m) {
        for (AbstractInsnNode insn : m.instructions) {
            if (insn instanceof MethodInsnNode call && call.owner.equals(ConstantArrayLowering.HELPER_CLASS)) {
                AbstractInsnNode count = call.getPrevious();
                AbstractInsnNode literal = count.getPrevious();
                AbstractInsnNode first = literal.getPrevious();
                List<Object> operands = new ArrayList<>();
                for (AbstractInsnNode operand : List.of(first, literal, count)) {
                    operands.add(((LdcInsnNode) operand).cst);
                }
                assertEquals(Opcodes.DUP, first.getPrevious().getOpcode());
                return operands;
            }
        }
        throw new AssertionError("no call of " + ConstantArrayLowering.HELPER_CLASS);
    }

    private static String bytes(ByteBuffer buffer) {
        return ConstantArrayLowering.chars(buffer.array(), buffer.position());
    }

    private static int count(MethodNode m, int opcode) {
        int n = 0;
        for (AbstractInsnNode insn : m.instructions) {
            n += insn.getOpcode() == opcode ? 1 : 0;
        }
        return n;
    }

    private static AbstractInsnNode nth(MethodNode m, int opcode, int index) {
        int n = 0;
        for (AbstractInsnNode insn : m.instructions) {
            if (insn.getOpcode() == opcode && n++ == index) {
                return insn;
            }
        }
        throw new AssertionError("no " + index + "th instruction " + opcode);
    }

    /** The lowered code is still valid bytecode with the method's (raised) operand stack limit. */
    private static void verify(MethodNode m, String descriptor) throws AnalyzerException {
        m.desc = descriptor;
        new Analyzer<>(new BasicVerifier()).analyze("Sample", m);
    }

    @Test
    void charsPackTwoBytesLowFirst() {
        assertArrayEquals(new char[] {0x0201, 0x0003}, ConstantArrayLowering.chars(new byte[] {1, 2, 3}, 3).toCharArray());
    }
}
