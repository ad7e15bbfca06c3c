package kiln.kernel.boot;

import kiln.runtime.Intrinsics;

/**
 * What the boot loader tells the kernel, read from the protocol it used. The boot stub stores the loader's
 * {@code eax} and {@code ebx} at {@code kiln_boot_magic} and {@code kiln_boot_info} (docs/boot.md); this
 * class is the only reader of the structures they point to, so the rest of the kernel (the heap first of all)
 * gets plain memory ranges and never parses a boot protocol itself.
 *
 * <ul>
 *   <li><b>Multiboot2</b> (eax = 0x36d76289, ebx = the boot information; Kiln's own BIOS and UEFI loaders and
 *       GRUB): the memory map tag (Multiboot2 §3.6.8, tag type 6) and the command line tag (§3.6.3, type 1).</li>
 *   <li><b>Xen PVH</b> ({@code qemu -kernel}; ebx = {@code hvm_start_info}, whose first word is 0x336ec578): its
 *       command line ({@code cmdline_paddr}, QEMU's {@code -append}); no map is read.</li>
 *   <li>Anything else, and PVH: RAM is assumed up to {@link #ASSUMED_RAM_END}, which every QEMU default machine
 *       has; no command line.</li>
 * </ul>
 * Reads nothing but the loader's memory and allocates nothing: it runs before the heap exists.
 */
public final class BootInformation {
    private static final long MIB = 1024 * 1024;
    private static final long ASSUMED_RAM_END = 64 * MIB;
    /** The boot stub identity-maps the first 4 GiB, so memory above is out of reach for now. */
    private static final long IDENTITY_MAPPED_END = 4L * 1024 * MIB;

    private static final long MULTIBOOT2_BOOTLOADER_MAGIC = 0x36d76289L;
    private static final int MB2_TAG_END = 0, MB2_TAG_COMMAND_LINE = 1, MB2_TAG_MEMORY_MAP = 6;
    /** xen/include/public/arch-x86/hvm/start_info.h: the magic, and where {@code cmdline_paddr} is. */
    private static final int PVH_START_MAGIC = 0x336ec578;
    private static final int PVH_COMMAND_LINE = 24;
    /** The longest command line read: as Linux's x86 COMMAND_LINE_SIZE, and Kiln's loaders' limit. */
    private static final int COMMAND_LINE_LIMIT = 2048;
    private static final int MB2_MEMORY_AVAILABLE = 1;

    private BootInformation() {}

    /**
     * The end of the RAM that is free for use from {@code address} on: the end of the available region that
     * contains it in the Multiboot2 memory map, at most 4 GiB; {@link #ASSUMED_RAM_END} when the loader
     * gave no map or the map has no such region. The boot information itself may lie in that range: read it
     * before handing the range out.
     */
    public static long availableRamEnd(long address) {
        long end = multiboot2AvailableEnd(address);
        return end > address ? end : ASSUMED_RAM_END;
    }

    /**
     * The arguments for {@code main}: the loader's command line split at spaces (Kiln's loaders pass the image's
     * {@code kiln.args} so; GRUB passes what follows the kernel on its {@code multiboot2} line, QEMU its
     * {@code -append}); none without a command line. Allocates: call it once the heap is set up. The boot
     * information it reads lies below the heap (Kiln's loaders, GRUB) or is read before anything is allocated
     * over it.
     */
    public static String[] arguments() {
        long line = commandLineAddress();
        int length = 0;
        while (line != 0 && length < COMMAND_LINE_LIMIT && Intrinsics.readByte(line + length) != 0) {
            length++;
        }
        byte[] text = new byte[length];
        int count = 0;
        for (int i = 0; i < length; i++) {
            text[i] = Intrinsics.readByte(line + i);
            if (text[i] != ' ' && (i == 0 || text[i - 1] == ' ')) {
                count++;
            }
        }
        String[] arguments = new String[count];
        int argument = 0;
        for (int start = 0; start < length; ) {
            if (text[start] == ' ') {
                start++;
                continue;
            }
            int end = start;
            while (end < length && text[end] != ' ') {
                end++;
            }
            arguments[argument++] = new String(text, start, end - start);
            start = end;
        }
        return arguments;
    }

    /** The zero-terminated command line the loader gave, or 0. */
    private static long commandLineAddress() {
        long magic = Intrinsics.readLong(Intrinsics.symbol("kiln_boot_magic")) & 0xFFFF_FFFFL;
        long info = Intrinsics.readLong(Intrinsics.symbol("kiln_boot_info")) & 0xFFFF_FFFFL;
        if (magic == MULTIBOOT2_BOOTLOADER_MAGIC) {
            long infoEnd = info + (Intrinsics.readInt(info) & 0xFFFF_FFFFL);
            for (long tag = info + 8; tag + 8 <= infoEnd; ) {
                int type = Intrinsics.readInt(tag);
                long size = Intrinsics.readInt(tag + 4) & 0xFFFF_FFFFL;
                if (type == MB2_TAG_END || size < 8) {
                    return 0;
                }
                if (type == MB2_TAG_COMMAND_LINE) {
                    return tag + 8;
                }
                tag += (size + 7) & -8;
            }
            return 0;
        }
        if (info != 0 && Intrinsics.readInt(info) == PVH_START_MAGIC) {
            return Intrinsics.readLong(info + PVH_COMMAND_LINE) & 0xFFFF_FFFFL;
        }
        return 0;
    }

    /**
     * <pre>
     * boot information: u32 total_size, u32 reserved, then tags, each 8-aligned:
     *   tag:            u32 type, u32 size (without padding)
     *   memory map (6): u32 type, u32 size, u32 entry_size, u32 entry_version, entries:
     *   entry:          u64 base_addr, u64 length, u32 type (1 = available RAM), u32 reserved
     * </pre>
     */
    private static long multiboot2AvailableEnd(long address) {
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
