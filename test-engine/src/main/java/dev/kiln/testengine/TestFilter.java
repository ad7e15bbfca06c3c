package dev.kiln.testengine;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Which tests run, chosen as Surefire and Failsafe choose them.
 *
 * <p>{@code selection} is the value of {@code -Dit.test}/{@code -Dtest}: comma-separated patterns
 * {@code Class} or {@code Class#method}, with {@code *} matching any characters; the class part matches the
 * simple or the fully qualified name of a top-level test class, the method part the method's name (every
 * invocation of a parameterized or repeated test). {@code groups} and {@code excludedGroups} are JUnit tags
 * ({@code @Tag}), comma-separated: with groups, a test runs only if it has one of them; a test with an
 * excluded tag never runs. Without a selection, top-level classes named as Surefire's or Failsafe's default
 * includes run: {@code Test*}, {@code *Test}, {@code *Tests}, {@code *TestCase}, {@code IT*}, {@code *IT},
 * {@code *ITCase}: the tests of {@code src/test/java} are the same classes either way, and in the guest every
 * one of them is an integration test.
 *
 * @param selection      the patterns, or empty for Surefire's default includes
 * @param groups         tags a test must have one of; empty for all
 * @param excludedGroups tags a test must not have
 */
public record TestFilter(List<Selector> selection, Set<String> groups, Set<String> excludedGroups) {
    /** Surefire's default includes and Failsafe's ({@code IT*}, {@code *IT}, {@code *ITCase}). */
    private static final List<Pattern> DEFAULT_INCLUDES = List.of(
            Pattern.compile("Test.*"), Pattern.compile(".*Test"), Pattern.compile(".*Tests"), Pattern.compile(".*TestCase"),
            Pattern.compile("IT.*"), Pattern.compile(".*IT"), Pattern.compile(".*ITCase"));

    public TestFilter {
        selection = List.copyOf(selection);
        groups = Set.copyOf(groups);
        excludedGroups = Set.copyOf(excludedGroups);
    }

    /** Every test of the default includes. */
    public static TestFilter all() {
        return new TestFilter(List.of(), Set.of(), Set.of());
    }

    /**
     * Parses the parameter values as Surefire spells them; null or blank values mean "not set".
     *
     * @throws IllegalArgumentException a pattern is empty ({@code Class#}) or has more than one {@code #}
     */
    public static TestFilter parse(String selection, String groups, String excludedGroups) {
        List<Selector> selectors = new ArrayList<>();
        for (String pattern : split(selection)) {
            String[] parts = pattern.split("#", -1);
            if (parts.length > 2 || parts[0].isEmpty() || (parts.length == 2 && parts[1].isEmpty())) {
                throw new IllegalArgumentException("'" + pattern + "' is not a test pattern; write Class, Class#method,"
                        + " or use * as a wildcard (e.g. Calculator*#add*)");
            }
            selectors.add(new Selector(glob(parts[0]), Optional.ofNullable(parts.length == 2 ? glob(parts[1]) : null)));
        }
        return new TestFilter(selectors, new TreeSet<>(split(groups)), new TreeSet<>(split(excludedGroups)));
    }

    /** Whether a top-level class is selected at all ({@code binaryName} as {@code dev.kiln.it.CalculatorTest}). */
    public boolean includesClass(String binaryName) {
        String simpleName = binaryName.substring(binaryName.lastIndexOf('.') + 1);
        if (selection.isEmpty()) {
            return DEFAULT_INCLUDES.stream().anyMatch(pattern -> pattern.matcher(simpleName).matches());
        }
        return selection.stream().anyMatch(selector -> selector.matchesClass(binaryName, simpleName));
    }

    /** Whether a test method of a selected top-level class runs, given its name and its tags (the class's included). */
    public boolean includesTest(String topLevelClass, String methodName, Set<String> tags) {
        if (tags.stream().anyMatch(excludedGroups::contains)) {
            return false;
        }
        if (!groups.isEmpty() && tags.stream().noneMatch(groups::contains)) {
            return false;
        }
        if (selection.isEmpty()) {
            return true;
        }
        String simpleName = topLevelClass.substring(topLevelClass.lastIndexOf('.') + 1);
        return selection.stream().anyMatch(selector -> selector.matchesClass(topLevelClass, simpleName)
                && selector.method().map(method -> method.matcher(methodName).matches()).orElse(true));
    }

    /** One {@code Class#method} pattern. */
    public record Selector(Pattern className, Optional<Pattern> method) {
        boolean matchesClass(String binaryName, String simpleName) {
            return className.matcher(simpleName).matches() || className.matcher(binaryName).matches();
        }
    }

    private static List<String> split(String value) {
        if (value == null || value.isBlank()) {
            return List.of();
        }
        return Arrays.stream(value.split(",")).map(String::strip).filter(part -> !part.isEmpty()).toList();
    }

    private static Pattern glob(String pattern) {
        return Pattern.compile(Arrays.stream(pattern.split("\\*", -1)).map(Pattern::quote)
                .collect(java.util.stream.Collectors.joining(".*")));
    }
}
