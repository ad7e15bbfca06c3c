package kiln.test.programs;

public class Exceptions {
    static class AppException extends Exception {
        final int code;

        AppException(String message, int code) {
            super(message);
            this.code = code;
        }
    }

    static int depth(int n) throws AppException {
        if (n == 0) {
            throw new AppException("bottom reached", 42);
        }
        return depth(n - 1) + 1;
    }

    static String classify(Object o) {
        try {
            return "length " + o.toString().length();
        } catch (NullPointerException e) {
            return "null!";
        } finally {
            System.out.println("finally for " + (o == null ? "null" : "object"));
        }
    }

    static int divide(int a, int b) {
        try {
            return a / b;
        } catch (ArithmeticException e) {
            System.out.println("ArithmeticException: " + e.getMessage());
            return -1;
        }
    }

    static class Resource implements AutoCloseable {
        final String name;

        Resource(String name) {
            this.name = name;
            System.out.println("open " + name);
        }

        @Override
        public void close() {
            System.out.println("close " + name);
        }
    }

    public static void main(String[] args) {
        try {
            depth(10);
        } catch (AppException e) {
            System.out.println(e.getMessage() + " code=" + e.code);
        }
        System.out.println(classify("hello"));
        System.out.println(classify(null));
        System.out.println(divide(10, 3));
        System.out.println(divide(1, 0));
        System.out.println(divide(5, 0) + 1);
        try {
            try {
                throw new IllegalStateException("inner");
            } finally {
                System.out.println("inner finally");
            }
        } catch (RuntimeException e) {
            System.out.println("outer caught " + e.getMessage());
        }
        try (Resource a = new Resource("a"); Resource b = new Resource("b")) {
            System.out.println("using " + a.name + b.name);
            throw new UnsupportedOperationException("in body");
        } catch (UnsupportedOperationException e) {
            System.out.println("after resources: " + e.getMessage());
        }
        RuntimeException wrapped = new RuntimeException("outer", new IllegalArgumentException("cause"));
        System.out.println(wrapped.getCause().getMessage());
        System.out.println(new IllegalArgumentException("shown").toString());
        int caught = 0;
        for (int i = 0; i < 1000; i++) {
            try {
                if (i % 3 == 0) {
                    throw new RuntimeException("x");
                }
            } catch (RuntimeException e) {
                caught++;
            }
        }
        System.out.println("caught " + caught);
        try {
            Object o = null;
            o.hashCode();
        } catch (Exception e) {
            System.out.println(e.getClass().getName());
        }
    }
}
