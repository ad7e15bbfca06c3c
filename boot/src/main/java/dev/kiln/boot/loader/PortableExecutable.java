package dev.kiln.boot.loader;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * {@code BOOTX64.EFI}: the {@link UefiBootLoader} and the flat kernel as a PE32+ image, the executable format
 * UEFI firmware starts (UEFI 2.10 §2.1.1; the format is Microsoft's "PE Format" specification). File layout:
 * <pre>
 *   0x000  MS-DOS header: "MZ", e_lfanew (0x3C) = 0x40            (no DOS stub program: UEFI never runs it)
 *   0x040  "PE\0\0", COFF file header (20 bytes), PE32+ optional header (240 bytes), 2 section headers (40 each)
 *   0x800  .text  the loader's code, whole pages                    RVA 0x1000, execute/read
 *   ...    .data  the loader's variables, then the kernel's bytes   execute-never, read/write
 * </pre>
 * File alignment is 2048 bytes, so the kernel's bytes start on a 2048-byte boundary of this file; with the file
 * cluster-aligned in the FAT image ({@link dev.kiln.image.disk.FatImage}) the BIOS loader can read the very same
 * bytes by LBA, and the image holds the kernel once for both firmwares. The file's layout equals its memory
 * layout (sections at file offset + 0x800 = RVA), which is what keeps the loader's RIP-relative references to
 * its data right. There is no relocation directory and no relocation: the loader's code is position-independent,
 * so the firmware may load it anywhere (the "relocations stripped" flag stays clear, which says exactly that).
 * Nothing depends on the time: the COFF time stamp is 0, so rebuilds are byte-identical.
 */
public final class PortableExecutable {
    static final int FILE_ALIGNMENT = 2048;
    static final int SECTION_ALIGNMENT = UefiBootLoader.PAGE;
    static final int HEADERS_BYTES = FILE_ALIGNMENT;
    static final int TEXT_RVA = SECTION_ALIGNMENT;
    static final int PE_SIGNATURE_OFFSET = 0x40;
    /** COFF machine type AMD64. */
    static final int MACHINE_AMD64 = 0x8664;
    /** IMAGE_FILE_EXECUTABLE_IMAGE | IMAGE_FILE_LARGE_ADDRESS_AWARE. */
    static final int CHARACTERISTICS = 0x0002 | 0x0020;
    static final int PE32_PLUS_MAGIC = 0x20B;
    static final int OPTIONAL_HEADER_BYTES = 240;
    /** Windows subsystem 10: EFI application. */
    static final int SUBSYSTEM_EFI_APPLICATION = 10;
    static final int DATA_DIRECTORIES = 16;
    /** IMAGE_SCN_CNT_CODE | IMAGE_SCN_MEM_EXECUTE | IMAGE_SCN_MEM_READ. */
    static final int TEXT_CHARACTERISTICS = 0x0000_0020 | 0x2000_0000 | 0x4000_0000;
    /** IMAGE_SCN_CNT_INITIALIZED_DATA | IMAGE_SCN_MEM_READ | IMAGE_SCN_MEM_WRITE. */
    static final int DATA_CHARACTERISTICS = 0x0000_0040 | 0x4000_0000 | 0x8000_0000;
    /** The preferred load address, as EDK2's tools use; any other works as well (no relocations). */
    static final long IMAGE_BASE = 0x1000_0000L;

    private PortableExecutable() {
    }

    /**
     * The PE32+ file.
     *
     * @param loader the assembled loader; its data ends on a 2048-byte boundary, where {@code kernel} goes
     * @param kernel the flat kernel as the image stores it (its LZ4 block, padded: {@link Lz4Block#stored})
     */
    public static byte[] create(UefiBootLoader.Assembled loader, byte[] kernel) {
        int code = loader.codeBytes();
        int dataBytes = loader.bytes().length - code + kernel.length;
        long fileBytes = HEADERS_BYTES + (long) loader.bytes().length + alignUp(kernel.length, FILE_ALIGNMENT);
        if (fileBytes > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("a kernel of " + kernel.length + " bytes does not fit a PE32+ image"
                    + " held in memory");
        }
        int dataRva = TEXT_RVA + code;
        ByteBuffer file = ByteBuffer.allocate((int) fileBytes).order(ByteOrder.LITTLE_ENDIAN);
        file.put(0, "MZ".getBytes(StandardCharsets.US_ASCII));
        file.putInt(0x3C, PE_SIGNATURE_OFFSET);                  // e_lfanew: where the PE signature is
        file.position(PE_SIGNATURE_OFFSET);
        file.put("PE\0\0".getBytes(StandardCharsets.US_ASCII));
        // COFF file header (PE Format §"COFF File Header")
        file.putShort((short) MACHINE_AMD64);
        file.putShort((short) 2);                                // NumberOfSections
        file.putInt(0);                                          // TimeDateStamp: none, for reproducible images
        file.putInt(0);                                          // PointerToSymbolTable
        file.putInt(0);                                          // NumberOfSymbols
        file.putShort((short) OPTIONAL_HEADER_BYTES);
        file.putShort((short) CHARACTERISTICS);
        // Optional header, PE32+ (§"Optional Header Standard Fields" and "Windows-Specific Fields")
        int optionalHeader = file.position();
        file.putShort((short) PE32_PLUS_MAGIC);
        file.put((byte) 0).put((byte) 0);                        // linker version
        file.putInt(code);                                       // SizeOfCode
        file.putInt(dataBytes);                                  // SizeOfInitializedData
        file.putInt(0);                                          // SizeOfUninitializedData
        file.putInt(TEXT_RVA);                                   // AddressOfEntryPoint: efi_main, the first byte
        file.putInt(TEXT_RVA);                                   // BaseOfCode
        file.putLong(IMAGE_BASE);
        file.putInt(SECTION_ALIGNMENT);
        file.putInt(FILE_ALIGNMENT);
        file.putShort((short) 0).putShort((short) 0);            // operating system version
        file.putShort((short) 0).putShort((short) 0);            // image version
        file.putShort((short) 0).putShort((short) 0);            // subsystem version
        file.putInt(0);                                          // Win32VersionValue
        file.putInt((int) (dataRva + alignUp(dataBytes, SECTION_ALIGNMENT))); // SizeOfImage
        file.putInt(HEADERS_BYTES);                              // SizeOfHeaders
        file.putInt(0);                                          // CheckSum: not checked for EFI images
        file.putShort((short) SUBSYSTEM_EFI_APPLICATION);
        file.putShort((short) 0);                                // DllCharacteristics
        file.putLong(0).putLong(0).putLong(0).putLong(0);        // stack and heap reserve/commit: unused by UEFI
        file.putInt(0);                                          // LoaderFlags
        file.putInt(DATA_DIRECTORIES);                           // all zero: no exports, imports, relocations
        file.position(optionalHeader + OPTIONAL_HEADER_BYTES);
        section(file, ".text", code, TEXT_RVA, code, HEADERS_BYTES, TEXT_CHARACTERISTICS);
        section(file, ".data", dataBytes, dataRva, (int) alignUp(dataBytes, FILE_ALIGNMENT), HEADERS_BYTES + code,
                DATA_CHARACTERISTICS);
        file.put(HEADERS_BYTES, loader.bytes());
        file.put(HEADERS_BYTES + loader.bytes().length, kernel);
        return file.array();
    }

    /** Where the kernel's bytes start in the file {@link #create} makes for {@code loader}: a multiple of 2048. */
    public static int kernelOffset(UefiBootLoader.Assembled loader) {
        return HEADERS_BYTES + loader.bytes().length;
    }

    /** A section header (§"Section Table"): name, sizes and places in memory and file, flags. */
    private static void section(ByteBuffer file, String name, int virtualSize, int rva, int rawSize, int rawOffset,
                                int characteristics) {
        byte[] paddedName = new byte[8];
        byte[] ascii = name.getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(ascii, 0, paddedName, 0, ascii.length);
        file.put(paddedName);
        file.putInt(virtualSize);
        file.putInt(rva);
        file.putInt(rawSize);
        file.putInt(rawOffset);
        file.putInt(0).putInt(0);                                // relocations, line numbers: none
        file.putShort((short) 0).putShort((short) 0);
        file.putInt(characteristics);
    }

    private static long alignUp(long value, long alignment) {
        return (value + alignment - 1) / alignment * alignment;
    }
}
