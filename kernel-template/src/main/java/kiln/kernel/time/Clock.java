package kiln.kernel.time;

import kiln.kernel.drivers.HostedLinux;
import kiln.kernel.interrupts.LocalApic;
import kiln.runtime.Intrinsics;
import kiln.runtime.ObjectModel;

/**
 * The kernel's clocks: a monotonic one ({@link #nanoTime}) and the time of day ({@link #currentTimeMillis}),
 * the two that {@code System} offers.
 *
 * <h2>Glossary</h2>
 * <dl>
 *   <dt>TSC</dt><dd>the time-stamp counter, a 64-bit count of CPU clock ticks read by RDTSC in a few cycles.
 *       On CPUs with an invariant TSC (CPUID 0x80000007 EDX bit 8) it runs at a constant rate whatever the
 *       power state (SDM Vol. 3B §18.17.1); under QEMU's TCG it follows the host's clock.</dd>
 *   <dt>calibration</dt><dd>learning the TSC's rate, and the {@link Timer}'s (the local APIC timer's), at boot:
 *       from CPUID when the CPU or hypervisor states them, else by counting both against the {@link Pit}, whose
 *       rate is fixed, in one window.</dd>
 * </dl>
 *
 * <h2>Design</h2>
 * {@code nanoTime} is the TSC since calibration, scaled to nanoseconds exactly with a quotient and remainder
 * (no overflow for centuries at any rate below 9 GHz); it is monotonic because the TSC is, on one core.
 * {@code currentTimeMillis} is the {@link CmosClock}'s reading at boot plus {@code nanoTime} since then: the
 * RTC is read once, because reading it takes tens of port accesses and it only counts whole seconds.
 * On the hosted target both are Linux's {@code clock_gettime} (CLOCK_MONOTONIC, CLOCK_REALTIME).
 *
 * <h2>Calibration, and what it costs</h2>
 * Boot time is a product goal (docs/boot.md), and calibration was most of the kernel's: three 20 ms PIT windows
 * for the TSC, then 10 ms of TSC time for the APIC timer. Now, in order:
 * <ol>
 *   <li>the hypervisor's timing leaf, CPUID 0x40000010 (the VMware convention that KVM with
 *       {@code vmware-cpuid-freq} and VMware offer, when leaf 0x40000000 reports it): EAX the TSC's rate, EBX the
 *       APIC bus's, in kHz. No time at all.</li>
 *   <li>CPUID leaf 0x15 (SDM Vol. 2A, CPUID, "Time Stamp Counter and Nominal Core Crystal Clock"): TSC =
 *       crystal × EBX / EAX, when all three are non-zero; the APIC timer then counts the crystal clock
 *       (SDM Vol. 3A §11.5.4), divided by the timer's divider.</li>
 *   <li>Otherwise (AMD, older Intel, QEMU's TCG): the TSC counted against the PIT in one window that
 *       {@link #startCalibration} opens first thing at boot and the first use of a clock closes, so that it runs
 *       while the kernel and the program do their work. The window is closed once the rate's error bound is below
 *       {@link #CALIBRATION_ERROR_PPM}, which after 4 to 12 ms it is (a program that asks for the time sooner
 *       waits for the rest). Each end of the window reads the PIT's count between two TSC reads (the tightest of
 *       {@link #SAMPLE_ATTEMPTS}), so the TSC interval is known to within half of each bracket and the PIT
 *       interval to within one PIT clock (each reading is truncated to a whole count): relative error &le;
 *       (bracket<sub>start</sub> + bracket<sub>end</sub>) / 2 / TSC ticks + 1 / PIT clocks. On QEMU/TCG
 *       (brackets of a few µs) and on hardware (about 1 µs a port access) that bound falls below 250 ppm after
 *       4 to 12 ms. A window longer than the PIT's 55 ms period (the count wrapped: the first clock use came
 *       later than that) is measured again, once.
 *       The APIC timer's rate is learnt when the timer is first started ({@link #apicTimerHz}, from
 *       {@code kiln.kernel.boot.LateStart}), against the calibrated TSC, bracketed the same way, until its bound is
 *       below {@link #APIC_TIMER_ERROR_PPM} (a fraction of a millisecond).</li>
 * </ol>
 * 250 ppm is 22 seconds a day: within the tolerance of the crystal that drives a PC's PIT and RTC in the first
 * place (tens to 100 ppm), and it is the TSC's rate that {@code nanoTime} and every sleep trust. The APIC timer
 * only wakes the CPU ({@link Timer}): an error of 0.5 % in its rate moves a one-shot wake-up by at most 50 µs of a
 * 10 ms remainder, and an early one costs one more loop, never a short sleep.
 * <p>Closing the window on first use rather than at boot: a program that never asks for the time (hello) pays
 * nothing beyond opening it, and under TCG the calibration's code, run once, costs about 1 ms of translation
 * besides the wait; a program that asks later than 55 ms after boot pays one new window (4 to 12 ms) at that
 * first call. {@link #nanoTime} counts from the calibration, {@link #currentTimeMillis} reads the RTC at its own
 * first call. Neither allocates nor needs interrupts, so both may be called anywhere (the scheduler's clock).
 * <p><i>Rejected</i>: closing the window at boot (what this did: under TCG the boot then waited for the bound,
 * about 5 ms of every boot, and ran the calibration and RTC code that hello never needs); the median of three
 * 20 ms windows, as before that (60 ms of every boot; its reason, a host that deschedules QEMU during the window,
 * does not skew the rate: under TCG both the TSC and the PIT follow the host's clock, and on hardware a stall
 * inside a bracket widens that bracket, which the bound counts); CPUID leaf 0x16 (the processor's nominal
 * frequency in MHz, not the TSC's exact rate); the HPET as a reference (not on every machine, and one more device
 * to find through ACPI); reading the RTC on every {@code currentTimeMillis} (slow, and it would jump by a second at
 * a time).
 */
