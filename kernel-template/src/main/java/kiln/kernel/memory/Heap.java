package kiln.kernel.memory;

import kiln.kernel.drivers.ExitDevice;
import kiln.kernel.drivers.HostedLinux;
import kiln.kernel.drivers.Serial;
import kiln.runtime.Intrinsics;
import kiln.runtime.ObjectModel;

/**
 * The Java heap: the free physical memory above the kernel image, handed out by a bump pointer and, once
 * that has run through the whole heap, from the gaps that {@link GarbageCollector} leaves between survivors.
 *
 * <p>Range: what the boot path hands to {@link #init} — from {@code __kernel_end} rounded up to a page to
 * the end of the free RAM there, as {@code kiln.kernel.boot.BootInformation} read it from the boot loader.
 * The heap never parses a boot protocol itself.
 *
 * <pre>
 * start                                objectEnd
 * | objects and free ranges ...        | start bitmap | mark bitmap | mark stack | end
 *                                        (this class)   (GarbageCollector)
 * </pre>
 *
 * <p>Allocation order: the bump range [{@link #next}, {@link #limit}), which is always zeroed, so that taking from it
 * is all an allocation does (compiled code does it inline: docs/abi.md "Allocation"); then the rest of the free range
 * it was cut from, up to {@link #rangeEnd}, a {@link #ZEROED_STEP} at a time; when that is too small, the first free
 * range that fits; then the untouched memory above the {@link #frontier}. Before any of these, once the bytes handed
 * out since the last collection reach the {@link #budget} (see "Collecting after a budget"), and when none of them
 * does, a collection and all of them again (the budget now ignored); if that collection kept softly reachable
 * objects, another one that clears soft
 * references (kiln.kernel.memory.ReferenceProcessing), and once more; then {@link #allocate} answers 0 and the caller
 * throws {@code OutOfMemoryError} (kiln.runtime.OutOfMemory). A request larger than the whole object area collects all
 * the same: HotSpot clears soft references before it fails such a request too, as the JLS promises for every
 * OutOfMemoryError. A free range is linked through its own first two words ({@code +0} size, {@code +8} next range); a
 * sweep rebuilds the lists from scratch, so memory that a list drops (the tail of an abandoned bump range, ranges too
 * small to walk past again) comes back at the next collection.
 *
 * <p><b>Zeroing a step at a time</b>: the bump range is zeroed when it is extended, {@link #ZEROED_STEP} bytes at a
 * time from the free range behind it, so an allocation only moves {@link #next}, sets the start bit and writes the
 * header. Memory above the {@link #frontier} is zeroed too, but for the hosted target's, which Linux maps zeroed
 * ({@link #untouchedIsZero}). <i>Rejected</i>: zeroing each object as it is handed out (a {@code rep stos} per
 * object, whose start-up cost was half of {@link #allocate}'s time in bench BinaryTrees); zeroing a whole free range
 * when it is taken (tens of MiB after a collection, pulled through the cache long before the allocations that use
 * it); zeroing in the sweep (touches every gap, also those that are never used again before the next collection).
 *
 * <p><b>Collecting after a budget</b>: the object area is used from the bottom up to the {@link #frontier}; above it
 * memory was never handed out, and neither bitmap has been cleared there. Between two collections the heap hands out
 * (bump range extensions, large requests) at most its {@link #budget}: {@link #BUDGET_PER_LIVE_BYTE} times the bytes
 * that survived the last collection, but at least {@link #MIN_BUDGET} and at most {@link #MAX_BUDGET}; then it
 * collects, and the gaps the sweep finds are taken before the frontier moves. So a program whose live data is small
 * reuses the same few dozen MiB, pages that are mapped, in the TLB and partly in the cache, and the frontier stays
 * near live data plus budget; one with much live data gets a budget that pays for its marking (a collection costs
 * about the live objects: each is a cache miss, bench BinaryTrees' 400,000 tree nodes about 20 ms), as Go's
 * {@code GOGC} paces its collector by the live heap. The cap bounds what a conservative root costs: a stale stack
 * word that keeps an old tree alive must not multiply the next budget (bench BinaryTrees touched 850 MiB in one run of
 * five without it). Only the collector's bitmaps below the frontier are cleared and
 * swept, so a large heap that a program never fills costs nothing. The policy is the same on a machine as on the
 * hosted target, where first touching a page is the expensive part: Linux faults it in and clears it
 * ({@code clear_page_erms} was 46 % of bench ExpressionEvaluator when the heap grew to 256 MiB before its first
 * collection; with the budget, 112 KiB live, it stays at 32 MiB and collects a dozen times, each well under a
 * millisecond). <i>Rejected</i>: growing to a fixed target (256 MiB) before collecting (the page faults above, peak
 * RSS twice HotSpot's); a budget of 2, 8 or 16 times the live data (bench BinaryTrees collected 28, 13 and 7 times
 * instead of 3, its time up by 35 % even at 16); a fixed heap that collects whenever it is full (the hosted target's 64 MiB made BinaryTrees, 940
 * MiB of 32-byte nodes with 8 to 24 MiB live, collect on every few MiB); giving freed memory back to Linux
 * ({@code madvise(MADV_DONTNEED)}: every reuse would fault and clear the page again); clearing the bitmaps of the whole
 * heap at boot (8 MiB for 256 MiB of RAM, a {@code rep stosq} that QEMU's TCG runs one iteration at a time, most of a
 * small program's start-up).
 *
 * <p><b>Segregated free lists</b>: one list per size class, class k holding the ranges of [2^k, 2^(k+1)) bytes,
 * the heads in a table of {@link #CLASSES} words just below the start bitmap. A request of b bytes, b in class k,
 * first takes the head of the lowest non-empty class above k (every range there fits, so no walk), and only when
 * all of those are empty walks class k first fit, dropping the ranges it walks past (each is then dropped once
 * per sweep). So allocation cost does not grow with the number of holes too small for the request, and a request
 * still fails only when no listed range is large enough, as before. <i>Rejected</i>: one address-ordered list
 * walked first fit, which kept ranges of at least {@link #SMALL_REQUEST} that it walked past: with very many
 * such holes smaller than the requests (the gaps that parked tasklets' grown stacks leave), every allocation
 * walked the whole list (bench ManyTasklets stalled with every sample in that walk); dropping every range walked past in that one list (one large request
 * would empty the list); a size-ordered tree (its rebalancing is too many steps to write with intrinsics only,
 * see "No calls in a half-done update").
 *
 * <p><b>The reserve</b>: {@link #RESERVE_BYTES} of the object area held as one {@code long[]} that only the
 * static {@link #reserve} refers to. When a request cannot be met, the reserve is released — it becomes the bump
 * range, without a collection, since nothing else refers to it — so that the {@code OutOfMemoryError}, its
 * stack trace and whatever its handler allocates first have room; the next collection takes a new reserve
 * before it serves any request. HotSpot preallocates its heap-space errors for the same reason. <i>Rejected</i>:
 * preallocated error objects only (their stack traces must be filled in at the throw, which allocates; Kiln keeps
 * one such error, without a trace, for a second exhaustion before any collection could take a new reserve).
 * Exhaustion on the system stack (stack growth, the collector) is a kernel panic, not an exception.
 *
 * <p><b>Small frames</b> (issue 7: an idle tasklet under 1 KiB): the deepest point of a parked receiver is the
 * allocation of its channel waiter, so what {@link #allocate} puts on the caller's stack decides how small a
 * tasklet's first stack may be (Stacks.INITIAL_BYTES). The fast path, a bump of {@link #next}, is written out in
 * {@link #allocate} itself with two locals; the refill from the free lists, which in a fragmented heap comes every
 * few small allocations, runs on the system stack ({@link #refill}, through {@code Stacks.runOnSystemStack}, whose
 * frame has no check and may reach into the reserve under the limit), as Go's allocator moves its slow paths to
 * the per-thread system stack ({@code systemstack}). Only a collection runs on the caller's stack, under a few more
 * frames (it wakes the Reference Handler there afterwards, which the system stack must not): an allocation that
 * collects may grow its tasklet's stack, once per collection. <i>Rejected</i>: the whole slow path on the system
 * stack: an exhausted heap must throw OutOfMemoryError on the caller's stack, and the handler must be woken from
 * there before the next free range is taken (see below); a waiter field in every Tasklet, so that a receive need
 * not allocate (Channel's class comment: 8 bytes on every tasklet); a bigger first stack (every idle tasklet pays).
 *
 * <p>Every allocation sets the object's bit in the start bitmap, which is how the collector tells an object
 * start from any other word; so everything handed out must get its header (a Class pointer) before the next
 * allocation, as {@link ObjectModel} and compiled code's inline allocation do.
 *
 * <p><b>No calls in a half-done update.</b> Any call may grow the running tasklet's stack (its prologue check
 * fails), and growing allocates the bigger stack from this heap, possibly collecting. So from the moment an
 * allocation starts to change {@link #next}, {@link #limit} or the free list, or walks the list, until the new
 * object has its start bit ({@link #allocate}) and its header ({@link ObjectModel}), only intrinsics run: a nested
 * allocation then always finds the heap in a consistent state. Calls between such steps are fine.
 *
 */
