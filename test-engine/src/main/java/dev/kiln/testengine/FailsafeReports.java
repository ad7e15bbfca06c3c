package dev.kiln.testengine;

import dev.kiln.testengine.TestResult.Outcome;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Writes results in the formats Maven Failsafe writes, so that CI servers, IDEs and report plugins read them as
 * they read Failsafe's: {@code TEST-<class>.xml} per test class (the Surefire/Failsafe test-report schema 3.0:
 * {@code testsuite} with {@code tests}/{@code errors}/{@code skipped}/{@code failures}/{@code time}, one
 * {@code testcase} per invocation with {@code failure}, {@code error} or {@code skipped} holding the stack
 * trace as text, and {@code system-out}/{@code system-err}), and {@code failsafe-summary.xml}.
 *
 * <p>Suites are per class that declares the tests ({@code Outer$Inner} for a {@code @Nested} class), which is
 * what the file name promises; Surefire 3.5 puts a nested class's tests into the innermost class's file, a
 * grouping no tool depends on. A skipped test is written as Surefire writes it: a disabled one with its
 * reason as {@code message}, one skipped by an assumption with the exception's {@code type} and stack trace.
 */
public final class FailsafeReports {
    static final String SCHEMA = "https://maven.apache.org/surefire/maven-failsafe-plugin/xsd/failsafe-test-report.xsd";
    static final String SUMMARY_SCHEMA = "https://maven.apache.org/surefire/maven-surefire-plugin/xsd/failsafe-summary.xsd";

    private FailsafeReports() {
    }

    /** The counts of a run (or of one class), as Surefire's console line has them. */
    public record Counts(int run, int failures, int errors, int skipped, long nanos) {
        static Counts of(List<TestResult> results) {
            return new Counts(results.size(), count(results, Outcome.FAILURE), count(results, Outcome.ERROR),
                    count(results, Outcome.SKIPPED), results.stream().mapToLong(TestResult::nanos).sum());
        }

        private static int count(List<TestResult> results, Outcome outcome) {
            return (int) results.stream().filter(r -> r.outcome() == outcome).count();
        }

        public boolean failed() {
            return failures > 0 || errors > 0;
        }

        /** {@code Tests run: 35, Failures: 5, Errors: 1, Skipped: 4}, Surefire's words. */
        public String line() {
            return "Tests run: " + run + ", Failures: " + failures + ", Errors: " + errors + ", Skipped: " + skipped;
        }
    }

    /** The results grouped by class, in the order the classes first appear. */
    public static Map<String, List<TestResult>> byClass(List<TestResult> results) {
        Map<String, List<TestResult>> classes = new LinkedHashMap<>();
        for (TestResult result : results) {
            classes.computeIfAbsent(result.className(), name -> new ArrayList<>()).add(result);
        }
        return classes;
    }

    /**
     * Writes every {@code TEST-<class>.xml} and {@code failsafe-summary.xml} into {@code directory}.
     *
     * @param properties     what the reports' {@code <properties>} list (Failsafe lists the JVM's; Kiln, the image's)
     * @param failureMessage why the run did not complete (a crash, a timeout), for the summary; empty if it did
     */
    public static Counts write(Path directory, List<TestResult> results, Map<String, String> properties,
                               Optional<String> failureMessage, boolean timedOut) throws IOException {
        Files.createDirectories(directory);
        for (Map.Entry<String, List<TestResult>> suite : byClass(results).entrySet()) {
            Files.writeString(directory.resolve("TEST-" + suite.getKey() + ".xml"),
                    suite(suite.getKey(), suite.getValue(), properties), StandardCharsets.UTF_8);
        }
        Counts counts = Counts.of(results);
        Files.writeString(directory.resolve("failsafe-summary.xml"), summary(counts, failureMessage, timedOut),
                StandardCharsets.UTF_8);
        return counts;
    }

