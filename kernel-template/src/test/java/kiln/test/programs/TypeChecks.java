package kiln.test.programs;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/**
 * Interface calls and type checks over a lattice of interfaces and classes, so that a class given another's
 * type-table entry, or an entry in the wrong place, prints something else than on HotSpot: every object is called
 * through every interface it implements and tested against every type of the program (interfaces, classes, arrays
 * of each), and arrays take stores that fit and stores that do not.
 */
public class TypeChecks {
    interface Named {
        String name();
    }

    interface Sized {
        int size();
    }

    /** The same selector as Sized's: a class implementing either has one entry for both. */
    interface Measured {
        int size();

        default String unit() {
            return "items";
        }
    }

    interface Labelled extends Named {
        default String label() {
            return "<" + name() + ">";
        }
    }

    interface Loud extends Labelled {
        @Override
        default String label() {
            return Labelled.super.label().toUpperCase();
        }

        String shout();
    }

    interface Counter {
        int next();

        int next(int step); // an overload: another selector
    }

    interface Empty {
    }

    static class Plain implements Named {
        public String name() {
            return "plain";
        }
    }

    static class Box implements Labelled, Sized, Counter {
        int count;

        public String name() {
            return "box";
        }

        public int size() {
            return 3;
        }

        public int next() {
            return ++count;
        }

        public int next(int step) {
            count += step;
            return count;
        }
    }

    static class BigBox extends Box implements Measured, Loud {
        @Override
        public String name() {
            return "bigbox";
        }

        @Override
        public int size() {
            return 30;
        }

        public String shout() {
            return "HEY";
        }

        @Override
        public String unit() {
            return "crates";
        }
    }

    static final class Crate extends BigBox implements Empty, Serializable {
        @Override
        public int next(int step) {
            return super.next(step * 10);
        }
    }

    static class Ruler implements Measured, Sized, Cloneable {
        public int size() {
            return 12;
        }
    }

    static abstract class Partial implements Counter {
        public int next() {
            return 7;
        }
    }

    static class Whole extends Partial {
        public int next(int step) {
            return 7 + step;
        }
    }

    public static void main(String[] args) {
        List<Object> objects = new ArrayList<>();
        objects.add(new Plain());
        objects.add(new Box());
        objects.add(new BigBox());
        objects.add(new Crate());
        objects.add(new Ruler());
        objects.add(new Whole());
        objects.add("text");
        objects.add(42);
        objects.add(new int[2]);
        objects.add(new String[] {"a"});
        objects.add(new Object[1]);
        objects.add(new Box[1]);
        objects.add(new Crate[1]);
        objects.add(new Named[1]);
        objects.add(new Loud[1]);
        objects.add(new int[1][1]);
        objects.add(new Named[1][1]);
        objects.add(new Object());
        for (Object o : objects) {
            calls(o);
        }
        for (Object o : objects) {
            System.out.println(o.getClass().getName() + ": " + instanceBits(o) + " casts " + castBits(o));
        }
        System.out.println("null: " + instanceBits(null) + " casts " + castBits(null));
        arrayStores();
        incompatibleCalls();
    }

    private static void calls(Object o) {
        StringBuilder line = new StringBuilder(o.getClass().getSimpleName()).append(':');
        if (o instanceof Named n) {
            line.append(" name=").append(n.name());
        }
        if (o instanceof Labelled l) {
            line.append(" label=").append(l.label());
        }
        if (o instanceof Loud l) {
            line.append(" shout=").append(l.shout());
        }
        if (o instanceof Sized s) {
            line.append(" size=").append(s.size());
        }
        if (o instanceof Measured m) {
            line.append(" measured=").append(m.size()).append(' ').append(m.unit());
        }
        if (o instanceof Counter c) {
            line.append(" next=").append(c.next()).append(',').append(c.next(2)).append(',').append(c.next());
        }
        if (o instanceof Comparable<?> c) {
            line.append(" comparable");
        }
        if (o instanceof CharSequence s) {
            line.append(" length=").append(s.length());
        }
        System.out.println(line);
    }

