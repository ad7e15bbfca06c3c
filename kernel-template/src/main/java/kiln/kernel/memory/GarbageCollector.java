package kiln.kernel.memory;

import kiln.runtime.Intrinsics;
import kiln.runtime.ObjectModel;

/**
 * A non-moving, stop-the-world mark-sweep collector with conservative roots.
 *
 * <h2>Glossary</h2>
 * <dl>
 *   <dt>granule</dt><dd>8 bytes of the object area; every object starts on one and covers a whole number of
 *       them (object sizes are multiples of 8, docs/abi.md "Objects").</dd>
 *   <dt>start bitmap</dt><dd>one bit per granule, set exactly for the granules where an allocated object starts.
 *       {@link Heap} sets the bit when it hands out memory; a sweep replaces the whole bitmap.</dd>
 *   <dt>mark bitmap</dt><dd>the same shape, set during marking for the objects found reachable. After marking it
 *       <em>is</em> the start bitmap of the surviving heap, so a sweep swaps the two and clears the other.</dd>
 *   <dt>candidate</dt><dd>any 8-byte word that might be a reference. It is one exactly when it equals the address
 *       of an object start (its bit in the start bitmap is set); anything else (an int pair, a float, a return
 *       address, a stale slot) is ignored.</dd>
 *   <dt>roots</dt><dd>the live part of every stack: the system stack's from the collector's frame up, and
 *       [saved rsp, top) of each stack in {@link Stacks}'s live list (the boot stack, every tasklet's, parked or
 *       runnable, and the one that allocated); and the kernel's static memory [{@code __text_end},
 *       {@code __bss_end}) without the boot stack and the two unmapped guard pages: static fields (8-byte data
 *       symbols), image-heap objects (string literals, Class objects) and the overflow stack all live there.</dd>
 *   <dt>mark stack</dt><dd>marked objects whose words are still to be scanned: raw memory reserved at init,
 *       because the collector runs exactly when there is nothing left to allocate.</dd>
 *   <dt>free range</dt><dd>a gap between surviving objects, linked into {@link Heap}'s free list.</dd>
 * </dl>
 *
 * <h2>The hard problem</h2>
 * The baseline compiler's frames are untyped: a stack slot holds an int, a long, a double's bits, a return
 * address or a reference, and nothing at run time says which. Objects are no better: {@code Class} records an
 * instance's size but not which of its fields are references. A collector that frees an object still referenced
 * from one such word corrupts the program silently and much later. So every word that could be a reference is
 * treated as one (it keeps its object alive), and a word is only followed when it is provably an object start:
 * the start bitmap is the authority, never the word's value alone. Because objects never move, a false
 * reference costs only retained memory, never correctness.
 *
 * <h2>What is precise and what is conservative</h2>
 * <ul>
 *   <li>Stack and static memory: conservative, every aligned word, by default. With {@code kiln.gc=precise} or
 *       {@code kiln.gc=verify} on the command line, a tasklet stack's frames that have a stack map at the call they
 *       are stopped in (docs/abi.md "Stack maps") are read by it: exactly the words the map describes as holding no
 *       reference are skipped; every other word (those the map does not describe, frames without maps, the system
 *       stack, static memory) is still scanned conservatively ({@link StackRoots}).</li>
 *   <li>Ordinary objects: conservative, every word of the body from +16 to {@code instanceSize}. References
 *       are 8-aligned within an 8-aligned object, so no reference is missed; an aligned pair of ints may
 *       retain an object by accident.</li>
 *   <li>Arrays: precise. Reference arrays are scanned element by element, primitive arrays not at all.</li>
 * </ul>
 * An interior pointer (an address inside an object, such as {@code ObjectModel.elementAddress}) does not keep
 * its object alive. Runtime code that holds one across an allocation must hold the object as well, as
 * {@code System.arraycopy} does by keeping its array arguments.
 *
 * <h2>Marking without recursion</h2>
 * A deep structure (a million-node list) would overflow the kernel stack under recursive marking, so marking
 * pops from an explicit mark stack. A wide one (an array of a hundred thousand objects) can fill that stack:
 * then the object is marked but not pushed, and only the lowest and highest such address are remembered.
 * Afterwards every marked object between the two is scanned again from the mark bitmap (its marked children
 * are skipped, so this finds exactly what the overflow dropped), until a pass ends without overflow. Each pass
 * scans at least the objects it dropped, so this terminates; the dropped objects of one array usually lie
 * close together, which keeps the rescan short.
 *
 * <h2>References</h2>
 * Objects of the {@code java.lang.ref} classes get one exception to "every word is traced": {@link #scan} asks
 * {@link ReferenceProcessing#firstTracedOffset} where to start, which skips the referent of a weak or phantom
 * reference (and of a soft one in the collection before an OutOfMemoryError) and puts the reference on the
 * discovered list. After the mark, and before the sweep turns unmarked objects into free ranges,
 * {@link ReferenceProcessing#clearUnreachableReferents} clears the references whose referent stayed unmarked
 * ({@link #isLive}). Its design comment gives the choices and the rejected alternatives.
 *
 * <h2>When it runs</h2>
 * When {@code System.gc()} asks ({@link Heap#collectGarbage}), and when {@link Heap} cannot satisfy a request
 * from its bump range, its free lists and the memory above its frontier, or has handed out its budget since the last
 * collection (Heap, "Collecting after a budget"), inside an allocation:
 * the one place where every live value of compiled code is in memory, because the baseline keeps nothing in
 * registers across a call. That is a contract with the compiler: an optimizing tier that keeps references in
 * callee-saved registers must spill them before any call that can allocate (or publish them to the collector),
 * and must not keep only a derived address. A program that allocates less than Heap's budget (32 MiB at least)
 * never collects. The
 * collector neither allocates nor throws; everything it uses was reserved by {@link #reserve} when the heap
 * was laid out. Nor does it call library code ({@code Math.max}, say): a class the program has not used yet would
 * be initialized, and initialization allocates (the collector would re-enter itself).
 *
 * <h2>Rejected alternatives</h2>
 * <ul>
 *   <li>Trusting the stack maps by default (docs/compiler.md "GC stack maps"). The compiler emits them for both
 *       tiers and {@code kiln.gc=verify} checks them under the tests, but kernel frames, the stack switch and the
 *       frames of faults stay conservative, and so do objects (no per-class reference map yet) and static memory:
 *       the maps only let a collection ignore dead and non-reference stack words, which does not yet pay for the
 *       risk of a wrong map freeing a live object. A moving collector needs all of it precise first.</li>
 *   <li>A copying or compacting collector. It must update every reference to a moved object, which is
 *       impossible while some "references" are merely words that look like one (moving would rewrite an int),
 *       and {@code Intrinsics.addressOf} results held across an allocation would go stale. It needs precise
 *       maps first, and image-heap objects stay pinned regardless.</li>
 *   <li>Mark bits in the header's reserved upper half (docs/abi.md "Objects"). Clearing them means touching
 *       every survivor again; with a mark bitmap, the cleared state is one {@code fillZero}, and the bitmap
 *       doubles as the next start bitmap, so the sweep costs a walk over the bitmap, not over the heap.</li>
 *   <li>Recursive marking: bounded only by the kernel stack (1 MiB), which one long list exhausts.</li>
 *   <li>Size-segregated free lists: faster for a mature allocator, but the baseline's allocation pattern is
 *       short bursts between collections, which address-ordered ranges with a bump pointer serve with less
 *       code and no per-size bookkeeping.</li>
 * </ul>
 */
