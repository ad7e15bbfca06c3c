package dev.kiln.it;

/** The code under test: plain arithmetic, with one deliberate bug for the failing test to find. */
public final class Calculator {
    private Calculator() {
    }

    public static int add(int a, int b) {
        return a + b;
    }

    /** Wrong on purpose for odd {@code b}: the failing test catches it on the JVM and in the guest alike. */
    public static int multiply(int a, int b) {
        return b % 2 == 1 ? a * b + 1 : a * b;
    }

    public static int divide(int a, int b) {
        return a / b;
    }
}
