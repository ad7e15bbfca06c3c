package dev.kiln.compiler;

import java.util.List;

/**
 * The program cannot be compiled. Each problem is one line naming where (class, method, bytecode offset),
 * what (the opcode or feature), and what to do about it.
 */
public final class CompilationException extends Exception {
    private final List<String> problems;

    /** How many problems the message lists; {@link #problems()} has them all. */
    static final int PROBLEMS_IN_MESSAGE = 30;

    public CompilationException(List<String> problems) {
        super(summary(problems));
        this.problems = List.copyOf(problems);
    }

    private static String summary(List<String> problems) {
        if (problems.size() <= PROBLEMS_IN_MESSAGE) {
            return String.join(System.lineSeparator(), problems);
        }
        return String.join(System.lineSeparator(), problems.subList(0, PROBLEMS_IN_MESSAGE)) + System.lineSeparator()
                + "... and " + (problems.size() - PROBLEMS_IN_MESSAGE) + " more problems (all of them are in"
                + " kiln-problems.txt in the report directory). They often share one cause: look at what the"
                + " 'reached from' chains have in common, usually one static initializer or library call.";
    }

    /** The first problems, as the message shows them. */
    public List<String> firstProblems() {
        return problems.subList(0, Math.min(problems.size(), PROBLEMS_IN_MESSAGE));
    }

    public List<String> problems() {
        return problems;
    }
}
