package kiln.test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kiln.compiler.CompilationException;
import dev.kiln.compiler.CompilerOptions;
import dev.kiln.compiler.object.ObjectModule;
import java.util.List;
import org.junit.jupiter.api.Test;

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