public final class Heap {
    private static final long PAGE = 4096;
    private static final long MIB = 1024 * 1024;
    private static final long GRANULE = 8;
    /** A free range must hold its own size and link. */
    private static final long MIN_FREE_RANGE = 16;
    /**
     * Requests up to this size turn a whole free range into the bump range (abandoning at most this much of
     * the old one); larger ones are cut from the front of a range, whose rest goes back to the lists.
     */
    private static final long SMALL_REQUEST = 256;
    /** Size classes of free ranges, class k holding sizes in [2^k, 2^(k+1)): enough for any heap below 2^48 bytes. */
    private static final int CLASSES = 48;
    /**
     * Bytes of a free range zeroed at a time as the bump range runs into it (class comment, "Zeroing a step at a
     * time"): well inside a core's L2 cache, and a multiple of 512 bytes, so that a step of the frontier clears whole
     * bitmap words.
     */
    private static final long ZEROED_STEP = 64 * 1024;
    /**
     * The least the heap hands out between two collections (class comment, "Collecting after a budget"): sixteen of the
     * hosted target's 2 MiB pages, which stay mapped and in the TLB; a collection of little live data costs well under
     * a millisecond, so one per 32 MiB allocated is a small price.
     */
    private static final long MIN_BUDGET = 32 * MIB;
    /**
     * The budget per byte that survived the last collection, so that marking (about the live objects) costs a bounded
     * share of the time allocation does (class comment, "Collecting after a budget", for the ratios tried).
     */
    private static final long BUDGET_PER_LIVE_BYTE = 32;
    /** The most the heap hands out between two collections: the 256 MiB it grew to before its first one formerly. */
    private static final long MAX_BUDGET = 256 * MIB;
    /** Room for an OutOfMemoryError with a backtrace of about a thousand frames, and its handler's first steps. */
    private static final long RESERVE_BYTES = 32 * 1024;