    static String suite(String className, List<TestResult> results, Map<String, String> properties) {
        Counts counts = Counts.of(results);
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        xml.append("<testsuite xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" xsi:noNamespaceSchemaLocation=\"")
                .append(SCHEMA).append("\" version=\"3.0.2\" name=\"").append(attribute(className))
                .append("\" time=\"").append(seconds(counts.nanos())).append("\" tests=\"").append(counts.run())
                .append("\" errors=\"").append(counts.errors()).append("\" skipped=\"").append(counts.skipped())
                .append("\" failures=\"").append(counts.failures()).append("\">\n");
        xml.append("  <properties>\n");
        properties.forEach((name, value) -> xml.append("    <property name=\"").append(attribute(name))
                .append("\" value=\"").append(attribute(value)).append("\"/>\n"));
        xml.append("  </properties>\n");
        for (TestResult result : results) {
            xml.append("  <testcase name=\"").append(attribute(result.name())).append("\" classname=\"")
                    .append(attribute(result.className())).append("\" time=\"").append(seconds(result.nanos())).append('"');
            StringBuilder body = new StringBuilder();
            switch (result.outcome()) {
                case FAILURE, ERROR -> {
                    String element = result.outcome() == Outcome.FAILURE ? "failure" : "error";
                    body.append("    <").append(element);
                    result.message().ifPresent(message -> body.append(" message=\"").append(attribute(message)).append('"'));
                    result.type().ifPresent(type -> body.append(" type=\"").append(attribute(type)).append('"'));
                    body.append('>').append(cdata(result.stackTrace().orElse(""))).append("</").append(element).append(">\n");
                }
                case SKIPPED -> {
                    if (result.type().isPresent()) {
                        body.append("    <skipped type=\"").append(attribute(result.type().get())).append("\">")
                                .append(cdata(result.stackTrace().orElse(""))).append("</skipped>\n");
                    } else {
                        body.append("    <skipped").append(result.message()
                                .map(message -> " message=\"" + attribute(message) + "\"").orElse("")).append("/>\n");
                    }
                }
                case PASSED -> {
                }
            }
            if (!result.systemOut().isEmpty()) {
                body.append("    <system-out>").append(cdata(result.systemOut())).append("</system-out>\n");
            }
            if (!result.systemErr().isEmpty()) {
                body.append("    <system-err>").append(cdata(result.systemErr())).append("</system-err>\n");
            }
            xml.append(body.length() == 0 ? "/>\n" : ">\n" + body + "  </testcase>\n");
        }
        xml.append("</testsuite>\n");
        return xml.toString();
    }

    /** Failsafe's summary: {@code result} 255 when tests failed, 254 when none ran, absent otherwise. */
    static String summary(Counts counts, Optional<String> failureMessage, boolean timedOut) {
        String result = counts.failed() || failureMessage.isPresent() ? " result=\"255\""
                : counts.run() == 0 ? " result=\"254\"" : "";
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<failsafe-summary xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" xsi:noNamespaceSchemaLocation=\""
                + SUMMARY_SCHEMA + "\"" + result + " timeout=\"" + timedOut + "\">\n"
                + "    <completed>" + counts.run() + "</completed>\n"
                + "    <errors>" + counts.errors() + "</errors>\n"
                + "    <failures>" + counts.failures() + "</failures>\n"
                + "    <skipped>" + counts.skipped() + "</skipped>\n"
                + failureMessage.map(m -> "    <failureMessage>" + text(m) + "</failureMessage>\n").orElse("    <failureMessage/>\n")
                + "</failsafe-summary>\n";
    }

    /** Seconds as Surefire writes them: at most three decimals, trailing zeros dropped, at least one ({@code 0.0}, {@code 0.04}). */
    static String seconds(long nanos) {
        BigDecimal value = BigDecimal.valueOf(nanos, 9).setScale(3, RoundingMode.HALF_UP).stripTrailingZeros();
        return value.scale() <= 0 ? value.setScale(1).toPlainString() : value.toPlainString();
    }

    private static String attribute(String text) {
        return text(text).replace("\"", "&quot;");
    }

    /** XML 1.0 §2.4 escaping; characters XML 1.0 cannot hold (§2.2) become numeric references, as Surefire writes them. */
    private static String text(String text) {
        StringBuilder escaped = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> escaped.append("&amp;");
                case '<' -> escaped.append("&lt;");
                case '>' -> escaped.append("&gt;");
                default -> {
                    if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') {
                        escaped.append("&#").append((int) c).append(';');
                    } else {
                        escaped.append(c);
                    }
                }
            }
        }
        return escaped.toString();
    }

    /** A CDATA section (XML 1.0 §2.7); a {@code ]]>} inside is split over two sections. */
    private static String cdata(String text) {
        return "<![CDATA[" + text.replace("]]>", "]]]]><![CDATA[>") + "]]>";
    }
}
