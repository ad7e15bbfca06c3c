package kiln.kernel.time;

import kiln.kernel.drivers.HostedLinux;
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
 *   <dt>calibration</dt><dd>measuring the TSC's rate against the {@link Pit}, whose rate is fixed: the TSC
 *       ticks counted while the PIT counts {@link #CALIBRATION_PIT_COUNT} clocks (20 ms), three times, and the
 *       median taken, so that one measurement disturbed by a host that descheduled QEMU does not skew it.</dd>
 * </dl>
 *
 * <h2>Design</h2>
 * {@code nanoTime} is the TSC since calibration, scaled to nanoseconds exactly with a quotient and remainder
 * (no overflow for centuries at any rate below 9 GHz); it is monotonic because the TSC is, on one core.
 * {@code currentTimeMillis} is the {@link CmosClock}'s reading at boot plus {@code nanoTime} since then: the
 * RTC is read once, because reading it takes tens of port accesses and it only counts whole seconds.
 * On the hosted target both are Linux's {@code clock_gettime} (CLOCK_MONOTONIC, CLOCK_REALTIME).
 * <p><i>Rejected</i>: CPUID leaf 0x15/0x16 for the TSC rate (absent on AMD and older Intel CPUs, zero under
 * TCG); the HPET as a reference (not on every machine, and one more device to find through ACPI for a
 * calibration the PIT does in 60 ms); reading the RTC on every {@code currentTimeMillis} (slow, and it would
 * jump by a second at a time).
 */
public final class Clock {
    /** 20 ms of PIT clocks. */
    private static final int CALIBRATION_PIT_COUNT = (int) (Pit.FREQUENCY_HZ / 50);
    private static final int SAMPLE_ATTEMPTS = 5;
    private static final long NANOS_PER_SECOND = 1_000_000_000L;
    private static final int CLOCK_REALTIME = 0, CLOCK_MONOTONIC = 1;

    private static long tscHz;
    private static long tscOrigin;
    private static long bootEpochMillis;
    /** Hosted target: the struct timespec that clock_gettime(2) fills in, allocated on first use. */
    private static long[] timespec;

    private Clock() {}

    /**
     * Calibrates the TSC against the PIT and reads the real-time clock. Once, at boot, with interrupts
     * disabled, on bare metal (the hosted target asks Linux instead).
     */
    public static void init() {
        long first = measureTscHz(), second = measureTscHz(), third = measureTscHz();
        tscHz = Math.max(Math.min(first, second), Math.min(Math.max(first, second), third));
        tscOrigin = Intrinsics.timestampCounter();
        bootEpochMillis = CmosClock.epochSeconds() * 1000;
    }

    /** TSC ticks per second, as calibrated at boot. */
    public static long tscHz() {
        return tscHz;
    }

    /** Nanoseconds since calibration at boot (bare metal) or since an arbitrary origin (hosted); never decreases. */
    public static long nanoTime() {
        if (HostedLinux.isActive()) {
            return hostedClock(CLOCK_MONOTONIC);
        }
        return tscToNanos(Intrinsics.timestampCounter() - tscOrigin);
    }

    /** Milliseconds since 1970-01-01T00:00Z. */
    public static long currentTimeMillis() {
        if (HostedLinux.isActive()) {
            return hostedClock(CLOCK_REALTIME) / 1_000_000;
        }
        return bootEpochMillis + nanoTime() / 1_000_000;
    }

    /** {@code ticks} of the TSC in nanoseconds. */
    static long tscToNanos(long ticks) {
        return ticks / tscHz * NANOS_PER_SECOND + ticks % tscHz * NANOS_PER_SECOND / tscHz;
    }

    /** {@code nanos} in TSC ticks. */
    static long nanosToTsc(long nanos) {
        return nanos / NANOS_PER_SECOND * tscHz + nanos % NANOS_PER_SECOND * tscHz / NANOS_PER_SECOND;
    }

    /**
     * TSC ticks per second over one interval of at least {@link #CALIBRATION_PIT_COUNT} PIT clocks, counted from
     * the PIT's counter (not the moment its output rises, which QEMU reports late) and bracketed by TSC reads.
     */
    private static long measureTscHz() {
        while (true) {
            Pit.startCountdown(Pit.MAX_COUNT);
            long startTsc = sample();
            int startCount = sampledCount;
            long endTsc;
            do {
                endTsc = sample();
            } while (startCount - sampledCount < CALIBRATION_PIT_COUNT);
            if (!Pit.countDone()) {
                return (endTsc - startTsc) * Pit.FREQUENCY_HZ / (startCount - sampledCount);
            }
            // The count ran past 0 and wrapped: the host stopped QEMU for longer than a PIT period. Again.
        }
    }

    /** The PIT count read by the last {@link #sample}. */
    private static int sampledCount;

    /**
     * Reads the PIT's count between two TSC reads, a few times, and keeps the reading with the tightest bracket
     * (the port accesses are slow and their time varies); returns the middle of its bracket.
     */
    private static long sample() {
        long bestWidth = Long.MAX_VALUE;
        long bestTsc = 0;
        for (int attempt = 0; attempt < SAMPLE_ATTEMPTS; attempt++) {
            long before = Intrinsics.timestampCounter();
            int count = Pit.count();
            long width = Intrinsics.timestampCounter() - before;
            if (width < bestWidth) {
                bestWidth = width;
                bestTsc = before + width / 2;
                sampledCount = count;
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
