package dev.kiln.boot.loader;

import dev.kiln.compiler.asm.Assembler;
import dev.kiln.compiler.asm.Cond;
import dev.kiln.compiler.asm.Imm;
import dev.kiln.compiler.asm.Label;
import dev.kiln.compiler.asm.Mem;
import dev.kiln.compiler.asm.Mode;
import dev.kiln.compiler.asm.SegReg;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

import static dev.kiln.compiler.asm.Reg.AH;
import static dev.kiln.compiler.asm.Reg.AX;
import static dev.kiln.compiler.asm.Reg.CX;
import static dev.kiln.compiler.asm.Reg.DI;
import static dev.kiln.compiler.asm.Reg.DL;
import static dev.kiln.compiler.asm.Reg.SI;
import static dev.kiln.compiler.asm.Reg.SP;

/**
 * The master boot record of a Kiln disk image or hybrid ISO: sector 0 of a drive with 512-byte sectors, which a
 * PC BIOS loads at 0x7C00 and runs when it boots that drive as a hard disk (a USB stick, a {@code dd} copy of the
 * image). Its boot code loads {@link BiosBootLoader} from a sector fixed at image-build time to 0x7C00 and jumps
 * to it with DL = the drive, the same state El Torito gives the loader on a CD; the loader then finds the
 * drive's sector size itself. In a hybrid ISO it sits in the ISO 9660 system area (ECMA-119 §6.2.1), which CD
 * firmware ignores.
 * <p>
 * Layout (the de-facto PC format; the UEFI 2.10 §5.2.1 table "Legacy MBR" names the fields):
 * <pre>
 *   0x000  boot code, up to 440 bytes
 *   0x1B8  u32 unique MBR disk signature
 *   0x1BC  u16 0
 *   0x1BE  four 16-byte partition entries
 *   0x1FE  0x55 0xAA
 * </pre>
 */
public final class MasterBootRecord {
    /** The sector size the BIOS assumes when it loads sector 0 from a hard disk. */
    public static final int SECTOR = 512;
    /** The partition type of a protective MBR (UEFI 2.10 §5.2.3): "this disk has a GPT". */
    public static final int TYPE_GPT_PROTECTIVE = 0xEE;
    /** Where the BIOS loads sector 0, and where the loader must run. */
    static final int LOAD_ADDRESS = 0x7C00;
    /** Where the boot code moves itself to make room for the loader at 0x7C00 (as the IBM PC MBR did). */
    static final int RELOCATED = 0x0600;
    static final int BOOT_CODE_LIMIT = 440;
    private static final int DISK_SIGNATURE = 0x1B8;
    private static final int PARTITION_TABLE = 0x1BE;
    /** CHS geometry for the partition entries' legacy CHS fields: isohybrid's defaults ({@code -h 64 -s 32}). */
    private static final int HEADS = 64;
    private static final int SECTORS_PER_TRACK = 32;
    static final String DISK_ERROR = "kiln: MBR disk read error\r\n";

    /**
     * A primary partition, entered as the first of the four and not marked active: UEFI 2.10 §5.2.3 (Table 5-4)
     * wants BootIndicator 0 in a protective MBR, and sgdisk warns that some UEFI firmware ignores a disk whose
     * 0xEE partition is active. (Some old BIOSes boot a USB stick only if a partition is active; Kiln follows the
     * specification, as current distribution ISOs do.)
     *
     * @param type        the partition type byte, e.g. {@link #TYPE_GPT_PROTECTIVE}
     * @param firstSector first 512-byte sector (LBA)
     * @param sectorCount its length in 512-byte sectors
     */
    public record Partition(int type, long firstSector, long sectorCount) {
        public Partition {
            if (type <= 0 || type > 0xFF) {
                throw new IllegalArgumentException("partition type 0x" + Integer.toHexString(type) + " is not 0x01..0xFF");
            }
            if (firstSector < 0 || sectorCount <= 0 || firstSector + sectorCount > 0xFFFF_FFFFL) {
                throw new IllegalArgumentException("partition " + firstSector + " + " + sectorCount
                        + " sectors does not fit an MBR's 32-bit sector numbers (2 TiB)");
            }
        }
    }

    private final Assembler asm = new Assembler(Mode.BITS16);

    private MasterBootRecord() {
    }

    /**
     * The 512-byte sector 0.
     *
     * @param loaderSector  the first 512-byte sector of the boot loader on the drive
     * @param loaderBytes   the loader's length; its sectors are read in one call
     * @param partition     the one partition entry
     * @param diskSignature the MBR disk signature (operating systems name partitions by it, e.g. Linux PARTUUID)
     */
    public static byte[] create(long loaderSector, int loaderBytes, Partition partition, int diskSignature) {
        long loaderSectors = (loaderBytes + SECTOR - 1L) / SECTOR;
        if (loaderSectors < 1 || LOAD_ADDRESS + loaderSectors * SECTOR > 0x10000) {
            // One AH=42h read into segment 0 (and so fewer than the 127 blocks some BIOSes allow, EDD 3.0 §7.5)
            throw new IllegalArgumentException("a boot loader of " + loaderBytes + " bytes cannot be loaded by the MBR:"
                    + " it reads 1 to " + (0x10000 - LOAD_ADDRESS) / SECTOR + " sectors into 0x7C00..0xFFFF");
        }
        if (loaderSector < 1 || loaderSector > 0xFFFF_FFFFL) {
            throw new IllegalArgumentException("boot loader sector " + loaderSector + " must be 1..2^32-1: sector 0 is the MBR");
        }
        byte[] code = new MasterBootRecord().bootCode(loaderSector, (int) loaderSectors);
        if (code.length > BOOT_CODE_LIMIT) {
            throw new IllegalStateException("MBR boot code is " + code.length + " bytes; at most " + BOOT_CODE_LIMIT + " fit");
        }
        ByteBuffer sector = ByteBuffer.allocate(SECTOR).order(ByteOrder.LITTLE_ENDIAN);
        sector.put(code);
        sector.putInt(DISK_SIGNATURE, diskSignature);
        sector.position(PARTITION_TABLE);
        long lastSector = partition.firstSector() + partition.sectorCount() - 1;
        sector.put((byte) 0);                            // +0  status: not active
        sector.put(chs(partition.firstSector()));        // +1  CHS of the first sector
        sector.put((byte) partition.type());             // +4  type
        sector.put(chs(lastSector));                     // +5  CHS of the last sector
        sector.putInt((int) partition.firstSector());    // +8  LBA of the first sector
        sector.putInt((int) partition.sectorCount());    // +12 number of sectors
        putBootSignature(sector.array());
        return sector.array();
    }

