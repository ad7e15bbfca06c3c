package kiln.test.programs;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import java.util.TreeSet;

/** {@code Properties.load} from a resource packed into the image: comments, separators, continuations, escapes. */
public class ResourceProperties {
    public static void main(String[] args) throws IOException {
        Properties settings = new Properties();
        try (InputStream in = ResourceProperties.class.getResourceAsStream("settings.properties")) {
            settings.load(in);
        }
        for (String key : new TreeSet<>(settings.stringPropertyNames())) {
            System.out.println(key + " -> [" + settings.getProperty(key) + "]");
        }
        System.out.println(Integer.parseInt(settings.getProperty("answer")) * 2);
        System.out.println(settings.getProperty("missing", "default"));
    }
}
