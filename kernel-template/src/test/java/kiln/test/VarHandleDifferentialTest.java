package kiln.test;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * VarHandles and field updaters resolved at build time (docs/compiler.md "VarHandles"): a program with its own
 * VarHandles on every kind of variable, every access mode, the conversions and exceptions of
 * signature-polymorphic calls, and threads racing through them; and the JDK's own java.util.concurrent classes
 * that work through VarHandles. Each prints the same as on HotSpot, natively on the hosted target and in a QEMU
 * guest.
 */
class VarHandleDifferentialTest {
    @ParameterizedTest
    @ValueSource(strings = {"kiln.test.programs.VarHandles", "kiln.test.programs.JdkConcurrent",
            "kiln.test.programs.ByteArrayViews"})
    void hostedSameAsHotSpot(String program) throws Exception {
        KilnRunner.assertSameAsHotSpot(program, KilnRunner.onLinux(program));
    }

    @ParameterizedTest
    @ValueSource(strings = {"kiln.test.programs.VarHandles", "kiln.test.programs.JdkConcurrent",
            "kiln.test.programs.ByteArrayViews"})
    void inQemuSameAsHotSpot(String program) throws Exception {
        KilnRunner.assertSameAsHotSpot(program, KilnRunner.onKiln(program));
    }
}
