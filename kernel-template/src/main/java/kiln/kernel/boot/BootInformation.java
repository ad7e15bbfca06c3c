package kiln.kernel.boot;

import kiln.kernel.drivers.HostedLinux;
import kiln.runtime.Intrinsics;

/**
 * What the boot loader tells the kernel, read from the protocol it used. The boot stub stores the loader's
 * {@code eax} and {@code ebx} at {@code kiln_boot_magic} and {@code kiln_boot_info} (docs/boot.md); this
 * class is the only reader of the structures they point to, so the rest of the kernel (the heap first of all)
 * gets plain memory ranges and never parses a boot protocol itself.
 *
 * <ul>
 *   <li><b>Multiboot2</b> (eax = 0x36d76289, ebx = the boot information; Kiln's own BIOS loader and GRUB):
 *       the memory map tag (Multiboot2 §3.6.8, tag type 6).</li>
 *   <li><b>Xen PVH</b> ({@code qemu -kernel}; ebx = {@code hvm_start_info}) and anything else: no map is
 *       read; RAM is assumed up to {@link #ASSUMED_RAM_END}, which every QEMU default machine has.</li>
 * </ul>
 * The screen comes from the Multiboot2 framebuffer tag (§3.6.12, tag type 8), which Kiln's UEFI loader builds from
 * the Graphics Output Protocol and GRUB from its video mode: {@link #framebuffer}.
 * The kernel command line comes from either: the Multiboot2 command-line tag (§3.6.3, tag type 1) or PVH's
 * {@code cmdline_paddr} ({@code hvm_start_info} +24, xen/include/public/arch-x86/hvm/start_info.h).
 * Reads nothing but the loader's memory; only {@link #arguments} allocates (the rest runs before the heap exists).
 */
public final class BootInformation {
    private static final long MIB = 1024 * 1024;
    private static final long ASSUMED_RAM_END = 64 * MIB;
    /**
     * The end of the memory that the hosted stub maps for the heap (HostedStub.HEAP_END in the boot module): a Linux
     * process only pays for the pages it touches, and the heap touches about its live data plus its budget (Heap,
     * "Collecting after a budget").
     */
    private static final long HOSTED_RAM_END = 1024 * MIB;
    /** The boot stub identity-maps the first 4 GiB, so memory above is out of reach for now. */
    private static final long IDENTITY_MAPPED_END = 4L * 1024 * MIB;

    private static final long MULTIBOOT2_BOOTLOADER_MAGIC = 0x36d76289L;
    private static final long PVH_START_MAGIC = 0x336ec578L;
    private static final int PVH_CMDLINE_OFFSET = 24;
    private static final int MB2_TAG_END = 0, MB2_TAG_COMMAND_LINE = 1, MB2_TAG_MEMORY_MAP = 6, MB2_TAG_FRAMEBUFFER = 8;
    private static final int MB2_FRAMEBUFFER_RGB = 1, MB2_FRAMEBUFFER_EGA_TEXT = 2;
    private static final int MB2_MEMORY_AVAILABLE = 1;
    /** The longest command line read: as Linux's x86 COMMAND_LINE_SIZE, and Kiln's loaders' limit. */
    private static final int COMMAND_LINE_LIMIT = 2048;
    /** Command line words for the kernel itself, not for {@code main}. */
    private static final String KERNEL_PARAMETER_PREFIX = "kiln.";

    private BootInformation() {}

    /**
     * The end of the RAM that is free for use from {@code address} on: the end of the available region that
     * contains it in the Multiboot2 memory map, at most 4 GiB; {@link #HOSTED_RAM_END} on the hosted target;
     * {@link #ASSUMED_RAM_END} when the loader gave no map or the map has no such region. The boot information itself may lie in that range: read it
     * before handing the range out.
     */
    public static long availableRamEnd(long address) {
        if (HostedLinux.isActive()) {
            return HOSTED_RAM_END;
        }
        long end = multiboot2AvailableEnd(address);
        return end > address ? end : ASSUMED_RAM_END;
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
        long tag = multiboot2Tag(MB2_TAG_MEMORY_MAP);
        if (tag == 0) {
            return 0;
        }
        long size = Intrinsics.readInt(tag + 4) & 0xFFFF_FFFFL;
        long entrySize = Intrinsics.readInt(tag + 8) & 0xFFFF_FFFFL;
        if (entrySize < 24) {
            return 0;
        }
        for (long entry = tag + 16; entry + 24 <= tag + size; entry += entrySize) {
            long base = Intrinsics.readLong(entry);
            long length = Intrinsics.readLong(entry + 8);
            int entryType = Intrinsics.readInt(entry + 16);
            if (entryType == MB2_MEMORY_AVAILABLE && base <= address && unsignedBelow(address - base, length)) {
                long identityMappedLeft = IDENTITY_MAPPED_END - base;
                return unsignedBelow(identityMappedLeft, length) ? IDENTITY_MAPPED_END : base + length;
            }
        }
        return 0;
    }

