package dev.kiln.compiler.analysis;

import dev.kiln.compiler.CompilationException;
import dev.kiln.compiler.CompilerOptions;
import dev.kiln.compiler.world.ClassInfo;
import dev.kiln.compiler.world.Linkage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a build has to say about the program: problems (the build fails once, with all of them, at the end) and
 * warnings (reported once each as they are found). Both phases write here: the analysis about references and
 * linking, a backend about code it cannot generate. Each line names the method and bytecode offset and how the
 * closed world came to reach the method, from the calls the analysis recorded ({@link #reachedFrom}).
 */
public final class Diagnostics {
    private final CompilerOptions options;
    private final List<String> problems = new ArrayList<>();
    private final Set<String> warnings = new HashSet<>();
    /** The method through which the analysis first reached each method. */
    private final Map<ClassInfo.Method, ClassInfo.Method> reachedFrom = new HashMap<>();

    public Diagnostics(CompilerOptions options) {
        this.options = options;
    }

    public void problem(ClassInfo.Method where, int bytecodeOffset, String message) {
        String line = located(where, bytecodeOffset, message);
        if (!problems.contains(line)) {
            problems.add(line);
        }
    }

    /** A problem without a place in the code (a missing file, a malformed option). */
    public void problem(String message) {
        problem(null, -1, message);
    }

    /** A warning about the code of {@code where} (one line, reported once), which still builds. */
    void warning(ClassInfo.Method where, int bytecodeOffset, String message) {
        String line = located(where, bytecodeOffset, message);
        if (warnings.add(line)) {
            options.warnings().accept(line);
        }
    }

    /** A warning, or with {@code kiln.linkAtBuildTime} an error, for code that throws a LinkageError when it runs. */
    void linkageFailure(ClassInfo.Method where, int bytecodeOffset, Linkage.Failure failure, String when) {
        String message = failure.kind().errorClass + ": " + failure.message()
                + (failure.kind() == Linkage.Kind.UNSATISFIED_LINK ? "" : " (the class path differs from the one"
                + " the code was compiled against, or Kiln's class library lacks it)");
        if (options.linkAtBuildTime()) {
            problem(where, bytecodeOffset, message + "; kiln.linkAtBuildTime makes this an error");
        } else if (warnings.add(located(where, bytecodeOffset, message))) {
            options.warnings().accept(located(where, bytecodeOffset, message + "; " + when));
        }
    }

    /** Records that {@code m} was first reached from {@code from}, for the "reached from" chains. */
    void reachedFrom(ClassInfo.Method m, ClassInfo.Method from) {
        if (from != null) {
            reachedFrom.putIfAbsent(m, from);
        }
    }

    public boolean hasProblems() {
        return !problems.isEmpty();
    }

    /** The problems found so far; the build fails with all of them at the end. */
    List<String> problems() {
        return List.copyOf(problems);
    }

    /** The list that the exception carries, the complete list also in the report directory when there is one. */
    public CompilationException failure() {
        options.reportDirectory().ifPresent(this::writeProblems);
        return new CompilationException(problems());
    }

    /** The complete list, for when the build output shows only the first problems. */
    private void writeProblems(Path directory) {
        try {
            Files.createDirectories(directory);
            Files.write(directory.resolve("kiln-problems.txt"), problems, StandardCharsets.UTF_8);
        } catch (IOException e) {
            problems.add("(the complete list could not be written to " + directory + ": " + e.getMessage() + ")");
        }
    }

    private String located(ClassInfo.Method where, int bytecodeOffset, String message) {
        StringBuilder line = new StringBuilder();
        if (where != null) {
            line.append(where.fullName());
            if (bytecodeOffset >= 0) {
                line.append(" at bytecode offset ").append(bytecodeOffset);
            }
            line.append(": ");
        }
        line.append(message);
        if (where != null) {
            String chain = reachChain(where);
            if (!chain.isEmpty()) {
                line.append(" (reached from ").append(chain).append(")");
            }
        }
        return line.toString();
    }

    /**
     * How the closed world came to contain {@code m}: the nearest callers, and — since a long chain through the
     * JDK says little — the outermost ones, which name the application code that started it.
     */
    private String reachChain(ClassInfo.Method m) {
        List<String> names = new ArrayList<>();
        Set<ClassInfo.Method> seen = new HashSet<>();
        for (ClassInfo.Method from = reachedFrom.get(m); from != null && seen.add(from); from = reachedFrom.get(from)) {
            names.add(from.displayName());
        }
        if (names.size() > 7) {
            List<String> shortened = new ArrayList<>(names.subList(0, 3));
            shortened.add("...");
            shortened.addAll(names.subList(names.size() - 3, names.size()));
            names = shortened;
        }
        return String.join(" <- ", names);
    }

    /**
     * The message for an exception inside Kiln itself: not the user's fault, so it says so, names the input that
     * caused it and asks for a report, with the exception and where it was thrown (never a bare stack trace).
     */
    public static String internalError(String doing, RuntimeException e) {
        StringBuilder message = new StringBuilder("internal error in Kiln while ").append(doing).append(": ")
                .append(e);
        StackTraceElement[] frames = e.getStackTrace();
        for (int i = 0; i < Math.min(3, frames.length); i++) {
            message.append(i == 0 ? " at " : " <- ").append(frames[i]);
        }
        return message.append(". This is a bug in Kiln, not in your program: please report it to the Kiln project"
                + " with this message and the class files named in it.").toString();
    }
}
