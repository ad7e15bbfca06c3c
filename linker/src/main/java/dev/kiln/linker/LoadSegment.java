package dev.kiln.linker;

import java.util.Objects;

/**
 * A piece of the kernel a loader must place in memory: {@code bytes} at {@code address}, followed by zeros up to
 * {@code memorySize} bytes (the BSS). The array is shared, not copied: do not modify it.
 */
public record LoadSegment(long address, byte[] bytes, long memorySize) {
    public LoadSegment {
        Objects.requireNonNull(bytes, "bytes");
        if (memorySize < bytes.length) {
            throw new IllegalArgumentException("segment at 0x" + Long.toHexString(address) + ": memory size "
                    + memorySize + " is smaller than its " + bytes.length + " file bytes");
        }
    }
}
