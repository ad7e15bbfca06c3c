package kiln.test.programs;

public class Lambdas {
    interface IntOp {
        int apply(int a, int b);
    }

    interface Transformer<T, R> {
        R transform(T input);
    }

    static int fold(int[] values, int start, IntOp op) {
        int acc = start;
        for (int v : values) {
            acc = op.apply(acc, v);
        }
        return acc;
    }

    static String twice(String s) {
        return s + s;
    }

    final String prefix = "p:";

    String prefixed(String s) {
        return prefix + s;
    }

    public static void main(String[] args) {
        int[] values = {1, 2, 3, 4, 5};
        System.out.println(fold(values, 0, (a, b) -> a + b));
        System.out.println(fold(values, 1, (a, b) -> a * b));
        int offset = 100;
        System.out.println(fold(values, 0, (a, b) -> a + b + offset));
        Runnable r = () -> System.out.println("run!");
        r.run();
        Transformer<String, String> t = Lambdas::twice;
        System.out.println(t.transform("ab"));
        Transformer<String, Integer> len = String::length;
        System.out.println(len.transform("four") + 1);
        Lambdas self = new Lambdas();
        Transformer<String, String> bound = self::prefixed;
        System.out.println(bound.transform("x"));
        Transformer<Integer, Integer> square = x -> x * x;
        System.out.println(square.transform(12));
        Transformer<String, StringBuilder> maker = StringBuilder::new;
        System.out.println(maker.transform("built").append('!'));
    }
}
