package dev.kiln.testengine;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The tests discovered at build time, in the order they will run: top-level classes by name, each followed by
 * its {@code @Nested} classes (a class's {@link TestClass#id()} is its index here).
 *
 * @param classes every test class, top-level and nested
 */
public record TestPlan(List<TestClass> classes) {
    public TestPlan {
        classes = List.copyOf(classes);
    }

    /** How many test invocations the plan holds; a {@code @MethodSource} test counts once (its size is known only in the guest). */
    public int plannedCount() {
        return classes.stream().flatMap(c -> c.tests().stream()).mapToInt(TestMethod::plannedInvocations).sum();
    }

    /** A method or constructor the runner calls, as the class file names it. */
    public record MethodRef(String owner, String name, String descriptor, boolean isStatic) {
    }

    /**
     * @param id             index in {@link TestPlan#classes()}
     * @param binaryName     {@code dev.kiln.it.OuterTest$Inner}, as Surefire reports it
     * @param enclosingId    the enclosing test class's id for a {@code @Nested} class, else -1
     * @param perClass       {@code @TestInstance(PER_CLASS)}
     * @param constructor    the no-argument constructor (for a {@code @Nested} class: the one taking the enclosing instance)
     * @param disabledReason why the class is {@code @Disabled}, if it is
     */
    public record TestClass(int id, String binaryName, int enclosingId, boolean perClass, MethodRef constructor,
                            Optional<String> disabledReason, List<MethodRef> beforeAll, List<MethodRef> afterAll,
                            List<MethodRef> beforeEach, List<MethodRef> afterEach, List<TestMethod> tests) {
        public TestClass {
            beforeAll = List.copyOf(beforeAll);
            afterAll = List.copyOf(afterAll);
            beforeEach = List.copyOf(beforeEach);
            afterEach = List.copyOf(afterEach);
            tests = List.copyOf(tests);
        }
    }

    /**
     * @param name           the name Surefire reports: the method name for a {@code @Test}, {@code name(types)}
     *                       for a template ({@code [i]} is appended per invocation)
     * @param displayName    {@code @DisplayName}, else the method name with its parameter types, as Jupiter shows it
     * @param method         the test method
     * @param disabledReason why the method is {@code @Disabled}, if it is (Jupiter's own text when none is given)
     * @param timeoutNanos   {@code @Timeout}, 0 if none
     * @param timeoutText    the timeout as Jupiter words it ({@code 5 seconds}); empty if none
     * @param source         where the invocations' arguments come from
     * @param tags           the method's tags and its classes'
     */
    public record TestMethod(String name, String displayName, MethodRef method, Optional<String> disabledReason,
                             long timeoutNanos, String timeoutText, ArgumentSource source, Set<String> tags) {
        public TestMethod {
            tags = Set.copyOf(tags);
        }

        int plannedInvocations() {
            if (source instanceof ArgumentSource.Repeated repeated) {
                return repeated.count();
            }
            return source instanceof ArgumentSource.Rows rows ? rows.rows().size() : 1;
        }
    }

    /** Where a test's invocations and arguments come from. */
    public sealed interface ArgumentSource {
        /** A {@code @Test}: one invocation, no arguments. */
        record None() implements ArgumentSource {
        }

        /** {@code @RepeatedTest(count)}; the method may take a {@code RepetitionInfo}. */
        record Repeated(int count) implements ArgumentSource {
        }

        /** {@code @ValueSource}, {@code @CsvSource}, {@code @EnumSource}: argument lists known at build time. */
        record Rows(List<List<Literal>> rows) implements ArgumentSource {
            public Rows {
                rows = rows.stream().map(List::copyOf).toList();
            }
        }

        /** {@code @MethodSource}: a static factory the guest calls. */
        record Factory(MethodRef factory, int parameterCount) implements ArgumentSource {
        }
    }

    /**
     * One argument known at build time.
     *
     * @param kind {@code i} int, {@code j} long, {@code s} short, {@code b} byte, {@code c} char, {@code z} boolean,
     *             {@code f} float, {@code d} double, {@code t} String, {@code e} enum constant, {@code n} null
     * @param text the value as text; for an enum constant, the enum's internal name and the constant, {@code owner.NAME}
     */
    public record Literal(char kind, String text) {
        static Literal nullValue() {
            return new Literal('n', "");
        }
    }
}
