package dev.kiln.linker;

import dev.kiln.compiler.object.RelocationKind;

/**
 * The arithmetic of each {@link RelocationKind}: the value to store (System V x86-64 psABI §4.4, Table 4.10,
 * where S is the symbol's address, A the addend and P the address of the field) and the range it must fit.
 */
final class Relocations {
    private Relocations() {
    }

    static long value(RelocationKind kind, long symbolAddress, long addend, long fieldAddress) {
        return switch (kind) {
            case ABS64, ABS32, ABS32S, ABS16 -> symbolAddress + addend;
            case PC32 -> symbolAddress + addend - fieldAddress;
        };
    }

    /** Whether {@code value} can be stored in the field without losing bits, as the field's user reads it. */
    static boolean fits(RelocationKind kind, long value) {
        return switch (kind) {
            case ABS64 -> true;
            case ABS32 -> value >= 0 && value <= 0xFFFF_FFFFL;
            case ABS32S, PC32 -> value >= Integer.MIN_VALUE && value <= Integer.MAX_VALUE;
            case ABS16 -> value >= 0 && value <= 0xFFFF;
        };
    }

    /** Stores the low {@code kind.width()} bytes of {@code value} at {@code offset}, little-endian. */
    static void store(RelocationKind kind, long value, byte[] target, int offset) {
        for (int i = 0; i < kind.width(); i++) {
            target[offset + i] = (byte) (value >>> (8 * i));
        }
    }

    static String hex(long value) {
        return value < 0 ? "-0x" + Long.toHexString(-value) : "0x" + Long.toHexString(value);
    }
}
