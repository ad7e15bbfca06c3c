package kiln.runtime;

/**
 * The Java heap: the free physical memory above the kernel image, handed out by a bump pointer and, once
 * that has run through the whole heap, from the gaps that {@link GarbageCollector} leaves between survivors.
 *
 * <p>Range: from {@code __kernel_end} rounded up to a page to the end of the Multiboot2 "available"
 * memory region that contains that address (Multiboot2 spec §3.6.8, tag type 6), clamped to 4 GiB because
 * only the first 4 GiB are identity-mapped. Without a Multiboot2 memory map (another loader, e.g. PVH) the
 * heap ends at {@link #DEFAULT_END}, which every QEMU default machine has. The boot information itself may
 * lie in that range: it is read once in {@link #init} and may be overwritten afterwards.
 *
 * <pre>
 * start                                objectEnd
 * | objects and free ranges ...        | start bitmap | mark bitmap | mark stack | end
 *                                        (this class)   (GarbageCollector)
 * </pre>
 *
 * <p>Allocation order: the bump range [{@link #next}, {@link #limit}); when that is too small, the first
 * free range that fits; when none does, a collection and the free ranges again; then the program ends with
 * "out of memory". At first the bump range is the whole object area, so a program that never fills the heap
 * never collects. A free range is linked through its own first two words ({@code +0} size, {@code +8} next
 * range) in address order; a sweep rebuilds the list from scratch, so memory that the list drops (the tail
 * of an abandoned bump range, ranges too small to walk past again) comes back at the next collection.
 *
 * <p>Every allocation sets the object's bit in the start bitmap, which is how the collector tells an object
 * start from any other word; so everything handed out must get its header (a Class pointer) before the next
 * allocation, as {@link ObjectModel} does.
 */
final class Heap {
    private static final long PAGE = 4096;
    private static final long MIB = 1024 * 1024;
    private static final long DEFAULT_END = 64 * MIB;
    private static final long IDENTITY_MAPPED_END = 4L * 1024 * MIB;
    private static final long GRANULE = 8;
    /** A free range must hold its own size and link. */
    private static final long MIN_FREE_RANGE = 16;
    /**
     * Requests up to this size turn a whole free range into the bump range (abandoning at most this much of
     * the old one); larger ones are cut from the front of a range, which stays in the list. Ranges smaller
     * than this that a search walks past are dropped from the list until the next sweep.
     */
    private static final long SMALL_REQUEST = 256;

    private static final long MULTIBOOT2_BOOTLOADER_MAGIC = 0x36d76289L;
    private static final int MB2_TAG_END = 0, MB2_TAG_MEMORY_MAP = 6;
    private static final int MB2_MEMORY_AVAILABLE = 1;

    /** Next free byte of the bump range; 0 until {@link #init} ran. Always 8-aligned. */
    private static long next;
    /** End of the bump range. */
    private static long limit;
    /** First free range, 0 if none. */
    private static long freeList;
    private static long start;
    /** End of the memory for objects; the collector's tables lie above it. */
    private static long objectEnd;
    private static long end;
    /** One bit per granule of [start, end): bit (g & 63) of word g / 64 is set when an object starts at granule g. */
    private static long startBits;
    private static long bitmapBytes;

    private Heap() {}

    static void init() {
        if (next != 0) {
            return; // an early allocation already did it
        }
        start = (Intrinsics.symbol("__kernel_end") + PAGE - 1) & -PAGE;
        end = availableEnd(start);
        if (end <= start) {
            end = DEFAULT_END;
        }
        bitmapBytes = (((end - start) / GRANULE + 63) >>> 6) << 3;
        startBits = GarbageCollector.reserve(start, end, bitmapBytes) - bitmapBytes;
        Intrinsics.fillZero(startBits, bitmapBytes);
        objectEnd = startBits;
        next = start;
        limit = objectEnd;
    }

    /** Returns zeroed memory of {@code bytes} (a multiple of 8) bytes, or ends the program if there is none. */
    static long allocate(long bytes) {
        if (next == 0) {
            init(); // allocation may come before Kernel.start's init, e.g. from an early class initializer
        }
        long address = next;
        if (bytes >= 0 && bytes <= limit - address) {
            next = address + bytes;
        } else {
            address = allocateSlowly(bytes);
        }
        long granule = (address - start) >>> 3;
        long bitsWord = startBits + (granule >>> 6 << 3);
        Intrinsics.writeLong(bitsWord, Intrinsics.readLong(bitsWord) | 1L << granule);
        Intrinsics.fillZero(address, bytes);
        return address;
    }

    private static long allocateSlowly(long bytes) {
        long address = bytes < 0 ? 0 : takeFreeRange(bytes);
        if (address == 0 && bytes >= 0) {
            GarbageCollector.collect();
            address = takeFreeRange(bytes);
        }
        if (address == 0) {
            outOfMemory(bytes);
        }
        return address;
    }

