package dev.kiln.maven;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ConfigurationCheckTest {
    private static final Set<String> PARAMETERS = Set.of("skip", "timeout", "mainClass", "expectedOutput");
    private static final Set<String> PROPERTIES = Set.of("kiln.skip", "kiln.timeout", "kiln.mainClass", "skipTests");

    @Test
    void knownConfigurationHasNoProblems() {
        assertEquals(List.of(), ConfigurationCheck.problems(PARAMETERS, PROPERTIES,
                List.of("timeout", "mainClass"), List.of("kiln.timeout", "maven.repo.local", "skipTests")));
    }

    @Test
    void misspelledElementIsReportedWithTheClosestName() {
        List<String> problems = ConfigurationCheck.problems(PARAMETERS, PROPERTIES, List.of("timout"), List.of());
        assertEquals(1, problems.size());
        assertTrue(problems.get(0).startsWith("<timout> is not a parameter of kiln-maven-plugin; did you mean <timeout>?"),
                problems.get(0));
        assertTrue(problems.get(0).endsWith("Known parameters: expectedOutput, mainClass, skip, timeout"), problems.get(0));
    }

    @Test
    void elementFarFromEveryNameGetsNoSuggestion() {
        List<String> problems = ConfigurationCheck.problems(PARAMETERS, PROPERTIES, List.of("firmware"), List.of());
        assertTrue(problems.get(0).startsWith("<firmware> is not a parameter of kiln-maven-plugin. Known parameters:"),
                problems.get(0));
    }

    @Test
    void misspelledKilnPropertyIsReportedButOtherPropertiesAreNot() {
        List<String> problems = ConfigurationCheck.problems(PARAMETERS, PROPERTIES, List.of(),
                List.of("kiln.mainclass", "kilnish", "maven.test.skip"));
        assertEquals(1, problems.size());
        assertTrue(problems.get(0).startsWith("-Dkiln.mainclass is not a property of kiln-maven-plugin;"
                + " did you mean -Dkiln.mainClass?"), problems.get(0));
        // Properties that are not Kiln's own (skipTests) are neither suggested nor listed.
        assertTrue(problems.get(0).endsWith("Known properties: kiln.mainClass, kiln.skip, kiln.timeout"), problems.get(0));
    }

    @Test
    void problemsComeInAStableOrder() {
        List<String> problems = ConfigurationCheck.problems(PARAMETERS, PROPERTIES, List.of("zz", "aa"), List.of("kiln.b", "kiln.a"));
        assertEquals(4, problems.size());
        assertTrue(problems.get(0).startsWith("<aa>"));
        assertTrue(problems.get(1).startsWith("<zz>"));
        assertTrue(problems.get(2).startsWith("-Dkiln.a "));
        assertTrue(problems.get(3).startsWith("-Dkiln.b "));
    }

    @Test
    void editDistanceCountsInsertionsDeletionsAndSubstitutionsIgnoringCase() {
        assertEquals(0, ConfigurationCheck.editDistance("mainClass", "mainclass"));
        assertEquals(1, ConfigurationCheck.editDistance("timout", "timeout"));
        assertEquals(1, ConfigurationCheck.editDistance("accell", "accel"));
        assertEquals(2, ConfigurationCheck.editDistance("memroy", "memory"));
        assertEquals(3, ConfigurationCheck.editDistance("", "abc"));
    }
}
