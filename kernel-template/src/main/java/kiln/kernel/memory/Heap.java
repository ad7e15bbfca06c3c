package kiln.kernel.memory;

import kiln.kernel.drivers.ExitDevice;
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
 * <p>Allocation order: the bump range [{@link #next}, {@link #limit}); when that is too small, the first
 * free range that fits; when none does, a collection and the free ranges again; if that collection kept
 * softly reachable objects, another one that clears soft references (kiln.kernel.memory.ReferenceProcessing),
 * and the free ranges once more; then {@link #allocate} answers 0 and the caller throws
 * {@code OutOfMemoryError} (kiln.runtime.OutOfMemory). A request larger than the whole object area collects
 * all the same: HotSpot clears soft references before it fails such a request too, as the JLS promises for
 * every OutOfMemoryError. At first the bump range is the whole object area, so a program that never fills the heap
 * never collects. A free range is linked through its own first two words ({@code +0} size, {@code +8} next
 * range); a sweep rebuilds the lists from scratch, so memory that a list drops (the tail of an abandoned bump
 * range, ranges too small to walk past again) comes back at the next collection.
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
 * allocation, as {@link ObjectModel} does.
 *
 * <p><b>No calls in a half-done update.</b> Any call may grow the running tasklet's stack (its prologue check
 * fails), and growing allocates the bigger stack from this heap, possibly collecting. So from the moment an
 * allocation starts to change {@link #next}, {@link #limit} or the free list, or walks the list, until the new
 * object has its start bit ({@link #allocate}) and its header ({@link ObjectModel}), only intrinsics run: a nested
 * allocation then always finds the heap in a consistent state. Calls between such steps are fine.
 *
 * <p><b>Start bits cleared as the heap fills.</b> Both bitmaps take a bit per 8 bytes of heap: 8 MiB for the 256 MiB
 * QEMU gives a guest, which cleared at boot (a {@code rep stosq} that TCG runs one iteration at a time) cost most of
 * a small program's start-up. So before the first collection the bump range ends at {@link #clearedEnd}, below
 * which the start bits are cleared, and a request beyond it clears {@link #CLEARED_STEP}s more (in
 * {@link #takeFreeRange}, where a full bump range leads anyway; the free lists are empty until a sweep fills them);
 * the first collection clears the rest of both bitmaps ({@link #clearStartBitsAhead}, GarbageCollector) and from
 * then on the whole bitmap is in use. <i>Rejected</i>: relying on RAM being zero at boot (QEMU's is, a real
 * machine's is not); a smaller bitmap growing with the heap (the collector's address arithmetic assumes one).
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
     * Object-area bytes whose start bits the bump range clears at a time before the first collection: 16 KiB of
     * bitmap, a multiple of 512 bytes so that every step clears whole bitmap words.
     */
    private static final long CLEARED_STEP = MIB;
    /** Room for an OutOfMemoryError with a backtrace of about a thousand frames, and its handler's first steps. */
    private static final long RESERVE_BYTES = 32 * 1024;

    /** Next free byte of the bump range; 0 until {@link #init} ran. Always 8-aligned. */
    private static long next;
    /** End of the bump range. */
    private static long limit;
    /** The table of {@link #CLASSES} list heads (word k: the first free range of class k, 0 if none). */
    private static long freeLists;
    private static long start;
    /** End of the memory for objects; the collector's tables lie above it. */
    private static long objectEnd;
    private static long end;
    /** One bit per granule of [start, end): bit (g & 63) of word g / 64 is set when an object starts at granule g. */
    private static long startBits;
    private static long bitmapBytes;
    /**
     * The object area's start bits are cleared below this address; {@link #objectEnd} from the first collection on
     * (class comment, "Start bits cleared as the heap fills").
     */
    private static long clearedEnd;
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
        startBits = GarbageCollector.reserve(start, end, bitmapBytes) - bitmapBytes;
        freeLists = startBits - CLASSES * 8L;
        Intrinsics.fillZero(freeLists, CLASSES * 8L);
        objectEnd = freeLists;
        next = start;
        limit = start; // nothing cleared yet: the first allocation clears the first step (class comment)
        clearedEnd = start;
        takeReserve();
    }

    /**
     * Returns zeroed memory of {@code bytes} (a multiple of 8) bytes, or 0 if there is none even after collecting
     * (the caller throws OutOfMemoryError; the reserve is then the bump range, see the class comment). The fast
     * path bumps {@link #next}; a refill from the free lists runs on the system stack, a collection on the caller's
     * (class comment, "Small frames"). From the first change to the bump range or the free lists to the start bit,
     * only intrinsics run (a return is not a call): a call could grow the stack, which allocates.
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
        Intrinsics.fillZero(address, bytes);
        return address;
    }

    /**
     * Runs on the system stack, called by {@code callOnStack} for {@link #allocate}: a range of {@link #refillRequest}
     * bytes from the free lists into {@link #refilled}, 0 if none is large enough (or the request is negative).
     */
    private static void refill() {
        long bytes = refillRequest;
        refilled = bytes < 0 ? 0 : takeFreeRange(bytes);
    }

    /** {@link #allocate} when no free range was large enough: collect, and try the free lists again. */
    private static long allocateAfterCollecting(long bytes) {
        if (bytes < 0) {
            return exhausted(bytes);
        }
        collect(false);
        long address = takeFreeRange(bytes);
        if (address == 0 && ReferenceProcessing.keptSoftReferents()) {
            collect(true);
            address = takeFreeRange(bytes);
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
            next = reserve;
            limit = reserve + RESERVE_BYTES;
            reserve = 0;
        }
        return 0;
    }

    /**
     * Takes {@link #RESERVE_BYTES} from the bump range or the free lists as a {@code long[]}, if there is room; never
     * collects (a collection takes it). Only intrinsics from the take to the header (see {@link #allocate}).
     */
    private static void takeReserve() {
        long address = next;
        if (RESERVE_BYTES <= limit - address) {
            next = address + RESERVE_BYTES;
        } else {
            address = takeFreeRange(RESERVE_BYTES);
            if (address == 0) {
                return;
            }
        }
        long granule = (address - start) >>> 3;
        long bitsWord = startBits + (granule >>> 6 << 3);
        Intrinsics.writeLong(bitsWord, Intrinsics.readLong(bitsWord) | 1L << granule);
        Intrinsics.fillZero(address, RESERVE_BYTES);
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
     * Bytes free for objects now: the bump range and the free lists. Right after {@link #collectGarbage}, the
     * heap's size minus this is what the live objects take (benchmarks measure a tasklet's cost this way).
     */
    public static long freeBytes() {
        long free = (limit == clearedEnd ? objectEnd : limit) - next; // the bump range may still grow to the end
        for (int sizeClass = 0; sizeClass < CLASSES; sizeClass++) {
            long range = Intrinsics.readLong(freeLists + sizeClass * 8L);
            for (; range != 0; range = Intrinsics.readLong(range + 8)) {
                free += Intrinsics.readLong(range);
            }
        }
        return free;
    }

    /**
     * A range of at least {@code bytes} from the free lists (class comment, "Segregated free lists"); 0 if none is
     * large enough. A request up to {@link #SMALL_REQUEST} makes the rest of the range the bump range; a larger
     * one puts the rest back in the list of its class. No calls from here to the return (class comment, "No calls
     * in a half-done update"): the class of a size is computed inline.
     */
    private static long takeFreeRange(long bytes) {
        if (clearedEnd != objectEnd && bytes >= 0 && bytes <= objectEnd - next) {
            // Before the first collection the bump range ends where the start bits are cleared: clear the next steps
            // (class comment, "Start bits cleared as the heap fills") and bump from there.
            long range = next;
            long grown = start + ((range + bytes - start + CLEARED_STEP - 1) & -CLEARED_STEP);
            if (grown > objectEnd) {
                grown = objectEnd;
            }
            long clearFrom = startBits + ((clearedEnd - start) >>> 6);
            long clearTo = grown == objectEnd ? startBits + bitmapBytes : startBits + ((grown - start) >>> 6);
            Intrinsics.fillZero(clearFrom, clearTo - clearFrom);
            clearedEnd = grown;
            next = range + bytes;
            limit = grown;
            return range;
        }
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
        if (range == 0) {
            return 0;
        }
        long size = Intrinsics.readLong(range);
        long rest = range + bytes;
        if (bytes <= SMALL_REQUEST) {
            next = rest;
            limit = range + size;
        } else if (size - bytes >= MIN_FREE_RANGE) {
            int restClass = 0;
            while (restClass < CLASSES - 1 && 2L << restClass <= size - bytes) {
                restClass++;
            }
            long restHead = freeLists + restClass * 8L;
            Intrinsics.writeLong(rest, size - bytes);
            Intrinsics.writeLong(rest + 8, Intrinsics.readLong(restHead));
            Intrinsics.writeLong(restHead, rest);
        }
        return range;
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

    static long objectAreaEnd() {
        return objectEnd;
    }

    static long startBits() {
        return startBits;
    }

    /**
     * Before the first collection, which reads the whole start bitmap: clears the start bits the bump range has not
     * reached. Intrinsics only, on the collector's stack.
     */
    static void clearStartBitsAhead() {
        if (clearedEnd != objectEnd) {
            long clearFrom = startBits + ((clearedEnd - start) >>> 6);
            Intrinsics.fillZero(clearFrom, startBits + bitmapBytes - clearFrom);
            clearedEnd = objectEnd;
        }
    }

    /**
     * The sweep: {@code liveBits}, a bitmap of exactly the objects that survive, becomes the start bitmap, and
     * the gaps between those objects become the free lists. Returns the old start bitmap, cleared.
     */
    static long replaceStartBits(long liveBits) {
        long deadBits = startBits;
        startBits = liveBits;
        Intrinsics.fillZero(deadBits, bitmapBytes);
        Intrinsics.fillZero(freeLists, CLASSES * 8L);
        long gapStart = start;
        long words = bitmapBytes >>> 3;
        for (long index = 0; index < words; index++) {
            long bits = Intrinsics.readLong(liveBits + (index << 3));
            while (bits != 0) {
                long lowest = bits & -bits;
                long object = start + ((index << 6) + bitIndex(lowest) << 3);
                if (object - gapStart >= MIN_FREE_RANGE) {
                    addFreeRange(gapStart, object);
                }
                gapStart = object + ObjectModel.sizeOf(Intrinsics.objectAt(object));
                bits ^= lowest;
            }
        }
        if (objectEnd - gapStart >= MIN_FREE_RANGE) {
            addFreeRange(gapStart, objectEnd);
        }
        next = objectEnd; // no bump range: the old one's rest is in the list now
        limit = objectEnd;
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
