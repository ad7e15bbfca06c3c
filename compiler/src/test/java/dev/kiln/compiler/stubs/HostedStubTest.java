package dev.kiln.compiler.stubs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kiln.compiler.object.Section;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The hosted stub's code, checked with objdump; HostedTargetTest in kernel-template runs it. */
class HostedStubTest {
    private static final Section TEXT = HostedStub.module().sections().get(0);

    private static List<String> disassembly(Path dir) throws Exception {
        Path file = dir.resolve("hosted.bin");
        Files.write(file, TEXT.content());
        Process process = new ProcessBuilder("objdump", "-D", "-b", "binary", "-m", "i386:x86-64", "-M", "intel", file.toString())
                .redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(60, TimeUnit.SECONDS) && process.exitValue() == 0, output);
        return output.lines().filter(line -> line.matches("\\s*\\p{XDigit}+:\t.*\t.*")).toList();
    }

    @Test
    void instructionCountMatchesObjdump(@TempDir Path dir) throws Exception {
        List<String> instructions = disassembly(dir);
        assertTrue(instructions.stream().noneMatch(line -> line.contains("(bad)")), String.join("\n", instructions));
        assertEquals(HostedStub.INSTRUCTION_COUNT, instructions.size(),
                "update HostedStub.INSTRUCTION_COUNT:\n" + String.join("\n", instructions));
    }
}
