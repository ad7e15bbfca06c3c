package dev.kiln.boot.loader;

import dev.kiln.compiler.asm.Assembler;
import dev.kiln.compiler.asm.Cond;
import dev.kiln.compiler.asm.ControlReg;
import dev.kiln.compiler.asm.Imm;
import dev.kiln.compiler.asm.Label;
import dev.kiln.compiler.asm.Mem;
import dev.kiln.compiler.asm.Mode;
import dev.kiln.compiler.asm.Reg;
import dev.kiln.compiler.asm.SegReg;

import java.nio.charset.StandardCharsets;

import static dev.kiln.compiler.asm.Reg.AX;
import static dev.kiln.compiler.asm.Reg.EAX;
import static dev.kiln.compiler.asm.Reg.EBP;
import static dev.kiln.compiler.asm.Reg.EBX;
import static dev.kiln.compiler.asm.Reg.ECX;
import static dev.kiln.compiler.asm.Reg.EDX;
import static dev.kiln.compiler.asm.Reg.ESP;
import static dev.kiln.compiler.asm.Reg.R8;
import static dev.kiln.compiler.asm.Reg.R8D;
import static dev.kiln.compiler.asm.Reg.R9;
import static dev.kiln.compiler.asm.Reg.R10;
import static dev.kiln.compiler.asm.Reg.R11;
import static dev.kiln.compiler.asm.Reg.RAX;
import static dev.kiln.compiler.asm.Reg.RBP;
import static dev.kiln.compiler.asm.Reg.RBX;
import static dev.kiln.compiler.asm.Reg.RCX;
import static dev.kiln.compiler.asm.Reg.RDI;
import static dev.kiln.compiler.asm.Reg.RDX;
import static dev.kiln.compiler.asm.Reg.RSI;
import static dev.kiln.compiler.asm.Reg.RSP;

/**
 * Kiln's UEFI boot loader: the code of {@code EFI/BOOT/BOOTX64.EFI} ({@link PortableExecutable} wraps it), which
 * takes the CPU from the firmware's 64-bit boot-services environment to the kernel's 32-bit entry in the same
 * Multiboot2 machine state and with the same kind of boot information as {@link BiosBootLoader}.
 * {@code docs/boot.md} explains the sequence; this class is the sequence, one commented instruction at a time.
 *
 * <h2>Design</h2>
 * The firmware calls {@code efi_main(ImageHandle, SystemTable)} in 64-bit long mode, with paging on and every
 * address identity-mapped, using the Microsoft x64 calling convention (UEFI 2.10 §2.3.4: arguments in
 * rcx, rdx, r8, r9, 32 bytes of shadow space, rsp 16-byte aligned at each call). The loader
 * <ol>
 *   <li>allocates the kernel's memory at its link address ({@code AllocatePages(AllocateAddress)}) and one block
 *       for the boot information, the UEFI memory map and the kernel's first stack: below 1 MiB if the firmware
 *       has room there, as the BIOS loader's (the kernel's heap starts above the kernel, so it never covers the
 *       boot information), else anywhere below 4 GiB;</li>
 *   <li>decodes the flat kernel's LZ4 block, which sits in this very image right after the loader's data (so no file system
 *       protocol is needed, and the BIOS loader reads the same bytes by LBA);</li>
 *   <li>writes the Multiboot2 framebuffer tag from the Graphics Output Protocol, if there is one;</li>
 *   <li>gets the memory map and calls {@code ExitBootServices} with its key (again if the map changed);</li>
 *   <li>turns the UEFI memory map into the Multiboot2 memory map tag, merging neighbours of the same type;</li>
 *   <li>leaves long mode for 32-bit protected mode with paging off and jumps to the kernel's entry with
 *       eax = the Multiboot2 magic and ebx = the boot information (MB2 §3.3).</li>
 * </ol>
 * Rejected alternatives:
 * <ul>
 *   <li><b>A 64-bit entry in the kernel's boot stub.</b> The stub would then need a second path that replaces
 *       the firmware's page tables and GDT while running on them, and GRUB, QEMU {@code -kernel} and the BIOS
 *       loader would still use the 32-bit one: two contracts to keep working instead of one. Leaving long mode
 *       is the documented inverse of entering it (Intel SDM Vol. 3A §9.8.5.4) and costs ten instructions here.</li>
 *   <li><b>Reading {@code KERNEL.BIN} through the Simple File System protocol.</b> Five more protocol calls
 *       (loaded image, device handle, volume, open, read) and a second copy of the kernel in the image; the
 *       firmware already read this file into memory to start it.</li>
 *   <li><b>ExitBootServices before the copy.</b> Allocating the kernel's pages first is what tells the firmware
 *       not to hand that memory out; after ExitBootServices the loader could overwrite firmware runtime data.</li>
 * </ul>
 * The jump to 32-bit code must run below 4 GiB (the instruction pointer is truncated to 32 bits once long mode
 * is off): the loader checks where the firmware put it and stops with a message otherwise.
 *
 * <p>Layout of the low block ({@link #LOW_BLOCK_BYTES}, allocated below 1 MiB or else below 4 GiB):
 * <pre>
 *   +0x00000  Multiboot2 boot information (total_size, reserved, tags)  up to 64 KiB
 *   +0x10000  UEFI memory map buffer                                   64 KiB
 *   +0x20000  the kernel's initial stack, growing down from +0x30000   64 KiB
 * </pre>
 */
