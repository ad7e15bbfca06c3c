package kiln.kernel.memory;

import kiln.kernel.boot.BootInformation;
import kiln.kernel.cpu.Panic;
import kiln.kernel.drivers.Serial;
import kiln.runtime.Intrinsics;
import kiln.runtime.MethodTable;

/**
 * The collector's roots in a tasklet's stack, read with the compiler's stack maps (docs/abi.md "Stack maps")
 * where a frame has one, conservatively elsewhere; and the verification of those maps against the stack.
 *
 * <h2>Modes</h2>
 * A word on the kernel command line picks how {@link GarbageCollector} treats stack words
 * (on the hosted target: a process argument):
 * <dl>
 *   <dt>(none)</dt><dd>conservative: every word of every stack, as the collector's design comment describes.</dd>
 *   <dt>{@code kiln.gc=precise}</dt><dd>every frame that has a map at the call it is stopped at is scanned by the
 *       map: a word it describes as a reference is followed, a word it describes as no reference is skipped, a word
 *       it does not describe is scanned conservatively. Frames without a map (kernel code, the stack switch, class
 *       initialization routines, a fault's throw) and the words between frames are scanned conservatively.</dd>
 *   <dt>{@code kiln.gc=verify}</dt><dd>the collection marks as in {@code precise}, drains, and then checks the
 *       maps: (a) every slot a map calls a reference holds null, the start of a heap object or an address in the
 *       image; (b) the words a map calls no reference but that point at a heap object are counted, and the objects
 *       that only such words keep alive are counted apart, then marked all the same, so the program runs as under
 *       the conservative scan. A map that breaks (a), or that describes words below the call's arguments, panics
 *       with the method, the return offset and the slot. {@link #report} prints the counts at the end.</dd>
 * </dl>
 *
 * <h2>The walk</h2>
 * From the stack's saved rsp up, along the rbp chain: frame {@code fp}'s method is stopped at the return address
 * {@code [callee's fp + 8]}, and its words run from the callee's (the callee's arguments, if its map describes them,
 * else from {@code callee's fp + 16}) up to the end of its own described arguments, or to {@code fp + 16}. The first
 * frame of a suspended stack is {@code Stacks.switchTo}'s ({@code [saved rsp]} its rbp, {@code [saved rsp + 8]} its
 * resume point); that of the stack that allocated is found by following the rbp chain from the collector's frame
 * off the system stack ({@code Stacks.growCurrent} relies on the same link).
 *
 * <p><i>Rejected</i>: trusting the maps only when every frame of a stack has one (the first wording). A
 * stack's outermost frames are always kernel code (Kernel.start, a tasklet's entry, the switch), so no stack would
 * qualify; frame by frame, with conservative words wherever no map speaks, gives the same guarantee per word.
 * Registers need no map: every collection starts in a call that clobbers every register, and compiled code keeps
 * nothing in a register across one; a value kept in a callee-saved register across register calls between
 * optimized methods is pushed by the prologue of the method on the way that makes such a call, in the first
 * locals its map leaves undescribed (docs/abi.md "Register calls between optimized methods", "Stack maps").
 */
public final class StackRoots {
    private static final int CONSERVATIVE = 0;
    private static final int PRECISE = 1;
    private static final int VERIFY = 2;

    private static int mode;
    private static long collections;
    private static long frames;
    private static long mappedFrames;
    private static long referenceSlots;
    private static long nonReferenceWordsToObjects;
    private static long objectsKeptOnlyByNonReferenceWords;
    private static long undescribedWordsToObjects;

    private StackRoots() {}

    /** Reads the mode from the command line; called once at boot, before anything can collect. */
    public static void configure() {
        mode = BootInformation.commandLineHas("kiln.gc=verify") ? VERIFY
                : BootInformation.commandLineHas("kiln.gc=precise") ? PRECISE : CONSERVATIVE;
    }

    /** Whether stacks are walked frame by frame (otherwise every word is scanned). */
    static boolean byFrames() {
        return mode != CONSERVATIVE;
    }

    static void beginCollection() {
        collections++;
    }

