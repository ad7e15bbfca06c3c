package dev.kiln.testengine;

import dev.kiln.testengine.TestPlan.ArgumentSource;
import dev.kiln.testengine.TestPlan.Literal;
import dev.kiln.testengine.TestPlan.TestClass;
import dev.kiln.testengine.TestPlan.TestMethod;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What the build-time engine reads from class files, and the tests it selects. */
class TestDiscoveryTest {

    private static List<String> names(TestClass testClass) {
        return testClass.tests().stream().map(TestMethod::name).toList();
    }

    @Test
    void methodsInJupitersDefaultOrderAndNestedClassesAfterTheirEnclosingClass() throws Exception {
        TestPlan plan = Samples.discover("LifecycleSample");
        assertEquals(List.of("dev.kiln.testengine.samples.LifecycleSample", "dev.kiln.testengine.samples.LifecycleSample$Inner"),
                plan.classes().stream().map(TestClass::binaryName).toList());
        // MethodOrderer.Default: by the hash code of the method name (JUnit 5 User Guide §2.10)
        List<String> expected = List.of("passes", "failsWithAnAssertion", "throwsAnError", "assumptionFails",
                        "disabledWithoutReason", "tooSlow").stream()
                .sorted(java.util.Comparator.comparingInt(String::hashCode)).toList();
        assertEquals(expected, names(plan.classes().get(0)));
        TestClass inner = plan.classes().get(1);
        assertEquals(0, inner.enclosingId());
        assertEquals("(Ldev/kiln/testengine/samples/LifecycleSample;)V", inner.constructor().descriptor());
        assertEquals(Set.of("lifecycle"), inner.tests().get(0).tags(), "tags are inherited from the enclosing class");
    }

    @Test
    void orderAnnotationsAreHonoured() throws Exception {
        assertEquals(List.of("first", "second", "unordered"), names(Samples.discover("OrderedSample").classes().get(0)));
    }

    @Test
    void templatesAreNamedWithTheirParameterTypesAndArgumentsConvertedAtBuildTime() throws Exception {
        TestClass sources = Samples.discover("SourcesSample").classes().get(0);
        TestMethod csv = sources.tests().stream().filter(t -> t.method().name().equals("csv")).findFirst().orElseThrow();
        assertEquals("csv(String, int, boolean, Size)", csv.name());
        ArgumentSource.Rows rows = assertInstanceOf(ArgumentSource.Rows.class, csv.source());
        assertEquals(List.of(new Literal('t', "b; c"), new Literal('i', "-2"), new Literal('z', "false"),
                new Literal('e', "dev/kiln/testengine/samples/SourcesSample$Size.LARGE")), rows.rows().get(1));
        assertEquals(List.of(new Literal('n', ""), new Literal('i', "16"), new Literal('z', "true"),
                new Literal('e', "dev/kiln/testengine/samples/SourcesSample$Size.MEDIUM")), rows.rows().get(2));
        TestMethod repeated = sources.tests().stream().filter(t -> t.method().name().equals("repeated")).findFirst().orElseThrow();
        assertEquals(new ArgumentSource.Repeated(4), repeated.source());
        assertEquals(2 + 1 + 3 + 2 + 1 + 1 + 4, Samples.discover("SourcesSample").plannedCount(),
                "factories count once: their size is known only when they run");
    }

    @Test
    void selectionByClassMethodAndTags() throws Exception {
        assertEquals(List.of("failsWithAnAssertion"),
                names(Samples.discover("LifecycleSample#fails*").classes().get(0)));
        TestPlan slow = TestDiscovery.discover(Samples.testClasses(), List.of(), TestFilter.parse("dev.kiln.testengine.samples.*", "slow", null));
        assertEquals(1, slow.classes().size());
        assertEquals(List.of("failsWithAnAssertion"), names(slow.classes().get(0)));
        TestPlan notLifecycle = TestDiscovery.discover(Samples.testClasses(), List.of(),
                TestFilter.parse("dev.kiln.testengine.samples.*", null, "lifecycle"));
        assertTrue(notLifecycle.classes().stream().noneMatch(c -> c.binaryName().contains("LifecycleSample")));
        assertTrue(Samples.discover("dev.kiln.testengine.samples.Per*").classes().get(0).perClass());
        assertEquals(0, Samples.discover("NoSuchClass").classes().size());
    }

    @Test
    void whatTheEngineCannotRunIsABuildErrorThatSaysWhy() {
        TestDiscoveryException factory = assertThrows(TestDiscoveryException.class,
                () -> Samples.discover("FactorySample"));
        assertEquals("dev.kiln.testengine.unsupported.FactorySample.dynamic: @TestFactory (dynamic tests) is not supported"
                + " by kiln:test yet; use @ParameterizedTest with @MethodSource instead", factory.getMessage());
        TestDiscoveryException beforeAll = assertThrows(TestDiscoveryException.class,
                () -> Samples.discover("InstanceBeforeAllSample"));
        assertEquals("dev.kiln.testengine.unsupported.InstanceBeforeAllSample.start: @BeforeAll method must be static"
                + " unless the class is annotated @TestInstance(Lifecycle.PER_CLASS)", beforeAll.getMessage());
    }

    @Test
    void surefireAndFailsafeDefaultIncludesWithoutASelection() {
        TestFilter all = TestFilter.all();
        assertTrue(all.includesClass("a.CalculatorTest"));
        assertTrue(all.includesClass("a.TestCalculator"));
        assertTrue(all.includesClass("a.CalculatorTests"));
        assertTrue(all.includesClass("a.CalculatorTestCase"));
        assertTrue(all.includesClass("a.CalculatorIT") && all.includesClass("a.ITCalculator") && all.includesClass("a.CalculatorITCase"));
        assertTrue(!all.includesClass("a.LifecycleSample"));
        assertThrows(IllegalArgumentException.class, () -> TestFilter.parse("A#", null, null));
        assertThrows(IllegalArgumentException.class, () -> TestFilter.parse("A#b#c", null, null));
    }
}
