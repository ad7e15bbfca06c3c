package kiln.test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kiln.compiler.CompilationException;
import dev.kiln.compiler.CompilerOptions;
import dev.kiln.compiler.object.ObjectModule;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * java.time and the time zones the build packs (docs/compiler.md "Time zones"), compared with HotSpot run in the
 * image's default zone (UTC), in QEMU and on the hosted target.
 */
class TimeZoneTest {
    private static final List<String> ZONES = List.of("Europe/Paris", "America/New_York", "Asia/Tokyo",
            "Australia/Sydney");
    private static final List<String> HOTSPOT_IN_UTC = List.of("-Duser.timezone=UTC");
    private static final String TIME_ZONES = "kiln.test.programs.TimeZones";

    private static ObjectModule compile(String mainClass, List<String> zones) throws CompilationException {
        return KilnRunner.compile(KilnRunner.PROGRAMS, mainClass, CompilerOptions.defaults().withTimeZones(zones, "UTC"));
    }

    @Test
    void javaTimeWithPackedZonesInQemu() throws Exception {
        KilnRunner.assertSameAsHotSpot(TIME_ZONES, HOTSPOT_IN_UTC, KilnRunner.onKiln(compile(TIME_ZONES, ZONES), TIME_ZONES));
    }

    @Test
    void javaTimeWithPackedZonesHosted() throws Exception {
        KilnRunner.assertSameAsHotSpot(TIME_ZONES, HOTSPOT_IN_UTC, KilnRunner.onLinux(compile(TIME_ZONES, ZONES), TIME_ZONES));
    }

    /**
     * Formatters (ISO constants, English patterns and text, localized styles), parsing, and TimeZone, Date and
     * GregorianCalendar over the same packed rules, with the default zone UTC and, packed as the default, Asia/Tokyo;
     * HotSpot runs in the same default zone.
     */
    @ParameterizedTest
    @ValueSource(strings = {"UTC", "Asia/Tokyo"})
    void formattersAndCalendarsAsOnHotSpot(String defaultZone) throws Exception {
        String mainClass = "kiln.test.programs.DateTimeFormats";
        ObjectModule compiled = KilnRunner.compile(KilnRunner.PROGRAMS, mainClass,
                CompilerOptions.defaults().withTimeZones(ZONES, defaultZone));
        KilnRunner.Outcome kiln = defaultZone.equals("UTC") ? KilnRunner.onKiln(compiled, mainClass)
                : KilnRunner.onLinux(compiled, mainClass);
        KilnRunner.assertSameAsHotSpot(mainClass, List.of("-Duser.timezone=" + defaultZone), kiln);
    }

    /**
     * Instant.now and Clock.systemUTC read the kernel's wall clock (VM.getNanoTimeAdjustment), as System.currentTimeMillis
     * does: each reading is no earlier than the one before and lies between the host's clock before the run and after
     * it (in QEMU within 4 s of that, as TimeBootTest allows: the real-time clock counts whole seconds, is read once
     * at boot, and QEMU starts it from the host's time in whole seconds).
     */
    @ParameterizedTest
    @ValueSource(strings = {"qemu", "hosted"})
    void instantNowIsTheWallClock(String target) throws Exception {
        String mainClass = "kiln.test.programs.WallClock";
        long before = System.currentTimeMillis();
        KilnRunner.Outcome outcome = target.equals("qemu") ? KilnRunner.onKiln(mainClass) : KilnRunner.onLinux(mainClass);
        long after = System.currentTimeMillis();
        Matcher readings = Pattern.compile("system (\\d+) instant (\\d+) clock (\\d+) zoned (\\d+)").matcher(outcome.output());
        assertTrue(readings.find(), outcome.output());
        long slack = target.equals("qemu") ? 4_000 : 0;
        long previous = before - slack;
        for (int i = 1; i <= 4; i++) {
            long reading = Long.parseLong(readings.group(i));
            assertTrue(reading >= previous && reading <= after + slack, "reading " + i + " of " + outcome.output()
                    + " is not between " + previous + " and the host's " + after + " + " + slack);
            previous = reading;
        }
    }

    /** A zone that was not packed throws the JDK's exception, with a hint naming the option; HotSpot has them all. */
    @Test
    void unpackedZoneThrowsWithTheOptionThatPacksIt() throws Exception {
        String mainClass = "kiln.test.programs.UnpackedZone";
        KilnRunner.Outcome outcome = KilnRunner.onLinux(compile(mainClass, List.of("Europe/Paris")), mainClass);
        assertEquals("""
                false
                java.time.zone.ZoneRulesException: Unknown time-zone ID: Europe/Berlin (this Kiln image carries the \
                rules of Europe/Paris, UTC; to pack another zone, name it in the build's time zones: <timeZones> in \
                the Kiln Maven plugin, -Dkiln.timeZones=Europe/Berlin)
                [Europe/Paris, UTC]
                true
                """, outcome.output());
        assertEquals(0, outcome.status());
    }

    /** A zone the build JDK's tzdb does not have fails the build, with the ids it may have meant. */
    @Test
    void unknownZoneFailsTheBuild() {
        CompilationException e = assertThrows(CompilationException.class,
                () -> compile("kiln.test.programs.UnpackedZone", List.of("europe/paris")));
        assertTrue(e.getMessage().contains("time zone 'europe/paris'") && e.getMessage().contains("did you mean Europe/Paris?"),
                e.getMessage());
    }
}