    private static String instanceBits(Object o) {
        boolean[] bits = {
            o instanceof Object, o instanceof Named, o instanceof Sized, o instanceof Measured, o instanceof Labelled,
            o instanceof Loud, o instanceof Counter, o instanceof Empty, o instanceof Plain, o instanceof Box,
            o instanceof BigBox, o instanceof Crate, o instanceof Ruler, o instanceof Partial, o instanceof Whole,
            o instanceof Serializable, o instanceof Cloneable, o instanceof Comparable, o instanceof Number,
            o instanceof Integer, o instanceof String, o instanceof CharSequence, o instanceof Object[],
            o instanceof int[], o instanceof String[], o instanceof Named[], o instanceof Box[], o instanceof Loud[],
            o instanceof Labelled[], o instanceof Object[][], o instanceof int[][], o instanceof Named[][],
            o instanceof Cloneable[], o instanceof Serializable[], o instanceof Comparable[],
        };
        StringBuilder s = new StringBuilder();
        for (boolean b : bits) {
            s.append(b ? '1' : '0');
        }
        return s.toString();
    }

    interface Cast {
        Object apply(Object o);
    }

    private static String castBits(Object o) {
        Cast[] casts = {
            x -> (Named) x, x -> (Counter) x, x -> (Loud) x, x -> (Box) x, x -> (Crate) x, x -> (Ruler) x,
            x -> (Comparable<?>) x, x -> (Object[]) x, x -> (Named[]) x, x -> (Serializable) x, x -> (Cloneable) x,
            x -> (int[]) x, x -> (Object[][]) x,
        };
        StringBuilder s = new StringBuilder();
        for (Cast cast : casts) {
            try {
                s.append(cast.apply(o) == o ? '1' : '?');
            } catch (ClassCastException e) {
                s.append('0');
            }
        }
        return s.toString();
    }

    private static void arrayStores() {
        Object[][] arrays = {new Object[1], new Named[1], new Box[1], new BigBox[1], new Labelled[1], new Loud[1],
            new String[1], new CharSequence[1], new Comparable<?>[1], new Object[1][], new Named[1][],
            new Serializable[1], new Cloneable[1], new Number[1]};
        Object[] values = {null, new Plain(), new Box(), new BigBox(), new Crate(), new Ruler(), "s", 1,
            new int[0], new Object[0], new Named[0], new Crate[0]};
        for (Object[] array : arrays) {
            StringBuilder s = new StringBuilder(array.getClass().getName()).append(": ");
            for (Object value : values) {
                try {
                    array[0] = value;
                    s.append(array[0] == value ? '1' : '?');
                } catch (ArrayStoreException e) {
                    s.append('0');
                }
            }
            System.out.println(s);
        }
        try {
            Object[] strings = new String[2];
            strings[1] = Integer.valueOf(5);
        } catch (ArrayStoreException e) {
            System.out.println("ArrayStoreException: " + e.getMessage());
        }
        try {
            Object[] missing = null;
            missing[0] = "x";
        } catch (NullPointerException e) {
            System.out.println("NullPointerException storing into null");
        }
        try {
            Object[] missing = null;
            missing[0] = null;
        } catch (NullPointerException e) {
            System.out.println("NullPointerException storing null into null");
        }
        try {
            Object o = new Ruler();
            Named n = (Named) o;
            System.out.println(n);
        } catch (ClassCastException e) {
            System.out.println("ClassCastException: " + e.getMessage());
        }
        try {
            Object o = new Crate[1];
            Ruler[] r = (Ruler[]) o;
            System.out.println(r);
        } catch (ClassCastException e) {
            System.out.println("ClassCastException: " + e.getMessage());
        }
    }

    private static void incompatibleCalls() {
        Named nobody = null;
        try {
            System.out.println(nobody.name());
        } catch (NullPointerException e) {
            System.out.println("NullPointerException calling through a null interface reference");
        }
        Counter counter = new Whole();
        int sum = 0;
        for (int i = 0; i < 1000; i++) {
            sum += counter.next() + counter.next(i);
        }
        System.out.println("sum " + sum);
    }
}
