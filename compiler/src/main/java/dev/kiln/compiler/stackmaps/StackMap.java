package dev.kiln.compiler.stackmaps;

import java.util.BitSet;

/**
 * Which words of a compiled method's frame hold references while a call made at one safepoint runs: the call's
 * return address (an offset from the method's first byte) keys it (docs/abi.md "Stack maps").
 *
 * <p>A frame is described in three parts, each a run of 8-byte slots relative to {@code rbp}:
 * <pre>
 *   rbp + 16 + 8*(n-1-i)     argument slot i of n (receiver = 0), where the caller pushed it
 *   rbp + 8, rbp             return address, caller's rbp (never described)
 *   rbp - 8*(j+1)            local (baseline) or spill slot (optimized) j of L = localsBytes / 8
 *   rbp - 8*L - 8*(j+1)      operand-stack slot (baseline) or register pushed around the call (optimized) j of s
 * </pre>
 * The bit of a described slot is set when the slot holds a reference or null there, clear when it holds anything
 * else or nothing the method will read again. Words a map does not describe (a call's own arguments, which the
 * callee's map describes; what a template pushed for a runtime call) are not claimed either way.
 *
 * @param returnOffset   the call's return address minus the method's code start
 * @param frameAllocated false in the prologue's stack check, before the locals exist: only the arguments are
 *                       described (the words under {@code rbp} belong to the callee then)
 * @param stackSlots     s, the operand-stack or pushed slots described (0 when the frame is not allocated)
 * @param references     bit b set: slot b holds a reference; b counts arguments, then locals, then stack slots
 */
public record StackMap(int returnOffset, boolean frameAllocated, int stackSlots, BitSet references) {
    public StackMap {
        if (!frameAllocated && stackSlots != 0) {
            throw new IllegalArgumentException("a frame that is not allocated has no stack slots");
        }
        references = (BitSet) references.clone();
    }

    @Override
    public BitSet references() {
        return (BitSet) references.clone();
    }
}
