package kiln.kernel.boot;

import kiln.runtime.Intrinsics;

/**
 * The firmware's ACPI tables (ACPI 6.5 §5.2), found the BIOS way: the Root System Description Pointer is
 * searched on 16-byte boundaries in the first KiB of the Extended BIOS Data Area, whose real-mode segment is
 * the word at 0x40E, and in the BIOS read-only area 0xE0000..0xFFFFF (§5.2.5.1), its F segment first. It points to
 * the RSDT (32-bit entries) and, from revision 2 on, the XSDT (64-bit entries), which list the other tables.
 *
 * <pre>
 * RSDP (§5.2.5.3)                         table header (§5.2.6), 36 bytes, then the table's own fields
 *   +0  "RSD PTR "  8                       +0  signature   4   ("APIC" = MADT, "FACP" = FADT)
 *   +8  checksum    1  (bytes 0..19 sum 0)  +4  length      4   (whole table, header included)
 *   +9  OEM id      6                       +8  revision    1
 *   +15 revision    1  (0 = ACPI 1.0)       +9  checksum    1   (all bytes sum to 0)
 *   +16 RSDT        4                       +10 OEM id, table id, revision, creator id and revision
 *   +20 length      4  (revision >= 2)      +36 RSDT: u32 table addresses; XSDT: u64 table addresses
 *   +24 XSDT        8
 *   +32 ext. checksum 1 (bytes 0..length-1 sum 0)
 * </pre>
 * UEFI hands the RSDP over in its configuration table instead (UEFI 2.10 §4.6); that path comes with the UEFI
 * loader. Every structure is checksummed before use, and a table that fails its checksum is treated as
 * missing, so a stray "RSD PTR " in the BIOS area cannot mislead the kernel. Allocates nothing.
 */
public final class AcpiTables {
    private static final long EBDA_SEGMENT_POINTER = 0x40E;
    private static final long EBDA_SEARCH_BYTES = 1024;
    /**
     * The BIOS read-only area, searched from its upper half (the F segment, where SeaBIOS and most BIOSes keep the
     * RSDP) before its lower: §5.2.5.1 names the area, not an order, and the 4,096 probes of the E segment, which
     * under SeaBIOS all came before its RSDP (at 0xF5xxx), were compiled-Java loop iterations in every boot.
     */
    private static final long BIOS_AREA_START = 0xE0000, BIOS_AREA_UPPER_HALF = 0xF0000, BIOS_AREA_END = 0x100000;
    private static final long RSDP_SIGNATURE = 0x2052545020445352L; // "RSD PTR " read as a little-endian long
    private static final int RSDP_V1_LENGTH = 20;
    /** The ACPI 2.0+ RSDP is 36 bytes; a length far beyond that is not an RSDP. */
    private static final int RSDP_V2_MIN_LENGTH = 36, RSDP_V2_MAX_LENGTH = 4096;
    private static final int HEADER_LENGTH = 36;

    private AcpiTables() {}

    /** The RSDP's address once searched for (0: none); -1 before the first search. */
    private static long rootPointer = -1;
    /** The EBDA's address, from the BIOS data area's word at 0x40E, as {@link #rememberBiosDataArea} read it. */
    private static long extendedBiosDataArea;

    /**
     * Reads where the EBDA is from the BIOS data area, which lies in page 0: at boot, before the kernel unmaps that
     * page ({@code Cpu.init}), so that {@link #find} may come later ({@code kiln.kernel.boot.LateStart}).
     */
    static void rememberBiosDataArea() {
        extendedBiosDataArea = (Intrinsics.readChar(EBDA_SEGMENT_POINTER) & 0xFFFFL) << 4;
    }

    /**
     * The address of the table with {@code signature} (four ASCII letters), checksum verified; 0 when absent.
     * The first call searches for the RSDP (the EBDA as {@link #rememberBiosDataArea} found it, then the BIOS
     * area); later calls use the RSDP found then.
     */
    public static long find(String signature) {
        if (rootPointer < 0) {
            rootPointer = searchRootPointer();
        }
        long rsdp = rootPointer;
        if (rsdp == 0) {
            return 0;
        }
        boolean extended = Intrinsics.readByte(rsdp + 15) >= 2;
        long root = extended ? Intrinsics.readLong(rsdp + 24) : Intrinsics.readInt(rsdp + 16) & 0xFFFF_FFFFL;
        if (root == 0 || !validTable(root)) {
            return 0;
        }
        int entrySize = extended ? 8 : 4;
        long end = root + tableLength(root);
        int wanted = signatureValue(signature);
        for (long entry = root + HEADER_LENGTH; entry + entrySize <= end; entry += entrySize) {
            long table = extended ? Intrinsics.readLong(entry) : Intrinsics.readInt(entry) & 0xFFFF_FFFFL;
            if (table != 0 && Intrinsics.readInt(table) == wanted && validTable(table)) {
                return table;
            }
        }
        return 0;
    }

    /** The length of the table at {@code table}, header included. */
    public static long tableLength(long table) {
        return Intrinsics.readInt(table + 4) & 0xFFFF_FFFFL;
    }

    /** The RSDP's address, or 0 when the firmware has none where the BIOS keeps it. */
    private static long searchRootPointer() {
        long ebda = extendedBiosDataArea;
        long found = ebda != 0 ? searchArea(ebda, ebda + EBDA_SEARCH_BYTES) : 0;
        if (found == 0) {
            found = searchArea(BIOS_AREA_UPPER_HALF, BIOS_AREA_END);
        }
        return found != 0 ? found : searchArea(BIOS_AREA_START, BIOS_AREA_UPPER_HALF);
    }

    private static long searchArea(long from, long to) {
        for (long p = from; p + RSDP_V1_LENGTH <= to; p += 16) {
            if (Intrinsics.readLong(p) == RSDP_SIGNATURE && checksumIsZero(p, RSDP_V1_LENGTH)
                    && (Intrinsics.readByte(p + 15) < 2 || extendedChecksumIsZero(p))) {
                return p;
            }
        }
        return 0;
    }

    private static boolean extendedChecksumIsZero(long rsdp) {
        int length = Intrinsics.readInt(rsdp + 20);
        return length >= RSDP_V2_MIN_LENGTH && length <= RSDP_V2_MAX_LENGTH && checksumIsZero(rsdp, length);
    }

    private static boolean validTable(long table) {
        long length = tableLength(table);
        return length >= HEADER_LENGTH && length < (1 << 20) && checksumIsZero(table, length);
    }

    private static boolean checksumIsZero(long address, long length) {
        int sum = 0;
        for (long i = 0; i < length; i++) {
            sum += Intrinsics.readByte(address + i);
        }
        return (sum & 0xFF) == 0;
    }

    /** "APIC" → the int that reads as those four bytes in memory (little-endian). */
    private static int signatureValue(String signature) {
        return signature.charAt(0) | signature.charAt(1) << 8 | signature.charAt(2) << 16 | signature.charAt(3) << 24;
    }
}