public final class UefiBootLoader {
    /** The loader's code is padded to this, so that its data starts on a page of its own (a PE32+ section). */
    public static final int PAGE = 4096;
    /**
     * Instructions in the loader's code, 64- and 32-bit, as objdump counts them (UefiBootLoaderTest checks it): the
     * loader stays small enough to read.
     */
    static final int INSTRUCTION_COUNT = 263;
    static final int LOW_BLOCK_BYTES = 0x30000;
    static final long ONE_MIB = 0x10_0000;
    static final long FOUR_GIB = 1L << 32;
    static final int MEMORY_MAP_BUFFER = 0x10000;
    static final int MEMORY_MAP_BUFFER_BYTES = 0x10000;
    static final int BOOT_INFO_LIMIT = 0x10000 - 32;
    /** EFI_SYSTEM_TABLE (UEFI 2.10 §4.3.1): ConOut at +64, BootServices at +96. */
    static final int SYSTEM_TABLE_CON_OUT = 64;
    static final int SYSTEM_TABLE_BOOT_SERVICES = 96;
    /** EFI_SIMPLE_TEXT_OUTPUT_PROTOCOL (§12.4.1): OutputString is the second function. */
    static final int CON_OUT_OUTPUT_STRING = 8;
    /** EFI_BOOT_SERVICES (§4.4.1): offsets of the functions used, after the 24-byte table header. */
    static final int ALLOCATE_PAGES = 40;
    static final int GET_MEMORY_MAP = 56;
    static final int EXIT_BOOT_SERVICES = 232;
    static final int LOCATE_PROTOCOL = 320;
    /** EFI_ALLOCATE_TYPE (§7.2.1). */
    static final int ALLOCATE_MAX_ADDRESS = 1;
    static final int ALLOCATE_ADDRESS = 2;
    /** EFI_MEMORY_TYPE: EfiLoaderData. */
    static final int LOADER_DATA = 2;
    /** EFI_STATUS EFI_LOAD_ERROR (Appendix D): the high bit marks an error. */
    static final long LOAD_ERROR = 0x8000_0000_0000_0001L;
    /** ExitBootServices is retried this often with a fresh map key before the loader gives up. */
    static final int EXIT_ATTEMPTS = 4;
    /** EFI_MEMORY_DESCRIPTOR (§7.2.3): Type (u32) at 0, PhysicalStart at 8, NumberOfPages at 24. */
    static final int DESCRIPTOR_PHYSICAL_START = 8;
    static final int DESCRIPTOR_NUMBER_OF_PAGES = 24;
    /** EFI_GRAPHICS_OUTPUT_PROTOCOL (§12.9.2): Mode at +24; its Info at +8 and FrameBufferBase at +24. */
    static final int GOP_MODE = 24;
    static final int MODE_INFO = 8;
    static final int MODE_FRAME_BUFFER_BASE = 24;
    /** EFI_GRAPHICS_OUTPUT_MODE_INFORMATION: width +4, height +8, PixelFormat +12, PixelsPerScanLine +32. */
    static final int INFO_WIDTH = 4;
    static final int INFO_HEIGHT = 8;
    static final int INFO_PIXEL_FORMAT = 12;
    static final int INFO_PIXELS_PER_SCAN_LINE = 32;
    /** EFI_GRAPHICS_PIXEL_FORMAT: PixelRedGreenBlueReserved8BitPerColor = 0, PixelBlueGreenRed... = 1. */
    static final int PIXEL_RGB = 0;
    static final int PIXEL_BGR = 1;
    /** Multiboot2 §3.6.12: framebuffer info tag, type 8; 38 bytes for direct RGB colour, padded to 40. */
    static final int TAG_FRAMEBUFFER = 8;
    static final int FRAMEBUFFER_TAG_SIZE = 38;
    static final int FRAMEBUFFER_TAG_SPACE = 40;
    /** IA32_EFER (SDM Vol. 4, MSR 0xC0000080): bit 8 is LME, long mode enable. */
    static final int IA32_EFER = 0xC000_0080;
    static final int EFER_LME = 1 << 8;
    public static final String MEMORY_ERROR = "kiln: the kernel's memory (its link address) is not free\r\n";
    static final String LOW_MEMORY_ERROR = "kiln: no free memory below 4 GiB for the boot information\r\n";
    static final String HIGH_LOADER_ERROR = "kiln: the firmware loaded BOOTX64.EFI above 4 GiB\r\n";
    static final String EXIT_ERROR = "kiln: ExitBootServices failed\r\n";