    /** First fit in the free list; 0 if no range is large enough. */
    private static long takeFreeRange(long bytes) {
        long previous = 0;
        long range = freeList;
        while (range != 0) {
            long size = Intrinsics.readLong(range);
            long following = Intrinsics.readLong(range + 8);
            if (size >= bytes) {
                long rest = range + bytes;
                if (bytes <= SMALL_REQUEST) {
                    next = rest;
                    limit = range + size;
                    link(previous, following);
                } else if (size - bytes >= MIN_FREE_RANGE) {
                    Intrinsics.writeLong(rest, size - bytes);
                    Intrinsics.writeLong(rest + 8, following);
                    link(previous, rest);
                } else {
                    link(previous, following);
                }
                return range;
            }
            if (size < SMALL_REQUEST) {
                link(previous, following);
            } else {
                previous = range;
            }
            range = following;
        }
        return 0;
    }

    /** Makes {@code range} follow {@code previous}, or head the list if {@code previous} is 0. */
    private static void link(long previous, long range) {
        if (previous == 0) {
            freeList = range;
        } else {
            Intrinsics.writeLong(previous + 8, range);
        }
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
     * The sweep: {@code liveBits}, a bitmap of exactly the objects that survive, becomes the start bitmap, and
     * the gaps between those objects become the free list. Returns the old start bitmap, cleared.
     */
    static long replaceStartBits(long liveBits) {
        long deadBits = startBits;
        startBits = liveBits;
        Intrinsics.fillZero(deadBits, bitmapBytes);
        freeList = 0;
        long lastRange = 0;
        long gapStart = start;
        long words = bitmapBytes >>> 3;
        for (long index = 0; index < words; index++) {
            long bits = Intrinsics.readLong(liveBits + (index << 3));
            while (bits != 0) {
                long lowest = bits & -bits;
                long object = start + ((index << 6) + Long.numberOfTrailingZeros(lowest) << 3);
                if (object - gapStart >= MIN_FREE_RANGE) {
                    lastRange = addFreeRange(lastRange, gapStart, object);
                }
                gapStart = object + ObjectModel.sizeOf(Intrinsics.objectAt(object));
                bits ^= lowest;
            }
        }
        if (objectEnd - gapStart >= MIN_FREE_RANGE) {
            addFreeRange(lastRange, gapStart, objectEnd);
        }
        next = objectEnd; // no bump range: the old one's rest is in the list now
        limit = objectEnd;
        return deadBits;
    }

    /** Appends [from, to), at least {@link #MIN_FREE_RANGE} long, to the list after {@code lastRange}; returns it. */
    private static long addFreeRange(long lastRange, long from, long to) {
        Intrinsics.writeLong(from, to - from);
        Intrinsics.writeLong(from + 8, 0);
        link(lastRange, from);
        return from;
    }

    /** Must not allocate: it runs when there is nothing left to allocate. */
    private static void outOfMemory(long bytes) {
        Serial.writeAscii("kiln: out of memory (");
        Serial.writeDecimal(bytes);
        Serial.writeAscii(" bytes requested, heap ");
        Serial.writeDecimal((end - start) / MIB);
        Serial.writeAscii(" MiB)\n");
        Kernel.exit(1);
    }

    /**
     * The end of the available memory region containing {@code address} in the Multiboot2 memory map,
     * at most 4 GiB, or 0 if the boot loader was not Multiboot2 or the map has no such region.
     *
     * <pre>
     * boot information: u32 total_size, u32 reserved, then tags, each 8-aligned:
     *   tag:            u32 type, u32 size (without padding)
     *   memory map (6): u32 type, u32 size, u32 entry_size, u32 entry_version, entries:
     *   entry:          u64 base_addr, u64 length, u32 type (1 = available RAM), u32 reserved
     * </pre>
     */
    private static long availableEnd(long address) {
        long magic = Intrinsics.readLong(Intrinsics.symbol("kiln_boot_magic")) & 0xFFFF_FFFFL;
        if (magic != MULTIBOOT2_BOOTLOADER_MAGIC) {
            return 0;
        }
        long info = Intrinsics.readLong(Intrinsics.symbol("kiln_boot_info")) & 0xFFFF_FFFFL;
        long infoEnd = info + (Intrinsics.readInt(info) & 0xFFFF_FFFFL);
        long tag = info + 8;
        while (tag + 8 <= infoEnd) {
            int type = Intrinsics.readInt(tag);
            long size = Intrinsics.readInt(tag + 4) & 0xFFFF_FFFFL;
            if (type == MB2_TAG_END || size < 8) {
                break;
            }
            if (type == MB2_TAG_MEMORY_MAP) {
                long entrySize = Intrinsics.readInt(tag + 8) & 0xFFFF_FFFFL;
                if (entrySize < 24) {
                    return 0;
                }
                for (long entry = tag + 16; entry + 24 <= tag + size; entry += entrySize) {
                    long base = Intrinsics.readLong(entry);
                    long length = Intrinsics.readLong(entry + 8);
                    int entryType = Intrinsics.readInt(entry + 16);
                    if (entryType == MB2_MEMORY_AVAILABLE && base <= address
                            && Long.compareUnsigned(address - base, length) < 0) {
                        long identityMappedLeft = IDENTITY_MAPPED_END - base;
                        return Long.compareUnsigned(length, identityMappedLeft) > 0 ? IDENTITY_MAPPED_END : base + length;
                    }
                }
            }
            tag += (size + 7) & -8;
        }
        return 0;
    }
}
