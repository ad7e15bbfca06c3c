package dev.kiln.qemu;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Tiny guests written byte by byte, so that these tests need no other Kiln module and no assembler. Every
 * guest prints through COM1 (QEMU's 16550 UART sends a byte written to its data port at once, without any
 * set-up) and ends through {@code isa-debug-exit} at port 0xf4.
 */
final class TestGuests {
    private TestGuests() {
    }

    /** A 512-byte MBR boot sector holding {@code code} at its start and the 0x55 0xAA signature at its end. */
    static byte[] bootSector(byte... code) {
        byte[] sector = new byte[KvmProbe.BOOT_SECTOR_SIZE];
        System.arraycopy(code, 0, sector, 0, code.length);
        sector[510] = 0x55;
        sector[511] = (byte) 0xAA;
        return sector;
    }

    /** A boot sector (real mode, loaded at 0000:7C00 by SeaBIOS) that prints {@code text} and exits with {@code status}. */
    static byte[] printAndExitBootSector(String text, int status) {
        return bootSector(printAndExitCode(text, status, false));
    }

    /** Prints {@code text}, then exits; see {@link #printCode} for the modes. */
    private static byte[] printAndExitCode(String text, int status, boolean protectedMode) {
        ByteArrayOutputStream code = new ByteArrayOutputStream();
        code.writeBytes(printCode(text, protectedMode));
        code.writeBytes(bytes(0xB0, IsaDebugExit.STATUS_BASE + status)); // mov al, 0x10 + status
        code.writeBytes(bytes(0xE6, IsaDebugExit.PORT));           // out 0xf4, al    ; QEMU exits with (al << 1) | 1
        code.writeBytes(bytes(0xF4));                              // hlt             ; not reached
        code.writeBytes(bytes(0xEB, 0xFD));                        // jmp short -3    ; back to hlt
        return code.toByteArray();
    }

    /**
     * Code for real mode or 32-bit protected mode. Only {@code mov dx, imm16} depends on the mode: its
     * default operand size is 16 bits in real mode and 32 bits in protected mode, where the 0x66 prefix
     * selects 16 (Intel SDM Vol. 1 §3.6).
     */
    private static byte[] printCode(String text, boolean protectedMode) {
        ByteArrayOutputStream code = new ByteArrayOutputStream();
        if (protectedMode) {
            code.writeBytes(bytes(0x66));                          // operand-size prefix for the next mov
        }
        code.writeBytes(bytes(0xBA, 0xF8, 0x03));                  // mov dx, 0x3f8   ; COM1 data port
        for (byte character : text.getBytes(StandardCharsets.US_ASCII)) {
            code.writeBytes(bytes(0xB0, character));               // mov al, character
            code.writeBytes(bytes(0xEE));                          // out dx, al      ; send it
        }
        return code.toByteArray();
    }

    /** A boot sector that prints {@code text} and then never ends. */
    static byte[] printAndLoopForeverBootSector(String text) {
        ByteArrayOutputStream code = new ByteArrayOutputStream();
        code.writeBytes(printCode(text, false));
        code.writeBytes(bytes(0xEB, 0xFE));                        // jmp short -2    ; jump to itself
        return bootSector(code.toByteArray());
    }

    /**
     * A boot sector that triple-faults: with an empty interrupt table, int3 raises #GP, which cannot be
     * delivered either, so #DF, and a fault while delivering #DF shuts the processor down (Intel SDM Vol. 3A
     * §6.15, interrupt 8); QEMU turns the shutdown into a reset, and with -no-reboot into exit code 0.
     */
    static byte[] tripleFaultBootSector() {
        return bootSector(bytes(
                0x31, 0xC0,                                        // xor ax, ax
                0x8E, 0xD8,                                        // mov ds, ax      ; DS = 0, whatever the BIOS left
                0x0F, 0x01, 0x1E, 0x00, 0x7D,                      // lidt [0x7d00]   ; limit 0: six zero bytes of this sector (offset 0x100)
                0xCC));                                            // int3            ; vector 3 is beyond the limit
    }