    /**
     * Marks the roots in the stack words [{@code sp}, {@code top}), whose innermost frame has rbp {@code fp} and is
     * stopped at {@code pc} (0: unknown). In verify mode, {@code secondPass} marks what the words described as no
     * reference keep alive, after the first pass's marks are drained.
     */
    static void markStack(long sp, long top, long fp, long pc, boolean secondPass) {
        long low = sp;
        while (fp != 0 && fp >= low && fp < top) {
            if (pc != 0 && StackMapReader.find(pc)) {
                long end = fp + 16 + 8 * StackMapReader.argumentSlots();
                if (StackMapReader.lowestDescribed(fp) < low) {
                    fail("describes words below its call's arguments", pc, StackMapReader.lowestDescribed(fp), 0);
                }
                if (!secondPass) {
                    mappedFrames++;
                    frames++;
                }
                for (long word = low; word < end; word += 8) {
                    markDescribed(fp, pc, word, secondPass);
                }
                low = end;
            } else {
                if (!secondPass) {
                    frames++;
                    GarbageCollector.markWords(low, fp + 16);
                }
                low = fp + 16;
            }
            pc = Intrinsics.readLong(fp + 8);
            fp = Intrinsics.readLong(fp);
        }
        if (!secondPass) {
            GarbageCollector.markWords(low, top);
        }
    }

    private static void markDescribed(long fp, long pc, long word, boolean secondPass) {
        int described = StackMapReader.describe(fp, word);
        long value = Intrinsics.readLong(word);
        if (secondPass) {
            if (described == StackMapReader.NOT_REFERENCE && GarbageCollector.isObjectStart(value)) {
                nonReferenceWordsToObjects++;
                if (!GarbageCollector.isLive(value)) {
                    objectsKeptOnlyByNonReferenceWords++;
                    GarbageCollector.markWords(word, word + 8);
                }
            }
            return;
        }
        if (described == StackMapReader.REFERENCE) {
            if (mode == VERIFY) {
                referenceSlots++;
                if (value != 0 && !GarbageCollector.isObjectStart(value) && !inImage(value)) {
                    fail("calls a slot a reference that holds neither null nor an object", pc, word, value);
                }
            }
            GarbageCollector.markWords(word, word + 8);
        } else if (described == StackMapReader.UNDESCRIBED) {
            if (mode == VERIFY && GarbageCollector.isObjectStart(value)) {
                undescribedWordsToObjects++;
            }
            GarbageCollector.markWords(word, word + 8);
        }
    }

    /** Whether the second pass of verify mode runs. */
    static boolean verifying() {
        return mode == VERIFY;
    }

    /** An 8-aligned address in the image: an image-heap object (a string literal, a Class object). */
    private static boolean inImage(long address) {
        return (address & 7) == 0 && address >= Intrinsics.symbol("__kernel_start")
                && address < Intrinsics.symbol("__kernel_end");
    }

    private static void fail(String what, long pc, long slot, long value) {
        long entry = MethodTable.find(pc - 1);
        Serial.writeAscii("\nkiln: panic: the stack map of ");
        Serial.writeAscii(MethodTable.name(entry));
        Serial.writeAscii(" at return offset ");
        Serial.writeDecimal(pc - MethodTable.codeStart(entry));
        Serial.writeAscii(" ");
        Serial.writeAscii(what);
        Serial.writeAscii(": slot ");
        Serial.writeDecimal(slot);
        Serial.writeAscii(", value ");
        Serial.writeDecimal(value);
        Panic.endWithCallers();
    }

    /** In verify mode, one line of counts on the console: {@code kiln: gc verify: ...}. */
    public static void report() {
        if (mode != VERIFY) {
            return;
        }
        Serial.writeAscii("kiln: gc verify: collections ");
        Serial.writeDecimal(collections);
        Serial.writeAscii(", frames ");
        Serial.writeDecimal(frames);
        Serial.writeAscii(", with maps ");
        Serial.writeDecimal(mappedFrames);
        Serial.writeAscii(", reference slots checked ");
        Serial.writeDecimal(referenceSlots);
        Serial.writeAscii(", non-reference slots pointing at objects ");
        Serial.writeDecimal(nonReferenceWordsToObjects);
        Serial.writeAscii(" (objects only they kept ");
        Serial.writeDecimal(objectsKeptOnlyByNonReferenceWords);
        Serial.writeAscii("), undescribed words pointing at objects ");
        Serial.writeDecimal(undescribedWordsToObjects);
        Serial.writeAscii("\n");
    }
}
