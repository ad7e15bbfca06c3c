package kiln.test.programs;

/**
 * getStackTrace() of caught exceptions: class and method names. Kiln records no file names or line
 * numbers yet, so the program prints only what both VMs know (printStackTrace's "(File.java:N)" suffixes differ).
 */
public class StackTraces {
    static class Inner {
        void fail(int depth) {
            if (depth == 0) {
                throw new IllegalStateException("deep " + depth);
            }
            fail(depth - 1);
        }
    }

    static int[] data = new int[2];

    public static void main(String[] args) {
        try {
            new Inner().fail(2);
        } catch (IllegalStateException e) {
            print(e);
        }
        try {
            data[5] = 1;
        } catch (ArrayIndexOutOfBoundsException e) {
            print(e);
            java.io.StringWriter text = new java.io.StringWriter();
            new IllegalStateException("wrapped", e).printStackTrace(new java.io.PrintWriter(text));
            System.out.print("through a PrintWriter: " + text);
        }
        try {
            Object o = "x";
            Integer i = (Integer) o;
            System.out.println(i);
        } catch (ClassCastException e) {
            print(e);
        }
        try {
            Object o = new Inner();
            System.out.println((Runnable) o);
        } catch (ClassCastException e) {
            System.out.println(e.getMessage());
        }
        try {
            Object o = new Inner[1];
            System.out.println((String[]) o);
        } catch (ClassCastException e) {
            System.out.println(e.getMessage());
        }
        try {
            try {
                throw new RuntimeException("inner");
            } catch (RuntimeException e) {
                throw new IllegalArgumentException("outer", e);
            }
        } catch (IllegalArgumentException e) {
            print(e);
            print(e.getCause());
        }
        StackTraceElement here = new Throwable().getStackTrace()[0];
        System.out.println(here.getClassName() + " " + here.getMethodName() + " " + here.isNativeMethod());
        System.out.println(Thread.currentThread().getName() + " " + Thread.currentThread().getStackTrace()[0].getMethodName());
    }

    static void print(Throwable t) {
        System.out.println(t);
        for (StackTraceElement element : t.getStackTrace()) {
            System.out.println("  " + element.getClassName() + "." + element.getMethodName());
        }
    }
}
