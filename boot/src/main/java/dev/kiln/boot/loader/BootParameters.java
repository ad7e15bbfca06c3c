package dev.kiln.boot.loader;

/**
 * What the boot loaders need to know about the kernel, baked into their parameter blocks.
 *
 * @param kernelSector    the first 2048-byte sector of the stored kernel, counted in 2048-byte units from the start
 *                        of the drive (a CD sector; on a disk with 512-byte sectors, the loader multiplies by 4)
 * @param compressedBytes the length of the kernel's LZ4 block ({@link Lz4Block}), which the loaders decode to the
 *                        load address; stored padded to {@link #storedBytes()}
 * @param kernelBytes     the decoded kernel's length, a multiple of 4
 * @param loadAddress     where its first byte goes, at least 1 MiB
 * @param memorySize      bytes from {@code loadAddress} that the kernel occupies, BSS included (the kernel's boot
 *                        stub clears the BSS); a multiple of 4
 * @param entry           the 32-bit entry point, started with the Multiboot2 machine state
 * @param commandLine     the kernel command line the loaders pass in the Multiboot2 command line tag; empty for none
 */
public record BootParameters(long kernelSector, long compressedBytes, long kernelBytes, long loadAddress,
                             long memorySize, long entry, String commandLine) {
    private static final long FOUR_GIB = 1L << 32;
    /** The loader scales the sector by 4 on 512-byte drives and keeps LBAs in 32 bits. */
    private static final long SECTOR_LIMIT = 1L << 30;
    /** The loader keeps code, stack, buffers and the boot information below 1 MiB. */
    private static final long ONE_MIB = 0x100000;
    private static final long PAGE = 4096;

    /** Without a command line. */
    public BootParameters(long kernelSector, long compressedBytes, long kernelBytes, long loadAddress, long memorySize,
                          long entry) {
        this(kernelSector, compressedBytes, kernelBytes, loadAddress, memorySize, entry, "");
    }

    public BootParameters {
        CommandLineTag.check(commandLine);
        check(kernelSector >= 0 && kernelSector < SECTOR_LIMIT, "kernel sector %d is not below 2^30 (2 TiB), so its"
                + " 512-byte sector number would not fit the loader's 32 bits", kernelSector);
        check(kernelBytes > 0 && kernelBytes < FOUR_GIB, "kernel size %d is not 1 to 2^32-1 bytes", kernelBytes);
        check(compressedBytes > 0 && compressedBytes < FOUR_GIB, "compressed kernel size %d is not 1 to 2^32-1 bytes",
                compressedBytes);
        check(loadAddress >= ONE_MIB, "load address 0x%x is below 1 MiB, where the loader and BIOS live", loadAddress);
        check(kernelBytes % 4 == 0 && memorySize % 4 == 0, "kernel size %d and memory size %d must be multiples"
                + " of 4: the loader moves dwords", kernelBytes, memorySize);
        check(memorySize >= kernelBytes, "memory size %d is smaller than the kernel's %d bytes", memorySize, kernelBytes);
        check(loadAddress + memorySize <= FOUR_GIB, "the kernel would end at 0x%x, above 4 GiB, out of the"
                + " 32-bit loader's reach", loadAddress + memorySize);
        check(entry >= loadAddress && entry < loadAddress + kernelBytes, "entry 0x%x is outside the kernel's"
                + " bytes 0x%x..0x%x", entry, loadAddress, loadAddress + kernelBytes);
        long stagingEnd = stagingAddress(loadAddress, memorySize) + Lz4Block.storedLength(compressedBytes);
        check(stagingEnd <= FOUR_GIB, "the BIOS loader would read the compressed kernel up to 0x%x, above 4 GiB, out"
                + " of its reach", stagingEnd);
    }

    /** The bytes the image stores for the kernel: its LZ4 block and the padding the decoder may read past it. */
    public long storedBytes() {
        return Lz4Block.storedLength(compressedBytes);
    }

    /**
     * Where the BIOS loader reads the compressed kernel before decoding it to {@link #loadAddress}: the first page
     * above the kernel's memory and the decoder's overshoot. The kernel's heap later reuses it.
     */
    long stagingAddress() {
        return stagingAddress(loadAddress, memorySize);
    }

    private static long stagingAddress(long loadAddress, long memorySize) {
        return (loadAddress + memorySize + Lz4Decoder.OVERSHOOT + PAGE - 1) / PAGE * PAGE;
    }

    private static void check(boolean condition, String format, Object... arguments) {
        if (!condition) {
            throw new IllegalArgumentException(String.format(format, arguments));
        }
    }
}
