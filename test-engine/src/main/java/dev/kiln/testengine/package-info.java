/**
 * {@code kiln:test}'s engine: JUnit Jupiter tests run inside a Kiln image and reported as Maven Failsafe
 * reports them.
 *
 * <h2>Which engine runs the tests, and why</h2>
 * A <b>build-time engine with Jupiter's semantics</b>, not the JUnit Platform's own engine. The Platform finds
 * tests by scanning the class path and reading annotations through reflection, instantiates test classes and
 * extensions reflectively, resolves parameters through extension registries, and calls every test method with
 * {@code Method.invoke}; its launcher loads engines with {@code ServiceLoader}. A Kiln guest has no class
 * loading, no class-path scanning and no reflection: its world is closed at build time. So the part of JUnit
 * that <i>decides</i> what to run is done on the host, and the part that <i>checks</i> runs in the guest:
 *
 * <pre>
 * host (build time)                                     guest (run time)
 * TestDiscovery    ASM over target/test-classes  ──┐
 *   -> TestPlan    classes, tests, lifecycle,       │
 *                  sources, tags, timeouts          │
 * RunnerGenerator  ASM: per-package call tables  ───┼──> GuestTestRunner   Jupiter's lifecycle, calls through
 *                  + a main class holding the plan  │      the generated tables (no reflection)
 * KilnBuild        compile + link + ISO (toolchain) ┘      Assertions, Assumptions: JUnit's own bytecode,
 * Qemu.boot                                                  opentest4j's exceptions, compiled by Kiln
 * GuestReport      serial lines -> TestResult  <──────── Protocol records on COM1
 * FailsafeReports  TEST-*.xml, failsafe-summary.xml
 * ConsoleSummary   Surefire's console shape
 * </pre>
 *
 * <p>What the tests call is unchanged: {@code org.junit.jupiter.api.Assertions} and {@code Assumptions} come from
 * the project's own {@code junit-jupiter-api} jar and {@code opentest4j}, compiled into the image, so failure
 * messages and exception types are JUnit's, byte for byte (the invoker IT {@code junit-jvm-vs-guest} compares
 * them with Surefire's). The closed world needed one change to carry them: opentest4j's
 * {@code MultipleFailuresError} reads {@code System.getProperty("line.separator")}, so Kiln's {@code System}
 * predefines that one property.
 *
 * <p><i>Rejected</i>: running the Platform's engine in the guest with reflection answered from build-time
 * metadata (the way GraalVM's native JUnit support registers every test class for reflection): it needs
 * {@code java.lang.reflect}, {@code ServiceLoader}, class-path scanning and the Platform's configuration
 * machinery in the image, all for deciding things the build already knows. Running the tests on the host's JVM
 * first to record what exists (GraalVM's approach): the tests would run twice, and code that only works in the
 * guest (drivers, the kernel's memory) cannot run on the JVM at all. Generating the whole runner as bytecode:
 * the lifecycle is far easier to read and test as the Java of {@code GuestTestRunner}; only the calls need
 * generating.
 *
 * <h2>Isolation</h2>
 * Each invocation runs in a thread (a tasklet) of its own, and the runner waits for it until its {@code @Timeout},
 * else the run's per-test timeout ({@code kiln.test.timeout}). An exception in a test or its lifecycle methods,
 * and so a CPU fault the kernel raises as an exception, fails that test, and the run goes on. A test past its
 * deadline is reported as an error with Jupiter's {@code TimeoutException} message, interrupted and abandoned
 * (left to the timer's preemption if it ignores the interrupt; {@code GuestTestRunner} has the design and the
 * rejected alternatives). A hang in {@code @BeforeAll}/{@code @AfterAll}, and anything that stops the guest, end
 * the whole run: the host reports every test that ended, reports the one that was running as an error naming
 * the cause (the whole-run timeout {@code kiln.timeout}, reset, exit status) with the guest's output, and fails
 * the build.
 *
 * <h2>Not supported (each is a build error naming the method)</h2>
 * {@code @TestFactory}, {@code @ExtendWith} and other extensions, test method parameters other than a
 * {@code RepetitionInfo} and a parameterized test's arguments, composed annotations, {@code @MethodSource}
 * factories that are not static or more than one factory, {@code @ValueSource(classes)}, a
 * {@code @TestMethodOrder} other than {@code MethodName}, {@code DisplayName} and {@code OrderAnnotation}.
 */
package dev.kiln.testengine;
