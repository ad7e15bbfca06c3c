package kiln.test.programs;

import java.util.Scanner;

/** Reads standard input with Scanner: numbers are summed, words counted, and a line after "line:" read whole. */
public class ScanTokens {
    public static void main(String[] args) {
        System.out.println("Numbers and words, then end of input (Ctrl-D):");
        Scanner scanner = new Scanner(System.in);
        long sum = 0;
        int words = 0;
        while (scanner.hasNext()) {
            if (scanner.hasNextInt()) {
                int value = scanner.nextInt();
                sum += value;
                System.out.println("int " + value);
            } else {
                String word = scanner.next();
                if (word.equals("line:")) {
                    System.out.println("rest of line [" + scanner.nextLine() + "]");
                } else {
                    words++;
                    System.out.println("word " + word);
                }
            }
        }
        System.out.println("sum " + sum + ", " + words + " words");
    }
}
