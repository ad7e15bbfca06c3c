package dev.kiln.boot.loader;

import dev.kiln.compiler.asm.Assembler;
import dev.kiln.compiler.asm.Cond;
import dev.kiln.compiler.asm.ControlReg;
import dev.kiln.compiler.asm.Imm;
import dev.kiln.compiler.asm.Label;
import dev.kiln.compiler.asm.Mem;
import dev.kiln.compiler.asm.Mode;
import dev.kiln.compiler.asm.SegReg;

import java.nio.charset.StandardCharsets;

import static dev.kiln.compiler.asm.Reg.AH;
import static dev.kiln.compiler.asm.Reg.AL;
import static dev.kiln.compiler.asm.Reg.AX;
import static dev.kiln.compiler.asm.Reg.BX;
import static dev.kiln.compiler.asm.Reg.CL;
import static dev.kiln.compiler.asm.Reg.CX;
import static dev.kiln.compiler.asm.Reg.DI;
import static dev.kiln.compiler.asm.Reg.DL;
import static dev.kiln.compiler.asm.Reg.DX;
import static dev.kiln.compiler.asm.Reg.EAX;
import static dev.kiln.compiler.asm.Reg.EBX;
import static dev.kiln.compiler.asm.Reg.ECX;
import static dev.kiln.compiler.asm.Reg.EDI;
import static dev.kiln.compiler.asm.Reg.EBP;
import static dev.kiln.compiler.asm.Reg.EDX;
import static dev.kiln.compiler.asm.Reg.ESI;
import static dev.kiln.compiler.asm.Reg.ESP;
import static dev.kiln.compiler.asm.Reg.SI;
import static dev.kiln.compiler.asm.Reg.SP;

/**
 * Kiln's BIOS boot loader: the El Torito no-emulation boot image (or, on a hard disk or USB stick, what
 * {@link MasterBootRecord} loads) that takes the CPU from the firmware's real mode to the kernel's 32-bit entry
 * in the Multiboot2 machine state. {@code docs/boot.md} explains the
 * sequence and the alternatives rejected; this class is the sequence, one commented instruction at a time.
 * Hand-written assembly is unavoidable here: nothing else runs before the kernel, and BIOS services are only
 * reachable from real-mode code.
 * <p>
 * Low memory while it runs (all below the 640 KiB of conventional memory):
 * <pre>
 *   0x00500 - 0x07BFF  stack, growing down from 0x7C00
 *   0x07C00 - ...      this loader (El Torito loads it at 07C0:0000, the MBR at 0000:7C00)
 *   0x09000 - 0x0F007  Multiboot2 boot information, handed to the kernel in ebx
 *   0x10000 - 0x1F7FF  disk read buffer: one 62 KiB chunk (31 CD sectors, 124 disk sectors)
 * </pre>
 * The parameters ({@link BootParameters}) are data words after the code, so the loader's size does not depend
 * on them. The kernel's place is given in 2048-byte units; on a drive with 512-byte sectors (a hard disk or USB
 * stick, which INT 13h AH=48h reports) the loader multiplies its LBAs and sector counts by 4.
 */
