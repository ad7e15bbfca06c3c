package kiln.test.programs;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

public class Collections {
    record Point(int x, int y) {}

    public static void main(String[] args) {
        List<Integer> list = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            list.add(i * i);
        }
        int sum = 0;
        for (int v : list) {
            sum += v;
        }
        System.out.println(list.size() + " " + sum + " " + list.get(3));
        Map<String, Integer> counts = new HashMap<>();
        for (String w : "a b a c b a".split(" ")) {
            counts.merge(w, 1, Integer::sum);
        }
        System.out.println(counts.get("a") + " " + counts.get("b") + " " + counts.get("c"));
        System.out.println(list);
        Point p = new Point(1, 2);
        System.out.println(p + " " + p.equals(new Point(1, 2)) + " " + (p.hashCode() == new Point(1, 2).hashCode()));
        double d = 2.5;
        System.out.println((int) (d * 4));
    }
}