    /**
     * A CD image with just the El Torito parts SeaBIOS reads (El Torito 1.0): the Boot Record Volume
     * Descriptor at sector 17, a boot catalog with a validation entry and a no-emulation default entry, and
     * a boot image of one 2048-byte sector whose first 512 bytes are {@code bootSector}. It is not a full
     * ISO 9660 volume (no Primary Volume Descriptor); image-builder makes those.
     */
    static byte[] elToritoCd(byte[] bootSector) {
        int sector = 2048;
        int catalogLba = 19;
        int bootImageLba = 20;
        ByteBuffer cd = ByteBuffer.allocate(21 * sector).order(ByteOrder.LITTLE_ENDIAN);

        cd.position(17 * sector);                                  // El Torito §2.0, Boot Record Volume Descriptor
        cd.put((byte) 0);                                          // type 0: boot record
        cd.put("CD001".getBytes(StandardCharsets.US_ASCII));
        cd.put((byte) 1);                                          // version
        cd.put("EL TORITO SPECIFICATION".getBytes(StandardCharsets.US_ASCII)); // boot system identifier, zero-padded
        cd.putInt(17 * sector + 0x47, catalogLba);                 // absolute pointer to the boot catalog

        cd.position(18 * sector);                                  // ISO 9660 §8.3, Volume Descriptor Set Terminator
        cd.put((byte) 255).put("CD001".getBytes(StandardCharsets.US_ASCII)).put((byte) 1);

        int catalog = catalogLba * sector;                         // El Torito §2.1, Validation Entry
        cd.put(catalog, (byte) 1);                                 // header ID
        cd.put(catalog + 1, (byte) 0);                             // platform 0: 80x86
        cd.put(catalog + 0x1E, (byte) 0x55).put(catalog + 0x1F, (byte) 0xAA);
        short sum = 0;                                             // checksum: the 16 words of the entry sum to 0
        for (int word = 0; word < 16; word++) {
            sum += cd.getShort(catalog + 2 * word);
        }
        cd.putShort(catalog + 0x1C, (short) -sum);
        int entry = catalog + 32;                                  // El Torito §2.2, Initial/Default Entry
        cd.put(entry, (byte) 0x88);                                // bootable
        cd.put(entry + 1, (byte) 0);                               // no emulation
        cd.putShort(entry + 2, (short) 0);                         // load segment 0: the default, 0x07C0
        cd.putShort(entry + 6, (short) 4);                         // four 512-byte virtual sectors
        cd.putInt(entry + 8, bootImageLba);

        cd.put(bootImageLba * sector, bootSector);
        return cd.array();
    }

    /**
     * An ELF64 executable with a PVH entry note (Xen's {@code XEN_ELFNOTE_PHYS32_ENTRY}, type 18), which
     * QEMU's {@code -kernel} loads and enters in 32-bit protected mode with paging off. One PT_LOAD segment
     * maps the whole file at 1 MiB; the code is at file offset 0x100.
     */
    static byte[] pvhKernel(String text, int status) {
        long loadAddress = 0x100000;
        int noteOffset = 64 + 2 * 56;                              // after the ELF header and two program headers
        int codeOffset = 0x100;
        byte[] code = printAndExitCode(text, status, true);
        ByteBuffer elf = ByteBuffer.allocate(codeOffset + code.length).order(ByteOrder.LITTLE_ENDIAN);
        elf.put(bytes(0x7F, 'E', 'L', 'F', 2, 1, 1));              // ELFCLASS64, little-endian, EV_CURRENT (ELF gABI, e_ident)
        elf.position(16);
        elf.putShort((short) 2);                                   // e_type: ET_EXEC
        elf.putShort((short) 0x3E);                                // e_machine: EM_X86_64
        elf.putInt(1);                                             // e_version
        elf.putLong(loadAddress + codeOffset);                     // e_entry (the PVH note's entry is what QEMU uses)
        elf.putLong(64);                                           // e_phoff
        elf.putLong(0);                                            // e_shoff: no sections
        elf.putInt(0);                                             // e_flags
        elf.putShort((short) 64).putShort((short) 56).putShort((short) 2); // e_ehsize, e_phentsize, e_phnum
        elf.putShort((short) 64).putShort((short) 0).putShort((short) 0);  // e_shentsize, e_shnum, e_shstrndx

        elf.putInt(1).putInt(5);                                   // PT_LOAD, PF_R | PF_X
        elf.putLong(0).putLong(loadAddress).putLong(loadAddress);  // p_offset, p_vaddr, p_paddr
        elf.putLong(elf.capacity()).putLong(elf.capacity());       // p_filesz, p_memsz
        elf.putLong(0x1000);                                       // p_align

        elf.putInt(4).putInt(4);                                   // PT_NOTE, PF_R
        elf.putLong(noteOffset).putLong(loadAddress + noteOffset).putLong(loadAddress + noteOffset);
        elf.putLong(24).putLong(24).putLong(4);                    // one note of 24 bytes, 4-aligned

        elf.putInt(4).putInt(8).putInt(18);                        // n_namesz, n_descsz, XEN_ELFNOTE_PHYS32_ENTRY
        elf.put("Xen\0".getBytes(StandardCharsets.US_ASCII));
        elf.putLong(loadAddress + codeOffset);                     // the 32-bit entry point

        elf.put(codeOffset, code);
        return elf.array();
    }

    static Path write(Path directory, String name, byte[] content) throws IOException {
        return Files.write(directory.resolve(name), content);
    }

    private static byte[] bytes(int... values) {
        byte[] bytes = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            bytes[i] = (byte) values[i];
        }
        return bytes;
    }
}
