package kiln.test.programs;

public class Objects {
    interface Shape {
        int area();

        default String describe() {
            return name() + " with area " + area();
        }

        String name();
    }

    abstract static class Base implements Shape {
        protected final int id;

        Base(int id) {
            this.id = id;
        }

        @Override
        public String name() {
            return "shape#" + id;
        }
    }

    static class Rect extends Base {
        final int w, h;

        Rect(int id, int w, int h) {
            super(id);
            this.w = w;
            this.h = h;
        }

        @Override
        public int area() {
            return w * h;
        }
    }

    static final class Square extends Rect {
        Square(int id, int side) {
            super(id, side, side);
        }

        @Override
        public String name() {
            return "square(" + super.name() + ")";
        }
    }

    static class Counter {
        private long value;
        byte small;
        char letter = 'k';
        short medium = -3;
        boolean flag;

        void add(long n) {
            value += n;
        }

        long get() {
            return value;
        }
    }

    public static void main(String[] args) {
        Shape[] shapes = {new Rect(1, 3, 4), new Square(2, 5), new Rect(3, 10, 1)};
        int total = 0;
        for (Shape s : shapes) {
            System.out.println(s.describe());
            total += s.area();
        }
        System.out.println("total " + total);
        Object o = shapes[1];
        System.out.println(o instanceof Rect);
        System.out.println(o instanceof Square);
        System.out.println(o instanceof Shape);
        System.out.println(o instanceof String);
        Rect r = (Rect) o;
        System.out.println(r.w + r.h);
        try {
            Object s = "text";
            Rect bad = (Rect) s;
            System.out.println(bad);
        } catch (ClassCastException e) {
            System.out.println("caught ClassCastException");
        }
        Counter c = new Counter();
        for (int i = 1; i <= 100; i++) {
            c.add(i);
        }
        c.small = (byte) 250;
        c.flag = true;
        System.out.println(c.get() + " " + c.small + " " + c.letter + " " + c.medium + " " + c.flag);
        Object plain = new Object();
        System.out.println(plain.equals(plain) + " " + plain.equals(c));
        System.out.println(shapes[0].getClass().getName());
        String str = "abc";
        System.out.println(str.getClass().getName());
        System.out.println(new int[0].getClass().getName());
    }
}