final class GarbageCollector {
    /** Bytes of mark stack per byte of heap: 64 KiB entries for the 64 MiB of a QEMU {@code -kernel} boot. */
    private static final long HEAP_BYTES_PER_MARK_STACK_BYTE = 128;
    /** The boot stub's stack: 1 MiB below {@code kiln_boot_stack_top} (BootStub.BOOT_STACK_SIZE). */
    private static final long BOOT_STACK_SIZE = 1 << 20;
    private static final long GUARD_PAGE = 4096;

    /**
     * The other bitmap: below Heap's frontier all zero except while marking; above it never read (Heap, "Growing
     * before collecting").
     */
    private static long markBits;
    private static long markStackBase;
    private static long markStackEnd;
    /** The first free entry of the mark stack. */
    private static long markStackTop;
    /**
     * The lowest and highest address of the objects that were marked but found the mark stack full, so
     * that a rescan need only look between them; {@code overflowHigh} is 0 when there were none.
     */
    private static long overflowLow;
    private static long overflowHigh;

    /**
     * {@link Heap}'s object area in use (up to its frontier) and start bitmap, copied when a collection begins; fixed
     * until its sweep.
     */
    private static long heapStart;
    private static long heapEnd;
    private static long startBits;

    private GarbageCollector() {}

    /**
     * Takes the collector's memory from the top of the heap region [{@code regionStart}, {@code regionEnd}) — a mark bitmap of
     * {@code bitmapBytes} and the mark stack — and returns where the memory left for objects ends.
     */
    static long reserve(long regionStart, long regionEnd, long bitmapBytes) {
        markStackEnd = regionEnd;
        markStackBase = (regionEnd - (regionEnd - regionStart) / HEAP_BYTES_PER_MARK_STACK_BYTE) & -8L;
        markStackTop = markStackBase;
        markBits = markStackBase - bitmapBytes; // cleared as Heap's frontier moves up, not here
        return markBits;
    }

