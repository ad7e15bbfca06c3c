package dev.kiln.linker;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

/** Runs the test oracles (binutils, QEMU): independent programs that read what the linker wrote. */
final class Tools {
    private Tools() {
    }

    /** Runs {@code command} to completion and returns its standard output; fails the test if it cannot. */
    static String run(String... command) throws IOException, InterruptedException {
        Process process;
        try {
            process = new ProcessBuilder(command).redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new AssertionError(command[0] + " is missing; install the test oracles with "
                    + "'sudo apt-get install binutils qemu-system-x86'", e);
        }
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new AssertionError(String.join(" ", command) + " failed:\n" + output);
        }
        return output;
    }
}
