package kiln.test.programs;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.net.URL;
import java.util.Collections;
import java.util.Enumeration;
import java.util.Properties;

/**
 * The URLs of the test programs' own resources (src/test/resources): found through {@code Class.getResource} and
 * the class loader, opened, compared, resolved against and turned into URIs. What it prints does not depend on
 * the URL's scheme (HotSpot's are file: URLs into target/test-classes, Kiln's resource: URLs), only its last
 * line, which the test checks on Kiln alone.
 */
public class ResourceUrls {
    public static void main(String[] args) throws IOException, URISyntaxException {
        URL greeting = ResourceUrls.class.getResource("greeting.txt");
        System.out.println(read(greeting));
        System.out.println(greeting.getPath().endsWith("/kiln/test/programs/greeting.txt") + " "
                + greeting.toString().endsWith("/kiln/test/programs/greeting.txt") + " " + greeting.getQuery()
                + " " + greeting.getRef());
        System.out.println(greeting.toURI().getPath().endsWith("/kiln/test/programs/greeting.txt") + " "
                + greeting.toURI().toURL().equals(greeting));
        URL absolute = Hello.class.getResource("/kiln/test/programs/greeting.txt");
        System.out.println(absolute.equals(greeting) + " " + (absolute.hashCode() == greeting.hashCode()) + " "
                + absolute.sameFile(greeting) + " " + absolute.toExternalForm().equals(greeting.toExternalForm()));

        URL sibling = new URL(greeting, "settings.properties");
        Properties settings = new Properties();
        try (InputStream in = sibling.openStream()) {
            settings.load(in);
        }
        System.out.println(new java.util.TreeMap<>(settings));
        System.out.println(sibling.openConnection().getContentLengthLong() + " bytes");

        ClassLoader loader = ResourceUrls.class.getClassLoader();
        System.out.println(loader.getResource("kiln/test/programs/greeting.txt").equals(greeting) + " "
                + ClassLoader.getSystemResource("kiln/test/programs/greeting.txt").equals(greeting));
        System.out.println(loader.getResource("/kiln/test/programs/greeting.txt") + " "
                + ResourceUrls.class.getResource("missing.txt"));
        Enumeration<URL> all = loader.getResources("kiln-resources/empty.txt");
        System.out.println(Collections.list(all).size() + " " + Collections.list(loader.getResources("nothing/here")).size()
                + " " + Collections.list(ClassLoader.getSystemResources("kiln-resources/all-bytes.bin")).size());
        try (InputStream in = loader.getResource("kiln-resources/all-bytes.bin").openStream()) {
            System.out.println(in.readAllBytes().length + " bytes");
        }
        try {
            new URL(greeting, "missing.txt").openStream();
            System.out.println("missing.txt opened");
        } catch (FileNotFoundException e) {
            System.out.println("FileNotFoundException");
        }
        System.out.println(greeting.getProtocol().equals("resource") ? greeting : "not on Kiln");
    }

    private static String read(URL url) throws IOException {
        try (InputStream in = url.openStream()) {
            return new String(in.readAllBytes()).strip(); // UTF-8: the tests run HotSpot with -Dfile.encoding=UTF-8
        }
    }
}