    /**
     * {@code a < b} as unsigned numbers, by flipping both sign bits. Not {@code Long.compareUnsigned}: at this point
     * of the boot that call would initialize {@code java.lang.Long}, whose initializer looks its primitive class up by
     * name, code that nothing else of a small program's boot runs (and under QEMU's TCG, code run once is mostly
     * the cost of translating it).
     */
    private static boolean unsignedBelow(long a, long b) {
        return a + Long.MIN_VALUE < b + Long.MIN_VALUE;
    }

    /** The first Multiboot2 tag of {@code type}, or 0 (also when the loader was not a Multiboot2 one). */
    private static long multiboot2Tag(int wanted) {
        if (bootMagic() != MULTIBOOT2_BOOTLOADER_MAGIC) {
            return 0;
        }
        long info = bootInfo();
        long infoEnd = info + (Intrinsics.readInt(info) & 0xFFFF_FFFFL);
        long tag = info + 8;
        while (tag + 8 <= infoEnd) {
            int type = Intrinsics.readInt(tag);
            long size = Intrinsics.readInt(tag + 4) & 0xFFFF_FFFFL;
            if (type == MB2_TAG_END || size < 8) {
                break;
            }
            if (type == wanted) {
                return tag;
            }
            tag += (size + 7) & -8;
        }
        return 0;
    }

    private static long bootMagic() {
        return Intrinsics.readLong(Intrinsics.symbol("kiln_boot_magic")) & 0xFFFF_FFFFL;
    }

    private static long bootInfo() {
        return Intrinsics.readLong(Intrinsics.symbol("kiln_boot_info")) & 0xFFFF_FFFFL;
    }

    /**
     * The screen the loader left behind, from the Multiboot2 framebuffer tag: a direct-RGB framebuffer of 32 bits
     * per pixel, or EGA text (GRUB in text mode); null when there is no tag (Kiln's BIOS loader, PVH, the hosted
     * target) or it describes something else (an indexed-colour or 15/16/24-bit mode).
     * <pre>
     * tag (type 8): u32 type, u32 size, u64 framebuffer_addr, u32 pitch, u32 width, u32 height, u8 bpp,
     *               u8 framebuffer_type (0 indexed, 1 direct RGB, 2 EGA text), u16 reserved, then for type 1:
     *               u8 red_field_position, u8 red_mask_size, u8 green position, size, u8 blue position, size
     * </pre>
     * For EGA text, width and height count characters and pitch bytes per row. Allocates: call it with a heap.
     */
    public static Framebuffer framebuffer() {
        if (HostedLinux.isActive()) {
            return null;
        }
        long tag = multiboot2Tag(MB2_TAG_FRAMEBUFFER);
        if (tag == 0) {
            return null;
        }
        long address = Intrinsics.readLong(tag + 8);
        int pitch = Intrinsics.readInt(tag + 16);
        int width = Intrinsics.readInt(tag + 20);
        int height = Intrinsics.readInt(tag + 24);
        int bitsPerPixel = Intrinsics.readByte(tag + 28) & 0xFF;
        int type = Intrinsics.readByte(tag + 29) & 0xFF;
        if (type == MB2_FRAMEBUFFER_EGA_TEXT) {
            return new Framebuffer(address, pitch, width, height, true, 0, 0, 0);
        }
        if (type != MB2_FRAMEBUFFER_RGB || bitsPerPixel != 32) {
            return null;
        }
        return new Framebuffer(address, pitch, width, height, false, Intrinsics.readByte(tag + 32),
                Intrinsics.readByte(tag + 34), Intrinsics.readByte(tag + 36));
    }

    /**
     * A screen from the framebuffer tag: pixels (32 bits each, colour components 8 bits wide at the given bit
     * positions) or, if {@code text}, EGA text cells (width × height characters).
     */
    public static final class Framebuffer {
        public final long address;
        public final int pitch, width, height;
        public final boolean text;
        public final int redShift, greenShift, blueShift;

