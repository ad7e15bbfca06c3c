package kiln.test.programs;

/** Java language features that stress the compiler's corner cases (stack shuffles, nesting, dispatch). */
public class Language {
    interface Greeter {
        String greet(String name);

        static Greeter polite() {
            return name -> "Dear " + name;
        }

        default Greeter twice() {
            return name -> greet(greet(name));
        }
    }

    interface Left {
        default String side() {
            return "left";
        }
    }

    interface Right extends Left {
        @Override
        default String side() {
            return "right";
        }
    }

    static class Both implements Left, Right {
    }

    class Inner {
        int read() {
            return counter * 2;
        }
    }

    static class Node<T extends Comparable<T>> {
        final T value;
        Node<T> left, right;

        Node(T value) {
            this.value = value;
        }

        void insert(T v) {
            if (v.compareTo(value) < 0) {
                if (left == null) {
                    left = new Node<>(v);
                } else {
                    left.insert(v);
                }
            } else if (right == null) {
                right = new Node<>(v);
            } else {
                right.insert(v);
            }
        }

        void inOrder(StringBuilder out) {
            if (left != null) {
                left.inOrder(out);
            }
            out.append(value).append(' ');
            if (right != null) {
                right.inOrder(out);
            }
        }
    }

    int counter;
    long[] longs = new long[4];
    int[] ints = new int[4];
    static long staticLong;

    {
        counter = 5;
    }

    static int sum(int... values) {
        int total = 0;
        for (int v : values) {
            total += v;
        }
        return total;
    }

    static String describe(Object o) {
        if (o instanceof Integer) {
            return "int " + ((Integer) o + 1);
        } else if (o instanceof String) {
            return "string of " + ((String) o).length();
        } else if (o instanceof int[]) {
            return "int array of " + ((int[]) o).length;
        }
        return "other";
    }

    public static void main(String[] args) {
        Language l = new Language();
        // compound assignments on fields and array elements: dup_x1, dup2_x1, dup_x2, dup2_x2
        l.counter += 3;
        int c = l.counter++;
        int d = ++l.counter;
        l.longs[1] += 7;
        long e = l.longs[1]++;
        long f = ++l.longs[2];
        l.ints[3] *= 5;
        int g = l.ints[0]++ + ++l.ints[0];
        staticLong += 40;
        long h = staticLong++;
        System.out.println(c + " " + d + " " + l.counter + " " + e + " " + f + " " + l.longs[1] + " " + g + " " + h + " " + staticLong);
        long[] arr = {1, 2, 3};
        int i = 0;
        arr[i++] = arr[i] + 10;
        System.out.println(arr[0] + " " + arr[1] + " " + i);
        // inner class with outer reference, anonymous class, static nested generic
        Inner inner = l.new Inner();
        System.out.println(inner.read());
        Greeter anonymous = new Greeter() {
            @Override
            public String greet(String name) {
                return "Hi " + name + " (" + l.counter + ")";
            }
        };
        System.out.println(anonymous.greet("Ada") + " / " + Greeter.polite().twice().greet("Bob"));
        System.out.println(new Both().side());
        Node<String> root = new Node<>("m");
        for (String s : new String[] {"c", "x", "a", "p", "z", "e"}) {
            root.insert(s);
        }
        StringBuilder sb = new StringBuilder();
        root.inOrder(sb);
        System.out.println(sb.toString().trim());
        Node<Integer> numbers = new Node<>(50);
        for (int n = 0; n < 20; n++) {
            numbers.insert((n * 37) % 100);
        }
        StringBuilder nb = new StringBuilder();
        numbers.inOrder(nb);
        System.out.println(nb);
        // varargs, autoboxing, ternaries, labeled loops, bit tricks
        System.out.println(sum() + " " + sum(1) + " " + sum(1, 2, 3, 4));
        Integer boxed = 1000;
        int unboxed = boxed + 1;
        Long big = 1L << 40;
        System.out.println(unboxed + " " + (big + 1) + " " + boxed.equals(1000) + " " + describe(7) + ", " + describe("abc")
                + ", " + describe(new int[3]) + ", " + describe(2.5));
        int found = -1;
        outer:
        for (int a = 0; a < 10; a++) {
            for (int b = 0; b < 10; b++) {
                if (a * b == 42) {
                    found = a * 10 + b;
                    break outer;
                }
                if (b > a) {
                    continue outer;
                }
            }
        }
        System.out.println("found " + found);
        int bits = 0b1011_0110;
        System.out.println(Integer.bitCount(bits) + " " + Integer.highestOneBit(bits) + " " + (bits >>> 2) + " " + (~bits)
                + " " + (bits ^ 0xff) + " " + Long.numberOfTrailingZeros(1L << 33));
        char ch = 'a';
        ch += 2;
        ch++;
        System.out.println(ch + " " + (int) ch + " " + (char) (ch + 1) + " " + Character.toUpperCase(ch));
        short s = (short) 40000;
        byte bt = (byte) (s >> 4);
        System.out.println(s + " " + bt + " " + (s & 0xffff) + " " + (bt & 0xff));
        long mixed = 3 * 1_000_000_000L + Integer.MAX_VALUE;
        System.out.println(mixed + " " + (int) mixed + " " + (mixed >> 3) + " " + (-mixed >>> 60));
        boolean t = l.counter > 3 && staticLong < 100 || args.length > 5;
        System.out.println(t ? "yes" : "no");
        double avg = (double) sum(1, 2, 4) / 3;
        float ratio = 7f / 2;
        System.out.println((int) (avg * 1000) + " " + (long) (ratio * 10) + " " + (avg > 2.3) + " " + (ratio == 3.5f));
        System.out.println((int) Double.NaN + " " + (long) Float.POSITIVE_INFINITY + " " + (int) -1e20 + " " + (int) 2.99 + " " + (int) -2.99);
        Object o = l;
        synchronized (o) {
            System.out.println("in monitor");
        }
    }
}
