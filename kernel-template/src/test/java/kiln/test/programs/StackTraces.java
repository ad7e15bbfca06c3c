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

    /** Drops the frames of {@link #check} from its trace the way jsoup's ValidationException drops its validator's. */
    static class FilteredException extends IllegalArgumentException {
        FilteredException(String message) {
            super(message);
        }

        @Override
        public synchronized Throwable fillInStackTrace() {
            super.fillInStackTrace();
            java.util.List<StackTraceElement> kept = new java.util.ArrayList<>();
            for (StackTraceElement element : getStackTrace()) {
                if (!element.getMethodName().equals("check")) {
                    kept.add(element);
                }
            }
            setStackTrace(kept.toArray(new StackTraceElement[0]));
            return this;
        }
    }

    static void check(boolean ok) {
        if (!ok) {
            throw new FilteredException("not ok");
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
        assignedTraces();
        StackTraceElement here = new Throwable().getStackTrace()[0];
        System.out.println(here.getClassName() + " " + here.getMethodName() + " " + here.isNativeMethod());
        System.out.println(Thread.currentThread().getName() + " " + Thread.currentThread().getStackTrace()[0].getMethodName());
    }

    /** setStackTrace: a subclass filtering its own frames, elements made by hand, bad arguments, an unwritable trace. */
    static void assignedTraces() {
        try {
            check(false);
        } catch (FilteredException e) {
            print(e);
            java.io.StringWriter text = new java.io.StringWriter();
            new IllegalStateException("around a filtered trace", e).printStackTrace(new java.io.PrintWriter(text));
            System.out.print("filtered cause: " + text);
        }
        Throwable assigned = new Throwable("assigned");
        assigned.setStackTrace(new StackTraceElement[] {new StackTraceElement("a.B", "m", "B.java", 3),
            new StackTraceElement("a.C", "n", null, -1), new StackTraceElement("a.D", "o", "D.java", -1)});
        java.io.StringWriter text = new java.io.StringWriter();
        assigned.printStackTrace(new java.io.PrintWriter(text));
        System.out.print("by hand: " + text);
        try {
            assigned.setStackTrace(new StackTraceElement[] {assigned.getStackTrace()[0], null});
        } catch (NullPointerException e) {
            System.out.println("null element: " + e.getMessage() + ", kept " + assigned.getStackTrace().length);
        }
        Throwable frozen = new RuntimeException("frozen", null, false, false) { };
        frozen.setStackTrace(assigned.getStackTrace());
        System.out.println("not writable: " + frozen.getStackTrace().length);
        assigned.fillInStackTrace();
        System.out.println("refilled: " + assigned.getStackTrace()[0].getMethodName());
    }

    static void print(Throwable t) {
        System.out.println(t);
        for (StackTraceElement element : t.getStackTrace()) {
            System.out.println("  " + element.getClassName() + "." + element.getMethodName());
        }
    }
}
