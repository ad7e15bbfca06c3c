package kiln.test;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * java.lang.ref and OutOfMemoryError, compared with HotSpot byte for byte, in the QEMU guest and as a hosted
 * Linux process. HotSpot gets a 64 MiB heap like the guest's (QEMU {@code -kernel} ends the heap at 64 MiB, the
 * hosted stub at 1 GiB); the programs print only what does not depend on the heap's exact size.
 */
class ReferencesTest {
    private static final List<String> GUEST_SIZED_HEAP = List.of("-Xmx64m");

    @ParameterizedTest
    @ValueSource(strings = {"kiln.test.programs.References", "kiln.test.programs.OutOfMemory", "kiln.test.programs.OutOfMemoryUncaught"})
    void inTheGuest(String mainClass) throws Exception {
        assertSameAsHotSpot(mainClass, KilnRunner.onKiln(mainClass));
    }

    @ParameterizedTest
    @ValueSource(strings = {"kiln.test.programs.References", "kiln.test.programs.OutOfMemory", "kiln.test.programs.OutOfMemoryUncaught"})
    void hosted(String mainClass) throws Exception {
        assertSameAsHotSpot(mainClass, KilnRunner.onLinux(mainClass));
    }

    private static void assertSameAsHotSpot(String mainClass, KilnRunner.Outcome onKiln) throws Exception {
        KilnRunner.Outcome expected = KilnRunner.onHotSpot(mainClass, GUEST_SIZED_HEAP);
        assertEquals(expected.output(), onKiln.output(), "output of " + mainClass);
        assertEquals(expected.status(), onKiln.status(), "exit status of " + mainClass);
    }
}
