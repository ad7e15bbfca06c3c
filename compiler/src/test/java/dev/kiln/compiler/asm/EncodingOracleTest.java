package dev.kiln.compiler.asm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Every row of {@link EncodingTable}, in every mode where it exists, with several register and memory operands,
 * assembled by Kiln and by GNU as (one invocation for all); the bytes must be equal. Kiln's jumps to labels are
 * rel32/rel16, which GNU as gives with its {@code {disp32}}/{@code {disp16}} pseudo-prefixes, unless asked for the
 * short rel8 form.
 */
class EncodingOracleTest {

    /** One instruction: the Kiln side, the GNU as side (which may refer to labels c<i> before it and e<i> after it). */
    private record Case(Mode mode, String gas, Consumer<Assembler> kiln) {
    }

    private static final int MAX_INSTANCES_PER_ROW = 32;

    @Test
    void everyRowAssemblesLikeGnuAs() {
        List<Case> cases = new ArrayList<>();
        for (Encoding row : EncodingTable.ROWS) {
            for (Mode mode : Mode.values()) {
                if (row.isValidIn(mode) && !(mode == Mode.BITS16 && usesXmm(row))) {
                    cases.addAll(casesFor(row, mode));
                }
            }
        }

        StringBuilder source = new StringBuilder(".intel_syntax noprefix\n.text\n");
        for (int i = 0; i < cases.size(); i++) {
            Case c = cases.get(i);
            source.append(".code").append(c.mode().bits()).append("\nc").append(i).append(":\n")
                    .append(gasText(c, i)).append("\ne").append(i).append(":\n");
        }
        GnuBinutils.Assembled gnu = GnuBinutils.assemble(source.toString());

        Set<Encoding> used = new LinkedHashSet<>();
        List<String> mismatches = new ArrayList<>();
        for (int i = 0; i < cases.size(); i++) {
            Case c = cases.get(i);
            Assembler asm = new Assembler(c.mode());
            byte[] kiln;
            try {
                c.kiln().accept(asm);
                kiln = asm.flatBinary();
            } catch (RuntimeException e) {
                mismatches.add(c.mode().bits() + "-bit  " + gasText(c, i).replace('\n', ';') + "\n    Kiln threw " + e);
                continue;
            }
            used.add(asm.lastEncoding());
            byte[] expected = gnu.between("c" + i, "e" + i);
            if (!GnuBinutils.hex(expected).equals(GnuBinutils.hex(kiln))) {
                mismatches.add(c.mode().bits() + "-bit  " + gasText(c, i).replace('\n', ';') + "   [row " + asm.lastEncoding() + "]\n"
                        + "    GNU as: " + GnuBinutils.hex(expected) + "\n    Kiln:   " + GnuBinutils.hex(kiln));
            }
        }
        assertTrue(mismatches.isEmpty(), mismatches.size() + " of " + cases.size() + " instructions differ from GNU as:\n"
                + mismatches.stream().limit(60).collect(Collectors.joining("\n")));

        List<Encoding> unused = EncodingTable.ROWS.stream().filter(r -> !used.contains(r)).toList();
        assertTrue(unused.isEmpty(), "table rows never chosen by any oracle instance (add samples or fix the table order):\n"
                + unused.stream().map(Encoding::toString).collect(Collectors.joining("\n")));
        System.out.println("EncodingOracleTest: " + cases.size() + " instructions over " + EncodingTable.ROWS.size()
                + " table rows match GNU as");
    }

    /** Segment overrides are not a row but a prefix on any memory operand: the per-CPU block's accesses. */
    @Test
    void segmentOverridesAssembleLikeGnuAs() {
        List<Consumer<Assembler>> kiln = List.of(
                asm -> asm.mov(Reg.RAX, Mem.of(64, null, 0).withSegment(SegReg.GS)),
                asm -> asm.cmp(Reg.RSP, Mem.of(64, null, 8).withSegment(SegReg.GS)),
                asm -> asm.inc(Mem.of(32, null, 0x20).withSegment(SegReg.GS)),
                asm -> asm.mov(Mem.of(64, Reg.RAX, 0x10).withSegment(SegReg.FS), Reg.RCX),
                asm -> asm.mov(Reg.EAX, Mem.of(32, Reg.EBX, 4).withSegment(SegReg.GS)));
        List<String> gas = List.of("mov rax, qword ptr gs:[0x0]", "cmp rsp, qword ptr gs:[0x8]", "inc dword ptr gs:[0x20]",
                "mov qword ptr fs:[rax+0x10], rcx", "mov eax, dword ptr gs:[ebx+0x4]");
        StringBuilder source = new StringBuilder(".intel_syntax noprefix\n.text\n.code64\n");
        for (int i = 0; i < gas.size(); i++) {
            source.append("c").append(i).append(":\n").append(gas.get(i)).append("\ne").append(i).append(":\n");
        }
        GnuBinutils.Assembled gnu = GnuBinutils.assemble(source.toString());
        for (int i = 0; i < gas.size(); i++) {
            Assembler asm = new Assembler(Mode.BITS64);
            kiln.get(i).accept(asm);
            assertEquals(GnuBinutils.hex(gnu.between("c" + i, "e" + i)), GnuBinutils.hex(asm.flatBinary()), gas.get(i));
        }
        assertEquals("qword ptr gs:[0x8]", Mem.of(64, null, 8).withSegment(SegReg.GS).toString());
    }

    private static String gasText(Case c, int index) {
        return c.gas().replace("%d", Integer.toString(index));
    }

    private static boolean usesXmm(Encoding row) {
        return row.operands.stream().anyMatch(p -> p.kind == OperandPattern.Kind.XMM || p.kind == OperandPattern.Kind.XMM_OR_MEM);
    }

