package dev.kiln.compiler.stackmaps;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.BitSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.InsnNode;
import org.objectweb.asm.tree.IntInsnNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.TypeInsnNode;
import org.objectweb.asm.tree.VarInsnNode;
import org.objectweb.asm.tree.analysis.Analyzer;
import org.objectweb.asm.tree.analysis.BasicInterpreter;
import org.objectweb.asm.tree.analysis.BasicValue;
import org.objectweb.asm.tree.analysis.Frame;

/** The baseline's maps from ASM's frames: which slots, which bits. */
class BaselineStackMapsTest {
    /**
     * {@code static Object m(Object a, long b, int c)}: local 4 = a String, local 5 = an int; then
     * {@code a, 7, m2(a, c)} with {@code a} and 7 left on the operand stack under the call.
     */
    private static MethodNode method() {
        MethodNode m = new MethodNode(Opcodes.ACC_STATIC, "m", "(Ljava/lang/Object;JI)Ljava/lang/Object;", null, null);
        m.instructions.add(new TypeInsnNode(Opcodes.NEW, "java/lang/String"));
        m.instructions.add(new InsnNode(Opcodes.DUP));
        m.instructions.add(new MethodInsnNode(Opcodes.INVOKESPECIAL, "java/lang/String", "<init>", "()V"));
        m.instructions.add(new VarInsnNode(Opcodes.ASTORE, 4));
        m.instructions.add(new IntInsnNode(Opcodes.BIPUSH, 3));
        m.instructions.add(new VarInsnNode(Opcodes.ISTORE, 5));
        m.instructions.add(new VarInsnNode(Opcodes.ALOAD, 0));
        m.instructions.add(new IntInsnNode(Opcodes.BIPUSH, 7));
        m.instructions.add(new VarInsnNode(Opcodes.ALOAD, 0));
        m.instructions.add(new VarInsnNode(Opcodes.ILOAD, 3));
        m.instructions.add(new MethodInsnNode(Opcodes.INVOKESTATIC, "C", "m2", "(Ljava/lang/Object;I)I"));
        m.instructions.add(new InsnNode(Opcodes.POP));
        m.instructions.add(new InsnNode(Opcodes.POP));
        m.instructions.add(new InsnNode(Opcodes.ARETURN));
        m.maxLocals = 6;
        m.maxStack = 4;
        return m;
    }

    @Test
    void callMapsDescribeTypedSlots() throws Exception {
        MethodNode m = method();
        Frame<BasicValue>[] frames = new Analyzer<>(new BasicInterpreter()).analyze("C", m);
        AbstractInsnNode call = m.instructions.get(10);
        Frame<BasicValue> frame = frames[10];
        assertEquals(4, frame.getStackSize());
        assertEquals(2, BaselineStackMaps.untouchedStackEntries(call, frame), "the call pops its two arguments");
        // locals 0 (a), 1-2 (b), 3 (c) are arguments in machine slots 0, 1, 2; locals 4, 5 are local slots 0, 1
        BaselineStackMaps maps = new BaselineStackMaps(4, new int[] {0, 1, -1, 2}, 3, 2, 100, 1);
        maps.record(List.of(50, 130), frames[0], 0, false); // the prologue's check: arguments only
        maps.record(List.of(50, 130, 160), frame, BaselineStackMaps.untouchedStackEntries(call, frame), true);
        BitSet prologue = new BitSet();
        prologue.set(0);
        BitSet atCall = new BitSet();
        atCall.set(0); // argument a
        atCall.set(3); // local 4: the String
        atCall.set(5); // stack entry 0: a again; entry 1, the int 7, is not a reference
        assertEquals(List.of(new StackMap(30, false, 0, prologue), new StackMap(60, true, 2, atCall)), maps.maps());
    }

    @Test
    void aNewObjectUnderItsConstructorCallIsAReference() throws Exception {
        MethodNode m = method();
        Frame<BasicValue>[] frames = new Analyzer<>(new BasicInterpreter()).analyze("C", m);
        Frame<BasicValue> frame = frames[2]; // invokespecial <init>: new, dup on the stack
        assertEquals(1, BaselineStackMaps.untouchedStackEntries(m.instructions.get(2), frame));
        BaselineStackMaps maps = new BaselineStackMaps(4, new int[] {0, 1, -1, 2}, 3, 2, 0, 0);
        maps.record(List.of(12), frame, 1, true);
        BitSet expected = new BitSet();
        expected.set(0);
        expected.set(5);
        assertEquals(List.of(new StackMap(12, true, 1, expected)), maps.maps());
    }
}
