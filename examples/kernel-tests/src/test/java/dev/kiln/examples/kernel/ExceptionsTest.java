package dev.kiln.examples.kernel;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The kernel's exception machinery (unwinding by the method table, the stack limit check): exceptions that
 * the hardware's view of a program raises arrive as Java exceptions in the test, and the run goes on.
 */
class ExceptionsTest {
    private static int depth;

    private static int recurse(int n) {
        depth = n;
        return recurse(n + 1) + 1;
    }

    @Test
    void deepRecursionIsAStackOverflowErrorAndTheStackIsUsableAfterwards() {
        assertThrows(StackOverflowError.class, () -> recurse(0));
        assertTrue(depth > 1000, "the stack held " + depth + " frames");
        assertEquals(55, fibonacci(10));
    }

    private static int fibonacci(int n) {
        return n < 2 ? n : fibonacci(n - 1) + fibonacci(n - 2);
    }

    @Test
    void nullDereferenceBoundsAndDivisionByZero() {
        int[] none = null;
        assertThrows(NullPointerException.class, () -> System.out.println(none.length));
        int[] two = new int[2];
        assertThrows(ArrayIndexOutOfBoundsException.class, () -> System.out.println(two[2]));
        int zero = 0;
        ArithmeticException division = assertThrows(ArithmeticException.class, () -> System.out.println(1 / zero));
        assertEquals("/ by zero", division.getMessage());
    }

    @Test
    void stackTracesNameTheFramesAndLines() {
        IllegalStateException thrown = assertThrows(IllegalStateException.class, ExceptionsTest::thrower);
        StackTraceElement top = thrown.getStackTrace()[0];
        assertEquals("dev.kiln.examples.kernel.ExceptionsTest", top.getClassName());
        assertEquals("thrower", top.getMethodName());
        assertEquals("ExceptionsTest.java", top.getFileName());
    }

    private static void thrower() {
        throw new IllegalStateException("from a helper");
    }
}
