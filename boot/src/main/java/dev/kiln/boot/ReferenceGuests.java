package dev.kiln.boot;

import dev.kiln.boot.loader.MasterBootRecord;
import dev.kiln.boot.loader.PortableExecutable;
import dev.kiln.boot.loader.UefiBootLoader;
import dev.kiln.compiler.asm.Assembler;
import dev.kiln.compiler.asm.Cond;
import dev.kiln.compiler.asm.Imm;
import dev.kiln.compiler.asm.Label;
import dev.kiln.compiler.asm.Mem;
import dev.kiln.compiler.asm.Mode;
import dev.kiln.compiler.asm.Reg;
import dev.kiln.compiler.asm.SegReg;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The least a guest can do under each firmware: write a line to COM1 and end QEMU through {@code isa-debug-exit}
 * with status 0 (docs/abi.md "Exit protocol"). They are the floor {@code kiln bench boot} measures Kiln's images against,
 * and the probe guest that decides whether KVM is worth using (qemu-runner's {@code Accel.AUTO}, which takes the
 * probe from its caller because qemu-runner sits below every other module). Written with Kiln's assembler like
 * the rest of the boot code; no opcode bytes.
 *
 * <p>COM1 needs no set-up under QEMU (its 16550 sends a byte written to the data register at once), and the
 * loop halts after the exit write in case the guest runs without {@code isa-debug-exit}.
 */
public final class ReferenceGuests {
    private static final int COM1_DATA = 0x3F8;
    /** QEMU's {@code isa-debug-exit} device (iobase 0xf4): QEMU exits with {@code (value << 1) | 1}. */
    private static final int DEBUG_EXIT_PORT = 0xF4;
    /** docs/abi.md "Exit protocol": the guest writes 0x10 + status; status 0 is success (QEMU exit code 33). */
    private static final int EXIT_STATUS_ZERO = 0x10;
    /** SeaBIOS loads a boot sector at 0000:7C00 and jumps to it in real mode. */
    private static final int BOOT_SECTOR_ADDRESS = 0x7C00;
    private static final int SECTOR = 512;
    private static final int BOOT_SECTOR_CODE_LIMIT = 510;

    private ReferenceGuests() {
    }

    /** A 512-byte MBR boot sector (real mode at 0x7C00) that writes {@code text} to COM1 and exits with status 0. */
    public static byte[] printingBootSector(String text) {
        Assembler asm = new Assembler(Mode.BITS16);
        asm.origin(BOOT_SECTOR_ADDRESS);
        Label message = asm.newLabel();
        // DS = 0, whatever the BIOS left in it, so that [si] reaches the message at its linear address.
        asm.xor(Reg.AX, Reg.AX);
        asm.movToSeg(SegReg.DS, Reg.AX);
        asm.mov(Reg.SI, asm.labelAddress(message));
        printAndExit(asm, Reg.SI);
        asm.bind(message);
        asm.db(zeroTerminated(text));
        byte[] code = asm.flatBinary();
        if (code.length > BOOT_SECTOR_CODE_LIMIT) {
            throw new IllegalArgumentException("the text does not fit in a boot sector: " + code.length + " bytes of code"
                    + " and text, at most " + BOOT_SECTOR_CODE_LIMIT);
        }
        byte[] sector = Arrays.copyOf(code, SECTOR);
        MasterBootRecord.putBootSignature(sector);
        return sector;
    }

    /**
     * The KVM probe's guest: a boot sector that exits at once with status 0 (it prints nothing). What matters is
     * how long QEMU takes from start to exit, which on a host where KVM is pathologically slow is seconds.
     */
    public static byte[] kvmProbeBootSector() {
        return printingBootSector("");
    }

    /**
     * A UEFI application ({@code BOOTX64.EFI}, PE32+) that writes {@code text} to COM1 and exits with status 0,
     * without calling the firmware: the floor of every UEFI guest's start-up, as {@link #printingBootSector} is
     * under a BIOS.
     */
    public static byte[] printingEfiApplication(String text) {
        Assembler asm = new Assembler(Mode.BITS64);
        Label message = asm.newLabel();
        asm.lea(Reg.RSI, Mem.label(0, message));
        printAndExit(asm, Reg.RSI);
        asm.align(UefiBootLoader.PAGE, 0);
        int code = asm.offset();
        asm.bind(message);
        asm.db(zeroTerminated(text));
        asm.align(2048, 0);
        return PortableExecutable.create(new UefiBootLoader.Assembled(asm.flatBinary(), code), new byte[0]);
    }

    /**
     * Writes the zero-terminated string at {@code [pointer]} to COM1, reports status 0 to isa-debug-exit and
     * halts: the whole of a reference guest, in real mode or 64-bit mode alike.
     */
    private static void printAndExit(Assembler asm, Reg pointer) {
        Label next = asm.newLabel();
        Label done = asm.newLabel();
        asm.mov(Reg.DX, Imm.of(COM1_DATA));
        asm.bind(next);
        asm.mov(Reg.AL, Mem.of(8, pointer, 0));
        asm.test(Reg.AL, Reg.AL);
        asm.jcc(Cond.E, done);
        asm.out(Reg.DX, Reg.AL);
        asm.inc(pointer);
        asm.jmp(next);
        asm.bind(done);
        asm.mov(Reg.DX, Imm.of(DEBUG_EXIT_PORT));
        asm.mov(Reg.AL, Imm.of(EXIT_STATUS_ZERO));
        asm.out(Reg.DX, Reg.AL);
        Label halt = asm.newLabel();
        asm.bind(halt);
        asm.cli();
        asm.hlt();
        asm.jmp(halt);
    }

    private static byte[] zeroTerminated(String text) {
        return (text + "\0").getBytes(StandardCharsets.US_ASCII);
    }
}
