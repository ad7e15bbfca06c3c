package dev.kiln.boot;

import dev.kiln.compiler.object.SectionKind;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The hosted stub's code, checked with objdump; HostedTargetTest in kernel-template runs it. */
class HostedStubTest {
    @Test
    void instructionCountMatchesObjdump(@TempDir Path dir) throws Exception {
        byte[] text = StubCode.section(HostedStub.module(), SectionKind.TEXT).content();
        StubCode.assertInstructionCount(HostedStub.INSTRUCTION_COUNT, "HostedStub.INSTRUCTION_COUNT",
                StubCode.disassemble(dir, "hosted.bin", text, "i386:x86-64"));
    }
}
