package dev.kiln.it;

/** Prints one line from each boot; the same program on every format and firmware. */
public class HelloOk {
    public static void main(String[] args) {
        String[] words = {"every", "format", "boots"};
        System.out.println("Hello from a Kiln integration test: " + String.join(" ", words));
        System.out.println("6 * 7 = " + words.length * 14);
    }
}
