package kiln.test.programs;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;

/** Reads standard input line by line with BufferedReader until end of input, answering each line. */
public class ReadLines {
    public static void main(String[] args) throws IOException {
        System.out.println("Type lines, then end of input (Ctrl-D):");
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in));
        int count = 0;
        for (String line; (line = in.readLine()) != null; ) {
            count++;
            System.out.println(count + ": [" + line + "] " + line.length() + " chars, upper " + line.toUpperCase());
        }
        System.out.println(count + " lines, then end of input");
    }
}