public final class Clock {
    /** The largest error of the TSC's calibration against the PIT, in parts per million of the rate. */
    private static final long CALIBRATION_ERROR_PPM = 250;
    /** The largest error of the APIC timer's calibration against the TSC. */
    private static final long APIC_TIMER_ERROR_PPM = 5000;
    private static final long PPM = 1_000_000;
    private static final int SAMPLE_ATTEMPTS = 5;
    private static final int HYPERVISOR_BASE_LEAF = 0x4000_0000, HYPERVISOR_TIMING_LEAF = 0x4000_0010;
    private static final int TSC_CRYSTAL_LEAF = 0x15;
    private static final int EAX = 0, EBX = 1, ECX = 2;
    /** The APIC timer's divider, as {@link LocalApic#startTimer} programs it. */
    private static final int APIC_TIMER_DIVIDER = 16;
    private static final long NANOS_PER_SECOND = 1_000_000_000L;
    private static final int CLOCK_REALTIME = 0, CLOCK_MONOTONIC = 1;

    /** 0 until the first use of a clock calibrates it. */
    private static long tscHz;
    /** 0 until the timer's first start asks for it. */
    private static long apicTimerHz;
    /** The APIC bus's rate from CPUID (divided by the timer's divider), when the TSC's came from there too; else 0. */
    private static long apicTimerHzFromCpuid;
    /** The open PIT window of {@link #startCalibration}: its first sample; 0 if none is open. */
    private static long windowStartTsc, windowStartWidth, windowStartCount;
    private static long tscOrigin;
    /** {@link #currentTimeMillis} at {@code nanoTime} 0, from the RTC's reading at the first call. */
    private static long bootEpochMillis;
    /**
     * Whether {@link #bootEpochMillis} was read; a flag rather than a -1 initializer, which would give Clock a class
     * initializer to run at boot.
     */
    private static boolean epochRead;
    /** Hosted target: the struct timespec that clock_gettime(2) fills in, allocated on first use. */
    private static long[] timespec;

