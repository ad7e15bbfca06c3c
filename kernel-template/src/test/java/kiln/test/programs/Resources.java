package kiln.test.programs;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;

/**
 * Reads the test programs' own resources (src/test/resources, packed into the image by default) through
 * {@code Class.getResourceAsStream}: package-relative and absolute names, text and binary, a missing name,
 * an empty file, streams read byte by byte, in blocks, skipped, marked and reset; and through the system class
 * loader, which loaded the class path's classes (the JDK's answer null).
 */
public class Resources {
    public static void main(String[] args) throws IOException {
        try (InputStream in = Resources.class.getResourceAsStream("greeting.txt")) {
            BufferedReader lines = new BufferedReader(new InputStreamReader(in, "UTF-8"));
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                System.out.println(line + " (" + line.length() + ")");
            }
        }
        try (InputStream in = Hello.class.getResourceAsStream("/kiln/test/programs/greeting.txt")) {
            System.out.println("absolute: " + in.readAllBytes().length + " bytes");
        }
        System.out.println(Resources.class.getResourceAsStream("/greeting.txt"));
        System.out.println(Resources.class.getResourceAsStream("missing.txt"));
        System.out.println(Resources[].class.getResourceAsStream("greeting.txt") != null);

        try (InputStream in = Resources.class.getResourceAsStream("/kiln-resources/all-bytes.bin")) {
            System.out.println("available " + in.available() + ", first " + in.read() + " " + in.read());
            byte[] block = new byte[300];
            int n = in.read(block, 10, 290);
            System.out.println("block " + n + ": " + (block[10] & 0xff) + " .. " + (block[299] & 0xff));
            System.out.println("skipped " + in.skip(200) + ", then " + in.read());
            if (in.markSupported()) {
                in.mark(16);
                int a = in.read();
                in.read();
                in.reset();
                System.out.println("after reset " + (a == in.read()));
            }
            long sum = 0;
            int count = 0;
            for (int b = in.read(); b >= 0; b = in.read()) {
                sum += b;
                count++;
            }
            System.out.println("rest " + count + " bytes, sum " + sum + ", then " + in.read(block, 0, 4));
        }
        try (InputStream in = Resources.class.getResourceAsStream("/kiln-resources/empty.txt")) {
            System.out.println("empty: " + in.read() + " " + in.readAllBytes().length);
        }

        ClassLoader loader = Resources.class.getClassLoader();
        System.out.println(loader == ClassLoader.getSystemClassLoader() && Resources[][].class.getClassLoader() == loader);
        System.out.println(loader.getName() + " " + String.class.getClassLoader() + " " + int[].class.getClassLoader());
        try (InputStream in = loader.getResourceAsStream("kiln/test/programs/greeting.txt")) {
            System.out.println("by the loader: " + in.readAllBytes().length + " bytes");
        }
        System.out.println(loader.getResourceAsStream("/kiln/test/programs/greeting.txt"));
        try (InputStream in = ClassLoader.getSystemResourceAsStream("kiln-resources/all-bytes.bin")) {
            System.out.println("system resource: " + in.readAllBytes().length + " bytes");
        }
        System.out.println(ClassLoader.getSystemResourceAsStream("kiln-resources/none"));
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream("kiln-resources/empty.txt")) {
            System.out.println("context loader: " + in.readAllBytes().length + " bytes");
        }
    }
}