    /** Next free byte of the bump range; 0 until {@link #init} ran. Always 8-aligned. */
    private static long next;
    /** End of the bump range, which is zeroed: [{@link #next}, limit). */
    private static long limit;
    /** End of the free range the bump range is cut from; [{@link #limit}, rangeEnd) is free but not zeroed yet. */
    private static long rangeEnd;
    /** The table of {@link #CLASSES} list heads (word k: the first free range of class k, 0 if none). */
    private static long freeLists;
    private static long start;
    /** End of the memory for objects; the collector's tables lie above it. */
    private static long objectEnd;
    private static long end;
    /** One bit per granule of [start, end): bit (g & 63) of word g / 64 is set when an object starts at granule g. */
    private static long startBits;
    /** The collector's mark bitmap, the same shape: all zero below the {@link #frontier} except while it marks. */
    private static long markBits;
    private static long bitmapBytes;
    /**
     * Memory at and above this address has never been handed out and its bits in both bitmaps are not cleared (class
     * comment, "Collecting after a budget"). {@link #start} plus a multiple of {@link #ZEROED_STEP}, or
     * {@link #objectEnd}.
     */
    private static long frontier;
    /**
     * Whether the memory above the {@link #frontier} is zero already: on the hosted target, whose heap Linux maps
     * anonymously (mmap(2): "initialized to zero"); a machine's RAM is not.
     */
    private static boolean untouchedIsZero;
    /**
     * Bytes that may be handed out between two collections (class comment, "Collecting after a budget"):
     * {@link #BUDGET_PER_LIVE_BYTE} times the bytes that survived the last collection, within [{@link #MIN_BUDGET},
     * {@link #MAX_BUDGET}].
     */
    private static long budget;
    /** Bytes handed out since the last collection: bump range extensions and large requests. */
    private static long handedOut;
    /** The reserve's {@code long[]}, or 0 while it is spent. A static word: it is a root of every collection. */
    private static long reserve;
    /**
     * Free ranges an allocation looked at and found too small, since boot ({@link #rangesWalkedPast()}): a test keeps
     * this below the number of free ranges, which one address-ordered list walked first fit exceeded many times over.
     */
    private static long rangesWalkedPast;
    /** {@link #allocate}'s request to {@link #refill}, which runs on the system stack, and its answer. */
    private static long refillRequest;
    private static long refilled;

