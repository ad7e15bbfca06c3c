package kiln.kernel.cpu;

import kiln.runtime.Intrinsics;

/**
 * The GDT with a 64-bit TSS, the TSS with its interrupt stacks, and the IDT, built in Java at boot into memory
 * the interrupt stub reserves ({@code kiln_gdt}, {@code kiln_tss}, {@code kiln_idt}, {@code kiln_ist_stacks}).
 *
 * <h2>Interrupt stacks (IST, SDM Vol. 3A §6.14.5)</h2>
 * Every vector runs on an IST stack, never on the interrupted one:
 * <pre>
 *   IST1 double fault       IST2 NMI        IST3 machine check
 *   IST4 page fault         (a guard-page hit leaves no room on the faulting stack)
 *   IST5 other exceptions   IST6 external interrupts (vectors 32-255)
 * </pre>
 * Why all of them: a fault becomes a call on the interrupted stack (Faults writes a return address just below
 * its rsp), which the CPU's own frame would occupy without a stack switch; and an interrupt taken near the stack
 * limit would otherwise fail the dispatcher's own prologue check and throw StackOverflowError out of an interrupt.
 * The IST stacks lie above the boot stack, so that check passes on them. An IST stack is reused from its top on
 * every entry: interrupt gates clear IF, so external interrupts do not nest; a fault inside a handler (IST4/5
 * while IST6 is in use, or IST4/5 again) is a kernel bug that panics, and only then can it overwrite the frame
 * of the fault it interrupted.
 *
 * <h2>GDT (SDM Vol. 3A §3.4.5, §8.2.3)</h2>
 * <pre>
 *   0x00 null   0x08 64-bit code (as the boot stub's)   0x10 data (as the boot stub's)   0x18 TSS (16 bytes)
 *
 *   TSS descriptor in 64-bit mode (Figure 8-4):
 *    127          96 95                                64
 *   +--------------+-------------------------------------+
 *   |  reserved 0  |            base 63:32               |
 *   +--------------+-------------------------------------+
 *    63    56 55 52 51  48 47 46 45 44 43  40 39      32 31          16 15          0
 *   +--------+-----+------+--+-----+--+------+----------+--------------+-------------+
 *   |base31:24|G.AVL|lim19:16|P| DPL |0 | type |base 23:16| base 15:0    | limit 15:0  |
 *   +--------+-----+------+--+-----+--+------+----------+--------------+-------------+
 *   type 1001 = available 64-bit TSS, P = 1, DPL = 0
 * </pre>
 * The code and data descriptors are the boot stub's, at the same selectors, so CS, DS and SS need no reload
 * after {@code lgdt}: their hidden descriptor caches already hold exactly these values (§3.4.3).
 *
 * <h2>TSS (Figure 8-11)</h2>
 * +4 RSP0, +12 RSP1, +20 RSP2 (privilege changes: none, the kernel runs in ring 0 only), +36 + 8*(n-1) ISTn,
 * +102 I/O map base (= the limit + 1: no I/O permission bitmap).
 *
 * <h2>IDT gate (§6.14.1, Figure 6-8)</h2>
 * <pre>
 *    127                     96 95                          64
 *   +-------------------------+------------------------------+
 *   |       reserved 0        |        offset 63:32          |
 *   +-------------------------+------------------------------+
 *    63           48 47 46 45 44  40 39  35 34 32 31        16 15          0
 *   +---------------+--+-----+-+----+------+-----+------------+-------------+
 *   | offset 31:16  |P | DPL |0|type| 0    | IST | selector   | offset 15:0 |
 *   +---------------+--+-----+-+----+------+-----+------------+-------------+
 *   type 1110 = 64-bit interrupt gate (IF cleared on entry), P = 1, DPL = 0, selector 0x08
 * </pre>
 *
 * <p><i>Rejected</i>: trap gates for exceptions (IF stays set, so an external interrupt could arrive on top of a
 * fault being turned into an exception, on the same IST stack); and keeping the boot stub's GDT, which is
 * read-only data without a TSS slot.
 */
