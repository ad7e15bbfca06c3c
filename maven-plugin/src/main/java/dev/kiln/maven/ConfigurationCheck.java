package dev.kiln.maven;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Finds misspelled configuration: {@code <configuration>} elements that are no parameter of any Kiln goal,
 * and {@code -Dkiln.*} properties that no parameter reads. Maven 3 drops both silently, so a
 * {@code <timout>} would leave the default in force without a word; Kiln fails the build instead
 * (the rule blog_os's bootimage follows for its configuration keys).
 */
final class ConfigurationCheck {
    /** The prefix of the user properties this plugin owns. */
    static final String PROPERTY_PREFIX = "kiln.";

    private ConfigurationCheck() {
    }

    /**
     * @param knownParameters    names (and aliases) of every parameter of every goal of the plugin; plugin-level
     *                           {@code <configuration>} is shared by all goals, so a parameter of any goal is fine
     * @param knownProperties    the user properties the parameters read ({@code kiln.timeout}, {@code skipTests}, ...);
     *                           only those starting with {@code kiln.} are this plugin's own
     * @param configuredElements the element names under the plugin's {@code <configuration>} blocks
     * @param userProperties     the names of the build's user properties ({@code -D...})
     * @return one line per problem, in a stable order; empty if all is known
     */
    static List<String> problems(Set<String> knownParameters, Set<String> knownProperties,
                                 Collection<String> configuredElements, Collection<String> userProperties) {
        List<String> problems = new ArrayList<>();
        for (String element : new TreeSet<>(configuredElements)) {
            if (!knownParameters.contains(element)) {
                problems.add("<" + element + "> is not a parameter of kiln-maven-plugin"
                        + closest(element, knownParameters).map(name -> "; did you mean <" + name + ">?").orElse(".")
                        + " Known parameters: " + String.join(", ", new TreeSet<>(knownParameters)));
            }
        }
        Set<String> kilnProperties = new TreeSet<>();
        knownProperties.stream().filter(name -> name.startsWith(PROPERTY_PREFIX)).forEach(kilnProperties::add);
        for (String property : new TreeSet<>(userProperties)) {
            if (property.startsWith(PROPERTY_PREFIX) && !kilnProperties.contains(property)) {
                problems.add("-D" + property + " is not a property of kiln-maven-plugin"
                        + closest(property, kilnProperties).map(name -> "; did you mean -D" + name + "?").orElse(".")
                        + " Known properties: " + String.join(", ", kilnProperties));
            }
        }
        return problems;
    }

    /** The known name within edit distance 2 of {@code name}, if there is one: most typos are one or two keys. */
    static Optional<String> closest(String name, Set<String> known) {
        return known.stream()
                .filter(candidate -> editDistance(name, candidate) <= 2)
                .min(Comparator.comparingInt((String candidate) -> editDistance(name, candidate))
                        .thenComparing(Comparator.naturalOrder()));
    }

    /** Levenshtein distance, ignoring case (so {@code <mainclass>} points at {@code <mainClass>}). */
    static int editDistance(String a, String b) {
        String left = a.toLowerCase(java.util.Locale.ROOT);
        String right = b.toLowerCase(java.util.Locale.ROOT);
        int[] previous = new int[right.length() + 1];
        int[] current = new int[right.length() + 1];
        for (int j = 0; j <= right.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= left.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= right.length(); j++) {
                int substitution = previous[j - 1] + (left.charAt(i - 1) == right.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j] + 1, current[j - 1] + 1));
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[right.length()];
    }
}