public final class BiosBootLoader {
    /** El Torito 1.0 §2.2: load segment 0 means 0x07C0, i.e. linear 0x7C00. */
    static final int ORIGIN = 0x7C00;
    /** Multiboot2 boot information (MB2 §3.6.1: 8-byte aligned). */
    static final int BOOT_INFO = 0x9000;
    static final int BUFFER_SEGMENT = 0x1000;
    /**
     * The memory map stops growing here (at 1104 entries, more than any PC has), leaving room for the command line
     * tag and the end tag below the read buffer.
     */
    static final int BOOT_INFO_LIMIT = BUFFER_SEGMENT * 16 - CommandLineTag.SPACE - 32;
    /** 31 CD sectors: 62 KiB, below the 64 KiB a real-mode buffer may span; as 124 disk sectors still below the
     *  127 blocks some BIOSes accept per AH=42h call (Phoenix EDD 3.0 §7.5). As large as both allow: each call
     *  costs SeaBIOS about 0.15 ms under TCG besides the transfer (a 102 KB kernel: 2 calls instead of 4 of 32 KiB). */
    static final int CHUNK_SECTORS = 31;
    static final int CD_SECTOR = 2048;
    /** Multiboot2 §3.2: the magic a Multiboot2-compliant loader leaves in eax. */
    static final int MULTIBOOT2_MAGIC = 0x36D76289;
    /** Multiboot2 §3.6.8: memory map tag. */
    static final int TAG_MEMORY_MAP = 6;
    /** Size of one E820 entry and of one Multiboot2 memory map entry: the layouts are identical. */
    static final int MEMORY_MAP_ENTRY = 24;
    static final int SMAP = 0x534D4150;
    static final int CODE_SELECTOR = 0x08;
    static final int DATA_SELECTOR = 0x10;
    static final String DISK_ERROR = "kiln: disk read error\r\n";
    static final String SECTOR_SIZE_ERROR = "kiln: the boot drive's sectors are neither 512 nor 2048 bytes\r\n";
    /** Phoenix EDD 3.0 §7.10: the AH=48h result buffer; 0x1A bytes asks for the EDD 1.1 fields. */
    static final int DRIVE_PARAMETERS_SIZE = 0x1A;
    /** ... of which the word at 0x18 is the number of bytes per sector. */
    static final int BYTES_PER_SECTOR_FIELD = 0x18;

    private final Assembler asm = new Assembler(Mode.BITS16);
    private final BootParameters parameters;
    private final Label bootDrive = asm.newLabel("boot_drive");
    private final Label gdt = asm.newLabel("gdt");
    private final Label gdtDescriptor = asm.newLabel("gdt_descriptor");
    private final Label diskAddressPacket = asm.newLabel("dap");
    private final Label dapSectorCount = asm.newLabel("dap_sector_count");
    private final Label dapSector = asm.newLabel("dap_sector");
    private final Label destination = asm.newLabel("destination");
    private final Label bytesLeft = asm.newLabel("bytes_left");
    private final Label entry = asm.newLabel("entry");
    private final Label decodeKernel = asm.newLabel("decode_kernel");
    private final Label enterUnrealMode = asm.newLabel("enter_unreal_mode");
    private final Label diskError = asm.newLabel("disk_error");
    private final Label protectedMode = asm.newLabel("protected_mode");
    private final Label diskErrorMessage = asm.newLabel("disk_error_message");
    private final Label sectorSizeErrorMessage = asm.newLabel("sector_size_error_message");
    private final Label fail = asm.newLabel("fail");
    private final Label driveParameters = asm.newLabel("drive_parameters");
    private final Label sectorScale = asm.newLabel("sector_scale");
    private final Label commandLineTag = asm.newLabel("command_line_tag");
    private final Label commandLineAdvance = asm.newLabel("command_line_advance");

    private BiosBootLoader(BootParameters parameters) {
        this.parameters = parameters;
    }

    /** The loader for one kernel; its length is the same for all parameters. */
    public static byte[] assemble(BootParameters parameters) {
        BiosBootLoader loader = new BiosBootLoader(parameters);
        loader.asm.origin(ORIGIN);
        loader.setUpRealMode();
        loader.detectSectorSize();
        loader.enableA20();
        loader.readMemoryMap();
        loader.loadKernel();
        loader.startKernel();
        loader.unrealModeSubroutine();
        loader.diskErrorHandler();
        loader.data();
        byte[] bytes = loader.asm.flatBinary();
        if (ORIGIN + bytes.length > BOOT_INFO) {
            throw new IllegalStateException("the boot loader (" + bytes.length + " bytes) would overlap the boot"
                    + " information at 0x" + Integer.toHexString(BOOT_INFO));
        }
        return bytes;
    }

    private static Imm imm(long value) {
        return Imm.of(value);
    }

    private static Mem at(int bits, Label label) {
        return Mem.label(bits, label);
    }

