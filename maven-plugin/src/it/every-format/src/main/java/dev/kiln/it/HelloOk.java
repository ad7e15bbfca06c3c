package dev.kiln.it;

/** Prints a greeting and its arguments; the same program on every format and firmware. */
public class HelloOk {
    public static void main(String[] args) {
        System.out.println("Hello from a Kiln integration test with " + args.length + " arguments");
        StringBuilder line = new StringBuilder("6 * 7 = 42;");
        for (String argument : args) {
            line.append(' ').append(argument);
        }
        System.out.println(line);
    }
}