    private Clock() {}

    /**
     * Opens the PIT window that the first use of a clock closes (see "Calibration" above). First thing at boot, on
     * bare metal, with interrupts disabled; needs nothing set up (the PIT is reached through ports).
     */
    public static void startCalibration() {
        Pit.startCountdown(Pit.MAX_COUNT);
        windowStartTsc = sample(false);
        windowStartWidth = sampledWidth;
        windowStartCount = sampledCount;
    }

    /**
     * Learns the TSC's rate (see "Calibration" above), on the first use of a clock: from CPUID, else by closing the
     * window {@link #startCalibration} opened at boot. Allocates nothing and enables no interrupts; on bare metal
     * only (the hosted target asks Linux instead).
     */
    private static void calibrate() {
        if (!ratesFromHypervisor() && !ratesFromCrystal()) {
            tscHz = tscAgainstPit();
        }
        tscOrigin = Intrinsics.timestampCounter();
    }

    /**
     * The APIC timer's counting rate (bus or crystal clock / 16): from CPUID with the TSC's, else measured against
     * the calibrated TSC on the first call, which the timer's start makes with the local APIC enabled and
     * interrupts disabled.
     */
    static long apicTimerHz() {
        if (apicTimerHz == 0) {
            tscHz();
            apicTimerHz = apicTimerHzFromCpuid != 0 ? apicTimerHzFromCpuid : apicTimerAgainstTsc();
        }
        return apicTimerHz;
    }

    /** TSC ticks per second, calibrated on the first call (bare metal). */
    public static long tscHz() {
        if (tscHz == 0) {
            calibrate();
        }
        return tscHz;
    }

    /** Nanoseconds since the first call (bare metal) or since an arbitrary origin (hosted); never decreases. */
    public static long nanoTime() {
        if (HostedLinux.isActive()) {
            return hostedClock(CLOCK_MONOTONIC);
        }
        long hz = tscHz(); // first: calibrating sets the origin
        long ticks = Intrinsics.timestampCounter() - tscOrigin;
        return ticks / hz * NANOS_PER_SECOND + ticks % hz * NANOS_PER_SECOND / hz;
    }

    /** Milliseconds since 1970-01-01T00:00Z. */
    public static long currentTimeMillis() {
        if (HostedLinux.isActive()) {
            return hostedClock(CLOCK_REALTIME) / 1_000_000;
        }
        long now = nanoTime();
        if (!epochRead) {
            bootEpochMillis = CmosClock.epochSeconds() * 1000 - now / 1_000_000;
            epochRead = true;
        }
        return bootEpochMillis + now / 1_000_000;
    }

    /** CPUID 0x40000010, if the hypervisor offers it: TSC and APIC bus rates in kHz. */
    private static boolean ratesFromHypervisor() {
        if (Integer.compareUnsigned(Intrinsics.cpuid(HYPERVISOR_BASE_LEAF, 0, EAX), HYPERVISOR_TIMING_LEAF) < 0) {
            return false;
        }
        long tscKhz = Intrinsics.cpuid(HYPERVISOR_TIMING_LEAF, 0, EAX) & 0xFFFF_FFFFL;
        long busKhz = Intrinsics.cpuid(HYPERVISOR_TIMING_LEAF, 0, EBX) & 0xFFFF_FFFFL;
        if (tscKhz == 0 || busKhz == 0) {
            return false;
        }
        tscHz = tscKhz * 1000;
        apicTimerHzFromCpuid = busKhz * 1000 / APIC_TIMER_DIVIDER;
        return true;
    }

