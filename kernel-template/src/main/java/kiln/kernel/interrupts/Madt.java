package kiln.kernel.interrupts;

import kiln.kernel.boot.AcpiTables;
import kiln.kernel.boot.LateStart;
import kiln.runtime.Intrinsics;

/**
 * Where the interrupt controllers are and how the 16 ISA IRQs reach them, from ACPI's Multiple APIC
 * Description Table (ACPI 6.5 §5.2.12, signature "APIC").
 *
 * <pre>
 * MADT: header (36 bytes), +36 u32 local APIC address, +40 u32 flags (bit 0: PC-AT 8259 pair present),
 *       +44 entries, each: u8 type, u8 length, then
 *   type 1 I/O APIC (§5.2.12.3)                   +2 u8 id, +4 u32 address, +8 u32 first GSI
 *   type 2 interrupt source override (§5.2.12.5)  +2 u8 bus (0 = ISA), +3 u8 source IRQ, +4 u32 GSI, +8 u16 flags
 * override flags (MPS INTI flags, Table 5.26): bits 1..0 polarity  00 bus default, 01 high, 11 low
 *                                              bits 3..2 trigger   00 bus default, 01 edge, 11 level
 * </pre>
 * An ISA IRQ without an override is wired to the GSI of the same number, edge-triggered and active high (the
 * ISA bus default). On QEMU's PC the override that matters is IRQ 0 (the PIT) → GSI 2. The local APIC's address
 * is not taken from here but from the IA32_APIC_BASE MSR, which is what the CPU itself decodes ({@link LocalApic}).
 *
 * <p><b>Without a MADT</b> (firmware without ACPI), the MultiProcessor Specification 1.4 §5.1 default
 * configuration is assumed: one I/O APIC at 0xFEC00000 with GSIs 0..23, IRQ 0 on input 2 and every other ISA
 * IRQ on the input of its number. <i>Rejected</i>: a PIC-only fallback — every PC since the late 1990s has an
 * I/O APIC, and one interrupt path is easier to keep right than two.
 */
public final class Madt {
    static final int ISA_IRQS = 16;
    private static final int MAX_IO_APICS = 8;
    private static final long DEFAULT_IO_APIC_ADDRESS = 0xFEC00000L;
    private static final int TYPE_IO_APIC = 1, TYPE_SOURCE_OVERRIDE = 2;
    private static final int ISA_BUS = 0;
    static final int POLARITY_MASK = 0x3, POLARITY_LOW = 0x3;
    static final int TRIGGER_MASK = 0xC, TRIGGER_LEVEL = 0xC;

    private static boolean fromFirmware;
    private static int ioApicCount;
    private static long[] ioApicAddresses;
    private static int[] ioApicFirstGsi;
    private static int[] isaGsi;
    private static int[] isaFlags;

    private Madt() {}

    /** Reads the MADT, or assumes the MP default configuration. Once, when the controllers start (after boot). */
    static void read() {
        ioApicAddresses = new long[MAX_IO_APICS];
        ioApicFirstGsi = new int[MAX_IO_APICS];
        isaGsi = new int[ISA_IRQS];
        isaFlags = new int[ISA_IRQS];
        for (int irq = 0; irq < ISA_IRQS; irq++) {
            isaGsi[irq] = irq;
        }
        long madt = AcpiTables.find("APIC");
        fromFirmware = madt != 0;
        if (!fromFirmware) {
            ioApicAddresses[0] = DEFAULT_IO_APIC_ADDRESS;
            ioApicCount = 1;
            isaGsi[0] = 2;
            return;
        }
        long end = madt + AcpiTables.tableLength(madt);
        for (long entry = madt + 44; entry + 2 <= end; ) {
            int type = Intrinsics.readByte(entry) & 0xFF;
            int length = Intrinsics.readByte(entry + 1) & 0xFF;
            if (length < 2 || entry + length > end) {
                break;
            }
            if (type == TYPE_IO_APIC && length >= 12 && ioApicCount < MAX_IO_APICS) {
                ioApicAddresses[ioApicCount] = Intrinsics.readInt(entry + 4) & 0xFFFF_FFFFL;
                ioApicFirstGsi[ioApicCount] = Intrinsics.readInt(entry + 8);
                ioApicCount++;
            } else if (type == TYPE_SOURCE_OVERRIDE && length >= 10 && Intrinsics.readByte(entry + 2) == ISA_BUS) {
                int source = Intrinsics.readByte(entry + 3) & 0xFF;
                if (source < ISA_IRQS) {
                    isaGsi[source] = Intrinsics.readInt(entry + 4);
                    isaFlags[source] = Intrinsics.readChar(entry + 8);
                }
            }
            entry += length;
        }
        if (ioApicCount == 0) {
            ioApicAddresses[0] = DEFAULT_IO_APIC_ADDRESS;
            ioApicCount = 1;
        }
    }

    /** True when the firmware described the machine; false when the MP default configuration was assumed. */
    public static boolean fromFirmware() {
        LateStart.interrupts(); // which reads the table
        return fromFirmware;
    }

    static int ioApicCount() {
        return ioApicCount;
    }

    static long ioApicAddress(int index) {
        return ioApicAddresses[index];
    }

    static int ioApicFirstGsi(int index) {
        return ioApicFirstGsi[index];
    }

    /** The global system interrupt that ISA IRQ {@code irq} arrives at. */
    public static int gsiOf(int irq) {
        LateStart.interrupts();
        return isaGsi[irq];
    }

    /** The MPS INTI flags of ISA IRQ {@code irq}'s override (0: the ISA defaults, edge and active high). */
    static int flagsOf(int irq) {
        return isaFlags[irq];
    }
}
