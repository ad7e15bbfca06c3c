package dev.kiln.image.programs;

/** The program the whole-toolchain boot tests compile: prints, then exits with status 0. */
public final class Hello {
    private Hello() {
    }

    public static void main(String[] args) {
        System.out.println("Hello from Kiln, " + 6 * 7);
    }
}