    private final Assembler asm = new Assembler(Mode.BITS64);
    private final BootParameters parameters;
    private final Label imageHandle = asm.newLabel("image_handle");
    private final Label systemTable = asm.newLabel("system_table");
    private final Label kernelAddress = asm.newLabel("kernel_address");
    private final Label kernelPages = asm.newLabel("kernel_pages");
    private final Label compressedBytes = asm.newLabel("compressed_bytes");
    private final Label decoder = asm.newLabel("decode_lz4");
    private final Label entry = asm.newLabel("entry");
    private final Label lowBlock = asm.newLabel("low_block");
    private final Label memoryMapTag = asm.newLabel("memory_map_tag");
    private final Label mapSize = asm.newLabel("map_size");
    private final Label mapKey = asm.newLabel("map_key");
    private final Label descriptorSize = asm.newLabel("descriptor_size");
    private final Label descriptorVersion = asm.newLabel("descriptor_version");
    private final Label exitAttempts = asm.newLabel("exit_attempts");
    private final Label gop = asm.newLabel("gop");
    private final Label gopGuid = asm.newLabel("gop_guid");
    private final Label memoryTypes = asm.newLabel("memory_types");
    private final Label gdt = asm.newLabel("gdt");
    private final Label gdtDescriptor = asm.newLabel("gdt_descriptor");
    private final Label protectedMode = asm.newLabel("protected_mode");
    private final Label fail = asm.newLabel("fail");
    private final Label exitFailed = asm.newLabel("exit_failed");
    private final Label memoryErrorMessage = asm.newLabel("memory_error_message");
    private final Label lowMemoryErrorMessage = asm.newLabel("low_memory_error_message");
    private final Label highLoaderErrorMessage = asm.newLabel("high_loader_error_message");
    private final Label exitErrorMessage = asm.newLabel("exit_error_message");
    private final Label kernelImage = asm.newLabel("kernel_image");
    private final Label commandLineTag = asm.newLabel("command_line_tag");
    private final Label commandLineAdvance = asm.newLabel("command_line_advance");

    /** Where the 32-bit code starts and ends, and where the code ends: see {@link #codeParts}. */
    private int compatibilityStart, compatibilityEnd, codeEnd;

    private UefiBootLoader(BootParameters parameters) {
        this.parameters = parameters;
    }

    /**
     * The loader for one kernel: code padded to whole pages ({@link Assembled#codeBytes()}), then its data, padded
     * so that the kernel's bytes, which the caller appends, start on a 2048-byte boundary of the data. The lengths
     * do not depend on the parameters.
     */
    public static Assembled assemble(BootParameters parameters) {
        return new UefiBootLoader(parameters).build();
    }

    /**
     * The code's parts as byte offsets {64-bit start, 32-bit start, 32-bit end, end}: the 32-bit part is
     * {@link #leaveLongMode}'s after the far return; the end is before the page padding. For the test that counts
     * the instructions ({@link #INSTRUCTION_COUNT}).
     */
    static int[] codeParts(BootParameters parameters) {
        UefiBootLoader loader = new UefiBootLoader(parameters);
        loader.build();
        return new int[] {0, loader.compatibilityStart, loader.compatibilityEnd, loader.codeEnd};
    }

    private Assembled build() {
        enter();
        allocate();
        decodeKernel();
        framebufferTag();
        exitBootServices();
        memoryMapTag();
        leaveLongMode();
        failure();
        Lz4Decoder.emit(asm, decoder, true);
        codeEnd = asm.offset();
        asm.align(PAGE, 0);
        int codeBytes = asm.offset();
        data();
        asm.align(2048, 0);
        asm.bind(kernelImage);                       // the kernel's bytes follow: PortableExecutable appends them
        return new Assembled(asm.flatBinary(), codeBytes);
    }

    /**
     * The assembled loader.
     *
     * @param bytes     code, then data; the kernel's bytes belong right after
     * @param codeBytes how many of {@code bytes} are code (whole pages); the rest is read-write data
     */
    public record Assembled(byte[] bytes, int codeBytes) {
    }

    private static Imm imm(long value) {
        return Imm.of(value);
    }

    private static Mem at(int bits, Label label) {
        return Mem.label(bits, label);
    }

    private static Mem at(int bits, Reg base, int displacement) {
        return Mem.of(bits, base, displacement);
    }

