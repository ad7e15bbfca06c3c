package kiln.kernel.interrupts;

import kiln.kernel.boot.LateStart;
import kiln.runtime.Intrinsics;

/**
 * This CPU's local APIC in xAPIC mode: its registers are 4 KiB of memory at the address the IA32_APIC_BASE MSR
 * holds (Intel SDM Vol. 3A §11.4.1, §11.4.4), each register 32 bits wide on a 16-byte boundary.
 *
 * <pre>
 * IA32_APIC_BASE (MSR 0x1B): 51..12 base address | 11 xAPIC global enable | 10 x2APIC mode | 8 BSP
 *
 * offset  register                            offset  register
 * 0x020   ID (bits 31..24)                    0x320   LVT timer: 17 periodic | 16 masked | 7..0 vector
 * 0x080   task priority (0: accept all)       0x350   LVT LINT0 (the 8259's ExtINT in virtual-wire mode)
 * 0x0B0   EOI (write 0)                       0x370   LVT error
 * 0x0F0   spurious vector: 8 APIC enable,     0x380   timer initial count (writing starts the timer)
 *         7..0 spurious vector                0x390   timer current count
 * 0x300   ICR low: 19..18 shorthand (01 self), 14 level assert, 10..8 delivery (000 fixed), 7..0 vector
 * 0x3E0   timer divide configuration: 0b0011 = divide by 16
 * </pre>
 * <i>Rejected</i>: x2APIC (MSR access, SDM §11.12). It is faster on real hardware, but TCG gains nothing from
 * it and the xAPIC works everywhere; Kiln expects the firmware to leave the APIC in xAPIC mode, as SeaBIOS and
 * OVMF do, and says so at boot otherwise.
 */
public final class LocalApic {
    private static final int IA32_APIC_BASE = 0x1B;
    private static final int CPUID_FEATURES = 1, CPUID_EDX = 3, CPUID_EDX_APIC = 1 << 9;
    private static final long BASE_ADDRESS_MASK = 0x000F_FFFF_FFFF_F000L;
    private static final long GLOBAL_ENABLE = 1L << 11, X2APIC_MODE = 1L << 10;
    private static final int ID = 0x020, TASK_PRIORITY = 0x080, EOI = 0x0B0, SPURIOUS = 0x0F0;
    private static final int ICR_LOW = 0x300, LVT_TIMER = 0x320, LVT_LINT0 = 0x350, LVT_ERROR = 0x370;
    private static final int TIMER_INITIAL_COUNT = 0x380, TIMER_CURRENT_COUNT = 0x390, TIMER_DIVIDE = 0x3E0;
    private static final int SOFTWARE_ENABLE = 1 << 8;
    private static final int LVT_MASKED = 1 << 16, LVT_PERIODIC = 1 << 17;
    private static final int DIVIDE_BY_16 = 0b0011;
    private static final int ICR_SELF = 0b01 << 18, ICR_ASSERT = 1 << 14;

    /** The vector of spurious interrupts (SDM §11.9): its low four bits must be set on older CPUs. */
    public static final int SPURIOUS_VECTOR = 0xFF;

    private static long base;

    private LocalApic() {}

    /**
     * Enables the local APIC: xAPIC mode at the address IA32_APIC_BASE holds, software-enabled with
     * {@link #SPURIOUS_VECTOR}, task priority 0, LINT0 and the error interrupt masked (the 8259s are masked
     * and Kiln does not watch for APIC errors yet).
     *
     * @throws IllegalStateException if the CPU has no local APIC, or the firmware left it in x2APIC mode
     */
    static void enable() {
        if ((Intrinsics.cpuid(CPUID_FEATURES, 0, CPUID_EDX) & CPUID_EDX_APIC) == 0) {
            throw new IllegalStateException("this CPU has no local APIC (CPUID.01H:EDX.APIC[bit 9] is 0);"
                    + " Kiln needs one for interrupts and its timer");
        }
        long apicBase = Intrinsics.readMsr(IA32_APIC_BASE);
        if ((apicBase & X2APIC_MODE) != 0) {
            throw new IllegalStateException("the local APIC is in x2APIC mode; Kiln drives it in xAPIC mode only"
                    + " (turn x2APIC off in the firmware setup)");
        }
        Intrinsics.writeMsr(IA32_APIC_BASE, apicBase | GLOBAL_ENABLE);
        base = apicBase & BASE_ADDRESS_MASK;
        write(TASK_PRIORITY, 0);
        write(LVT_LINT0, LVT_MASKED);
        write(LVT_ERROR, LVT_MASKED);
        write(SPURIOUS, SOFTWARE_ENABLE | SPURIOUS_VECTOR);
    }

    /** This CPU's APIC id, the destination I/O APIC entries name. */
    static int id() {
        return read(ID) >>> 24;
    }

    /** Signals the end of the interrupt being handled, so that the APIC delivers the next one (SDM §11.8.5). */
    public static void endOfInterrupt() {
        write(EOI, 0);
    }

    /** Sends interrupt {@code vector} to this CPU itself, through the interrupt command register (SDM §11.6.1). */
    public static void sendSelf(int vector) {
        LateStart.interrupts(); // an enabled APIC, and interrupts on to take it
        write(ICR_LOW, ICR_SELF | ICR_ASSERT | vector);
    }

    /**
     * Starts the APIC timer (SDM §11.5.4): counting down from {@code initialCount} at the bus clock divided by
     * 16, raising {@code vector} when it reaches 0 — then again from {@code initialCount} if {@code periodic},
     * else once. An {@code initialCount} of 0 stops the timer.
     */
    public static void startTimer(int vector, boolean periodic, int initialCount) {
        write(TIMER_DIVIDE, DIVIDE_BY_16);
        write(LVT_TIMER, (periodic ? LVT_PERIODIC : 0) | vector);
        write(TIMER_INITIAL_COUNT, initialCount);
    }

    /** Stops the timer and masks its interrupt. */
    public static void stopTimer() {
        write(LVT_TIMER, LVT_MASKED);
        write(TIMER_INITIAL_COUNT, 0);
    }

    /** The timer's current count (unsigned 32 bits). */
    public static long timerCount() {
        return read(TIMER_CURRENT_COUNT) & 0xFFFF_FFFFL;
    }

    private static int read(int register) {
        return Intrinsics.readInt(base + register);
    }

    private static void write(int register, int value) {
        Intrinsics.writeInt(base + register, value);
    }
}
