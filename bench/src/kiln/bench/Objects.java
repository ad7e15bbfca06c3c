package kiln.bench;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Virtual and interface calls, allocation, boxing and hashing through java.util. */
public class Objects {
    interface Shape {
        long area();
    }

    record Rect(int w, int h) implements Shape {
        public long area() {
            return (long) w * h;
        }
    }

    record Square(int side) implements Shape {
        public long area() {
            return (long) side * side;
        }
    }

    public static void main(String[] args) {
        List<Shape> shapes = new ArrayList<>();
        for (int i = 0; i < 100_000; i++) {
            shapes.add(i % 3 == 0 ? new Square(i % 100) : new Rect(i % 50, i % 70));
        }
        long total = 0;
        for (int round = 0; round < 30; round++) {
            for (Shape s : shapes) {
                total += s.area();
            }
        }
        Map<Integer, Integer> counts = new HashMap<>();
        for (Shape s : shapes) {
            counts.merge((int) (s.area() % 1000), 1, Integer::sum);
        }
        System.out.println(total + " " + counts.size() + " " + counts.get(0));
    }
}