    /** Step 1-2: a known CS:IP, segments, stack, and the boot drive. */
    private void setUpRealMode() {
        Label normalized = asm.newLabel("normalized");
        asm.cli();                                   // no interrupts while SS:SP is half set up
        asm.xor(AX, AX);                             // segment 0: offsets are then linear addresses
        asm.movToSeg(SegReg.DS, AX);                 // data at linear = offset
        asm.movToSeg(SegReg.ES, AX);                 // E820 and string targets at linear = offset
        asm.movToSeg(SegReg.SS, AX);                 // stack segment 0 ...
        asm.mov(SP, imm(ORIGIN));                    // ... growing down from the loader: 30 KiB of free memory
        asm.jmpFar(0, normalized);                   // CS:IP = 0000:7Cxx, whether the BIOS used 07C0:0000 or 0000:7C00
        asm.bind(normalized);
        asm.sti();                                   // BIOS services below need interrupts (timer, disk IRQs)
        asm.mov(at(8, bootDrive), DL);               // El Torito and the MBR: DL = the boot drive's BIOS number, needed by INT 13h
    }

    /**
     * Step 2b: the boot drive's sector size. The same loader boots from a CD (El Torito: 2048-byte sectors) and
     * from a hard disk or USB stick holding the same bytes (512-byte sectors, loaded by {@link MasterBootRecord}).
     * The parameters count in 2048-byte units; on a 512-byte drive every LBA and sector count is 4 times larger,
     * so the kernel's LBA is scaled here and each chunk's count in {@link #loadKernel}. A drive that does not
     * answer AH=48h keeps 2048: that is a CD whose BIOS lacks the call, and reading as before is all we can do.
     */
    private void detectSectorSize() {
        Label known = asm.newLabel("sector_size_known");
        asm.mov(AH, imm(0x48));                      // INT 13h AH=48h: get drive parameters (EDD 3.0 §7.10), DL = drive
        asm.mov(SI, asm.labelAddress(driveParameters)); // DS:SI = result buffer, its first word = its size
        asm.int_(0x13);
        asm.jcc(Cond.B, known);                      // no answer: keep 2048-byte sectors, as El Torito booting always did
        asm.mov(AX, Mem.label(16, null, null, 1, driveParameters, BYTES_PER_SECTOR_FIELD)); // bytes per sector
        asm.cmp(AX, imm(CD_SECTOR));                 // a CD: LBAs as given
        asm.jcc(Cond.E, known);
        asm.mov(SI, asm.labelAddress(sectorSizeErrorMessage));
        asm.cmp(AX, imm(512));                       // a hard disk or USB stick; anything else (4Kn disks) cannot
        asm.jcc(Cond.NE, fail);                      // address the kernel's 2048-byte units: say so and stop
        asm.mov(at(8, sectorScale), imm(2));         // counts * 4 from here on ...
        asm.shl(at(32, dapSector), imm(2));          // ... and the kernel's LBA too (BootParameters keeps it below 2^30)
        asm.bind(known);
    }

    /** Step 3: address line 20, or every odd megabyte aliases the even one below it. */
    private void enableA20() {
        Label a20Enabled = asm.newLabel("a20_enabled");
        asm.mov(AX, imm(0x2401));                    // INT 15h AX=2401h: "enable A20 gate", the BIOS's own way ...
        asm.int_(0x15);                              // ... harmless where unsupported (carry set, ignored)
        asm.in(AL, imm(0x92));                       // then "fast A20": System Control Port A, bit 1 = A20
        asm.test(AL, imm(0x02));                     // already on (QEMU, most machines after the BIOS call)?
        asm.jcc(Cond.NE, a20Enabled);                // then leave the port alone
        asm.or(AL, imm(0x02));                       // set A20 ...
        asm.and(AL, imm(0xFE));                      // ... and never bit 0, which resets the machine
        asm.out(imm(0x92), AL);                      // write it back
        asm.bind(a20Enabled);
    }

