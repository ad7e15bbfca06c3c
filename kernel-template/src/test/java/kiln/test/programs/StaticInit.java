package kiln.test.programs;

public class StaticInit {
    static final StringBuilder LOG = new StringBuilder();

    static class A {
        static int value = init("A", 1);
    }

    static class B extends A {
        static int other = init("B", 2);

        static int get() {
            return other + value;
        }
    }

    static class Lazy {
        static final String CONSTANT = "constant";
        static String computed = init("Lazy", 3) + "!";
    }

    static int init(String name, int v) {
        LOG.append(name).append(' ');
        return v * 10;
    }

    public static void main(String[] args) {
        System.out.println("start");
        System.out.println(Lazy.CONSTANT);
        System.out.println(LOG);
        System.out.println(B.get());
        System.out.println(LOG);
        System.out.println(Lazy.computed);
        System.out.println(LOG);
        System.out.println(A.value);
    }
}
