package dev.kiln.image;

import dev.kiln.boot.loader.Lz4Block;
import dev.kiln.linker.Kernel;
import dev.kiln.linker.LoadSegment;

import java.util.Comparator;
import java.util.List;

/**
 * The kernel as one block of bytes to copy to one address, which is all a boot loader written in a few hundred
 * instructions should have to know: bytes from the lowest segment address to the last file-backed byte, gaps
 * between segments filled with zeros. What follows ({@code memorySize - bytes.length}) is BSS, which the kernel's
 * boot stub clears. Both sizes are padded to 4 bytes so that the loader moves whole dwords (the linker's page-aligned
 * {@code __kernel_end} leaves room for the padding). Flattening here, in Java, is why the loader never parses
 * ELF (see {@code docs/boot.md}).
 *
 * <p>The images store it compressed ({@code compressed}, an LZ4 block that the loaders decode, boot's
 * {@code Lz4Block}): reading it is the dearest part of a BIOS boot under QEMU's TCG (docs/boot.md, "Boot time").
 *
 * @param loadAddress the physical address of {@code bytes[0]}
 * @param memorySize  bytes from {@code loadAddress} to the end of the last segment, BSS included
 * @param entry       the 32-bit entry point
 * @param compressed  {@code bytes} as an LZ4 block
 */
record FlatKernel(long loadAddress, byte[] bytes, long memorySize, long entry, byte[] compressed) {
    /** The BIOS loader keeps its own code, stack, buffers and boot information below 1 MiB. */
    static final long LOWEST_LOAD_ADDRESS = 0x100000;
    static final long FOUR_GIB = 1L << 32;
    /** Java arrays, and so the file in the image, stop short of 2 GiB. */
    private static final long MAX_FILE_BYTES = Integer.MAX_VALUE - 8;

    static FlatKernel of(Kernel kernel) {
        List<LoadSegment> segments = kernel.segments().stream()
                .sorted(Comparator.comparingLong(LoadSegment::address)).toList();
        if (segments.isEmpty()) {
            throw new IllegalArgumentException("the kernel has no load segments: nothing to boot");
        }
        long start = segments.get(0).address();
        long fileEnd = start;
        long memoryEnd = start;
        long previousEnd = start;
        for (LoadSegment segment : segments) {
            if (segment.address() < previousEnd) {
                throw new IllegalArgumentException("kernel segment at 0x" + Long.toHexString(segment.address())
                        + " overlaps the previous one, which ends at 0x" + Long.toHexString(previousEnd));
            }
            previousEnd = segment.address() + segment.memorySize();
            memoryEnd = Math.max(memoryEnd, previousEnd);
            if (segment.bytes().length > 0) {
                fileEnd = segment.address() + segment.bytes().length;
            }
        }
        if (start < LOWEST_LOAD_ADDRESS || alignUp(memoryEnd, 4) > FOUR_GIB) {
            throw new IllegalArgumentException(String.format("the kernel occupies 0x%x..0x%x, but the BIOS boot"
                    + " loader can only place it between 1 MiB (0x100000; below is the loader's own memory and the"
                    + " BIOS) and 4 GiB (it copies in 32-bit mode); link it at a base address of at least 0x100000",
                    start, memoryEnd));
        }
        if (fileEnd - start > MAX_FILE_BYTES) {
            throw new IllegalArgumentException("the kernel's file-backed part is " + (fileEnd - start)
                    + " bytes; an image file holds at most " + MAX_FILE_BYTES);
        }
        long entry = kernel.entryAddress();
        if (entry < start || entry >= fileEnd) {
            throw new IllegalArgumentException(String.format("the kernel's entry point 0x%x lies outside its"
                    + " loaded bytes 0x%x..0x%x", entry, start, fileEnd));
        }
        long fileBytes = alignUp(fileEnd - start, 4);
        byte[] bytes = new byte[(int) fileBytes];
        for (LoadSegment segment : segments) {
            System.arraycopy(segment.bytes(), 0, bytes, (int) (segment.address() - start), segment.bytes().length);
        }
        return new FlatKernel(start, bytes, Math.max(fileBytes, alignUp(memoryEnd - start, 4)), entry,
                Lz4Block.compress(bytes));
    }

    private static long alignUp(long value, long alignment) {
        return (value + alignment - 1) / alignment * alignment;
    }
}