    /** {@code rax = status of BootServices->function(rcx, rdx, r8, r9)}; the arguments are set by the caller. */
    private void callBootService(int function) {
        asm.mov(RAX, at(64, systemTable));
        asm.mov(RAX, at(64, RAX, SYSTEM_TABLE_BOOT_SERVICES)); // EFI_BOOT_SERVICES*
        asm.call(at(64, RAX, function));
    }

    /** efi_main(ImageHandle = rcx, SystemTable = rdx): keep both, align the stack for calls. */
    private void enter() {
        asm.sub(RSP, imm(0x28));                     // entry rsp = 16n + 8 (the return address): 32 bytes of shadow
                                                     // space for callees + 8 realign to 16 (UEFI 2.10 §2.3.4.2)
        asm.mov(at(64, imageHandle), RCX);
        asm.mov(at(64, systemTable), RDX);
    }

    /** Step 1: the kernel's pages at its link address, and the low block below 4 GiB. */
    private void allocate() {
        asm.mov(ECX, imm(ALLOCATE_ADDRESS));         // exactly at *Memory ...
        asm.mov(EDX, imm(LOADER_DATA));              // ... as loader data (usable RAM once boot services end)
        asm.mov(R8, at(64, kernelPages));            // pages for file + BSS
        asm.lea(R9, at(0, kernelAddress));           // in: the load address; out: the same
        callBootService(ALLOCATE_PAGES);
        asm.lea(RDX, at(0, memoryErrorMessage));
        asm.test(RAX, RAX);                          // EFI_SUCCESS is 0; anything else (EFI_NOT_FOUND: the range
        asm.jcc(Cond.NE, fail);                      // is not free memory) stops here with a message
        Label lowBlockAllocated = asm.newLabel("low_block_allocated");
        allocateLowBlock();                          // below 1 MiB, like the BIOS loader's: never in the kernel's heap
        asm.jcc(Cond.E, lowBlockAllocated);
        asm.mov(EAX, imm(FOUR_GIB - 1));             // else anywhere below 4 GiB (a 32-bit write clears bits 63:32;
        asm.mov(at(64, lowBlock), RAX);              // a 64-bit store of an imm32 would sign-extend it to 2^64 - 1)
        allocateLowBlock();
        asm.lea(RDX, at(0, lowMemoryErrorMessage));
        asm.jcc(Cond.NE, fail);
        asm.bind(lowBlockAllocated);
        asm.lea(RAX, at(0, protectedMode));          // the 32-bit part of this loader must be below 4 GiB
        asm.shr(RAX, imm(32));
        asm.lea(RDX, at(0, highLoaderErrorMessage));
        asm.jcc(Cond.NE, fail);
    }

    /** AllocatePages(AllocateMaxAddress) for the low block, up to the address in {@code low_block}; ZF = success. */
    private void allocateLowBlock() {
        asm.mov(ECX, imm(ALLOCATE_MAX_ADDRESS));     // anywhere whose last byte is at most *Memory
        asm.mov(EDX, imm(LOADER_DATA));
        asm.mov(R8D, imm(LOW_BLOCK_BYTES / PAGE));
        asm.lea(R9, at(0, lowBlock));
        callBootService(ALLOCATE_PAGES);
        asm.test(RAX, RAX);
    }

    /**
     * Step 2: the kernel's LZ4 block ({@link Lz4Block}), which follows this loader's data in its image, decoded to the
     * kernel's load address. Its BSS is left as the firmware left it: the kernel's boot stub clears its own
     * (BootStub), whichever loader started it. rbx and rbp are the caller's (UEFI 2.10 §2.3.4.2: callee-saved).
     */
    private void decodeKernel() {
        asm.push(RBX);
        asm.push(RBP);                               // two pushes: rsp stays 16-aligned for the call
        asm.lea(RSI, at(0, kernelImage));            // from the block in this image ...
        asm.mov(RBP, RSI);
        asm.add(RBP, at(64, compressedBytes));       // ... to its end ...
        asm.mov(RDI, at(64, kernelAddress));         // ... decoded to the kernel's link address
        asm.call(decoder);
        asm.pop(RBP);
        asm.pop(RBX);
    }

