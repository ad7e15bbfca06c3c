package dev.kiln.compiler;

import dev.kiln.compiler.analysis.TimeZoneDatabase;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * @param reportDirectory where to write the build report (reachable classes and methods, code sizes), if anywhere
 * @param linkAtBuildTime make references that do not link (a missing class, method or field, a wrong
 *                        static-ness, an access violation: see {@code Linkage}) build errors; by default they are
 *                        warnings, and the code throws HotSpot's LinkageError when it runs
 * @param warnings        receives each warning, one line naming class, method, bytecode offset and the problem
 * @param reflection      binary names of classes to register for reflection with all their members, besides the
 *                        ones the class path's {@code reflect-config.json} files and constant {@code Class.forName}
 *                        calls register (docs/compiler.md "Reflection")
 * @param reflectAll      register every class of the class path that the closed world reaches (not the JDK's)
 * @param resources       globs ({@code config/*.properties}, {@code templates/**}) of class path files to pack into
 *                        the image besides the project's own and those the class path's {@code resource-config.json}
 *                        files select (docs/compiler.md "Resources")
 * @param timeZones       region ids of the build JDK's tzdb ({@code Europe/Paris}) whose rules the image carries,
 *                        besides the default zone's and UTC's (docs/compiler.md "Time zones")
 * @param defaultTimeZone the image's default zone ({@code TimeZone.getDefault}, {@code ZoneId.systemDefault}):
 *                        {@code UTC} unless the build names another
 * @param optimize        whether the optimizing tier ({@code dev.kiln.compiler.opt}) compiles what it can
 */
public record CompilerOptions(Optional<Path> reportDirectory, boolean linkAtBuildTime, Consumer<String> warnings,
                              List<String> reflection, boolean reflectAll, List<String> resources,
                              List<String> timeZones, String defaultTimeZone, boolean optimize) {
    public CompilerOptions {
        Objects.requireNonNull(reportDirectory, "reportDirectory");
        Objects.requireNonNull(warnings, "warnings");
        reflection = List.copyOf(reflection);
        resources = List.copyOf(resources);
        timeZones = List.copyOf(timeZones);
        Objects.requireNonNull(defaultTimeZone, "defaultTimeZone");
    }

    /** With the default tier ({@link #defaultOptimize()}). */
    public CompilerOptions(Optional<Path> reportDirectory, boolean linkAtBuildTime, Consumer<String> warnings,
                           List<String> reflection, boolean reflectAll, List<String> resources,
                           List<String> timeZones, String defaultTimeZone) {
        this(reportDirectory, linkAtBuildTime, warnings, reflection, reflectAll, resources, timeZones, defaultTimeZone,
                defaultOptimize());
    }

    /**
     * The tier by default: the optimizing tier ({@code dev.kiln.compiler.opt}) when the system property
     * {@code kiln.optimize} is true, else the baseline alone. Front ends pass their own flag with {@link #withOptimize}.
     */
    public static boolean defaultOptimize() {
        return Boolean.getBoolean("kiln.optimize");
    }

    public CompilerOptions(Optional<Path> reportDirectory, boolean linkAtBuildTime, Consumer<String> warnings,
                           List<String> reflection, boolean reflectAll, List<String> resources) {
        this(reportDirectory, linkAtBuildTime, warnings, reflection, reflectAll, resources, List.of(),
                TimeZoneDatabase.DEFAULT_ZONE);
    }

    public CompilerOptions(Optional<Path> reportDirectory, boolean linkAtBuildTime, Consumer<String> warnings,
                           List<String> reflection, boolean reflectAll) {
        this(reportDirectory, linkAtBuildTime, warnings, reflection, reflectAll, List.of());
    }

    public CompilerOptions(Optional<Path> reportDirectory, boolean linkAtBuildTime, Consumer<String> warnings) {
        this(reportDirectory, linkAtBuildTime, warnings, List.of(), false);
    }

    public CompilerOptions(Optional<Path> reportDirectory) {
        this(reportDirectory, false, warning -> { });
    }

    public static CompilerOptions defaults() {
        return new CompilerOptions(Optional.empty());
    }

    /** These options with {@code classes} registered for reflection, and every class if {@code all}. */
    public CompilerOptions withReflection(List<String> classes, boolean all) {
        return new CompilerOptions(reportDirectory, linkAtBuildTime, warnings, classes, all, resources, timeZones,
                defaultTimeZone, optimize);
    }

    /** These options with the class path files matching {@code globs} packed into the image as well. */
    public CompilerOptions withResources(List<String> globs) {
        return new CompilerOptions(reportDirectory, linkAtBuildTime, warnings, reflection, reflectAll, globs, timeZones,
                defaultTimeZone, optimize);
    }

    /** These options with the rules of {@code zones} packed into the image, and {@code defaultZone} its default. */
    public CompilerOptions withTimeZones(List<String> zones, String defaultZone) {
        return new CompilerOptions(reportDirectory, linkAtBuildTime, warnings, reflection, reflectAll, resources, zones,
                defaultZone, optimize);
    }

    /** These options with the optimizing tier on or off. */
    public CompilerOptions withOptimize(boolean on) {
        return new CompilerOptions(reportDirectory, linkAtBuildTime, warnings, reflection, reflectAll, resources,
                timeZones, defaultTimeZone, on);
    }
}
