package dev.kiln.compiler.asm;

import dev.kiln.qemu.junit.ExternalTools;

import dev.kiln.compiler.object.RelocationKind;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * GNU as, objcopy, nm and objdump as the test oracle, run through {@link ExternalTools}: when they are missing the
 * tests fail (never skip) with the package to install, so a machine without binutils cannot pass the suite silently.
 */
final class GnuBinutils {

    /** A relocation of the .text section as objdump -r prints it, in Kiln's terms. */
    record GnuRelocation(int offset, RelocationKind kind, String symbol, long addend) {
    }

    /** The .text bytes of an assembled file, the offsets of its labels and its relocations. */
    record Assembled(byte[] text, Map<String, Integer> labels, List<GnuRelocation> relocations) {
        byte[] between(String startLabel, String endLabel) {
            int start = labels.get(startLabel);
            int end = labels.get(endLabel);
            byte[] result = new byte[end - start];
            System.arraycopy(text, start, result, 0, result.length);
            return result;
        }
    }

    private GnuBinutils() {
    }

    /** Assembles {@code source} (GNU as syntax) in one invocation. */
    static Assembled assemble(String source) {
        Path dir = tempDir();
        try {
            Path src = dir.resolve("oracle.s");
            Path obj = dir.resolve("oracle.o");
            Path bin = dir.resolve("oracle.bin");
            Files.writeString(src, source);
            run(List.of("as", "--64", "-o", obj.toString(), src.toString()));
            run(List.of("objcopy", "-O", "binary", "-j", ".text", obj.toString(), bin.toString()));
            Map<String, Integer> labels = new HashMap<>();
            for (String line : run(List.of("nm", "--defined-only", obj.toString())).split("\n")) {
                String[] parts = line.trim().split("\\s+");
                if (parts.length == 3) {
                    labels.put(parts[2], Integer.parseInt(parts[0], 16));
                }
            }
            List<GnuRelocation> relocations = new ArrayList<>();
            for (String line : run(List.of("objdump", "-r", obj.toString())).split("\n")) {
                // "0000000000000001 R_X86_64_PLT32    sym-0x0000000000000004"
                String[] parts = line.trim().split("\\s+");
                if (parts.length == 3 && parts[0].matches("[0-9a-f]{16}")) {
                    relocations.add(relocation(parts));
                }
            }
            return new Assembled(Files.readAllBytes(bin), labels, relocations);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } finally {
            delete(dir);
        }
    }

    private static GnuRelocation relocation(String[] parts) {
        RelocationKind kind = switch (parts[1]) {
            case "R_X86_64_64" -> RelocationKind.ABS64;
            case "R_X86_64_32" -> RelocationKind.ABS32;
            case "R_X86_64_32S" -> RelocationKind.ABS32S;
            case "R_X86_64_16" -> RelocationKind.ABS16;
            case "R_X86_64_PC32", "R_X86_64_PLT32" -> RelocationKind.PC32;
            default -> throw new IllegalStateException("unexpected relocation type " + parts[1]);
        };
        String value = parts[2];
        int sign = Math.max(value.lastIndexOf('+'), value.lastIndexOf('-'));
        if (sign <= 0) {
            return new GnuRelocation(Integer.parseInt(parts[0], 16), kind, value, 0);
        }
        long addend = Long.parseUnsignedLong(value.substring(sign + 3), 16);
        return new GnuRelocation(Integer.parseInt(parts[0], 16), kind, value.substring(0, sign),
                value.charAt(sign) == '-' ? -addend : addend);
    }

    /**
     * Assembles {@code source} and links it with GNU ld at {@code origin} into a flat binary: the oracle for
     * flat code whose absolute label references Kiln resolves itself.
     */
    static byte[] assembleFlat(String source, long origin) {
        Path dir = tempDir();
        try {
            Path src = dir.resolve("flat.s");
            Path obj = dir.resolve("flat.o");
            Path bin = dir.resolve("flat.bin");
            Files.writeString(src, source);
            run(List.of("as", "--64", "-o", obj.toString(), src.toString()));
            run(List.of("ld", "-m", "elf_x86_64", "-Ttext=0x" + Long.toHexString(origin), "-e", "0",
                    "--oformat", "binary", "-o", bin.toString(), obj.toString()));
            return Files.readAllBytes(bin);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } finally {
            delete(dir);
        }
    }

    /** objdump's Intel-syntax disassembly of raw {@code code} loaded at address 0, one line per instruction. */
    static List<String> disassemble(byte[] code, Mode mode) {
        Path dir = tempDir();
        try {
            Path bin = dir.resolve("kiln.bin");
            Files.write(bin, code);
            String machine = switch (mode) {
                case BITS16 -> "i8086";
                case BITS32 -> "i386";
                case BITS64 -> "i386:x86-64";
            };
            String output = run(List.of("objdump", "-D", "-b", "binary", "-m", machine, "-M", "intel", bin.toString()));
            List<String> lines = new ArrayList<>();
            for (String line : output.split("\n")) {
                // "   5:\te9 00 00 00 00       \tjmp    0xa"
                String[] columns = line.split("\t");
                if (columns.length >= 3 && columns[0].trim().matches("[0-9a-f]+:")) {
                    lines.add(columns[0].trim() + " " + columns[2].trim().replaceAll("\\s+", " "));
                }
            }
            return lines;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } finally {
            delete(dir);
        }
    }

    private static String run(List<String> command) {
        try {
            return ExternalTools.check(command.toArray(String[]::new));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static Path tempDir() {
        try {
            return Files.createTempDirectory("kiln-asm-oracle");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void delete(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static String hex(byte[] bytes) {
        StringBuilder sb = new StringBuilder();
        for (byte b : bytes) {
            sb.append(String.format("%02x ", b));
        }
        return sb.toString().trim();
    }
}
