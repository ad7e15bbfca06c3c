package dev.kiln.maven;

import java.util.List;

import java.util.ArrayList;

import dev.kiln.image.ImageFormat;

import dev.kiln.qemu.Accel;
import dev.kiln.testengine.TestFilter;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Turns the raw values of the goals' parameters into the engines' types, or into an
 * {@link InvalidParameterException} that names the XML element and the {@code -D} property and says what
 * values are valid. Pure functions, so they are tested without a Maven runtime.
 */
final class GoalParameters {
    private GoalParameters() {
    }

    /**
     * {@code <formats>} / {@code kiln.image.formats}: which images to write, {@code iso} (hybrid, boots from CD,
     * USB stick or disk) and/or {@code disk} (a raw disk image), in any case; at least one.
     */
    static List<ImageFormat> imageFormats(List<String> values) throws InvalidParameterException {
        String valid = Arrays.stream(ImageFormat.values())
                .map(format -> format.name().toLowerCase(Locale.ROOT))
                .collect(Collectors.joining(", "));
        if (values == null || values.stream().allMatch(v -> v == null || v.isBlank())) {
            throw new InvalidParameterException("<formats> (kiln.image.formats) is empty; valid values: " + valid);
        }
        List<ImageFormat> formats = new ArrayList<>();
        for (String value : values) {
            if (value == null || value.isBlank()) {
                continue;
            }
            ImageFormat format;
            try {
                format = ImageFormat.valueOf(value.trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new InvalidParameterException("<formats> (kiln.image.formats) contains '" + value
                        + "', which is not an image format; valid values: " + valid);
            }
            if (!formats.contains(format)) {
                formats.add(format);
            }
        }
        return formats;
    }

    /** {@code <accel>} / {@code kiln.accel}: {@code tcg}, {@code kvm} or {@code auto}, in any case. */
    static Accel accel(String value) throws InvalidParameterException {
        String valid = Arrays.stream(Accel.values())
                .map(accel -> accel.name().toLowerCase(Locale.ROOT))
                .collect(Collectors.joining(", "));
        if (value == null || value.isBlank()) {
            throw new InvalidParameterException("<accel> (kiln.accel) is empty; valid values: " + valid);
        }
        try {
            return Accel.valueOf(value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException unknown) {
            throw new InvalidParameterException("<accel> (kiln.accel) is '" + value + "', which is not an accelerator;"
                    + " valid values: " + valid);
        }
    }

    /** {@code <timeout>} / {@code kiln.timeout}: whole seconds, at least 1. */
    static Duration timeout(String seconds) throws InvalidParameterException {
        return Duration.ofSeconds(positiveWholeNumber(seconds, "<timeout> (kiln.timeout)",
                "the number of seconds the guest may run before QEMU is killed", "60"));
    }

    /** {@code <testTimeout>} / {@code kiln.test.timeout}: whole seconds, at least 1. */
    static Duration testTimeout(String seconds) throws InvalidParameterException {
        return Duration.ofSeconds(positiveWholeNumber(seconds, "<testTimeout> (kiln.test.timeout)",
                "the number of seconds one test may run before it is reported as timed out", "30"));
    }

    /** {@code <memory>} / {@code kiln.memory}: guest RAM in MiB, at least 1. */
    static int memoryMiB(String mebibytes) throws InvalidParameterException {
        return positiveWholeNumber(mebibytes, "<memory> (kiln.memory)", "the guest's RAM in MiB", "256");
    }

    private static int positiveWholeNumber(String value, String parameter, String meaning, String example)
            throws InvalidParameterException {
        int number;
        try {
            number = Integer.parseInt(value == null ? "" : value.strip());
        } catch (NumberFormatException notANumber) {
            throw new InvalidParameterException(parameter + " is '" + value + "', which is not a whole number; it is "
                    + meaning + ": write a number such as " + example + " (the default)");
        }
        if (number <= 0) {
            throw new InvalidParameterException(parameter + " is " + number + "; it is " + meaning
                    + " and must be at least 1 (default " + example + ")");
        }
        return number;
    }

    /**
     * {@code <mainClass>} / {@code kiln.mainClass}: the binary name of a class whose {@code .class} file is in
     * {@code classesDirectory} (the project's {@code project.build.outputDirectory}).
     *
     * @return the binary name, stripped
     */
    static String mainClass(String mainClass, Path classesDirectory) throws InvalidParameterException {
        if (mainClass == null || mainClass.isBlank()) {
            throw new InvalidParameterException("<mainClass> is not set. kiln:image needs <mainClass> (or -Dkiln.mainClass=...): the class whose"
                    + " public static void main(String[]) the kernel calls, e.g. <mainClass>com.example.App</mainClass>");
        }
        String name = mainClass.strip();
        if (!isBinaryName(name)) {
            throw new InvalidParameterException("<mainClass> (kiln.mainClass) is '" + mainClass + "', which is not a class"
                    + " name; write it the way java -cp ... com.example.App takes it");
        }
        Path classFile = classesDirectory.resolve(name.replace('.', '/') + ".class");
        if (!Files.isRegularFile(classFile)) {
            throw new InvalidParameterException("<mainClass> (kiln.mainClass) is " + name + ", but " + classFile
                    + " does not exist; check the spelling and the package, and that the class is in this project"
                    + " (kiln:image runs after compile, in the package phase)");
        }
        return name;
    }

    private static boolean isBinaryName(String name) {
        for (String part : name.split("\\.", -1)) {
            if (part.isEmpty() || !Character.isJavaIdentifierStart(part.charAt(0))
                    || !part.chars().allMatch(Character::isJavaIdentifierPart)) {
                return false;
            }
        }
        return true;
    }

    /**
     * {@code project.build.outputTimestamp}, read the way the Maven Archiver reads it for reproducible jars:
     * an ISO 8601 date-time with an offset, or seconds since the epoch; unset or a single character means
     * "not reproducible" (the image gets the build time).
     */
    static Optional<Instant> outputTimestamp(String value) throws InvalidParameterException {
        if (value == null || value.strip().length() < 2) {
            return Optional.empty();
        }
        String timestamp = value.strip();
        try {
            if (timestamp.chars().allMatch(Character::isDigit)) {
                return Optional.of(Instant.ofEpochSecond(Long.parseLong(timestamp)));
            }
            return Optional.of(OffsetDateTime.parse(timestamp).toInstant());
        } catch (NumberFormatException | DateTimeParseException malformed) {
            throw new InvalidParameterException("<project.build.outputTimestamp> is '" + value + "', which is neither"
                    + " an ISO 8601 date-time with an offset (2026-01-01T00:00:00Z) nor seconds since 1970");
        }
    }

    /**
     * {@code <test>} ({@code it.test}, or Surefire's {@code test}), {@code <groups>} and {@code <excludedGroups>}: which
     * tests {@code kiln:test} runs, as Failsafe reads them.
     */
    static TestFilter testFilter(String test, String groups, String excludedGroups) throws InvalidParameterException {
        try {
            return TestFilter.parse(test, groups, excludedGroups);
        } catch (IllegalArgumentException invalid) {
            throw new InvalidParameterException("<test> (it.test) is '" + test + "': " + invalid.getMessage());
        }
    }
}
