package kiln.test.programs;

/**
 * Integer division and remainder by zero raise the CPU's divide error (#DE), which the kernel turns into
 * ArithmeticException("/ by zero") at the divide instruction. MIN_VALUE / -1 raises #DE on x86 too, but Java
 * defines it (JLS §15.17.2: the result is MIN_VALUE, the remainder 0), so it must not throw.
 */
public class DivideByZero {
    static int zero = 0;
    static int minusOne = -1;

    static int divide(int a, int b) {
        return a / b;
    }

    static int remainder(int a, int b) {
        return a % b;
    }

    static long divide(long a, long b) {
        return a / b;
    }

    static long remainder(long a, long b) {
        return a % b;
    }

    interface Division {
        long run();
    }

    static void run(String what, Division division) {
        try {
            System.out.println(what + " = " + division.run());
        } catch (ArithmeticException e) {
            StackTraceElement top = e.getStackTrace()[0];
            System.out.println(what + ": " + e + " at " + top.getMethodName() + "(" + top.getFileName() + ":"
                    + top.getLineNumber() + ")");
        }
    }

    public static void main(String[] args) {
        run("1 / 0", () -> divide(1, zero));
        run("1 % 0", () -> remainder(1, zero));
        run("1L / 0L", () -> divide(1L, zero));
        run("1L % 0L", () -> remainder(1L, zero));
        run("MIN_VALUE / -1", () -> divide(Integer.MIN_VALUE, minusOne));
        run("MIN_VALUE % -1", () -> remainder(Integer.MIN_VALUE, minusOne));
        run("Long.MIN_VALUE / -1", () -> divide(Long.MIN_VALUE, minusOne));
        run("Long.MIN_VALUE % -1", () -> remainder(Long.MIN_VALUE, minusOne));
        run("-7 / 2", () -> divide(-7, 2));
        run("-7 % 2", () -> remainder(-7, 2));
        int thrown = 0;
        for (int i = 0; i < 500; i++) {
            try {
                divide(i, i % 5);
            } catch (ArithmeticException e) {
                thrown++;
            }
        }
        System.out.println("thrown " + thrown + " of 500");
    }
}
