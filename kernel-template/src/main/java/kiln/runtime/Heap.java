package kiln.runtime;

/**
 * The Java heap: one bump allocator over the free physical memory above the kernel image.
 *
 * <p>Range: from {@code __kernel_end} rounded up to a page to the end of the Multiboot2 "available"
 * memory region that contains that address (Multiboot2 spec §3.6.8, tag type 6), clamped to 4 GiB because
 * only the first 4 GiB are identity-mapped. Without a Multiboot2 memory map (another loader, e.g. PVH) the
 * heap ends at {@link #DEFAULT_END}, which every QEMU default machine has. The boot information itself may
 * lie in that range: it is read once in {@link #init} and may be overwritten afterwards.
 *
 * <p>No garbage collector yet: memory is never freed, and running out ends the program with a message.
 * What a collector will need, and what is already in place for it:
 * <ul>
 *   <li>Roots: static fields are 8-byte data symbols (the compiler must list the reference ones), and
 *       stack slots, which are untyped in the baseline tier — either stack maps at call sites or a
 *       conservative scan of [rsp, stack top) that treats any word pointing into the heap as a root.</li>
 *   <li>Object sizes: from the header's Class ({@code instanceSize}, or array length x
 *       {@code elementSize}) — see {@link ObjectModel#sizeOf}; reference fields: needs per-class
 *       reference maps from the compiler (arrays have flag REFERENCE_ELEMENTS already).</li>
 *   <li>Mark bits: the hash word's upper 32 bits are reserved for it (docs/abi.md "Objects").</li>
 *   <li>Moving: {@code Intrinsics.addressOf} results held across an allocation would go stale; a moving
 *       collector must forbid that or pin. Image-heap objects (literals, Class objects) are never moved.</li>
 * </ul>
 */
final class Heap {
    private static final long PAGE = 4096;
    private static final long MIB = 1024 * 1024;
    private static final long DEFAULT_END = 64 * MIB;
    private static final long IDENTITY_MAPPED_END = 4L * 1024 * MIB;

    private static final long MULTIBOOT2_BOOTLOADER_MAGIC = 0x36d76289L;
    private static final int MB2_TAG_END = 0, MB2_TAG_MEMORY_MAP = 6;
    private static final int MB2_MEMORY_AVAILABLE = 1;

    /** Next free byte; 0 until {@link #init} ran. Always 8-aligned. */
    private static long next;
    private static long start;
    private static long end;

    private Heap() {}

    static void init() {
        start = (Intrinsics.symbol("__kernel_end") + PAGE - 1) & -PAGE;
        end = availableEnd(start);
        if (end <= start) {
            end = DEFAULT_END;
        }
        next = start;
    }

    /** Returns zeroed memory of {@code bytes} (a multiple of 8) bytes, or ends the program if there is none. */
    static long allocate(long bytes) {
        if (next == 0) {
            init(); // allocation may come before Kernel.start's init, e.g. from an early class initializer
        }
        long address = next;
        if (bytes < 0 || bytes > end - address) {
            outOfMemory(bytes);
        }
        next = address + bytes;
        Intrinsics.fillZero(address, bytes);
        return address;
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
