package dev.kiln.qemu.junit;

import dev.kiln.qemu.Qemu;
import dev.kiln.qemu.QemuException;
import dev.kiln.qemu.RunResult;
import dev.kiln.qemu.RunSpec;
import org.junit.jupiter.api.extension.ExtensionContext;

import static org.junit.jupiter.api.Assertions.fail;

/**
 * Boots images for a test; handed to test methods by {@link QemuExtension}. A QEMU that cannot run at all
 * (not installed, no OVMF) fails the test with the install command instead of skipping it.
 */
public final class QemuBooter {
    private final ExtensionContext context;

    QemuBooter(ExtensionContext context) {
        this.context = context;
    }

    /** Boots {@code spec} and fails the test unless the guest exits with status 0. */
    public RunResult boot(RunSpec spec) {
        RunResult result = run(spec);
        if (!result.succeeded()) {
            fail(result.describe() + "\n--- serial output ---\n" + result.serialOutput());
        }
        return result;
    }

    /** Boots {@code spec} and returns the result whatever the guest did, for tests that expect a failure. */
    public RunResult run(RunSpec spec) {
        try {
            RunResult result = Qemu.boot(spec);
            context.publishReportEntry("qemu", result.describe() + " (" + result.elapsed().toMillis() + " ms)");
            return result;
        } catch (QemuException e) {
            return fail(e.getMessage(), e);
        }
    }
}
