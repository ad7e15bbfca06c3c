package kiln.kernel.time;

import kiln.kernel.boot.LateStart;
import kiln.kernel.cpu.HostedSignals;
import kiln.kernel.drivers.HostedLinux;
import kiln.kernel.interrupts.Deferred;
import kiln.kernel.interrupts.EndOfInterrupt;
import kiln.kernel.interrupts.InterruptHandler;
import kiln.kernel.interrupts.Interrupts;
import kiln.kernel.interrupts.LocalApic;
import kiln.kernel.memory.Stacks;
import kiln.runtime.Intrinsics;
import kiln.runtime.ObjectModel;

/**
 * The local APIC timer: a periodic heartbeat, and a one-shot alarm for the end of a sleep.
 *
 * <h2>Glossary</h2>
 * <dl>
 *   <dt>tick</dt><dd>one interrupt of the periodic timer, {@link #TICKS_PER_SECOND} a second; {@link #ticks}
 *       counts them. The tasklet scheduler will preempt on it.</dd>
 *   <dt>one-shot</dt><dd>the same timer armed to fire once, at the deadline of a sleep that ends before the
 *       next tick; its interrupt puts the timer back into periodic mode.</dd>
 * </dl>
 *
 * <h2>Design</h2>
 * The APIC timer counts down at the bus clock divided by 16, a rate that differs between machines; {@link Clock}
 * learns it (from CPUID, or against the calibrated TSC) when {@link #start} first asks, and {@link #start} starts
 * the heartbeat with it. The heartbeat does not run from boot: it starts with the rest of the interrupt machinery
 * when something first needs it, a second tasklet, a sleep, an IRQ, or {@link #ticks} itself
 * ({@code kiln.kernel.boot.LateStart}); a program that only computes and prints never pays for it.
 * {@link #sleep} waits with {@code sti; hlt} ({@link Intrinsics#haltUntilInterrupt}): the CPU idles until the
 * next interrupt, then the loop drains deferred work, rechecks the clock and halts again. While more than a tick
 * is left, the ticks wake it; once less is left, the timer is armed one-shot for exactly the rest, so the sleep
 * ends on time instead of up to a tick late. The clock that decides is always the TSC; the APIC timer only
 * wakes the CPU, so an early wake-up costs one more loop, never a short sleep.
 *
 * <p>{@link #TICKS_PER_SECOND} is 100 (Linux's classic HZ): sleeps do not depend on it (the one-shot ends
 * them), nothing needs a finer heartbeat until the tasklet scheduler picks its quantum, and each tick costs a few
 * microseconds of emulation under TCG (bench/ InterruptLatency: about 4 µs for an interrupt's round trip), so
 * the slower heartbeat disturbs the program least. A one-shot restarts the period when it fires, so the tick
 * counter is a heartbeat, not a clock: use {@link Clock} for time.
 *
 * <p><i>Rejected</i>: the PIT on IRQ 0 as the heartbeat (one more device to program, and the APIC timer is
 * per CPU, which multicore will need); TSC-deadline mode (not among the features QEMU's TCG emulates); a
 * tickless kernel that only ever arms one-shots (what the tasklets issue may do once there is a timer queue to
 * drive it).
 */
public final class Timer {
    /** The periodic timer's rate. */
    public static final int TICKS_PER_SECOND = 100;
    /** The timer's interrupt vector: the highest priority class below the APIC's spurious vector. */
    public static final int VECTOR = 0xF0;
    private static final long TICK_NANOS = 1_000_000_000L / TICKS_PER_SECOND;
    private static final long NANOS_PER_SECOND = 1_000_000_000L;

    private static long apicTimerHz;
    private static int periodCount;
    private static volatile long ticks;
    private static volatile boolean oneShotArmed;
    private static boolean running;

    private Timer() {}

    /** The timer's interrupt handler: counts a tick, or ends a one-shot by going back to periodic mode. */
    private static final class TimerInterrupt implements InterruptHandler {
        @Override
        public void handle(int vector) {
            if (oneShotArmed) {
                oneShotArmed = false;
                LocalApic.startTimer(VECTOR, true, periodCount);
            } else {
                ticks++;
                Stacks.requestPreemption(); // the running tasklet has had its quantum: one tick
            }
        }
    }