    /**
     * Step 4: the Multiboot2 boot information at {@link #BOOT_INFO} (MB2 §3.6):
     * <pre>
     *   +0   u32 total_size        +8   u32 type = 6        +24  entries, 24 bytes each:
     *   +4   u32 reserved = 0      +12  u32 size                  u64 base, u64 length, u32 type, u32 reserved
     *                              +16  u32 entry_size = 24  then an end tag: u32 type = 0, u32 size = 8
     *                              +20  u32 entry_version = 0
     * </pre>
     * An E820 entry (ACPI 6.4 §15.1) is base, length, type and extended attributes in the same layout, with the
     * same type numbers, so INT 15h writes straight into the tag.
     */
    private void readMemoryMap() {
        Label nextEntry = asm.newLabel("e820_next");
        Label done = asm.newLabel("e820_done");
        asm.mov(DI, imm(BOOT_INFO + 24));            // ES:DI = where the first entry goes
        asm.xor(EBX, EBX);                           // continuation value 0: start of the list
        asm.bind(nextEntry);
        asm.mov(EAX, imm(0xE820));                   // INT 15h EAX=E820h: query system address map
        asm.mov(EDX, imm(SMAP));                     // 'SMAP' signature the BIOS checks
        asm.mov(ECX, imm(MEMORY_MAP_ENTRY));         // buffer size: 24 bytes (ACPI 3.0+ entries)
        asm.int_(0x15);                              // one entry per call
        asm.jcc(Cond.B, done);                       // carry: unsupported, or past the last entry
        asm.cmp(EAX, imm(SMAP));                     // a BIOS that does not know E820 leaves EAX alone
        asm.jcc(Cond.NE, done);                      // (or clobbers it): stop either way
        asm.mov(Mem.of(32, DI, 20), imm(0));         // MB2 "reserved" must be 0; drops the ACPI attributes (or stale bytes of a 20-byte answer)
        asm.add(DI, imm(MEMORY_MAP_ENTRY));          // keep the entry
        asm.cmp(DI, imm(BOOT_INFO_LIMIT));           // room left below the read buffer?
        asm.jcc(Cond.AE, done);                      // no: the map ends here
        asm.test(EBX, EBX);                          // continuation 0: that was the last entry
        asm.jcc(Cond.NE, nextEntry);
        asm.bind(done);
        asm.mov(Mem.of(32, null, BOOT_INFO + 8), imm(TAG_MEMORY_MAP));  // tag type 6
        asm.movzx(EAX, DI);                          // end of the entries ...
        asm.sub(EAX, imm(BOOT_INFO + 8));            // ... minus the tag's start = tag size
        asm.mov(Mem.of(32, null, BOOT_INFO + 12), EAX);                 // tag size
        asm.mov(Mem.of(32, null, BOOT_INFO + 16), imm(MEMORY_MAP_ENTRY)); // entry_size
        asm.mov(Mem.of(32, null, BOOT_INFO + 20), imm(0));              // entry_version 0
        copyCommandLineTag();
        asm.mov(Mem.of(32, DI, 0), imm(0));          // end tag type 0 (tags are 8-aligned: 24 + 24n is)
        asm.mov(Mem.of(32, DI, 4), imm(8));          // end tag size 8
        asm.movzx(EAX, DI);                          // end of the end tag ...
        asm.sub(EAX, imm(BOOT_INFO - 8));            // ... minus the start = total_size
        asm.mov(Mem.of(32, null, BOOT_INFO), EAX);   // total_size
        asm.mov(Mem.of(32, null, BOOT_INFO + 4), imm(0));               // reserved
    }

    /**
     * Step 4b: the command line tag ({@link CommandLineTag}), baked into the loader's data, after the memory map
     * at ES:DI: {@code command_line_advance} bytes (a multiple of 8; 0 when there is no command line).
     */
    private void copyCommandLineTag() {
        Label copy = asm.newLabel("copy_command_line");
        Label copied = asm.newLabel("command_line_copied");
        asm.mov(CX, at(16, commandLineAdvance));
        asm.shr(CX, imm(2));                         // dwords; ZF: none
        asm.jcc(Cond.E, copied);
        asm.mov(SI, asm.labelAddress(commandLineTag));
        asm.bind(copy);
        asm.mov(EAX, Mem.of(32, SI, 0));
        asm.mov(Mem.of(32, DI, 0), EAX);
        asm.add(SI, imm(4));
        asm.add(DI, imm(4));
        asm.dec(CX);
        asm.jcc(Cond.NE, copy);
        asm.bind(copied);
    }