public final class DescriptorTables {
    private static final int CODE_SELECTOR = 0x08;
    private static final int TSS_SELECTOR = 0x18;
    private static final long CODE64_DESCRIPTOR = 0x00AF_9B00_0000_FFFFL;
    private static final long DATA_DESCRIPTOR = 0x00CF_9300_0000_FFFFL;
    private static final int GDT_ENTRIES = 5;
    private static final int TSS_LIMIT = 103;
    private static final long TSS_AVAILABLE_64 = 0x9, PRESENT = 1L << 47;
    private static final int TSS_IST1 = 36, TSS_IO_MAP_BASE = 102;
    private static final long INTERRUPT_GATE = 0xEL << 40;
    private static final int VECTORS = 256, GATE_SIZE = 16;
    private static final int IST_STACK_SIZE = 16 << 10;

    static final int NMI = 2, DOUBLE_FAULT = 8, PAGE_FAULT = 14, MACHINE_CHECK = 18;
    private static final int IST_DOUBLE_FAULT = 1, IST_NMI = 2, IST_MACHINE_CHECK = 3, IST_PAGE_FAULT = 4,
            IST_EXCEPTION = 5, IST_INTERRUPT = 6;

    private DescriptorTables() {}

    /** Builds and loads the GDT, TSS and IDT. Interrupts stay disabled. */
    static void install() {
        long tss = Intrinsics.symbol("kiln_tss");
        for (int ist = 1; ist <= IST_INTERRUPT; ist++) {
            Intrinsics.writeLong(tss + TSS_IST1 + 8L * (ist - 1), istStackTop(ist));
        }
        Intrinsics.writeShort(tss + TSS_IO_MAP_BASE, (short) (TSS_LIMIT + 1));

        long gdt = Intrinsics.symbol("kiln_gdt");
        Intrinsics.writeLong(gdt, 0);
        Intrinsics.writeLong(gdt + 8, CODE64_DESCRIPTOR);
        Intrinsics.writeLong(gdt + 16, DATA_DESCRIPTOR);
        Intrinsics.writeLong(gdt + TSS_SELECTOR, TSS_LIMIT | (tss & 0xFF_FFFFL) << 16 | TSS_AVAILABLE_64 << 40 | PRESENT
                | (tss >>> 24 & 0xFF) << 56);
        Intrinsics.writeLong(gdt + TSS_SELECTOR + 8, tss >>> 32);
        Intrinsics.loadGlobalDescriptorTable(pointer(gdt, GDT_ENTRIES * 8));
        Intrinsics.loadTaskRegister(TSS_SELECTOR);

        long idt = Intrinsics.symbol("kiln_idt");
        long entries = Intrinsics.symbol("kiln_interrupt_entries");
        for (int vector = 0; vector < VECTORS; vector++) {
            long entry = entries + 5L * vector;
            long gate = idt + (long) GATE_SIZE * vector;
            Intrinsics.writeLong(gate, (entry & 0xFFFF) | (long) CODE_SELECTOR << 16 | (long) istFor(vector) << 32
                    | INTERRUPT_GATE | PRESENT | (entry >>> 16 & 0xFFFF) << 48);
            Intrinsics.writeLong(gate + 8, entry >>> 32);
        }
        Intrinsics.loadInterruptDescriptorTable(pointer(idt, VECTORS * GATE_SIZE));
    }

    private static int istFor(int vector) {
        return switch (vector) {
            case DOUBLE_FAULT -> IST_DOUBLE_FAULT;
            case NMI -> IST_NMI;
            case MACHINE_CHECK -> IST_MACHINE_CHECK;
            case PAGE_FAULT -> IST_PAGE_FAULT;
            default -> vector < 32 ? IST_EXCEPTION : IST_INTERRUPT;
        };
    }

    /** The first byte above IST stack {@code ist} (1-based); 16-aligned, as the CPU aligns it anyway (§6.14.2). */
    static long istStackTop(int ist) {
        return Intrinsics.symbol("kiln_ist_stacks") + (long) IST_STACK_SIZE * ist;
    }

    /** The lgdt/lidt operand: 2-byte limit (size - 1), 8-byte base (SDM Vol. 3A §2.4.1 Figure 2-6). */
    private static long pointer(long base, int size) {
        long pointer = Intrinsics.symbol("kiln_descriptor_pointer");
        Intrinsics.writeShort(pointer, (short) (size - 1));
        Intrinsics.writeLong(pointer + 2, base);
        return pointer;
    }
}
