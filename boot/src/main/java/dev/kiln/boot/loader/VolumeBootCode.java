package dev.kiln.boot.loader;

import dev.kiln.compiler.asm.Assembler;
import dev.kiln.compiler.asm.Label;
import dev.kiln.compiler.asm.Mode;

/**
 * The code of a volume boot record that is not meant to boot (the FAT EFI system partition's, FAT §3.1): a BIOS
 * that runs it anyway, e.g. when a user picks the partition, gets {@code int 18h}, which asks the BIOS to try its
 * next boot device (BIOS Boot Specification 1.01 §6.5.1), instead of executing the parameter block as code.
 */
public final class VolumeBootCode {
    private VolumeBootCode() {
    }

    /**
     * BS_jmpBoot and the code it jumps to: a short jump over the {@code fieldsEnd - 2} bytes of the volume's fields
     * (which the caller writes over the zeros returned there), then {@code int 18h} at {@code fieldsEnd}.
     */
    public static byte[] jumpToNextBootDevice(int fieldsEnd) {
        Assembler asm = new Assembler(Mode.BITS16);
        Label bootCode = asm.newLabel("boot_code");
        asm.jmp(bootCode);
        asm.zeros(fieldsEnd - asm.offset());         // the fields are written over these zeros
        asm.bind(bootCode);
        asm.int_(0x18);                              // "no bootable system here": the BIOS tries the next device
        return asm.flatBinary();
    }
}
