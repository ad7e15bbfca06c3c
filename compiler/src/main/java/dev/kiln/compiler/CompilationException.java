package dev.kiln.compiler;

import java.util.List;

/**
 * The program cannot be compiled. Each problem is one line naming where (class, method, bytecode offset),
 * what (the opcode or feature), and what to do about it.
 */
public final class CompilationException extends Exception {
    private final List<String> problems;

    public CompilationException(List<String> problems) {
        super(String.join(System.lineSeparator(), problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
