package kiln.test.programs;

import java.util.InputMismatchException;
import java.util.NoSuchElementException;
import java.util.Scanner;

/** Scanner's typed tokens, mismatches, lines and end of input, as the JDK answers them. */
public class ScanNumbers {
    public static void main(String[] args) {
        Scanner scanner = new Scanner(System.in);
        System.out.println(scanner.nextLong() + " " + scanner.nextDouble() + " " + scanner.nextDouble() + " "
                + scanner.nextBoolean());
        for (int i = 0; i < 2; i++) {
            try {
                System.out.println("int " + scanner.nextInt());
            } catch (InputMismatchException e) {
                System.out.println("mismatch " + e.getMessage() + ", the token stays: " + scanner.next());
            }
        }
        StringBuilder decimals = new StringBuilder();
        for (int i = 0; i < 7; i++) {
            decimals.append(scanner.hasNextDouble() ? "double " + scanner.nextDouble() : "not " + scanner.next()).append("; ");
        }
        System.out.println(decimals);
        System.out.println("after the last token of a line: [" + scanner.nextLine() + "]");
        while (scanner.hasNextLine()) {
            System.out.println("line [" + scanner.nextLine() + "]");
        }
        try {
            scanner.next();
        } catch (NoSuchElementException e) {
            System.out.println("at the end: " + e.getClass().getSimpleName() + " " + e.getMessage());
        }
        scanner.close();
        try {
            scanner.hasNext();
        } catch (IllegalStateException e) {
            System.out.println("closed: " + e.getMessage());
        }
    }
}