    /**
     * Step 5: read the stored kernel (its LZ4 block, {@link Lz4Block}) 62 KiB (31 CD sectors, 124 disk sectors) at a
     * time into the buffer and copy each chunk to the staging area above the kernel's memory, above
     * 1 MiB. The loop state lives in memory ({@code bytes_left}, {@code destination}, the DAP's LBA) rather
     * than in 32-bit registers, whose upper halves a BIOS need not preserve.
     */
    private void loadKernel() {
        Label readChunk = asm.newLabel("read_chunk");
        Label countSet = asm.newLabel("count_set");
        Label lengthSet = asm.newLabel("length_set");
        Label copyDword = asm.newLabel("copy_dword");
        asm.bind(readChunk);
        asm.mov(EBX, at(32, bytesLeft));             // sectors still to read =
        asm.add(EBX, imm(CD_SECTOR - 1));            //   bytes left, rounded up ...
        asm.shr(EBX, imm(11));                       //   ... to 2048-byte sectors
        asm.cmp(EBX, imm(CHUNK_SECTORS));            // at most one buffer full
        asm.jcc(Cond.BE, countSet);
        asm.mov(EBX, imm(CHUNK_SECTORS));
        asm.bind(countSet);
        asm.mov(AX, BX);                             // DAP: how many drive sectors (BX, in 2048-byte units, survives INT 13h) ...
        asm.mov(CL, at(8, sectorScale));
        asm.shl(AX, CL);                             // ... times 4 on a 512-byte drive (at most 64: below 127, see above)
        asm.mov(at(16, dapSectorCount), AX);
        asm.mov(SI, asm.labelAddress(diskAddressPacket)); // DS:SI = the disk address packet
        asm.mov(DL, at(8, bootDrive));               // the CD
        asm.mov(AH, imm(0x42));                      // INT 13h AH=42h: extended read, LBA in the drive's sectors
        asm.int_(0x13);
        asm.jcc(Cond.B, diskError);                  // carry: the read failed
        asm.movzx(ECX, BX);                          // bytes read = sectors ...
        asm.shl(ECX, imm(11));                       // ... * 2048
        asm.cmp(ECX, at(32, bytesLeft));             // the last chunk holds padding after the file's end:
        asm.jcc(Cond.BE, lengthSet);
        asm.mov(ECX, at(32, bytesLeft));             // copy only the file's bytes
        asm.bind(lengthSet);
        asm.sub(at(32, bytesLeft), ECX);             // count them as done
        asm.shr(ECX, imm(2));                        // dwords to copy (the stored length is a multiple of 4)
        asm.call(enterUnrealMode);                   // again each time: INT 13h may have reset the segment limits
        asm.mov(ESI, imm(BUFFER_SEGMENT * 16L));     // source: the buffer, as a flat address
        asm.mov(EDI, at(32, destination));           // target: above 1 MiB, reachable through DS's 4 GiB limit
        asm.bind(copyDword);                         // a loop rather than rep movsd: it does not depend on EFLAGS.DF
        asm.mov(EAX, Mem.of(32, ESI, 0));            // 32-bit addressing (0x67) through unreal DS
        asm.mov(Mem.of(32, EDI, 0), EAX);
        asm.add(ESI, imm(4));
        asm.add(EDI, imm(4));
        asm.dec(ECX);
        asm.jcc(Cond.NE, copyDword);
        asm.mov(at(32, destination), EDI);           // the next chunk continues here
        asm.movzx(EBX, at(16, dapSectorCount));      // drive sectors read (AH=42h leaves the count transferred), 32-bit
        asm.add(at(32, dapSector), EBX);             // the next chunk's LBA
        asm.cmp(at(32, bytesLeft), imm(0));          // anything left?
        asm.jcc(Cond.NE, readChunk);
    }

