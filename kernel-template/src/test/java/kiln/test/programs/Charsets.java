package kiln.test.programs;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** Strings to bytes and back through the standard charsets, as libraries call them (Charset objects and names). */
public class Charsets {
    public static void main(String[] args) throws IOException {
        String text = "Kiln: caf\u00e9 \u20ac \ud83d\ude00 \u00ff";
        System.out.println(Arrays.toString(text.getBytes(StandardCharsets.UTF_8)));
        System.out.println(Arrays.toString(text.getBytes(StandardCharsets.ISO_8859_1)));
        System.out.println(Arrays.toString(text.getBytes(StandardCharsets.US_ASCII)));
        System.out.println(Arrays.toString(text.getBytes("UTF-8")));
        System.out.println(Arrays.equals(text.getBytes(StandardCharsets.UTF_8), text.getBytes()));
        byte[] all = new byte[256];
        for (int i = 0; i < all.length; i++) {
            all[i] = (byte) i;
        }
        System.out.println(new String(all, StandardCharsets.ISO_8859_1).chars().sum());
        System.out.println(new String(all, StandardCharsets.US_ASCII).chars().filter(c -> c == 0xFFFD).count());
        System.out.println(new String(text.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8).equals(text));
        System.out.println(new String(all, 65, 26, StandardCharsets.US_ASCII));
        System.out.println(new String(all, 0xC0, 16, "ISO-8859-1"));
        try {
            new String(all, "no-such-charset");
        } catch (java.io.UnsupportedEncodingException e) {
            System.out.println("UnsupportedEncodingException: " + e.getMessage());
        }
        try {
            new String(all, 250, 10, StandardCharsets.UTF_8);
        } catch (StringIndexOutOfBoundsException e) {
            System.out.println(e.getClass().getSimpleName());
        }
        BufferedReader reader = new BufferedReader(new InputStreamReader(
                new ByteArrayInputStream("first\nzweite \u00fc\n".getBytes(StandardCharsets.UTF_8)), StandardCharsets.UTF_8));
        System.out.println(reader.readLine() + " | " + reader.readLine() + " | " + reader.readLine());
    }
}
