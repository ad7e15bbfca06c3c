package dev.kiln.testengine;

import dev.kiln.qemu.Accel;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One {@code kiln:test} run.
 *
 * @param testClasses      the compiled tests ({@code target/test-classes})
 * @param classPath        the rest of the guest's class path: the main classes, then the test-scope dependencies
 *                         (JUnit's API among them)
 * @param filter           which tests run
 * @param workDirectory    where the runner classes, the image, the kernel and the serial log go ({@code target/kiln-test})
 * @param reportsDirectory where the reports go ({@code target/failsafe-reports})
 * @param accel            how QEMU runs the guest
 * @param timeout          how long the whole run may take in the guest before QEMU is killed
 * @param memoryMiB        guest RAM
 * @param qemuBinary       the QEMU to run; empty for the one on {@code PATH}
 * @param timestamp        the dates recorded in the image
 */
public record TestRunSpec(Path testClasses, List<Path> classPath, TestFilter filter, Path workDirectory,
                          Path reportsDirectory, Accel accel, Duration timeout, int memoryMiB, Optional<Path> qemuBinary,
                          Instant timestamp) {
    public TestRunSpec {
        Objects.requireNonNull(testClasses, "testClasses");
        classPath = List.copyOf(classPath);
        Objects.requireNonNull(filter, "filter");
        Objects.requireNonNull(workDirectory, "workDirectory");
        Objects.requireNonNull(reportsDirectory, "reportsDirectory");
        Objects.requireNonNull(accel, "accel");
        Objects.requireNonNull(timeout, "timeout");
        Objects.requireNonNull(qemuBinary, "qemuBinary");
        Objects.requireNonNull(timestamp, "timestamp");
    }

    /** The bootable image of the tests. */
    public Path image() {
        return workDirectory.resolve("tests.iso");
    }

    /** Everything the guest wrote to COM1. */
    public Path serialLog() {
        return workDirectory.resolve("tests.serial.log");
    }
}