    /**
     * Frees every heap object that no root reaches, directly or through other objects. Runs on the system stack,
     * so that the tasklet that allocated, however small its stack, has its rsp saved like every other one.
     */
    static void collect() {
        if (Stacks.systemStack() == null || Stacks.onSystemStack()) {
            collectOnThisStack();
        } else {
            Stacks.runOnSystemStack(Intrinsics.symbol("m:kiln/kernel/memory/GarbageCollector.collectOnThisStack()V"));
        }
    }

    private static void collectOnThisStack() {
        heapStart = Heap.objectAreaStart();
        heapEnd = Heap.frontier(); // no object lies above it, and neither bitmap is cleared there
        startBits = Heap.startBits();
        overflowLow = Long.MAX_VALUE;
        StackRoots.beginCollection();
        ReferenceProcessing.beginMark();
        markRoots();
        while (overflowHigh != 0) {
            long low = overflowLow;
            long high = overflowHigh;
            overflowLow = Long.MAX_VALUE;
            overflowHigh = 0;
            rescanMarked(low, high);
        }
        ReferenceProcessing.clearUnreachableReferents();
        shrinkStacks();
        markBits = Heap.replaceStartBits(markBits);
    }

    private static void markRoots() {
        long bootStackTop = Intrinsics.symbol("kiln_boot_stack_top");
        long bootStackBottom = bootStackTop - BOOT_STACK_SIZE;
        // The lowest page of the boot stack and of the overflow stack below it are unmapped guard pages
        // (PageTables). When a StackOverflowError is being built on the overflow stack, the boot stack's saved rsp
        // lies there, below the boot stack's guard; the overflow stack is scanned with the static memory instead.
        long overflowGuard = Intrinsics.symbol("kiln_overflow_stack");
        Stack system = Stacks.systemStack();
        // This frame and everything below it belong to the collector; every caller's slot is above rbp.
        if (system == null) {
            long frame = Intrinsics.framePointer();
            markWords(frame > bootStackBottom + GUARD_PAGE ? frame : bootStackBottom + GUARD_PAGE, bootStackTop);
        } else {
            markWords(Intrinsics.framePointer(), system.top);
            markLiveStacks(system, false);
        }
        markWords((Intrinsics.symbol("__text_end") + 7) & -8L, overflowGuard); // code ends on any byte
        markWords(overflowGuard + GUARD_PAGE, bootStackBottom);
        markWords(bootStackTop, Intrinsics.symbol("__bss_end"));
        drain();
        if (system != null && StackRoots.verifying()) {
            markLiveStacks(system, true);
            drain();
        }
    }

    /**
     * Every stack but the system stack is suspended, its owner's rsp saved (the allocating one's by
     * runOnSystemStack): all its words, or frame by frame with the stack maps ({@link StackRoots}).
     */
    private static void markLiveStacks(Stack system, boolean secondPass) {
        for (Stack stack = Stacks.firstLive(); stack != null; stack = stack.nextLive) {
            long from = stack.savedSp > stack.base ? stack.savedSp : stack.base;
            if (!StackRoots.byFrames()) {
                markWords(from, stack.top);
            } else if (stack == Stacks.current()) {
                // this collection's own frames lead off the system stack into the stack that called it
                long fp = Intrinsics.framePointer();
                long pc = 0;
                while (fp >= system.base && fp < system.top) {
                    pc = Intrinsics.readLong(fp + 8);
                    fp = Intrinsics.readLong(fp);
                }
                StackRoots.markStack(from, stack.top, fp, pc, secondPass);
            } else if (from == stack.savedSp) {
                // Stacks.switchTo's frame: [saved rsp] its rbp, [saved rsp + 8] its resume point
                StackRoots.markStack(from, stack.top, Intrinsics.readLong(from), Intrinsics.readLong(from + 8),
                        secondPass);
            } else {
                StackRoots.markStack(from, stack.top, 0, 0, secondPass);
            }
        }
    }

