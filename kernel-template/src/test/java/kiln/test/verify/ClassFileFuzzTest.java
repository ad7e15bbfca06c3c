package kiln.test.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Mutants of {@link FuzzSeed}'s class file ({@link ClassFileMutator}), each compiled by Kiln in-process and
 * loaded and verified by HotSpot. The test fails on any internal error of the compiler, any mutant Kiln builds
 * although HotSpot rejects it, and any compilation that does not finish within a minute.
 *
 * <p>{@code -Dkiln.fuzz.mutants=N} (default 1000) and {@code -Dkiln.fuzz.seed=S} run a longer or a different
 * campaign; the figures are written to {@code target/fuzz-figures.txt}. {@code -Dkiln.fuzz.only=I} judges
 * only mutant I of the campaign, to replay a failure.
 *
 * <p>One exception to "HotSpot rejects, so Kiln must": a class file version that the JVM running the test is
 * too old for (HotSpot 17 reads up to 61) but Kiln reads (up to 69), as long as the rest of the file is sound.
 */
class ClassFileFuzzTest {
    private static final Path KERNEL_TEMPLATE = Path.of("target/classes");
    private static final String SEED = "kiln/test/verify/FuzzSeed";
    private static final int COMPILE_LIMIT_SECONDS = 60;
    private static final ExecutorService COMPILER_THREAD = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "kiln-compile");
        t.setDaemon(true);
        return t;
    });
    private static final Map<String, Integer> FIGURES = new TreeMap<>();
    private static final List<String> FAILURES = new ArrayList<>();
    /** Diagnostics for mutants HotSpot loads: Kiln is stricter there (unsupported features, missing main, ...). */
    private static final List<String> STRICTER = new ArrayList<>();

    private static byte[] seed;

    @BeforeAll
    static void readSeed() throws IOException {
        seed = Files.readAllBytes(Path.of("target/test-classes", SEED + ".class"));
    }

    @Test
    void theSeedItselfIsBuiltAndAccepted(@TempDir Path directory) throws Exception {
        KilnVerdict kiln = KilnVerdict.of(KERNEL_TEMPLATE, directory, Map.of(SEED, seed), SEED.replace('/', '.'));
        assertEquals(KilnVerdict.Kind.BUILT, kiln.kind(), kiln.message());
        assertEquals(Optional.empty(), HotSpotVerdict.rejection(Map.of(SEED, seed), SEED.replace('/', '.')));
    }

    @Test
    void mutantsNeverCrashKilnAndNeverBuildWhatHotSpotRejects(@TempDir Path work) throws Exception {
        int mutants = Integer.getInteger("kiln.fuzz.mutants", 1000);
        long seedValue = Long.getLong("kiln.fuzz.seed", 20261130L);
        ClassFileMutator mutator = new ClassFileMutator(seed);
        Random random = new Random(seedValue);
        int only = Integer.getInteger("kiln.fuzz.only", -1);
        for (int i = 0; i < mutants; i++) {
            ClassFileMutator.Mutant mutant = mutator.mutate(random);
            if (only < 0 || only == i) {
                judge(i, mutant, work.resolve("m" + i));
            }
        }
        count("mutants tried", mutants);
        List<String> figures = new ArrayList<>();
        figures.add("seed " + seedValue);
        FIGURES.forEach((what, n) -> figures.add(String.format("%7d  %s", n, what)));
        figures.add("Kiln rejects, HotSpot loads (first 20):");
        STRICTER.stream().limit(20).forEach(line -> figures.add("  " + line));
        figures.add("failures: " + FAILURES.size());
        figures.addAll(FAILURES.subList(0, Math.min(FAILURES.size(), 50)));
        Files.write(Path.of("target/fuzz-figures.txt"), figures, StandardCharsets.UTF_8);
        figures.forEach(System.out::println);
        assertTrue(FAILURES.isEmpty(), () -> FAILURES.size() + " failures, first: " + FAILURES.get(0));
    }

    private void judge(int number, ClassFileMutator.Mutant mutant, Path directory) throws Exception {
        Map<String, byte[]> files = Map.of(SEED, mutant.bytes());
        Future<KilnVerdict> compiling = COMPILER_THREAD.submit(
                () -> KilnVerdict.of(KERNEL_TEMPLATE, directory, files, SEED.replace('/', '.')));
        KilnVerdict kiln;
        try {
            kiln = compiling.get(COMPILE_LIMIT_SECONDS, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            fail(number, mutant, "Kiln did not finish within " + COMPILE_LIMIT_SECONDS + " s");
            throw new AssertionError("a hang leaves the compiler thread busy; stopping at mutant " + number, e);
        } catch (ExecutionException e) {
            fail(number, mutant, "Kiln threw " + e.getCause());
            return;
        }
        Optional<String> hotSpot;
        try {
            hotSpot = HotSpotVerdict.rejection(files, SEED.replace('/', '.'));
        } catch (TimeoutException e) {
            hotSpot = Optional.empty(); // the static initializer runs long: it was linked, so verified
        }
        count("HotSpot " + hotSpot.map(HotSpotVerdict::errorClass).orElse("accepts"), 1);
        switch (kiln.kind()) {
            case INTERNAL_ERROR -> fail(number, mutant, "internal error: " + kiln.message());
            case REJECTED -> count("Kiln rejects with " + kiln.errorClass(), 1);
            case BUILT -> {
                count("Kiln builds", 1);
                if (hotSpot.isPresent()) {
                    if (isNewerVersionKilnReads(mutant.bytes(), hotSpot.get())) {
                        count("Kiln builds a version HotSpot 17 is too old for", 1);
                    } else {
                        fail(number, mutant, "Kiln builds it, HotSpot rejects it: " + hotSpot.get());
                    }
                }
            }
            default -> throw new IllegalStateException();
        }
        if (kiln.kind() == KilnVerdict.Kind.REJECTED && hotSpot.isEmpty()) {
            count("Kiln rejects what HotSpot loads (" + kiln.errorClass() + ")", 1);
            STRICTER.add("mutant " + number + " (" + mutant.description() + "): "
                    + kiln.message().lines().findFirst().orElse(""));
        }
    }

    private static boolean isNewerVersionKilnReads(byte[] bytes, String rejection) {
        int major = bytes.length < 8 ? 0 : ((bytes[6] & 0xFF) << 8) | (bytes[7] & 0xFF);
        return rejection.startsWith("UnsupportedClassVersionError") && major > 61 && major <= 69;
    }

    private static void count(String what, int n) {
        FIGURES.merge(what, n, Integer::sum);
    }

    private static void fail(int number, ClassFileMutator.Mutant mutant, String what) {
        FAILURES.add("mutant " + number + " (" + mutant.description() + "): " + what.lines().findFirst().orElse(""));
    }

    @AfterAll
    static void stopCompilerThread() {
        COMPILER_THREAD.shutdownNow();
    }
}