    /** Steps 7-9: protected mode and the Multiboot2 handoff (MB2 §3.3, "I386 machine state"). */
    private void startKernel() {
        asm.cli();                                   // no real-mode interrupt handlers from here on; MB2 wants IF = 0
        asm.lgdt(at(0, gdtDescriptor));              // flat 4 GiB code and data descriptors
        asm.movFromControl(EAX, ControlReg.CR0);
        asm.or(AL, imm(1));                          // CR0.PE: protected mode (SDM Vol. 3A §9.9.1) ...
        asm.movToControl(ControlReg.CR0, EAX);
        asm.jmpFar(CODE_SELECTOR, protectedMode);    // ... takes effect for CS only through a far jump
        asm.mode(Mode.BITS32);
        asm.bind(protectedMode);
        asm.mov(AX, imm(DATA_SELECTOR));             // MB2: DS, ES, FS, GS, SS flat 4 GiB read/write
        asm.movToSeg(SegReg.DS, AX);
        asm.movToSeg(SegReg.ES, AX);
        asm.movToSeg(SegReg.FS, AX);
        asm.movToSeg(SegReg.GS, AX);
        asm.movToSeg(SegReg.SS, AX);
        asm.mov(ESP, imm(ORIGIN));                   // MB2 leaves ESP undefined; a valid stack is kinder
        asm.mov(ESI, imm(parameters.stagingAddress())); // step 8b: the kernel's LZ4 block, read above its memory ...
        asm.mov(EBP, imm(parameters.stagingAddress() + parameters.compressedBytes()));
        asm.mov(EDI, imm(parameters.loadAddress())); // ... decoded to its load address
        asm.call(decodeKernel);
        asm.mov(EAX, imm(MULTIBOOT2_MAGIC));         // eax: "a Multiboot2 loader started you"
        asm.mov(EBX, imm(BOOT_INFO));                // ebx: physical address of the boot information
        asm.jmp(at(32, entry));                      // the kernel's entry point, from the parameters
        Lz4Decoder.emit(asm, decodeKernel, false);
        asm.mode(Mode.BITS16);
    }

    /**
     * {@code enter_unreal_mode}: load the flat data descriptor into DS and ES in protected mode and return to
     * real mode. The descriptor caches keep the 4 GiB limit (SDM Vol. 3A §3.4.3, §9.9.2), so 16-bit code can use
     * 32-bit addresses up to 4 GiB. Preserves every register but the flags.
     */
    private void unrealModeSubroutine() {
        Label flush = asm.newLabel("unreal_flush");
        asm.bind(enterUnrealMode);
        asm.push(EAX);                               // callers keep their registers
        asm.push(EDX);
        asm.cli();                                   // no interrupt handler may see a protected-mode DS
        asm.lgdt(at(0, gdtDescriptor));              // the flat descriptors
        asm.movFromControl(EAX, ControlReg.CR0);
        asm.or(AL, imm(1));                          // CR0.PE = 1
        asm.movToControl(ControlReg.CR0, EAX);
        asm.jmp(flush);                              // a jump after the CR0 write, as the 386/486 need (SDM Vol. 3A §9.9.1)
        asm.bind(flush);
        asm.mov(DX, imm(DATA_SELECTOR));             // loading a selector now fills the descriptor cache:
        asm.movToSeg(SegReg.DS, DX);                 // base 0, limit 4 GiB
        asm.movToSeg(SegReg.ES, DX);
        asm.and(AL, imm(0xFE));                      // CR0.PE = 0: back to real mode
        asm.movToControl(ControlReg.CR0, EAX);
        asm.xor(DX, DX);                             // real-mode segment 0 again: this reloads the bases,
        asm.movToSeg(SegReg.DS, DX);                 // but in real mode the cached limits stay at 4 GiB
        asm.movToSeg(SegReg.ES, DX);
        asm.sti();                                   // interrupts back for the next BIOS call
        asm.pop(EDX);
        asm.pop(EAX);
        asm.ret();
    }

