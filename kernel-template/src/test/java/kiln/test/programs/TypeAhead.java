package kiln.test.programs;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;

/** Sleeps before it reads, so that what is typed meanwhile has to wait somewhere. */
public class TypeAhead {
    public static void main(String[] args) throws IOException, InterruptedException {
        System.out.println("type now");
        Thread.sleep(3000);
        System.out.println("reading");
        System.out.println("got [" + new BufferedReader(new InputStreamReader(System.in)).readLine() + "]");
    }
}
