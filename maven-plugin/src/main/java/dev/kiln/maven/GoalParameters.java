package dev.kiln.maven;

import java.util.List;

import java.util.ArrayList;

import dev.kiln.image.ImageFormat;
import dev.kiln.image.ImageSpec;

import dev.kiln.qemu.Accel;
import dev.kiln.qemu.Firmware;
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
import java.util.Set;
import java.util.function.Function;
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
     * {@code <formats>} / {@code kiln.image.formats}: which files to write, {@code iso} (hybrid, boots from CD,
     * USB stick or disk), {@code disk} (a raw disk image), {@code tar.gz} (the raw disk for cloud imports) and
     * {@code elf} (the kernel, for QEMU {@code -kernel} and GRUB), in any case; at least one.
     */
    static List<ImageFormat> imageFormats(List<String> values) throws InvalidParameterException {
        return oneOrMore("<formats> (kiln.image.formats)", "an image format", values,
                Arrays.stream(ImageFormat.values()).map(ImageFormat::id).toList(),
                value -> ImageFormat.byId(value).orElseThrow());
    }

    /**
     * {@code <firmware>} / {@code kiln.firmware}: the firmware {@code kiln:run} boots with ({@code bios} or
     * {@code uefi}; the first one listed), and every one {@code kiln:boot-test} boots each image with.
     */
    static List<Firmware> firmware(List<String> values) throws InvalidParameterException {
        return oneOrMore("<firmware> (kiln.firmware)", "a firmware", values,
                Arrays.stream(Firmware.values()).map(firmware -> firmware.name().toLowerCase(Locale.ROOT)).toList(),
                value -> Firmware.valueOf(value.strip().toUpperCase(Locale.ROOT)));
    }

    /** A list parameter of names from {@code valid}: blank entries and repeats dropped, at least one left. */
    private static <T> List<T> oneOrMore(String parameter, String what, List<String> values, List<String> valid,
                                         Function<String, T> parse) throws InvalidParameterException {
        String validList = String.join(", ", valid);
        if (values == null || values.stream().allMatch(v -> v == null || v.isBlank())) {
            throw new InvalidParameterException(parameter + " is empty; valid values: " + validList);
        }
        List<T> parsed = new ArrayList<>();
        for (String value : values) {
            if (value == null || value.isBlank()) {
                continue;
            }
            if (!valid.contains(value.strip().toLowerCase(Locale.ROOT))) {
                throw new InvalidParameterException(parameter + " contains '" + value + "', which is not " + what
                        + ConfigurationCheck.closest(value.strip(), Set.copyOf(valid)).map(name -> "; did you mean " + name + "?")
                                .orElse(".") + " Valid values: " + validList);
            }
            T item = parse.apply(value);
            if (!parsed.contains(item)) {
                parsed.add(item);
            }
        }
        return parsed;
    }

    /**
     * {@code <args>} / {@code kiln.args}: the arguments {@code main(String[])} gets when the image boots, carried
     * on the kernel command line.
     */
    static List<String> arguments(List<String> values) throws InvalidParameterException {
        List<String> arguments = values == null ? List.of() : values.stream().filter(v -> v != null).toList();
        try {
            ImageSpec.checkArguments(arguments);
        } catch (IllegalArgumentException unfit) {
            throw new InvalidParameterException("<args> (kiln.args): " + unfit.getMessage());
        }
        return arguments;
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
