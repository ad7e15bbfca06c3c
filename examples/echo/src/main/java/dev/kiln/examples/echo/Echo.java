package dev.kiln.examples.echo;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;

/**
 * Reads lines from {@code System.in} and answers each one, until {@code quit} or the end of input (Ctrl-D at
 * the start of a line). In a Kiln guest, the lines come from the PS/2 keyboard and from the serial port
 * alike, edited by the kernel's line discipline (echo, Backspace); on a JVM, from the terminal. To type to it
 * yourself: {@code mvn install -DskipTests} in Kiln's root once, then {@code mvn kiln:run -Dkiln.timeout=600}
 * here (the serial port is your terminal; the timeout is the session's length).
 */
public final class Echo {
    public static void main(String[] args) throws IOException {
        System.out.println("Kiln echo: type a line, or quit");
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in));
        int count = 0;
        while (true) {
            System.out.print("> ");
            String line = in.readLine();
            if (line == null) {
                System.out.println();
                break;
            }
            if (line.equals("quit")) {
                break;
            }
            count++;
            System.out.println("echo: " + line);
        }
        System.out.println("bye after " + count + (count == 1 ? " line" : " lines"));
    }
}
