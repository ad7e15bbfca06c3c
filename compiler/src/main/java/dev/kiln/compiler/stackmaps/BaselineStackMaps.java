package dev.kiln.compiler.stackmaps;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.analysis.AnalyzerException;
import org.objectweb.asm.tree.analysis.BasicInterpreter;
import org.objectweb.asm.tree.analysis.BasicValue;
import org.objectweb.asm.tree.analysis.Frame;

/**
 * The stack maps of a baseline-compiled method (docs/abi.md "Stack maps"), from the types ASM's {@code Analyzer}
 * gives each local and operand-stack entry before every instruction. Every JVM value is one machine slot in the
 * baseline (docs/abi.md "Values and frames"), so JVM local {@code j >= argumentLocals} is local slot
 * {@code j - argumentLocals} and operand-stack entry {@code d} (0 = bottom) is stack slot {@code d}.
 *
 * <p>A call inside an instruction's template runs after the template has popped some of the instruction's
 * operands into registers and pushed others, or the runtime routine's arguments: so only the entries the
 * instruction does not pop ({@link #untouchedStackEntries}) are described; the words above them are the callee's
 * arguments (described by the callee's own map) or template words that no map claims.
 *
 * <p>A local that the analysis types as a reference holds one on every path to the call (JVMS §4.10.2.2);
 * one it cannot type (never written on some path, or an int on one and a reference on another) is described as
 * no reference: the method reads it again only after a store, so whatever it holds is dead.
 */
public final class BaselineStackMaps {
    private final int argumentLocals;
    private final int[] argumentSlotOfLocal;
    private final int argumentSlots;
    private final int localSlots;
    private final int codeStart;
    private final List<StackMap> maps = new ArrayList<>();
    /** How many of the assembler's calls have been dealt with. */
    private int recordedCalls;

    /**
     * @param argumentSlotOfLocal for each JVM local index below {@code argumentLocals}, its machine argument slot
     *                            (the second half of a long or double: unused)
     * @param codeStart           the method's first byte in the assembler
     * @param callsBefore         the assembler's calls emitted before the method
     */
    public BaselineStackMaps(int argumentLocals, int[] argumentSlotOfLocal, int argumentSlots, int localSlots,
                             int codeStart, int callsBefore) {
        this.argumentLocals = argumentLocals;
        this.argumentSlotOfLocal = argumentSlotOfLocal.clone();
        this.argumentSlots = argumentSlots;
        this.localSlots = localSlots;
        this.codeStart = codeStart;
        this.recordedCalls = callsBefore;
    }

    public int argumentSlots() {
        return argumentSlots;
    }

    /**
     * Gives every call emitted since the last record the map of {@code frame} with its {@code stackEntries}
     * lowest operand-stack entries described; {@code frameAllocated} false in the prologue (arguments only).
     */
    public void record(List<Integer> callReturnOffsets, Frame<BasicValue> frame, int stackEntries,
                       boolean frameAllocated) {
        for (; recordedCalls < callReturnOffsets.size(); recordedCalls++) {
            BitSet references = new BitSet();
            for (int local = 0; local < argumentLocals; local++) {
                if (isReference(frame.getLocal(local))) {
                    references.set(argumentSlotOfLocal[local]);
                }
            }
            if (frameAllocated) {
                for (int j = 0; j < localSlots; j++) {
                    if (isReference(frame.getLocal(argumentLocals + j))) {
                        references.set(argumentSlots + j);
                    }
                }
                for (int d = 0; d < stackEntries; d++) {
                    if (isReference(frame.getStack(d))) {
                        references.set(argumentSlots + localSlots + d);
                    }
                }
            }
            maps.add(new StackMap(callReturnOffsets.get(recordedCalls) - codeStart, frameAllocated,
                    frameAllocated ? stackEntries : 0, references));
        }
    }

    /** Leaves the calls emitted since the last record without a map: their frames are scanned conservatively. */
    public void skip(List<Integer> callReturnOffsets) {
        recordedCalls = callReturnOffsets.size();
    }

    public List<StackMap> maps() {
        return List.copyOf(maps);
    }

    /** The operand-stack entries of {@code frame} (before {@code insn}) that {@code insn} does not pop. */
    public static int untouchedStackEntries(AbstractInsnNode insn, Frame<BasicValue> frame) {
        PopCounter counter = new PopCounter(frame);
        try {
            counter.execute(insn, new BasicInterpreter());
        } catch (AnalyzerException e) {
            throw new IllegalStateException("the analyzed frame does not fit its instruction", e);
        }
        return frame.getStackSize() - counter.pops;
    }

    private static boolean isReference(BasicValue value) {
        return value != null && value.isReference();
    }

    /** A copy of a frame that counts what an instruction pops from it. */
    private static final class PopCounter extends Frame<BasicValue> {
        private int pops;

        PopCounter(Frame<BasicValue> frame) {
            super(frame);
        }

        @Override
        public BasicValue pop() {
            pops++;
            return super.pop();
        }
    }
}