        Framebuffer(long address, int pitch, int width, int height, boolean text, int redShift, int greenShift,
                int blueShift) {
            this.address = address;
            this.pitch = pitch;
            this.width = width;
            this.height = height;
            this.text = text;
            this.redShift = redShift;
            this.greenShift = greenShift;
            this.blueShift = blueShift;
        }
    }

    /**
     * The arguments for {@code main}: the words of the kernel command line (separated by spaces) that are not the
     * kernel's own {@code kiln.*} parameters (such as {@code kiln.test=...}, see {@link TestHooks}). Kiln's
     * loaders pass the image's {@code kiln.args} so; GRUB passes what follows the kernel on its {@code multiboot2}
     * line, QEMU its {@code -append} (PVH); on the hosted target they are the process's arguments. Allocates: call
     * it once the heap is set up. The boot information lies below the heap (Kiln's loaders put it below 1 MiB).
     */
    public static String[] arguments() {
        String[] words = new String[0];
        if (HostedLinux.isActive()) {
            long initialStack = Intrinsics.readLong(Intrinsics.symbol("kiln_boot_info"));
            long argc = Intrinsics.readLong(initialStack);
            for (long i = 1; i < argc; i++) {
                words = appendWords(words, Intrinsics.readLong(initialStack + 8 * (i + 1)), false);
            }
        } else {
            long line = commandLine();
            if (line != 0) {
                words = appendWords(words, line, true);
            }
        }
        return words;
    }

    /**
     * {@code words} and the words of the NUL-terminated text at {@code text} (one word if not {@code split}),
     * less the kernel's own {@code kiln.*} parameters; at most {@link #COMMAND_LINE_LIMIT} bytes are read.
     */
    private static String[] appendWords(String[] words, long text, boolean split) {
        int length = 0;
        while (length < COMMAND_LINE_LIMIT && Intrinsics.readByte(text + length) != 0) {
            length++;
        }
        byte[] bytes = new byte[length];
        for (int i = 0; i < length; i++) {
            bytes[i] = Intrinsics.readByte(text + i);
        }
        String[] result = words;
        for (int start = 0; start < length; ) {
            int end = start;
            while (end < length && !(split && bytes[end] == ' ')) {
                end++;
            }
            String word = new String(bytes, start, end - start);
            if (end > start && !word.startsWith(KERNEL_PARAMETER_PREFIX)) {
                String[] longer = new String[result.length + 1];
                System.arraycopy(result, 0, longer, 0, result.length);
                longer[result.length] = word;
                result = longer;
            }
            start = end + 1;
        }
        return result;
    }

    /** The address of the NUL-terminated kernel command line, or 0 when the loader passed none. Not hosted. */
    private static long commandLine() {
        long tag = multiboot2Tag(MB2_TAG_COMMAND_LINE);
        if (tag != 0) {
            return tag + 8;
        }
        long info = bootInfo();
        if (info != 0 && (Intrinsics.readInt(info) & 0xFFFF_FFFFL) == PVH_START_MAGIC) {
            return Intrinsics.readLong(info + PVH_CMDLINE_OFFSET);
        }
        return 0;
    }

    /**
     * Whether the kernel command line has {@code word} as one of its space-separated words. On the hosted target
     * the command line is the process's arguments: the hosted stub leaves the initial rsp in
     * {@code kiln_boot_info}, where argc is followed by the argv pointers (System V psABI §3.4.1).
     */
    public static boolean commandLineHas(String word) {
        if (HostedLinux.isActive()) {
            long initialStack = Intrinsics.readLong(Intrinsics.symbol("kiln_boot_info"));
            long argc = Intrinsics.readLong(initialStack);
            for (long i = 1; i < argc; i++) {
                long argument = Intrinsics.readLong(initialStack + 8 * (i + 1));
                if (sameAscii(argument, word) && Intrinsics.readByte(argument + word.length()) == 0) {
                    return true;
                }
            }
            return false;
        }
        long line = commandLine();
        if (line == 0) {
            return false;
        }
        long wordStart = line;
        for (long at = line; ; at++) {
            int c = Intrinsics.readByte(at);
            if (c == ' ' || c == 0) {
                if (at - wordStart == word.length() && sameAscii(wordStart, word)) {
                    return true;
                }
                if (c == 0) {
                    return false;
                }
                wordStart = at + 1;
            }
        }
    }

    private static boolean sameAscii(long address, String word) {
        for (int i = 0; i < word.length(); i++) {
            if (Intrinsics.readByte(address + i) != word.charAt(i)) {
                return false;
            }
        }
        return true;
    }
}
