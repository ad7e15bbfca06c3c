package dev.kiln.examples.hello;

/**
 * A plain Java program, nothing Kiln-specific in it: {@code mvn package} compiles it ahead of time into a
 * bootable image, and {@code mvn verify} boots that image in QEMU and checks what it prints on the serial port.
 * Each line exercises a different part of the compiler: calls and recursion, {@code StringBuilder},
 * string concatenation (an {@code invokedynamic} since Java 9, resolved by Kiln at build time), objects,
 * virtual calls and arrays.
 */
public final class Hello {

    public static void main(String[] args) {
        System.out.println("Hello from Kiln");
        System.out.println("fib(30) = " + fib(30));
        System.out.println(countdown(5));

        Shape[] shapes = {new Square(3), new Rectangle(2, 5), new Square(4)};
        int totalArea = 0;
        for (Shape shape : shapes) {
            totalArea += shape.area();
        }
        System.out.println(shapes.length + " shapes, total area " + totalArea);
    }

    /** Naive recursion on purpose: 1.6 million calls, so a broken calling convention cannot hide. */
    static int fib(int n) {
        return n < 2 ? n : fib(n - 1) + fib(n - 2);
    }

    /** "5 4 3 2 1 liftoff", built with an explicit StringBuilder rather than concatenation. */
    static String countdown(int from) {
        StringBuilder text = new StringBuilder();
        for (int i = from; i > 0; i--) {
            text.append(i).append(' ');
        }
        return text.append("liftoff").toString();
    }

    abstract static class Shape {
        abstract int area();
    }

    static final class Square extends Shape {
        private final int side;

        Square(int side) {
            this.side = side;
        }

        @Override
        int area() {
            return side * side;
        }
    }

    static final class Rectangle extends Shape {
        private final int width;
        private final int height;

        Rectangle(int width, int height) {
            this.width = width;
            this.height = height;
        }

        @Override
        int area() {
            return width * height;
        }
    }
}