    /**
     * Step 3: the Multiboot2 framebuffer tag, then the command line tag (MB2 §3.6.12) from the Graphics Output Protocol's current mode, when
     * there is a GOP with a linear framebuffer (pixel formats 0 and 1, 32 bits per pixel):
     * <pre>
     *   +0  u32 type = 8     +8  u64 framebuffer_addr   +20 u32 width    +28 u8 bpp = 32   +30 u16 reserved
     *   +4  u32 size = 38    +16 u32 pitch (bytes)       +24 u32 height   +29 u8 type = 1 (direct RGB)
     *   +32 u8 red_field_position   +33 u8 red_mask_size   +34 green position  +35 green size
     *   +36 blue position   +37 blue size                   (2 bytes of padding to the next 8-byte boundary)
     * </pre>
     * rdi ends after the tag, or where it started if there is none.
     */
    private void framebufferTag() {
        Label noFramebuffer = asm.newLabel("no_framebuffer");
        Label bgr = asm.newLabel("pixel_bgr");
        Label colorsSet = asm.newLabel("colors_set");
        asm.mov(RDI, at(64, lowBlock));
        asm.add(RDI, imm(8));                        // the first tag, after total_size and reserved
        asm.lea(RCX, at(0, gopGuid));                // LocateProtocol(&gop_guid, NULL, &gop)
        asm.xor(EDX, EDX);
        asm.lea(R8, at(0, gop));
        callBootService(LOCATE_PROTOCOL);
        asm.mov(RDI, at(64, lowBlock));              // (rdi is callee-saved in the UEFI ABI; reload it anyway)
        asm.add(RDI, imm(8));
        asm.test(RAX, RAX);
        asm.jcc(Cond.NE, noFramebuffer);             // no GOP (a serial-only machine): no framebuffer tag
        asm.mov(RSI, at(64, gop));
        asm.mov(RSI, at(64, RSI, GOP_MODE));         // EFI_GRAPHICS_OUTPUT_PROTOCOL_MODE*
        asm.mov(RDX, at(64, RSI, MODE_INFO));        // EFI_GRAPHICS_OUTPUT_MODE_INFORMATION*
        asm.mov(EAX, at(32, RDX, INFO_PIXEL_FORMAT));
        asm.cmp(EAX, imm(PIXEL_BGR));
        asm.jcc(Cond.A, noFramebuffer);              // a bit-mask format or Blt only: nothing a kernel can draw on
        asm.mov(at(32, RDI, 0), imm(TAG_FRAMEBUFFER));
        asm.mov(at(32, RDI, 4), imm(FRAMEBUFFER_TAG_SIZE));
        asm.mov(RCX, at(64, RSI, MODE_FRAME_BUFFER_BASE));
        asm.mov(at(64, RDI, 8), RCX);                // framebuffer_addr
        asm.mov(ECX, at(32, RDX, INFO_PIXELS_PER_SCAN_LINE));
        asm.shl(ECX, imm(2));                        // pitch = pixels per scan line * 4 bytes
        asm.mov(at(32, RDI, 16), ECX);
        asm.mov(ECX, at(32, RDX, INFO_WIDTH));
        asm.mov(at(32, RDI, 20), ECX);
        asm.mov(ECX, at(32, RDX, INFO_HEIGHT));
        asm.mov(at(32, RDI, 24), ECX);
        asm.mov(at(16, RDI, 28), imm(32 | 1 << 8));  // bpp = 32, framebuffer_type = 1 (direct RGB)
        asm.mov(at(16, RDI, 30), imm(0));            // reserved
        asm.cmp(EAX, imm(PIXEL_BGR));
        asm.jcc(Cond.E, bgr);
        asm.mov(at(32, RDI, 32), imm(0x08_08_08_00L)); // RGB (byte 0 red): red at bit 0, green at 8, sizes 8
        asm.mov(at(16, RDI, 36), imm(0x08_10));       // blue at bit 16, size 8
        asm.jmp(colorsSet);
        asm.bind(bgr);
        asm.mov(at(32, RDI, 32), imm(0x08_08_08_10L)); // BGR (byte 0 blue): red at bit 16, green at 8
        asm.mov(at(16, RDI, 36), imm(0x08_00));       // blue at bit 0
        asm.bind(colorsSet);
        asm.mov(at(16, RDI, 38), imm(0));            // padding to 40 bytes
        asm.add(RDI, imm(FRAMEBUFFER_TAG_SPACE));
        asm.bind(noFramebuffer);
        asm.lea(RSI, at(0, commandLineTag));         // the command line tag (CommandLineTag): advance bytes, 0 for
        asm.mov(RCX, at(64, commandLineAdvance));    // no command line
        asm.repMovsb();
        asm.mov(at(64, memoryMapTag), RDI);          // the memory map tag follows
    }

