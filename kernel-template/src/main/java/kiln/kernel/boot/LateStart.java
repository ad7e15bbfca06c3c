package kiln.kernel.boot;

import kiln.kernel.cpu.PerCpu;
import kiln.kernel.drivers.ConsoleInput;
import kiln.kernel.drivers.HostedLinux;
import kiln.kernel.interrupts.InterruptControllers;
import kiln.kernel.time.Timer;
import kiln.runtime.Intrinsics;

/**
 * The part of the boot path that waits for its first user: the interrupt controllers (ACPI's MADT, the 8259s
 * masked, the local APIC, the I/O APICs), the APIC timer's rate and the timer's heartbeat, the console's input
 * interrupts, and then interrupts on. {@link Kernel#start} leaves all of it to {@link #interrupts}.
 *
 * <h2>Why not at boot</h2>
 * A program that computes and prints (hello) needs none of it, and under QEMU's TCG, where boot time is measured
 * (docs/boot.md "Boot time"), code that runs once costs about a microsecond per instruction to translate: these
 * steps are about 3,500 instructions, 3 to 4 ms of a 15 ms boot, besides their port and register accesses. And a
 * program from which no user below is reachable does not even carry their code: the compiler's closed world leaves
 * it out (hello's kernel: 35 KB less, 9 KB less for the loader to read).
 *
 * <h2>Who starts it</h2>
 * Whatever first needs interrupts, each at its entry, before it changes any state:
 * <ul>
 *   <li>a second tasklet ({@code Scheduler.spawn}): preemption runs on the heartbeat;</li>
 *   <li>a wait with a deadline ({@code Scheduler.sleep}, {@code parkUntil}, {@link Timer#sleep}): the timer wakes
 *       the idle CPU;</li>
 *   <li>console input ({@link ConsoleInput#read}, {@code available}), an IRQ ({@code Irq.register}), a
 *       self-interrupt ({@code LocalApic.sendSelf}), the MADT's answers, and the heartbeat's count
 *       ({@link Timer#ticks}).</li>
 * </ul>
 * The clocks need none of it: {@code Clock} calibrates the TSC on first use without interrupts. Every path to an
 * idle halt passes one of these first (a tasklet parks without a deadline only for another tasklet or an
 * interrupt source), and {@code Timer}'s halt refuses to wait otherwise. So the machine is in one of two states:
 * before, interrupts are off and no device interrupts; after, everything runs as it did when this was boot work.
 * <p>The cost of waiting: a key typed before the start waits in the device, which holds 16 bytes (the 8042 and
 * the 16550's FIFO), instead of in the input ring; a program that reads, sleeps or starts a thread has started
 * it by then. Starting is allowed only outside interrupt context (there are no interrupts before it, and a fault
 * handler does not start devices), which is checked.
 * <p><i>Rejected</i>: starting it at boot (what the kernel did: 3 to 4 ms of every boot under TCG); starting the
 * console input only at its first read (keys typed while a program sleeps before reading would be lost beyond the
 * device's 16 bytes: ConsoleInputTest types 60 scancode bytes then); the legacy 8259 for the console's IRQs until
 * the I/O APIC is needed (two interrupt routings to keep right, and a switch between them with devices live).
 */
public final class LateStart {
    private static boolean started;

    private LateStart() {}

    /** Brings the interrupt machinery up, once, on bare metal; returns at once afterwards and on the hosted target. */
    public static void interrupts() {
        if (started || HostedLinux.isActive()) {
            return;
        }
        if (PerCpu.interruptDepth() != 0) {
            throw new IllegalStateException("the interrupt controllers are started from interrupt context");
        }
        started = true; // first: the steps below call back into users of this (Irq.register, Madt)
        InterruptControllers.init();
        Timer.start();
        ConsoleInput.start();
        Intrinsics.enableInterrupts();
    }
}