    private static List<Case> casesFor(Encoding row, Mode mode) {
        List<OperandPattern> patterns = row.operands;
        if (patterns.stream().anyMatch(p -> p.kind == OperandPattern.Kind.REL)) {
            return relativeCases(row, mode);
        }
        if (patterns.stream().anyMatch(p -> p.kind == OperandPattern.Kind.FAR_OFFSET)) {
            return farCases(row, mode);
        }
        List<List<Operand>> samples = new ArrayList<>();
        int instances = row.mnemonic.isConditional() ? Cond.values().length : 1;
        for (OperandPattern p : patterns) {
            List<Operand> s = OperandSamples.of(p, mode);
            samples.add(s);
            instances = Math.max(instances, Math.min(s.size(), MAX_INSTANCES_PER_ROW));
        }
        List<Case> cases = new ArrayList<>();
        for (int i = 0; i < instances; i++) {
            Operand[] operands = new Operand[patterns.size()];
            for (int j = 0; j < operands.length; j++) {
                List<Operand> s = samples.get(j);
                operands[j] = s.get((i + 3 * j) % s.size());
            }
            if (gnuDiffers(row, mode, operands)) {
                continue;
            }
            Cond cc = row.mnemonic.isConditional() ? Cond.values()[i % Cond.values().length] : null;
            String gas = InstructionEncoder.describe(row.mnemonic, cc, operands);
            if (row.mnemonic == Mnemonic.PUSH && row.needsOperandSizePrefix(mode) && operands[0] instanceof Imm imm) {
                // Only a value too wide for the mode's default size makes Kiln choose this row; Intel syntax has
                // no way to size a push immediate for GNU as, AT&T's suffix does.
                if (InstructionEncoder.select(row.mnemonic, null, operands, mode) != row) {
                    continue;
                }
                gas = ".att_syntax\npush" + (row.operandSize(mode) == 16 ? "w" : "l") + " $" + imm.value() + "\n.intel_syntax noprefix";
            }
            cases.add(new Case(mode, gas, asm -> asm.emit(row.mnemonic, cc, operands)));
        }
        return cases;
    }

    /**
     * Instances where GNU as reads the Intel-syntax text differently, not where Kiln is wrong:
     * {@code xchg rax, rax} (GNU as writes the one-byte nop 90, Kiln 48 90; both leave rax unchanged), and
     * {@code jmp/call dword ptr [mem]} in 16-bit code, which GNU as takes for a far jump through an m16:16
     * pointer (FF /5, FF /3) rather than a near one with a 32-bit operand.
     */
    private static boolean gnuDiffers(Encoding row, Mode mode, Operand[] operands) {
        if (row.mnemonic == Mnemonic.XCHG && operands[0] == Reg.RAX && operands[1] == Reg.RAX) {
            return true;
        }
        return mode == Mode.BITS16 && (row.mnemonic == Mnemonic.JMP || row.mnemonic == Mnemonic.CALL)
                && operands[0] instanceof Mem m && m.bits() == 32;
    }

    /**
     * A jump back to its own start and one forward to its end, with GNU as forced to the same displacement size; the
     * rel8 rows (chosen through Assembler.JumpSizing, never by the table order) unforced: GNU as takes the short form
     * for a target that near.
     */
    private static List<Case> relativeCases(Encoding row, Mode mode) {
        boolean rel8 = row.operands.contains(OperandPattern.REL8);
        if (!rel8 && row.operands.contains(OperandPattern.REL16) != (mode == Mode.BITS16)) {
            return List.of(); // not the mode's default displacement size, never chosen there
        }
        String force = rel8 ? "" : mode == Mode.BITS16 ? "{disp16} " : "{disp32} ";
        List<Case> cases = new ArrayList<>();
        int conditions = row.mnemonic.isConditional() ? Cond.values().length : 1;
        for (int i = 0; i < conditions; i++) {
            Cond cc = row.mnemonic.isConditional() ? Cond.values()[i] : null;
            String name = row.mnemonic.text(cc);
            boolean backward = i % 2 == 0;
            cases.add(new Case(mode, force + name + " " + (backward ? "c" : "e") + "%d", asm -> {
                Label target = asm.newLabel();
                if (backward) {
                    asm.bind(target);
                }
                asm.emit(row.mnemonic, cc, target);
                if (!backward) {
                    asm.bind(target);
                }
            }));
            if (!row.mnemonic.isConditional()) {
                cases.add(new Case(mode, force + name + " e%d", asm -> {
                    Label target = asm.newLabel();
                    asm.emit(row.mnemonic, target);
                    asm.bind(target);
                }));
            }
        }
        return cases;
    }

    /** jmp ptr16:16 / ptr16:32 with a numeric offset (AT&T syntax: GNU as's Intel syntax cannot size a far pointer). */
    private static List<Case> farCases(Encoding row, Mode mode) {
        boolean offset32 = row.operands.get(0) == OperandPattern.FAR_OFFSET32;
        if (!offset32 && mode != Mode.BITS16) {
            return List.of(); // ptr16:16 needs 0x66 in 32-bit code; Kiln chooses ptr16:32 there
        }
        long offset = offset32 ? 0x12345678L : 0x7c40;
        int selector = 0x18;
        String gas = ".att_syntax\nljmp" + (offset32 ? "l" : "w") + " $" + selector + ",$" + offset + "\n.intel_syntax noprefix";
        return List.of(new Case(mode, gas, asm -> asm.emit(Mnemonic.JMP_FAR, Imm.of(offset), Imm.of(selector))));
    }
}