    /**
     * Step 4: GetMemoryMap, then ExitBootServices with its key (UEFI 2.10 §7.4.6): if the map changed in between
     * (an event allocated memory), ExitBootServices fails with EFI_INVALID_PARAMETER and the loader must get the
     * map again; after {@link #EXIT_ATTEMPTS} tries it gives up.
     */
    private void exitBootServices() {
        Label getMap = asm.newLabel("get_memory_map");
        Label exited = asm.newLabel("boot_services_exited");
        asm.mov(at(32, exitAttempts), imm(EXIT_ATTEMPTS));
        asm.bind(getMap);
        asm.mov(at(64, mapSize), imm(MEMORY_MAP_BUFFER_BYTES)); // in: the buffer's size
        asm.lea(RCX, at(0, mapSize));                // GetMemoryMap(&size, buffer, &key, &descriptor_size,
        asm.mov(RDX, at(64, lowBlock));              //              &descriptor_version)
        asm.add(RDX, imm(MEMORY_MAP_BUFFER));
        asm.lea(R8, at(0, mapKey));
        asm.lea(R9, at(0, descriptorSize));
        asm.lea(RAX, at(0, descriptorVersion));
        asm.mov(at(64, RSP, 32), RAX);               // the fifth argument goes on the stack, above the shadow space
        callBootService(GET_MEMORY_MAP);
        asm.test(RAX, RAX);
        asm.jcc(Cond.NE, exitFailed);
        asm.mov(RCX, at(64, imageHandle));           // ExitBootServices(ImageHandle, MapKey)
        asm.mov(RDX, at(64, mapKey));
        callBootService(EXIT_BOOT_SERVICES);
        asm.test(RAX, RAX);
        asm.jcc(Cond.E, exited);
        asm.dec(at(32, exitAttempts));
        asm.jcc(Cond.NE, getMap);
        asm.jmp(exitFailed);
        asm.bind(exited);
        asm.cli();                                   // the machine is ours: no firmware interrupt handlers from here on
    }

    /**
     * Step 5: the Multiboot2 memory map tag (MB2 §3.6.8; the layout is in {@link BiosBootLoader#readMemoryMap})
     * from the UEFI map, then the end tag and total_size. UEFI types become Multiboot2 types through
     * {@code memory_types} (UEFI 2.10 §7.2.3 Table 7-6 says which memory an OS may use after ExitBootServices:
     * loader and boot-services code and data, and conventional memory). A descriptor that continues the previous
     * entry with the same type extends it: UEFI maps come in many small pieces, and merged entries are what E820
     * gives the BIOS path.
     */
    private void memoryMapTag() {
        Label next = asm.newLabel("next_descriptor");
        Label known = asm.newLabel("type_known");
        Label append = asm.newLabel("append_entry");
        Label advance = asm.newLabel("advance_descriptor");
        Label done = asm.newLabel("map_done");
        asm.mov(RBX, at(64, memoryMapTag));          // rbx = the tag
        asm.lea(RDI, at(64, RBX, 16));               // rdi = where the next entry goes, after the 16-byte header
        asm.mov(RSI, at(64, lowBlock));
        asm.add(RSI, imm(MEMORY_MAP_BUFFER));        // rsi = the first UEFI descriptor
        asm.mov(R10, RSI);
        asm.add(R10, at(64, mapSize));               // r10 = the end of the UEFI map
        asm.lea(R11, at(0, memoryTypes));            // r11 = the type table
        asm.bind(next);
        asm.cmp(RSI, R10);
        asm.jcc(Cond.AE, done);
        asm.mov(EAX, at(32, RSI, 0));                // UEFI type
        asm.mov(ECX, imm(2));                        // beyond the table (OEM and OS types): reserved
        asm.cmp(EAX, imm(16));
        asm.jcc(Cond.AE, known);
        asm.movzx(ECX, Mem.of(8, R11, RAX, 1, 0));   // Multiboot2 type from the table
        asm.bind(known);
        asm.mov(R8, at(64, RSI, DESCRIPTOR_PHYSICAL_START));
        asm.mov(R9, at(64, RSI, DESCRIPTOR_NUMBER_OF_PAGES));
        asm.shl(R9, imm(12));                        // pages of 4 KiB to bytes
        asm.lea(RAX, at(64, RBX, 16));
        asm.cmp(RDI, RAX);                           // no entry yet: nothing to extend
        asm.jcc(Cond.E, append);
        asm.cmp(at(32, RDI, -8), ECX);               // the previous entry's type ...
        asm.jcc(Cond.NE, append);
        asm.mov(RAX, at(64, RDI, -24));              // ... and its end, base + length ...
        asm.add(RAX, at(64, RDI, -16));
        asm.cmp(RAX, R8);                            // ... is where this descriptor starts:
        asm.jcc(Cond.NE, append);
        asm.add(at(64, RDI, -16), R9);               // one entry, longer
        asm.jmp(advance);
        asm.bind(append);
        asm.mov(RAX, at(64, lowBlock));              // room left for the entry and the end tag?
        asm.add(RAX, imm(BOOT_INFO_LIMIT));
        asm.cmp(RDI, RAX);
        asm.jcc(Cond.AE, done);                      // no: the map ends here (2600 entries, more than any PC has)
        asm.mov(at(64, RDI, 0), R8);                 // base_addr
        asm.mov(at(64, RDI, 8), R9);                 // length
        asm.mov(at(32, RDI, 16), ECX);               // type
        asm.mov(at(32, RDI, 20), imm(0));            // reserved
        asm.add(RDI, imm(BiosBootLoader.MEMORY_MAP_ENTRY));
        asm.bind(advance);
        asm.add(RSI, at(64, descriptorSize));        // descriptors may be larger than the structure (§7.4.5)
        asm.jmp(next);
        asm.bind(done);
        asm.mov(at(32, RBX, 0), imm(BiosBootLoader.TAG_MEMORY_MAP));
        asm.mov(RAX, RDI);
        asm.sub(RAX, RBX);
        asm.mov(at(32, RBX, 4), EAX);                // tag size: header + entries
        asm.mov(at(32, RBX, 8), imm(BiosBootLoader.MEMORY_MAP_ENTRY)); // entry_size
        asm.mov(at(32, RBX, 12), imm(0));            // entry_version
        asm.mov(at(32, RDI, 0), imm(0));             // end tag: type 0 ...
        asm.mov(at(32, RDI, 4), imm(8));             // ... size 8 (8-aligned: 40 + 16 + 24n is)
        asm.add(RDI, imm(8));
        asm.mov(RBX, at(64, lowBlock));              // rbx = the boot information, as the kernel gets it
        asm.mov(RAX, RDI);
        asm.sub(RAX, RBX);
        asm.mov(at(32, RBX, 0), EAX);                // total_size
        asm.mov(at(32, RBX, 4), imm(0));             // reserved
    }

