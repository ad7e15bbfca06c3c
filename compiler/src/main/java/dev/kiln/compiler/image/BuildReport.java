package dev.kiln.compiler.image;

import dev.kiln.compiler.backend.CodeGeneration;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the closed world came to: how many classes and methods were reached and how much machine code each
 * class costs. Written to {@code kiln-report.txt}, so that a dependency that drags in half of java.base shows
 * up in the build output the day it appears, and can be traced to its class.
 */
public final class BuildReport {
    private BuildReport() {
    }

    public static void write(Path directory, List<CodeGeneration.MethodTableEntry> methods, int textBytes, int rodataBytes,
                      int dataBytes, List<String> tiers) throws IOException {
        Map<String, int[]> perClass = new TreeMap<>(); // class -> {methods, code bytes}
        for (CodeGeneration.MethodTableEntry m : methods) {
            String name = m.name();
            String owner = name.substring(0, name.lastIndexOf('.'));
            int[] counts = perClass.computeIfAbsent(owner, k -> new int[2]);
            counts[0]++;
            counts[1] += m.end() - m.start();
        }
        List<String> lines = new ArrayList<>();
        lines.add("Kiln build report");
        lines.add(String.format("classes with code: %d, methods: %d, machine code: %d bytes, read-only data: %d bytes, "
                + "data: %d bytes", perClass.size(), methods.size(), textBytes, rodataBytes, dataBytes));
        lines.add("");
        lines.add(String.format("%10s %8s  %s", "code bytes", "methods", "class"));
        perClass.entrySet().stream()
                .sorted(Comparator.comparingInt((Map.Entry<String, int[]> e) -> -e.getValue()[1]).thenComparing(Map.Entry::getKey))
                .forEach(e -> lines.add(String.format("%10d %8d  %s", e.getValue()[1], e.getValue()[0], e.getKey())));
        if (!tiers.isEmpty()) {
            lines.add("");
            lines.addAll(tiers);
        }
        Files.createDirectories(directory);
        Files.write(directory.resolve("kiln-report.txt"), lines, StandardCharsets.UTF_8);
    }
}