    /** Between mark and sweep: suspended tasklets' stacks that are mostly unused give back half (Stacks). */
    private static void shrinkStacks() {
        if (Stacks.systemStack() != null) {
            Stacks.shrinkSuspendedStacks(markBits, heapStart);
        }
    }

    /**
     * Marks and pushes every object whose start address is one of the 8-byte words in [{@code from},
     * {@code to}) (both 8-aligned) and is not marked yet. This loop is where a collection spends its time, so
     * it works on locals only. The boot page tables lie in the static memory too; their entries are
     * "address | flags" with PRESENT set, never 8-aligned, so they never look like an object start.
     */
    static void markWords(long from, long to) {
        long objectsStart = heapStart;
        long objectsEnd = heapEnd;
        long starts = startBits;
        long marked = markBits;
        for (long word = from; word < to; word += 8) {
            long address = Intrinsics.readLong(word);
            if (address < objectsStart || address >= objectsEnd || (address & 7) != 0) {
                continue;
            }
            long granule = (address - objectsStart) >>> 3;
            long offset = granule >>> 6 << 3;
            long bit = 1L << granule;
            long marks = Intrinsics.readLong(marked + offset);
            if ((Intrinsics.readLong(starts + offset) & bit) == 0 || (marks & bit) != 0) {
                continue;
            }
            Intrinsics.writeLong(marked + offset, marks | bit);
            if (markStackTop == markStackEnd) {
                overflowLow = address < overflowLow ? address : overflowLow;
                overflowHigh = address > overflowHigh ? address : overflowHigh;
            } else {
                Intrinsics.writeLong(markStackTop, address);
                markStackTop += 8;
            }
        }
    }

    /** Scans the objects on the mark stack until it is empty. */
    private static void drain() {
        while (markStackTop != markStackBase) {
            markStackTop -= 8;
            scan(Intrinsics.readLong(markStackTop));
        }
    }

    /** Marks what the object at {@code address} refers to. */
    private static void scan(long address) {
        Class<?> c = Intrinsics.objectAt(address).getClass();
        if (!c.isArray()) {
            markWords(address + ReferenceProcessing.firstTracedOffset(address, c), address + c.instanceSize());
        } else if (!c.getComponentType().isPrimitive()) {
            long elements = address + ObjectModel.ARRAY_ELEMENTS_OFFSET;
            markWords(elements, elements + 8L * Intrinsics.readInt(address + ObjectModel.ARRAY_LENGTH_OFFSET));
        }
    }

    /** Whether an object of the heap in use starts at {@code address} (the start bitmap has its bit). */
    static boolean isObjectStart(long address) {
        if (address < heapStart || address >= heapEnd || (address & 7) != 0) {
            return false;
        }
        long granule = (address - heapStart) >>> 3;
        return (Intrinsics.readLong(startBits + (granule >>> 6 << 3)) & 1L << granule) != 0;
    }

    /**
     * Whether the object at {@code address} survives the collection being made: marked, or outside the heap
     * (image-heap objects are never freed). Valid between the end of the mark and the sweep.
     */
    static boolean isLive(long address) {
        if (address < heapStart || address >= heapEnd) {
            return true;
        }
        long granule = (address - heapStart) >>> 3;
        return (Intrinsics.readLong(markBits + (granule >>> 6 << 3)) & 1L << granule) != 0;
    }

    /**
     * After an overflow: scans every marked object in [{@code low}, {@code high}] again, which includes the
     * ones that were not pushed. Their children are marked by now or get marked here.
     */
    private static void rescanMarked(long low, long high) {
        long lastIndex = (high - heapStart) >>> 9;
        for (long index = (low - heapStart) >>> 9; index <= lastIndex; index++) {
            long marks = Intrinsics.readLong(markBits + (index << 3));
            while (marks != 0) {
                long lowest = marks & -marks;
                scan(heapStart + ((index << 6) + Heap.bitIndex(lowest) << 3));
                drain();
                marks ^= lowest;
            }
        }
    }
}
