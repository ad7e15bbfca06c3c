package kiln.test;

import org.junit.jupiter.api.Test;

/**
 * VarHandles and field updaters resolved at build time (docs/compiler.md "VarHandles"): a program with its own
 * VarHandles on every kind of variable, every access mode, the conversions and exceptions of
 * signature-polymorphic calls, and threads racing through them prints the same as on HotSpot, natively on the
 * hosted target and in a QEMU guest.
 */
class VarHandleDifferentialTest {
    private static final String PROGRAM = "kiln.test.programs.VarHandles";

    @Test
    void hostedSameAsHotSpot() throws Exception {
        KilnRunner.assertSameAsHotSpot(PROGRAM, KilnRunner.onLinux(PROGRAM));
    }

    @Test
    void inQemuSameAsHotSpot() throws Exception {
        KilnRunner.assertSameAsHotSpot(PROGRAM, KilnRunner.onKiln(PROGRAM));
    }
}