    /**
     * A failed read ({@code disk_error}) or another reason to give up ({@code fail}, SI = message): tell the user
     * on screen and on COM1 (headless machines, tests), then stop.
     */
    private void diskErrorHandler() {
        asm.bind(diskError);
        asm.mov(SI, asm.labelAddress(diskErrorMessage)); // the zero-terminated message
        RealModeConsole.printAndHalt(asm, fail);
    }

    /**
     * The GDT both loaders hand the kernel (SDM Vol. 3A §3.4.5), 8-aligned at {@code gdt}: null, flat 32-bit code
     * at selector {@link #CODE_SELECTOR}, flat data at {@link #DATA_SELECTOR}. Each descriptor, from bit 63 down:
     * <pre>
     *   base 31:24 | G D/B L AVL | limit 19:16 | P DPL S type | base 23:16 | base 15:0 | limit 15:0
     *   0x00       | 1 1   0 0   | 0xF         | 1 00  1 1010 | 0x00       | 0x0000    | 0xFFFF    code 0x08
     *   0x00       | 1 1   0 0   | 0xF         | 1 00  1 0010 | 0x00       | 0x0000    | 0xFFFF    data 0x10
     * </pre>
     * G = 1: 4 KiB granularity, so limit 0xFFFFF covers 4 GiB; D/B = 1: 32-bit.
     */
    static void flatDescriptors(Assembler asm, Label gdt) {
        asm.align(8, 0);
        asm.bind(gdt);
        asm.dq(0);                                   // the null descriptor, selector 0
        asm.dq(0x00CF9A000000FFFFL);                 // 0x08: code, execute/read, base 0, 4 GiB, 32-bit
        asm.dq(0x00CF92000000FFFFL);                 // 0x10: data, read/write, base 0, 4 GiB
    }

    /** Messages, the GDT, the disk address packet and the parameters. */
    private void data() {
        asm.bind(diskErrorMessage);
        asm.db(DISK_ERROR.getBytes(StandardCharsets.US_ASCII));
        asm.db(0);
        asm.bind(sectorSizeErrorMessage);
        asm.db(SECTOR_SIZE_ERROR.getBytes(StandardCharsets.US_ASCII));
        asm.db(0);
        asm.bind(bootDrive);
        asm.db(0);
        asm.bind(sectorScale);
        asm.db(0);                                   // log2(2048 / drive sector size): 0 on a CD, 2 on a disk

        // INT 13h AH=48h result buffer (EDD 3.0 §7.10): size word in, drive parameters out
        asm.align(2, 0);
        asm.bind(driveParameters);
        asm.dw(DRIVE_PARAMETERS_SIZE);
        asm.zeros(DRIVE_PARAMETERS_SIZE - 2);

        flatDescriptors(asm, gdt);
        asm.bind(gdtDescriptor);                     // the operand of lgdt: limit, then base
        asm.dw(3 * 8 - 1);
        asm.dd(gdt);

        // Disk address packet for INT 13h AH=42h (Phoenix EDD 3.0 §7.5)
        asm.align(4, 0);
        asm.bind(diskAddressPacket);
        asm.db(16, 0);                               // packet size, reserved
        asm.bind(dapSectorCount);
        asm.dw(0);                                   // sectors to read, set per chunk
        asm.dw(0);                                   // buffer offset ...
        asm.dw(BUFFER_SEGMENT);                      // ... and segment: 0x10000
        asm.bind(dapSector);
        asm.dq(parameters.kernelSector());           // LBA of the next chunk, starting at the kernel file

        // Loop state and parameters
        asm.bind(destination);
        asm.dd(parameters.stagingAddress());         // where the next chunk goes
        asm.bind(bytesLeft);
        asm.dd(parameters.storedBytes());            // bytes still to load
        asm.bind(entry);
        asm.dd(parameters.entry());
        asm.bind(commandLineAdvance);
        asm.dw(CommandLineTag.advance(parameters.commandLine()));
        asm.align(4, 0);
        asm.bind(commandLineTag);
        asm.db(CommandLineTag.bytes(parameters.commandLine()));
    }
}
