package kiln.test.programs;

import java.util.ArrayList;
import java.util.List;

/**
 * String identity (JLS §3.10.5): equal literals are one object, in one class and across classes; constant
 * expressions are literals; a string computed at run time is another object until {@code intern()} gives the
 * canonical one, which is the literal when there is one; threads interning the same new value get one object.
 */
public class Interning {
    static final String GREETING = "hello";

    static class Elsewhere {
        static String literal() {
            return "hello";
        }

        static String unusual() {
            return "only-in-" + "elsewhere";
        }
    }

    public static void main(String[] args) throws InterruptedException {
        String computed = new StringBuilder("hel").append("lo").toString();
        System.out.println("literal across classes: " + (GREETING == Elsewhere.literal()));
        System.out.println("constant expression: " + ("hel" + "lo" == GREETING));
        System.out.println("computed: " + (computed == GREETING) + ", equal " + computed.equals(GREETING));
        System.out.println("interned: " + (computed.intern() == GREETING) + ", again " + (computed.intern() == computed.intern()));
        System.out.println("new String(literal).intern(): " + (new String("hello").intern() == "hello"));
        String other = String.valueOf(new char[] {'o', 'n', 'l', 'y', '-', 'i', 'n', '-', 'e', 'l', 's', 'e', 'w', 'h', 'e', 'r', 'e'});
        System.out.println("literal of another class: " + (other.intern() == Elsewhere.unusual()));
        String fresh = "run-time-" + args.length;
        String first = fresh.intern();
        System.out.println("new value: " + (first == fresh) + ", " + (new String(fresh).intern() == fresh));

        List<String> values = new ArrayList<>();
        for (int i = 0; i < 3000; i++) {
            values.add(("value-" + i).intern());
        }
        int same = 0;
        for (int i = 0; i < 3000; i++) {
            if (("value-" + i).intern() == values.get(i)) {
                same++;
            }
        }
        System.out.println("3000 values interned, found again: " + same);

        String[] seen = new String[4];
        Thread[] threads = new Thread[seen.length];
        for (int t = 0; t < threads.length; t++) {
            int index = t;
            threads[t] = new Thread(() -> {
                String mine = null;
                for (int round = 0; round < 200; round++) {
                    mine = new StringBuilder("raced-").append(round % 7).toString().intern();
                }
                seen[index] = mine;
            });
            threads[t].start();
        }
        for (Thread thread : threads) {
            thread.join();
        }
        System.out.println("threads got one object: " + (seen[0] == seen[1] && seen[1] == seen[2] && seen[2] == seen[3])
                + " (" + seen[0] + ")");
        System.out.println("empty: " + (new String().intern() == "") + ", " + ("".substring(0) == ""));
    }
}