    /** CPUID 0x15, if the CPU enumerates its crystal: TSC = crystal × EBX / EAX; the APIC timer counts the crystal. */
    private static boolean ratesFromCrystal() {
        if (Integer.compareUnsigned(Intrinsics.cpuid(0, 0, EAX), TSC_CRYSTAL_LEAF) < 0) {
            return false;
        }
        long denominator = Intrinsics.cpuid(TSC_CRYSTAL_LEAF, 0, EAX) & 0xFFFF_FFFFL;
        long numerator = Intrinsics.cpuid(TSC_CRYSTAL_LEAF, 0, EBX) & 0xFFFF_FFFFL;
        long crystalHz = Intrinsics.cpuid(TSC_CRYSTAL_LEAF, 0, ECX) & 0xFFFF_FFFFL;
        if (denominator == 0 || numerator == 0 || crystalHz == 0) {
            return false;
        }
        tscHz = crystalHz * numerator / denominator;
        apicTimerHzFromCpuid = crystalHz / APIC_TIMER_DIVIDER;
        return true;
    }

    /**
     * TSC ticks per second over the window {@link #startCalibration} opened, closed once the error bound (see
     * "Calibration" above) is below {@link #CALIBRATION_ERROR_PPM}. If the PIT count wrapped past 0 (more than
     * 55 ms since the window opened: a host that stopped QEMU, or no window open), a new window is measured.
     */
    private static long tscAgainstPit() {
        if (windowStartTsc == 0) {
            startCalibration();
        }
        while (true) {
            long endTsc = sample(false);
            long pitClocks = windowStartCount - sampledCount;
            if (Pit.countDone()) {
                startCalibration(); // the count wrapped: this window is too long to measure
            } else if (pitClocks > 0 && (windowStartWidth + sampledWidth) / 2 * PPM / (endTsc - windowStartTsc)
                    + PPM / pitClocks <= CALIBRATION_ERROR_PPM) {
                return (endTsc - windowStartTsc) * Pit.FREQUENCY_HZ / pitClocks;
            }
        }
    }

    /**
     * The APIC timer's counts per second, against the calibrated TSC: its count read between two TSC reads (the
     * tightest of {@link #SAMPLE_ATTEMPTS}) at both ends of a window that ends once (bracket<sub>start</sub> +
     * bracket<sub>end</sub>) / 2 / TSC ticks is below {@link #APIC_TIMER_ERROR_PPM}. The timer runs one-shot from
     * its largest count, masked by the disabled interrupts and far from reaching 0.
     */
    private static long apicTimerAgainstTsc() {
        LocalApic.startTimer(Timer.VECTOR, false, -1);
        long startTsc = sample(true);
        long startWidth = sampledWidth;
        long startCount = sampledCount;
        long endTsc;
        do {
            endTsc = sample(true);
        } while ((startWidth + sampledWidth) / 2 * PPM / Math.max(1, endTsc - startTsc) > APIC_TIMER_ERROR_PPM);
        LocalApic.stopTimer();
        return (startCount - sampledCount) * tscHz / (endTsc - startTsc);
    }

    /** The count read by the last {@link #sample}, and the width of its TSC bracket. */
    private static long sampledCount;
    private static long sampledWidth;

    /**
     * Reads a counter, the APIC timer's if {@code apicTimer}, else the PIT's, between two TSC reads, a few times, and
     * keeps the reading with the tightest bracket (the port and register accesses are slow and their time varies);
     * returns the middle of its bracket.
     */
    private static long sample(boolean apicTimer) {
        long bestWidth = Long.MAX_VALUE;
        long bestTsc = 0;
        for (int attempt = 0; attempt < SAMPLE_ATTEMPTS; attempt++) {
            long before = Intrinsics.timestampCounter();
            long count = apicTimer ? LocalApic.timerCount() : Pit.count();
            long width = Intrinsics.timestampCounter() - before;
            if (width < bestWidth) {
                bestWidth = width;
                bestTsc = before + width / 2;
                sampledCount = count;
                sampledWidth = width;
            }
        }
        return bestTsc;
    }

    private static long hostedClock(int clock) {
        if (timespec == null) {
            timespec = new long[2];
        }
        HostedLinux.clockGettime(clock, ObjectModel.elementAddress(timespec, 0));
        return timespec[0] * NANOS_PER_SECOND + timespec[1];
    }
}