    /**
     * Step 6: from 64-bit mode to 32-bit protected mode with paging off (Intel SDM Vol. 3A §9.8.5.4): a far
     * return into a 32-bit code segment (compatibility mode), then CR0.PG = 0, which also clears IA32_EFER.LMA,
     * then IA32_EFER.LME = 0. The 32-bit code runs where it is, identity-mapped below 4 GiB. Then the Multiboot2
     * handoff as in {@link BiosBootLoader}: flat segments, eax = magic, ebx = boot information.
     */
    private void leaveLongMode() {
        asm.lea(RAX, at(0, gdt));                    // the GDT's address goes into its descriptor at run time:
        asm.mov(Mem.label(64, null, null, 1, gdtDescriptor, 2), RAX); // the loader runs wherever it was loaded
        asm.lgdt(at(0, gdtDescriptor));              // 64-bit lgdt: 2-byte limit, 8-byte base
        asm.mov(EBP, at(32, entry));                 // ebp = the kernel's entry, ebx = the boot information
        asm.mov(RSP, RBX);
        asm.add(RSP, imm(LOW_BLOCK_BYTES));          // the kernel's stack: the top of the low block
        asm.sub(RSP, imm(8));                        // a far return frame in 32-bit operand size (RETF's default
        asm.lea(RAX, at(0, protectedMode));          // in 64-bit mode): the 32-bit offset, then the selector
        asm.mov(at(32, RSP, 0), EAX);
        asm.mov(at(32, RSP, 4), imm(BiosBootLoader.CODE_SELECTOR));
        asm.retFar();                                // CS = the 32-bit code descriptor: compatibility mode
        asm.mode(Mode.BITS32);
        compatibilityStart = asm.offset();
        asm.bind(protectedMode);
        asm.mov(AX, imm(BiosBootLoader.DATA_SELECTOR)); // MB2: DS, ES, FS, GS, SS flat 4 GiB read/write
        asm.movToSeg(SegReg.DS, AX);
        asm.movToSeg(SegReg.ES, AX);
        asm.movToSeg(SegReg.FS, AX);
        asm.movToSeg(SegReg.GS, AX);
        asm.movToSeg(SegReg.SS, AX);
        asm.movFromControl(EAX, ControlReg.CR0);
        asm.and(EAX, imm(0x7FFF_FFFF));              // CR0.PG = 0: paging off, IA32_EFER.LMA = 0: legacy mode
        asm.movToControl(ControlReg.CR0, EAX);
        asm.mov(ECX, imm(IA32_EFER));
        asm.rdmsr();
        asm.and(EAX, imm(~EFER_LME));                // IA32_EFER.LME = 0: the kernel's boot stub enables it itself
        asm.wrmsr();
        asm.mov(EAX, imm(BiosBootLoader.MULTIBOOT2_MAGIC)); // eax: "a Multiboot2 loader started you"
        asm.jmp(EBP);                                // ebx: the boot information
        compatibilityEnd = asm.offset();
        asm.mode(Mode.BITS64);
    }

