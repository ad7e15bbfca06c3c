package dev.kiln.toolchain;

import dev.kiln.compiler.CompilerOptions;
import dev.kiln.image.ImageSpec;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * One Kiln build, from class files to a bootable image. Used by the {@code kiln} CLI and the Maven plugin alike.
 *
 * @param classPath   the application's jars and class directories (the kernel template is added in front)
 * @param mainClass   binary name of the class whose {@code main(String[])} the kernel runs
 * @param image       what image to write, and where
 * @param elf         where to write the linked ELF64 kernel as well, if anywhere (for GDB, QEMU {@code -kernel})
 * @param linkMap     where to write the link map, if anywhere
 * @param reportDirectory where the compiler writes its build report, if anywhere
 * @param linkAtBuildTime whether references that do not link are build errors rather than warnings (and
 *                        code that throws the JVM's LinkageError when it runs)
 * @param warnings        receives the compiler's warnings, one line each
 * @param reflection      binary names of classes to register for reflection with all their members
 * @param reflectAll      register every class of the class path that the program reaches for reflection
 * @param resources       globs of class path files to pack into the image besides the project's own and those the
 *                        class path's GraalVM resource configuration selects
 * @param timeZones       region ids of the build JDK's tzdb ({@code Europe/Paris}) whose rules the image carries,
 *                        besides the default zone's and UTC's
 * @param defaultTimeZone the image's default time zone ({@code UTC} unless named)
 * @param optimize        whether the optimizing tier compiles what it can (docs/compiler.md "The optimizing tier")
 */
public record BuildSpec(List<Path> classPath, String mainClass, ImageSpec image, Optional<Path> elf,
                        Optional<Path> linkMap, Optional<Path> reportDirectory, boolean linkAtBuildTime,
                        Consumer<String> warnings, List<String> reflection, boolean reflectAll, List<String> resources,
                        List<String> timeZones, String defaultTimeZone, boolean optimize) {
    /** A build with the compiler's default tier ({@link CompilerOptions#defaultOptimize()}). */
    public BuildSpec(List<Path> classPath, String mainClass, ImageSpec image, Optional<Path> elf, Optional<Path> linkMap,
                     Optional<Path> reportDirectory, boolean linkAtBuildTime, Consumer<String> warnings,
                     List<String> reflection, boolean reflectAll, List<String> resources, List<String> timeZones,
                     String defaultTimeZone) {
        this(classPath, mainClass, image, elf, linkMap, reportDirectory, linkAtBuildTime, warnings, reflection,
                reflectAll, resources, timeZones, defaultTimeZone, CompilerOptions.defaultOptimize());
    }

    /** A build whose image carries the rules of its default time zone, UTC, only. */
    public BuildSpec(List<Path> classPath, String mainClass, ImageSpec image, Optional<Path> elf, Optional<Path> linkMap,
                     Optional<Path> reportDirectory, boolean linkAtBuildTime, Consumer<String> warnings,
                     List<String> reflection, boolean reflectAll, List<String> resources) {
        this(classPath, mainClass, image, elf, linkMap, reportDirectory, linkAtBuildTime, warnings, reflection,
                reflectAll, resources, List.of(), CompilerOptions.defaults().defaultTimeZone());
    }

    /** A build that packs no resources beyond the project's own and those the class path's metadata selects. */
    public BuildSpec(List<Path> classPath, String mainClass, ImageSpec image, Optional<Path> elf, Optional<Path> linkMap,
                     Optional<Path> reportDirectory, boolean linkAtBuildTime, Consumer<String> warnings,
                     List<String> reflection, boolean reflectAll) {
        this(classPath, mainClass, image, elf, linkMap, reportDirectory, linkAtBuildTime, warnings, reflection,
                reflectAll, List.of());
    }

    /** A build that registers no class for reflection beyond what the code and the class path's metadata do. */
    public BuildSpec(List<Path> classPath, String mainClass, ImageSpec image, Optional<Path> elf, Optional<Path> linkMap,
                     Optional<Path> reportDirectory, boolean linkAtBuildTime, Consumer<String> warnings) {
        this(classPath, mainClass, image, elf, linkMap, reportDirectory, linkAtBuildTime, warnings, List.of(), false);
    }

    public BuildSpec {
        reflection = List.copyOf(reflection);
        resources = List.copyOf(resources);
        timeZones = List.copyOf(timeZones);
        Objects.requireNonNull(defaultTimeZone, "defaultTimeZone");
        classPath = List.copyOf(classPath);
        Objects.requireNonNull(mainClass, "mainClass");
        Objects.requireNonNull(image, "image");
        Objects.requireNonNull(elf, "elf");
        Objects.requireNonNull(linkMap, "linkMap");
        Objects.requireNonNull(reportDirectory, "reportDirectory");
        Objects.requireNonNull(warnings, "warnings");
    }
}