    private Heap() {}

    /**
     * The first byte the heap may use: everything the linker placed, BSS included, lies below. Where the
     * boot path asks for the end of free RAM.
     */
    public static long firstFreeAddress() {
        return (Intrinsics.symbol("__kernel_end") + PAGE - 1) & -PAGE;
    }

    /** Makes [{@code heapStart}, {@code heapEnd}) the heap. Once, before the first allocation. */
    public static void init(long heapStart, long heapEnd) {
        start = (heapStart + 511) & -512; // a whole word of the start bitmap per 512 bytes (see allocate)
        end = heapEnd;
        bitmapBytes = (((end - start) / GRANULE + 63) >>> 6) << 3;
        markBits = GarbageCollector.reserve(start, end, bitmapBytes);
        startBits = markBits - bitmapBytes;
        freeLists = startBits - CLASSES * 8L;
        Intrinsics.fillZero(freeLists, CLASSES * 8L);
        objectEnd = freeLists;
        next = start;
        limit = start;
        rangeEnd = start; // the first allocation grows the frontier (class comment)
        frontier = start;
        untouchedIsZero = HostedLinux.isActive();
        budget = MIN_BUDGET;
        takeReserve();
    }

    /**
     * Returns zeroed memory of {@code bytes} (a multiple of 8) bytes, or 0 if there is none even after collecting
     * (the caller throws OutOfMemoryError; the reserve is then the bump range, see the class comment). The fast
     * path bumps {@link #next} (the bump range is zeroed already); a refill runs on the system stack, a collection on
     * the caller's (class comment, "Small frames"). From the first change to the bump range or the free lists to the
     * start bit, only intrinsics run (a return is not a call): a call could grow the stack, which allocates.
     */
    public static long allocate(long bytes) {
        long address = next;
        if (bytes >= 0 && bytes <= limit - address) {
            next = address + bytes;
        } else {
            if (address == 0) {
                Serial.writeAscii("kiln: an allocation came before the heap was set up (Kernel.start)\n");
                ExitDevice.exit(1);
            }
            refillRequest = bytes;
            Stacks.runOnSystemStack(Intrinsics.symbol("m:kiln/kernel/memory/Heap.refill()V"));
            address = refilled;
            if (address == 0) {
                address = allocateAfterCollecting(bytes);
                if (address == 0) {
                    return 0;
                }
            }
        }
        // The object's start bit: bit (granule & 63) of word granule / 64, where granule = (address - start) / 8. A
        // long shift takes its count mod 64, and start is 512-aligned (init), so the bit is 1L << address / 8; the
        // bit before the word's value keeps the operand stack, and so the frame, small (class comment, "Small frames").
        long bitsWord = startBits + ((address - start) >>> 9 << 3);
        Intrinsics.writeLong(bitsWord, 1L << ((int) address >>> 3) | Intrinsics.readLong(bitsWord));
        return address;
    }