    /**
     * {@code fail} (rdx = the message, a UCS-2 string): print it with ConOut.OutputString and return
     * EFI_LOAD_ERROR to the firmware, which then tries its next boot option. Every failure happens before
     * ExitBootServices succeeds, while the console still works.
     */
    private void failure() {
        asm.bind(exitFailed);
        asm.lea(RDX, at(0, exitErrorMessage));
        asm.bind(fail);
        asm.mov(RCX, at(64, systemTable));
        asm.mov(RCX, at(64, RCX, SYSTEM_TABLE_CON_OUT)); // OutputString(ConOut, message)
        asm.call(at(64, RCX, CON_OUT_OUTPUT_STRING));
        asm.mov(RAX, imm(LOAD_ERROR));
        asm.add(RSP, imm(0x28));
        asm.ret();
    }

    private void ucs2(Label label, String text) {
        asm.align(2, 0);
        asm.bind(label);
        for (byte character : text.getBytes(StandardCharsets.US_ASCII)) {
            asm.dw(character);
        }
        asm.dw(0);
    }

    /** Variables, parameters, the GOP GUID, the memory type table, the GDT and the messages. */
    private void data() {
        asm.bind(imageHandle);
        asm.dq(0);
        asm.bind(systemTable);
        asm.dq(0);
        asm.bind(kernelAddress);
        asm.dq(parameters.loadAddress());            // AllocateAddress: in and out
        asm.bind(kernelPages);                       // file + BSS, and room for the decoder's last overshoot
        asm.dq((parameters.memorySize() + Lz4Decoder.OVERSHOOT + PAGE - 1) / PAGE);
        asm.bind(compressedBytes);
        asm.dq(parameters.compressedBytes());
        asm.bind(entry);
        asm.dq(parameters.entry());
        asm.bind(lowBlock);
        asm.dq(ONE_MIB - 1);                         // AllocateMaxAddress: in, the highest address; out, the block
        asm.bind(memoryMapTag);
        asm.dq(0);
        asm.bind(mapSize);
        asm.dq(0);
        asm.bind(mapKey);
        asm.dq(0);
        asm.bind(descriptorSize);
        asm.dq(0);
        asm.bind(descriptorVersion);
        asm.dq(0);
        asm.bind(gop);
        asm.dq(0);
        asm.bind(exitAttempts);
        asm.dd(0);
        asm.dd(0);
        asm.bind(commandLineAdvance);
        asm.dq(CommandLineTag.advance(parameters.commandLine()));
        asm.bind(commandLineTag);
        asm.db(CommandLineTag.bytes(parameters.commandLine()));

        // EFI_GRAPHICS_OUTPUT_PROTOCOL_GUID 9042a9de-23dc-4a38-96fb-7aded080516a (UEFI 2.10 §12.9.2): the first
        // three fields little-endian, the last eight bytes in order (Appendix A).
        asm.bind(gopGuid);
        asm.dd(0x9042A9DEL);
        asm.dw(0x23DC);
        asm.dw(0x4A38);
        asm.db(0x96, 0xFB, 0x7A, 0xDE, 0xD0, 0x80, 0x51, 0x6A);

        // UEFI memory type (Table 7-6) -> Multiboot2 type (MB2 §3.6.8: 1 available, 2 reserved, 3 ACPI
        // reclaimable, 4 ACPI NVS, 5 defective), as the memory stands after ExitBootServices.
        asm.bind(memoryTypes);
        asm.db(2,   // 0  EfiReservedMemoryType
               1,   // 1  EfiLoaderCode: this loader, free once the kernel runs
               1,   // 2  EfiLoaderData: the kernel, the boot information (as the BIOS path's E820 reports them)
               1,   // 3  EfiBootServicesCode
               1,   // 4  EfiBootServicesData
               2,   // 5  EfiRuntimeServicesCode: the firmware keeps it
               2,   // 6  EfiRuntimeServicesData
               1,   // 7  EfiConventionalMemory
               5,   // 8  EfiUnusableMemory
               3,   // 9  EfiACPIReclaimMemory
               4,   // 10 EfiACPIMemoryNVS
               2,   // 11 EfiMemoryMappedIO
               2,   // 12 EfiMemoryMappedIOPortSpace
               2,   // 13 EfiPalCode
               1,   // 14 EfiPersistentMemory: usable, if slow
               2);  // 15 EfiUnacceptedMemoryType: must be accepted before use

        BiosBootLoader.flatDescriptors(asm, gdt);  // the same flat 32-bit descriptors as the BIOS loader's
        asm.align(8, 0);
        asm.bind(gdtDescriptor);                     // limit, then the 64-bit base, filled in at run time
        asm.dw(3 * 8 - 1);
        asm.dq(0);

        ucs2(memoryErrorMessage, MEMORY_ERROR);
        ucs2(lowMemoryErrorMessage, LOW_MEMORY_ERROR);
        ucs2(highLoaderErrorMessage, HIGH_LOADER_ERROR);
        ucs2(exitErrorMessage, EXIT_ERROR);
    }
}
