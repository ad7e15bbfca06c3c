package dev.kiln.boot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kiln.compiler.object.ObjectModule;
import dev.kiln.compiler.object.Section;
import dev.kiln.compiler.object.SectionKind;
import dev.kiln.compiler.object.Symbol;
import dev.kiln.qemu.junit.ExternalTools;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** What the stub tests share: a stub's sections and symbols, and its code as objdump reads it. */
final class StubCode {
    private StubCode() {
    }

    static Section section(ObjectModule stub, SectionKind kind) {
        return stub.sections().stream().filter(s -> s.kind() == kind).findFirst().orElseThrow();
    }

    static Map<String, Symbol> symbols(ObjectModule stub) {
        return stub.sections().stream().flatMap(s -> s.symbols().stream())
                .collect(Collectors.toMap(Symbol::name, Function.identity()));
    }

    /** The instructions objdump finds in {@code code} ({@code machine}: i386 or i386:x86-64), Intel syntax, one per line. */
    static List<String> disassemble(Path dir, String name, byte[] code, String machine) throws Exception {
        Path file = dir.resolve(name);
        Files.write(file, code);
        String output = ExternalTools.check("objdump", "-D", "-b", "binary", "-m", machine, "-M", "intel", file.toString());
        return output.lines().filter(line -> line.matches("\\s*\\p{XDigit}+:\t.*\t.*")).toList();
    }

    /** The stub's declared instruction count must be what objdump counts, and objdump must decode all of it. */
    static void assertInstructionCount(int declared, String constant, List<String> instructions) {
        assertTrue(instructions.stream().noneMatch(line -> line.contains("(bad)")), String.join("\n", instructions));
        assertEquals(declared, instructions.size(), "update " + constant + ":\n" + String.join("\n", instructions));
    }
}