    /**
     * Runs on the system stack, called by {@code callOnStack} for {@link #allocate}: a range of {@link #refillRequest}
     * bytes into {@link #refilled} without collecting ({@link #take}), 0 if there is none (or the request is negative).
     */
    private static void refill() {
        long bytes = refillRequest;
        refilled = bytes < 0 ? 0 : take(bytes, false);
    }

    /** {@link #allocate} when nothing was found without collecting: collect, and try again up to the heap's end. */
    private static long allocateAfterCollecting(long bytes) {
        if (bytes < 0) {
            return exhausted(bytes);
        }
        collect(false);
        long address = take(bytes, true);
        if (address == 0 && ReferenceProcessing.keptSoftReferents()) {
            collect(true);
            address = take(bytes, true);
        }
        return address != 0 ? address : exhausted(bytes);
    }

    /**
     * A full collection, clearing soft references if asked; then a new reserve if the last was spent, and the
     * Reference Handler woken if references were cleared (not from the system stack: it may be in the middle of
     * switching tasklets).
     */
    private static void collect(boolean clearSoftReferences) {
        ReferenceProcessing.setClearingSoftReferences(clearSoftReferences);
        GarbageCollector.collect();
        ReferenceProcessing.setClearingSoftReferences(false);
        if (reserve == 0) {
            takeReserve();
        }
        if (!Stacks.onSystemStack()) {
            ReferenceProcessing.announcePending();
        }
    }

    /**
     * No memory for {@code bytes}: a panic on the system stack (runtime code that cannot take an exception), else
     * the reserve becomes the bump range and the answer is 0.
     */
    private static long exhausted(long bytes) {
        if (Stacks.onSystemStack()) {
            Serial.writeAscii("kiln: out of memory in the kernel's runtime code (");
            Serial.writeDecimal(bytes);
            Serial.writeAscii(" bytes requested on the system stack, heap ");
            Serial.writeDecimal((end - start) / MIB);
            Serial.writeAscii(" MiB)\n");
            ExitDevice.exit(1);
        }
        if (reserve != 0) {
            long granule = (reserve - start) >>> 3;
            long bitsWord = startBits + (granule >>> 6 << 3);
            Intrinsics.writeLong(bitsWord, Intrinsics.readLong(bitsWord) & ~(1L << granule));
            Intrinsics.fillZero(reserve, ObjectModel.ARRAY_ELEMENTS_OFFSET); // its elements were never written
            next = reserve;
            limit = reserve + RESERVE_BYTES;
            rangeEnd = limit;
            reserve = 0;
        }
        return 0;
    }

    /**
     * Takes {@link #RESERVE_BYTES} as a {@code long[]}, if there is room without collecting (a collection takes it).
     * Only intrinsics from the take to the header (see {@link #allocate}).
     */
    private static void takeReserve() {
        long address = take(RESERVE_BYTES, true);
        if (address == 0) {
            return;
        }
        long granule = (address - start) >>> 3;
        long bitsWord = startBits + (granule >>> 6 << 3);
        Intrinsics.writeLong(bitsWord, Intrinsics.readLong(bitsWord) | 1L << granule);
        // The header at once: docs/abi.md "Objects"
        Intrinsics.writeLong(address + ObjectModel.CLASS_OFFSET, Intrinsics.addressOf(long[].class));
        Intrinsics.writeInt(address + ObjectModel.ARRAY_LENGTH_OFFSET,
                (int) ((RESERVE_BYTES - ObjectModel.ARRAY_ELEMENTS_OFFSET) >>> 3));
        reserve = address;
    }

    /** A full collection now ({@code System.gc()}); the bump range is abandoned for the free list it rebuilds. */
    public static void collectGarbage() {
        collect(false);
    }

    /**
     * Bytes free for objects now: the bump range, the rest of its free range, the free lists and the memory above the
     * frontier. Right after {@link #collectGarbage}, the heap's size minus this is what the live objects take
     * (benchmarks measure a tasklet's cost this way).
     */
    public static long freeBytes() {
        long free = rangeEnd - next + (rangeEnd == objectEnd ? 0 : objectEnd - frontier);
        for (int sizeClass = 0; sizeClass < CLASSES; sizeClass++) {
            long range = Intrinsics.readLong(freeLists + sizeClass * 8L);
            for (; range != 0; range = Intrinsics.readLong(range + 8)) {
                free += Intrinsics.readLong(range);
            }
        }
        return free;
    }

