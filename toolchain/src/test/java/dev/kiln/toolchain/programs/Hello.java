package dev.kiln.toolchain.programs;

/** The program the whole-toolchain boot tests compile: prints a greeting and its arguments, then exits with 0. */
public final class Hello {
    private Hello() {
    }

    public static void main(String[] args) {
        System.out.println("Hello from Kiln, " + 6 * 7);
        StringBuilder line = new StringBuilder("args: [");
        for (int i = 0; i < args.length; i++) {
            line.append(i == 0 ? "" : "|").append(args[i]);
        }
        System.out.println(line.append(']'));
    }
}
