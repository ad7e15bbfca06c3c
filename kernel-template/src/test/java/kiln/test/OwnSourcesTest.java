package kiln.test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The repository holds only code written for Kiln (README "License"): no Java source carries another
 * project's copyright or license header. Where the JDK's behaviour is needed, Kiln compiles the JDK's
 * bytecode at build time or implements it; a copied JDK file would show up here with its header.
 */
class OwnSourcesTest {
    /** Split so that this file does not match itself. */
    private static final Pattern FOREIGN_HEADER = Pattern.compile(String.join("|",
            "Copy" + "right \\(c\\)", "GNU General " + "Public License", "DO NOT ALTER " + "OR REMOVE COPYRIGHT"));

    @Test
    void noJavaSourceCarriesAnotherProjectsHeader() throws IOException {
        Path repository = Path.of("..").toAbsolutePath().normalize();
        assertTrue(Files.isRegularFile(repository.resolve("LICENSE")), "no LICENSE at " + repository);
        List<String> foreign;
        try (Stream<Path> files = Files.walk(repository)) {
            foreign = files.filter(f -> f.toString().endsWith(".java"))
                    .filter(f -> !f.toString().contains("/target/") && !f.toString().contains("/.git/"))
                    .filter(OwnSourcesTest::hasForeignHeader)
                    .map(f -> repository.relativize(f).toString())
                    .toList();
        }
        assertEquals(List.of(), foreign);
    }

    private static boolean hasForeignHeader(Path file) {
        try {
            return FOREIGN_HEADER.matcher(Files.readString(file, StandardCharsets.UTF_8)).find();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
