package kiln.test.programs;

/**
 * Null dereferences that Kiln leaves to the hardware: page 0 is unmapped, the access faults, and the kernel
 * throws the NullPointerException at the faulting instruction. Each is caught and the program goes on; the top
 * frame (file and line) must be the same as HotSpot's. The messages are not printed: HotSpot's helpful
 * NullPointerException messages name javac's locals.
 */
public class NullPointers {
    static class Point {
        int x;
        long y;
        Point next;

        int sum() {
            return x + (int) y;
        }
    }

    interface Shape {
        int corners();
    }

    static Point nothing;

    static int readField(Point p) {
        return p.x;
    }

    static void writeField(Point p) {
        p.y = 7;
    }

    static int callMethod(Point p) {
        return p.sum();
    }

    static int callInterface(Shape s) {
        return s.corners();
    }

    static void storeElement(int[] array) {
        array[3] = 1;
    }

    static void storeReference(Object[] array) {
        array[0] = "x";
    }

    static long loadElement(long[] array) {
        return array[1];
    }

    static int length(char[] array) {
        return array.length;
    }

    static Class<?> classOf(Object o) {
        return o.getClass();
    }

    static void throwNull(RuntimeException e) {
        throw e;
    }

    static int chain(Point p) {
        return p.next.next.x;
    }

    public static void main(String[] args) {
        Point point = new Point();
        point.next = new Point();
        run("read field", () -> readField(nothing));
        run("write field", () -> {
            writeField(nothing);
            return 0;
        });
        run("call method", () -> callMethod(nothing));
        run("call interface method", () -> callInterface(null));
        run("store int element", () -> {
            storeElement(null);
            return 0;
        });
        run("store reference element", () -> {
            storeReference(null);
            return 0;
        });
        run("load long element", () -> (int) loadElement(null));
        run("array length", () -> length(null));
        run("getClass", () -> classOf(null).getName().length());
        run("throw null", () -> {
            throwNull(null);
            return 0;
        });
        run("field of a field", () -> chain(point));
        point.x = 5;
        point.y = 6;
        System.out.println("still running: " + callMethod(point));
        int caught = 0;
        for (int i = 0; i < 1000; i++) {
            try {
                readField(i % 2 == 0 ? null : point);
            } catch (NullPointerException e) {
                caught++;
            }
        }
        System.out.println("caught " + caught + " of 1000");
    }

    interface Action {
        int run();
    }

    static void run(String what, Action action) {
        try {
            System.out.println(what + ": no exception, " + action.run());
        } catch (NullPointerException e) {
            StackTraceElement top = e.getStackTrace()[0];
            System.out.println(what + ": " + e.getClass().getName() + " at " + top.getClassName() + "."
                    + top.getMethodName() + "(" + top.getFileName() + ":" + top.getLineNumber() + ")");
        }
    }
}
