package kiln.test;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code getResource} URLs of packed class path files (docs/compiler.md "Resources"): opened, compared, resolved
 * against and turned into URIs as on HotSpot, in QEMU and on the hosted target. The schemes differ (HotSpot's
 * {@code file:} URLs into target/test-classes, Kiln's {@code resource:}), so the program's last line, the URL itself,
 * is checked on Kiln alone.
 */
class ResourceUrlTest {
    private static final String PROGRAM = "kiln.test.programs.ResourceUrls";
    private static final String KILN_URL = "resource:/kiln/test/programs/greeting.txt\n";

    @ParameterizedTest
    @ValueSource(strings = {"qemu", "hosted"})
    void urlsWorkAsOnHotSpot(String target) throws Exception {
        KilnRunner.Outcome kiln = target.equals("qemu") ? KilnRunner.onKiln(PROGRAM) : KilnRunner.onLinux(PROGRAM);
        KilnRunner.Outcome hotSpot = KilnRunner.onHotSpot(PROGRAM);
        String hotSpotLines = hotSpot.output().substring(0, hotSpot.output().lastIndexOf("not on Kiln\n"));
        assertEquals(hotSpotLines + KILN_URL, kiln.output());
        assertEquals(hotSpot.status(), kiln.status());
    }
}
