package kiln.test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kiln.qemu.RunResult;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The kernel's clocks, timer and interrupt handlers in a QEMU guest (TCG). Timing is judged against the host's
 * clock without trusting how fast QEMU runs: each serial line is stamped with the host's time as it arrives, and
 * the guest's own measurement of an interval is compared with the host's measurement of the same interval.
 */
class TimeBootTest {
    private static RunResult timeKeeping;
    /** Host System.nanoTime when each line of TimeKeeping's output arrived, and the host's wall clock then. */
    private static final Map<String, long[]> arrivals = new ConcurrentHashMap<>();

    @BeforeAll
    static void bootTimeKeeping() throws Exception {
        timeKeeping = KilnRunner.boot("kiln.test.time.TimeKeeping", Duration.ofSeconds(60),
                new PrintStream(new LineStamper(arrivals), true, StandardCharsets.UTF_8));
        assertEquals(RunResult.Outcome.SUCCESS, timeKeeping.outcome(), timeKeeping.describe());
    }

    @Test
    void sleepLastsTwoHundredMillisecondsByTheHostClock() {
        List<Long> guest = new ArrayList<>();
        List<Double> hostOverGuest = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            Matcher took = find("sleep " + i + " took (\\d+) ns");
            long guestNanos = Long.parseLong(took.group(1));
            assertTrue(guestNanos >= 200_000_000L, "Thread.sleep(200) returned early: " + guestNanos + " ns");
            long hostNanos = arrivals.get(took.group())[0] - arrivals.get("sleep " + i + " begins")[0];
            guest.add(guestNanos);
            hostOverGuest.add((double) hostNanos / guestNanos);
        }
        // Medians, so that one sleep stretched by a host that descheduled QEMU does not decide.
        long guestMedian = median(guest);
        double rateMedian = median(hostOverGuest);
        assertTrue(guestMedian <= 220_000_000L, "sleep(200) took " + guestMedian + " ns (median of 5) by the guest's clock");
        assertTrue(rateMedian > 0.9 && rateMedian < 1.1, "the host measured " + hostOverGuest
                + " times what the guest measured for the same sleeps; the guest's clock is off by more than 10 %");
    }

    @Test
    void timerTicksWhileMainComputes() {
        Matcher ticks = find("ticks (\\d+) in (\\d+) ns");
        long counted = Long.parseLong(ticks.group(1));
        long expected = Long.parseLong(ticks.group(2)) / 10_000_000L; // 100 Hz
        // A host that stalls QEMU swallows ticks (QEMU does not replay missed periods; on a loaded machine a fifth
        // of them arrived), never adds them: so the upper bound is tight and the lower one loose.
        assertTrue(counted >= Math.max(2, expected / 10) && counted <= expected + 2,
                counted + " ticks while main computed for " + ticks.group(2) + " ns; expected about " + expected);
    }

    @Test
    void wallClockIsTheHostsTime() {
        Matcher wall = find("wall clock (\\d+)");
        long guestMillis = Long.parseLong(wall.group(1));
        long hostMillis = arrivals.get(wall.group())[1];
        // The RTC counts whole seconds and is read once at boot: up to a second behind; QEMU starts its RTC from
        // the host's time in whole seconds, up to another second; then the line's way to the host.
        assertTrue(Math.abs(hostMillis - guestMillis) < 4_000,
                "guest wall clock " + guestMillis + " ms, host " + hostMillis + " ms");
    }

    /**
     * The TSC is calibrated at the first use of a clock, against the PIT window opened at boot, or a new one when
     * that first use comes after the window's 55 ms: the case here (the host sees main compute for longer than
     * that before its first clock use). The guest's 300 ms must be the host's, within 10 %.
     */
    @Test
    void aClockFirstUsedLongAfterBootIsCalibratedThen() throws Exception {
        Map<String, long[]> lateArrivals = new ConcurrentHashMap<>();
        RunResult result = KilnRunner.boot("kiln.test.time.LateClock", Duration.ofSeconds(60),
                new PrintStream(new LineStamper(lateArrivals), true, StandardCharsets.UTF_8));
        assertEquals(RunResult.Outcome.SUCCESS, result.outcome(), result.describe());
        long computingNanos = lateArrivals.get("computed true")[0] - lateArrivals.get("computing")[0];
        assertTrue(computingNanos > 60_000_000L, "main computed for only " + computingNanos
                + " ns before its first clock use: the boot's PIT window had not expired, make the loop longer");
        Matcher took = find(result.serialOutput(), "interval took (\\d+) ns");
        long guestNanos = Long.parseLong(took.group(1));
        long hostNanos = lateArrivals.get(took.group())[0] - lateArrivals.get("interval begins")[0];
        double rate = (double) hostNanos / guestNanos;
        assertTrue(rate > 0.9 && rate < 1.1, "the host measured " + hostNanos + " ns for the guest's " + guestNanos
                + " ns; the clock calibrated at its first use is off by more than 10 %");
        assertTrue(result.serialOutput().endsWith("slept true\n"), result.serialOutput());
    }

    @Test
    void madtIsReadAndAHandlerDefersWorkOutsideInterruptContext() throws Exception {
        RunResult result = KilnRunner.boot("kiln.test.time.SelfInterrupts", Duration.ofSeconds(60));
        assertEquals(RunResult.Outcome.SUCCESS, result.outcome(), result.describe());
        // QEMU's MADT routes the PIT's IRQ 0 to GSI 2 with an interrupt source override; IRQ 1 has none
        assertTrue(result.serialOutput().contains("MADT from ACPI true, IRQ 0 at GSI 2, IRQ 1 at GSI 1\n"),
                result.serialOutput());
        assertTrue(result.serialOutput().contains("handled 10\ndeferred after sleep 10, dropped 0\n"), result.serialOutput());
        // IRQ 0 reaches its handler through the override, the I/O APIC and EOI, again and again (18.2 Hz)
        Matcher pit = find(result.serialOutput(), "IRQ 0 interrupts in 300 ms: (\\d+)");
        assertTrue(Integer.parseInt(pit.group(1)) >= 2, result.serialOutput());
    }

    @Test
    void hostedTargetSleepsAndTellsTimeThroughLinux() throws Exception {
        long before = System.currentTimeMillis();
        KilnRunner.Outcome linux = KilnRunner.onLinux("kiln.test.time.TimeKeeping");
        assertEquals(0, linux.status(), linux.output());
        long guestMillis = Long.parseLong(find(linux.output(), "wall clock (\\d+)").group(1));
        assertTrue(guestMillis >= before - 1000 && guestMillis <= System.currentTimeMillis(), linux.output());
        List<Long> slept = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            slept.add(Long.parseLong(find(linux.output(), "sleep " + i + " took (\\d+) ns").group(1)));
        }
        assertTrue(slept.stream().allMatch(nanos -> nanos >= 200_000_000L), "a sleep returned early: " + slept);
        assertTrue(median(slept) <= 220_000_000L, "sleep(200) took " + slept + " ns");
    }

    private static Matcher find(String regex) {
        return find(timeKeeping.serialOutput(), regex);
    }

    private static Matcher find(String output, String regex) {
        Matcher m = Pattern.compile(regex).matcher(output);
        assertTrue(m.find(), "no line matching '" + regex + "' in:\n" + output);
        return m;
    }

    private static <T extends Comparable<T>> T median(List<T> values) {
        List<T> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2);
    }

    /** Records, for each complete line, the host's nanoTime and currentTimeMillis when its newline arrived. */
    private static final class LineStamper extends OutputStream {
        private final Map<String, long[]> arrivals;
        private final StringBuilder line = new StringBuilder();

        LineStamper(Map<String, long[]> arrivals) {
            this.arrivals = arrivals;
        }

        @Override
        public void write(int b) {
            if (b == '\n') {
                arrivals.putIfAbsent(line.toString(), new long[] {System.nanoTime(), System.currentTimeMillis()});
                line.setLength(0);
            } else {
                line.append((char) b);
            }
        }
    }
}