    /** Ends a 512-byte boot sector with 0x55 0xAA, which the BIOS checks before it jumps to the sector. */
    public static void putBootSignature(byte[] sector) {
        if (sector.length != SECTOR) {
            throw new IllegalArgumentException("a boot sector is " + SECTOR + " bytes, not " + sector.length);
        }
        sector[SECTOR - 2] = 0x55;
        sector[SECTOR - 1] = (byte) 0xAA;
    }

    /**
     * The legacy CHS address of {@code lba}: head, then sector (bits 0-5) with cylinder bits 8-9 (bits 6-7), then
     * cylinder bits 0-7. Beyond cylinder 1023 the largest address stands in, as partitioning tools do; BIOSes
     * and operating systems use the LBA fields.
     */
    private static byte[] chs(long lba) {
        long cylinder = lba / (HEADS * SECTORS_PER_TRACK);
        long head = lba / SECTORS_PER_TRACK % HEADS;
        long sector = lba % SECTORS_PER_TRACK + 1;
        if (cylinder > 1023) {
            cylinder = 1023;
            head = HEADS - 1;
            sector = SECTORS_PER_TRACK;
        }
        return new byte[] {(byte) head, (byte) (sector | (cylinder >> 2) & 0xC0), (byte) cylinder};
    }

    private static Imm imm(long value) {
        return Imm.of(value);
    }

    /** The boot code: move out of the loader's way, read the loader, jump to it; on a failed read, say so. */
    private byte[] bootCode(long loaderSector, int loaderSectors) {
        Label relocated = asm.newLabel("relocated");
        Label diskError = asm.newLabel("disk_error");
        Label bootDrive = asm.newLabel("boot_drive");
        Label diskAddressPacket = asm.newLabel("dap");
        Label message = asm.newLabel("disk_error_message");
        asm.origin(RELOCATED);                       // labels are addresses after the move; the code before it uses none
        asm.cli();                                   // no interrupts while SS:SP is half set up
        asm.xor(AX, AX);
        asm.movToSeg(SegReg.SS, AX);                 // stack segment 0 ...
        asm.mov(SP, imm(RELOCATED));                 // ... growing down from the relocated code into free memory
        asm.movToSeg(SegReg.DS, AX);                 // DS = ES = 0: offsets are linear addresses
        asm.movToSeg(SegReg.ES, AX);
        asm.sti();                                   // BIOS services below need interrupts
        asm.cld();                                   // rep movsb counts upwards (no specification says the BIOS clears DF)
        asm.mov(SI, imm(LOAD_ADDRESS));              // from where the BIOS put this sector ...
        asm.mov(DI, imm(RELOCATED));                 // ... to 0x0600, out of the loader's way
        asm.mov(CX, imm(SECTOR));
        asm.repMovsb();
        asm.jmpFar(0, relocated);                    // continue in the copy: CS:IP = 0000:06xx
        asm.bind(relocated);
        asm.mov(Mem.label(8, bootDrive), DL);        // DL = the drive the BIOS booted from (0x80: first hard disk)
        asm.mov(SI, asm.labelAddress(diskAddressPacket)); // DS:SI = the disk address packet
        asm.mov(AH, imm(0x42));                      // INT 13h AH=42h: extended read (EDD 3.0 §7.5); LBA, since
        asm.int_(0x13);                              // CHS reads would cap the loader's place at 8 GiB
        asm.jcc(Cond.B, diskError);                  // carry: the read failed
        asm.mov(DL, Mem.label(8, bootDrive));        // the loader expects DL = the boot drive, as El Torito gives it
        asm.mov(AX, imm(LOAD_ADDRESS));
        asm.jmp(AX);                                 // into the loader at 0000:7C00

        asm.bind(diskError);                         // tell the user on screen and on COM1, then stop
        asm.mov(SI, asm.labelAddress(message));
        RealModeConsole.printAndHalt(asm, asm.newLabel("print_next"));

        asm.bind(message);
        asm.db(DISK_ERROR.getBytes(StandardCharsets.US_ASCII));
        asm.db(0);
        asm.bind(bootDrive);
        asm.db(0);
        asm.align(4, 0);                             // disk address packet (EDD 3.0 §7.5)
        asm.bind(diskAddressPacket);
        asm.db(16, 0);                               // packet size, reserved
        asm.dw(loaderSectors);                       // sectors to read: the whole loader
        asm.dw(LOAD_ADDRESS);                        // buffer offset ...
        asm.dw(0);                                   // ... and segment: 0000:7C00
        asm.dq(loaderSector);                        // LBA of the loader, fixed when the image is built
        return asm.flatBinary();
    }
}
