package dev.kiln.compiler;

import java.util.Objects;

/**
 * The roots of the closed world: the application's main class (binary name, e.g. {@code com.example.Hello}),
 * whose {@code public static void main(String[])} the kernel calls after boot.
 */
public record EntryPoints(String mainClass) {
    public EntryPoints {
        Objects.requireNonNull(mainClass, "mainClass");
    }
}