    /**
     * Takes the APIC timer's rate from {@link Clock}, registers its handler and starts the heartbeat. Once, with
     * interrupts still disabled: on bare metal after the interrupt controllers, when the first user of interrupts
     * needs them ({@code kiln.kernel.boot.LateStart}); on the hosted target at boot, where the heartbeat is SIGALRM
     * from an interval timer.
     */
    public static void start() {
        if (HostedLinux.isActive()) {
            // A Linux process: SIGALRM is the tick (HostedSignals), the clock is Linux's, there is no one-shot.
            Interrupts.register(VECTOR, new TimerInterrupt());
            HostedSignals.startTimer(VECTOR, TICK_NANOS);
            running = true;
            return;
        }
        apicTimerHz = Clock.apicTimerHz();
        periodCount = (int) (apicTimerHz / TICKS_PER_SECOND);
        Interrupts.register(VECTOR, new EndOfInterrupt(new TimerInterrupt()));
        LocalApic.startTimer(VECTOR, true, periodCount);
        running = true;
    }

    /** Periodic timer interrupts since {@link #start}; asking starts the heartbeat if nothing has yet. */
    public static long ticks() {
        LateStart.interrupts();
        return ticks;
    }

    /** The APIC timer's counting rate (bus clock / 16), as calibrated when the timer started. */
    public static long apicTimerHz() {
        LateStart.interrupts();
        return apicTimerHz;
    }

    /**
     * Returns after at least {@code nanos} nanoseconds, idling the CPU meanwhile and running deferred work
     * ({@link Deferred}) whenever an interrupt wakes it. On the hosted target: nanosleep(2).
     */
    public static void sleep(long nanos) {
        long deadline = Clock.nanoTime() + nanos;
        if (HostedLinux.isActive()) {
            sleepHosted(deadline);
            return;
        }
        LateStart.interrupts(); // the timer wakes the CPU
        while (deadline - Clock.nanoTime() > 0) {
            Deferred.drain();
            halt(true, deadline);
        }
    }

    /**
     * The scheduler's idle wait: returns after the next interrupt, at {@code deadline} (nanoseconds on
     * {@link Clock}) at the latest, or at once if deferred work is waiting; the caller drains it and decides
     * again. On the hosted target, which has no interrupts: nanosleep(2) until the deadline.
     */
    public static void idle(long deadline) {
        if (HostedLinux.isActive()) {
            sleepHosted(deadline);
        } else {
            halt(true, deadline);
        }
    }

    /** As {@link #idle}, with no deadline: only an interrupt ends the wait. Bare metal only. */
    public static void idleUntilInterrupt() {
        if (HostedLinux.isActive()) {
            throw new IllegalStateException("Timer.idleUntilInterrupt on the hosted target: no interrupt would end it");
        }
        halt(false, 0);
    }

    /**
     * Halts until the next interrupt unless deferred work waits or the deadline (if {@code bounded}) has passed.
     * Both are checked with interrupts disabled, and {@code sti; hlt} enables them only after the halt begins
     * (SDM Vol. 2B, STI), so an interrupt that posts work or ends the deadline after the check still ends the
     * halt instead of being slept through. A deadline within a tick arms the one-shot.
     */
    private static void halt(boolean bounded, long deadline) {
        if (!running) {
            throw new IllegalStateException("Timer: waiting for an interrupt before Timer.start: nothing would wake the CPU");
        }
        Intrinsics.disableInterrupts();
        long remaining = deadline - Clock.nanoTime();
        if (Deferred.pending() || bounded && remaining <= 0) {
            Intrinsics.enableInterrupts();
            return;
        }
        if (bounded && remaining < TICK_NANOS) {
            oneShotArmed = true;
            LocalApic.startTimer(VECTOR, false, (int) Math.max(1, remaining * apicTimerHz / NANOS_PER_SECOND));
        }
        Intrinsics.haltUntilInterrupt();
    }

    private static void sleepHosted(long deadline) {
        long[] timespec = new long[2];
        for (long remaining; (remaining = deadline - Clock.nanoTime()) > 0; ) {
            timespec[0] = remaining / NANOS_PER_SECOND;
            timespec[1] = remaining % NANOS_PER_SECOND;
            HostedLinux.nanosleep(ObjectModel.elementAddress(timespec, 0));
        }
    }
}