    /**
     * Zeroed memory of {@code bytes} (not negative) without collecting, or 0 (class comment, "Allocation order"): from
     * the free range behind the bump range, else from the lists (class comment, "Segregated free lists"), else from
     * above the frontier; 0 at once when the {@link #budget} is spent, unless {@code overBudget} (after a collection, and
     * for the reserve). A request up to {@link #SMALL_REQUEST} makes a listed range the bump range's; a larger one is cut
     * from its front, and the rest goes back to the list of its class. Only intrinsics between the steps that change
     * the heap's state (class comment, "No calls in a half-done update"): the class of a size is computed inline, and
     * {@link #addFreeRange} is called where the range it lists is in no list and outside the bump range.
     */
    private static long take(long bytes, boolean overBudget) {
        if (!overBudget && handedOut >= budget) {
            return 0;
        }
        if (bytes > rangeEnd - next) {
            int requestClass = 0;
            while (requestClass < CLASSES - 1 && 2L << requestClass <= bytes) {
                requestClass++;
            }
            long range = 0;
            for (int sizeClass = requestClass + 1; sizeClass < CLASSES && range == 0; sizeClass++) {
                long head = freeLists + sizeClass * 8L;
                range = Intrinsics.readLong(head);
                if (range != 0) {
                    Intrinsics.writeLong(head, Intrinsics.readLong(range + 8));
                }
            }
            long head = freeLists + requestClass * 8L;
            while (range == 0 && Intrinsics.readLong(head) != 0) {
                long candidate = Intrinsics.readLong(head);
                Intrinsics.writeLong(head, Intrinsics.readLong(candidate + 8)); // taken, or dropped until the next sweep
                if (Intrinsics.readLong(candidate) >= bytes) {
                    range = candidate;
                } else {
                    rangesWalkedPast++;
                }
            }
            if (range != 0) {
                long size = Intrinsics.readLong(range);
                if (bytes > SMALL_REQUEST) {
                    if (size - bytes >= MIN_FREE_RANGE) {
                        addFreeRange(range + bytes, range + size);
                    }
                    Intrinsics.fillZero(range, bytes);
                    handedOut += bytes;
                    return range;
                }
                next = range; // the old bump range's rest, under SMALL_REQUEST bytes, waits for the next sweep
                limit = range;
                rangeEnd = range + size;
            } else if (bytes <= objectEnd - frontier) {
                long restFrom = next;
                long restTo = rangeEnd;
                next = frontier;
                limit = frontier;
                rangeEnd = objectEnd;
                if (restTo - restFrom >= MIN_FREE_RANGE) {
                    addFreeRange(restFrom, restTo); // a large request's leftover may be large
                }
            } else {
                return 0;
            }
        }
        long address = next;
        if (address + bytes > limit) {
            long zeroedTo = start + ((address + bytes - start + ZEROED_STEP - 1) & -ZEROED_STEP);
            zeroedTo = zeroedTo < rangeEnd ? zeroedTo : rangeEnd;
            long dirtyTo = untouchedIsZero && zeroedTo > frontier ? frontier : zeroedTo;
            if (dirtyTo > limit) {
                Intrinsics.fillZero(limit, dirtyTo - limit);
            }
            if (zeroedTo > frontier) {
                // Both bitmaps' words for [frontier, zeroedTo): the frontier is a step boundary, so whole words.
                long fromOffset = (frontier - start) >>> 6;
                long toOffset = zeroedTo == objectEnd ? bitmapBytes : (zeroedTo - start) >>> 6;
                Intrinsics.fillZero(startBits + fromOffset, toOffset - fromOffset);
                Intrinsics.fillZero(markBits + fromOffset, toOffset - fromOffset);
                frontier = zeroedTo;
            }
            handedOut += zeroedTo - limit;
            limit = zeroedTo;
        }
        next = address + bytes;
        return address;
    }

    /**
     * How many free ranges allocations have walked past (looked at and found too small) since boot: each at most once
     * per collection (class comment, "Segregated free lists").
     */
    public static long rangesWalkedPast() {
        return rangesWalkedPast;
    }

    static long objectAreaStart() {
        return start;
    }

    /** The end of the memory ever handed out, every object below it (class comment, "Collecting after a budget"). */
    static long frontier() {
        return frontier;
    }

    /**
     * Bytes of the object area ever handed out (up to the {@link #frontier}): on the hosted target, about the heap's
     * share of the process's peak resident memory. A test keeps it near live data plus {@link #MIN_BUDGET}.
     */
    public static long touchedBytes() {
        return frontier - start;
    }

    static long startBits() {
        return startBits;
    }

    /**
     * The sweep: {@code liveBits}, a bitmap of exactly the objects that survive, becomes the start bitmap, and
     * the gaps between those objects become the free lists. Returns the old start bitmap, cleared.
     */
    static long replaceStartBits(long liveBits) {
        long deadBits = startBits;
        startBits = liveBits;
        markBits = deadBits;
        long words = (frontier - start + 511) >>> 9; // above the frontier neither bitmap is in use
        Intrinsics.fillZero(deadBits, words << 3);
        Intrinsics.fillZero(freeLists, CLASSES * 8L);
        long gapStart = start;
        long live = 0;
        for (long index = 0; index < words; index++) {
            long bits = Intrinsics.readLong(liveBits + (index << 3));
            while (bits != 0) {
                long lowest = bits & -bits;
                long object = start + ((index << 6) + bitIndex(lowest) << 3);
                if (object - gapStart >= MIN_FREE_RANGE) {
                    addFreeRange(gapStart, object);
                }
                long size = ObjectModel.sizeOf(Intrinsics.objectAt(object));
                live += size;
                gapStart = object + size;
                bits ^= lowest;
            }
        }
        if (frontier - gapStart >= MIN_FREE_RANGE) {
            addFreeRange(gapStart, frontier);
        }
        next = frontier; // no bump range: the old one's rest is in the lists now
        limit = frontier;
        rangeEnd = frontier;
        long scaled = BUDGET_PER_LIVE_BYTE * live;
        budget = scaled < MIN_BUDGET ? MIN_BUDGET : scaled > MAX_BUDGET ? MAX_BUDGET : scaled;
        handedOut = 0;
        return deadBits;
    }

    /**
     * The position (0-63) of the one set bit of {@code bit}, by halving: the sweep and the collector's rescan walk
     * bitmaps with it. Not {@code Long.numberOfTrailingZeros}: a collection must not call library code, whose
     * class may still need its initializer, which allocates (GarbageCollector, "When it runs").
     */
    static int bitIndex(long bit) {
        int index = (bit & 0xffff_ffff_0000_0000L) != 0 ? 32 : 0;
        index += (bit & 0xffff_0000_ffff_0000L) != 0 ? 16 : 0;
        index += (bit & 0xff00_ff00_ff00_ff00L) != 0 ? 8 : 0;
        index += (bit & 0xf0f0_f0f0_f0f0_f0f0L) != 0 ? 4 : 0;
        index += (bit & 0xcccc_cccc_cccc_ccccL) != 0 ? 2 : 0;
        return index + ((bit & 0xaaaa_aaaa_aaaa_aaaaL) != 0 ? 1 : 0);
    }

    /**
     * Puts [from, to), at least {@link #MIN_FREE_RANGE} long, at the head of its class's list: the sweep goes up
     * through the heap, so each list runs from high addresses to low.
     */
    private static void addFreeRange(long from, long to) {
        long size = to - from;
        int sizeClass = 0;
        while (sizeClass < CLASSES - 1 && 2L << sizeClass <= size) {
            sizeClass++;
        }
        long head = freeLists + sizeClass * 8L;
        Intrinsics.writeLong(from, size);
        Intrinsics.writeLong(from + 8, Intrinsics.readLong(head));
        Intrinsics.writeLong(head, from);
    }
}
