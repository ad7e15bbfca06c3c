package dev.kiln.compiler.asm;

import dev.kiln.compiler.object.Relocation;
import dev.kiln.compiler.object.RelocationKind;
import dev.kiln.compiler.object.Section;
import dev.kiln.compiler.object.SectionKind;
import dev.kiln.compiler.object.Symbol;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Writes x86 machine code and data into one section: instructions are looked up in {@link EncodingTable} and
 * encoded by {@link InstructionEncoder}; labels are patched and symbol references become {@link Relocation}s
 * when {@link #finish} is called. Each typed instruction method is a thin wrapper over
 * {@link #emit(Mnemonic, Operand...)} and throws {@link IllegalArgumentException} naming the instruction when
 * no encoding fits its operands.
 *
 * <p>Two-operand methods take {@code (destination, source)} in Intel order:
 * {@code asm.mov(Reg.RAX, Mem.of(64, Reg.RBP, 16))}.
 */
public final class Assembler {

    /** A use of a label whose offset is filled in by {@link #resolve}. */
    private record LabelReference(int position, int width, Field.LabelTarget target, int instructionEnd) {
    }

    /** A global symbol; size -1 while it is still open. */
    private static final class SymbolDefinition {
        final String name;
        final int offset;
        int size = -1;

        SymbolDefinition(String name, int offset) {
            this.name = name;
            this.offset = offset;
        }
    }

    private final ByteArrayOutputStream code = new ByteArrayOutputStream(256);
    private final List<LabelReference> labelReferences = new ArrayList<>();
    private final List<Relocation> relocations = new ArrayList<>();
    private final List<SymbolDefinition> symbols = new ArrayList<>();
    private final Set<String> symbolNames = new HashSet<>();
    private final List<Integer> callReturnOffsets = new ArrayList<>();
    private Mode mode;
    private Long origin;
    private int labelCount;
    private int largestAlignment = 1;
    private boolean addressSizePrefixPending;
    private Encoding lastEncoding;
    private JumpSizing jumpSizing;

    public Assembler(Mode mode) {
        this.mode = Objects.requireNonNull(mode, "mode");
    }

    // ---------------------------------------------------------------- state

    /** Switches the encoding mode for the following instructions (boot code goes 16 -> 32 -> 64). */
    public void mode(Mode mode) {
        this.mode = Objects.requireNonNull(mode, "mode");
    }

    public Mode mode() {
        return mode;
    }

    /**
     * Declares that the output is loaded at {@code address} (flat code, e.g. a boot sector at 0x7C00): labels
     * used as absolute addresses then resolve to {@code address + offset}. Without an origin they become
     * relocations against a symbol of this section.
     */
    public void origin(long address) {
        if (address < 0) {
            throw new IllegalArgumentException("negative origin " + address);
        }
        this.origin = address;
    }

    public int offset() {
        return code.size();
    }

    public Label newLabel() {
        return newLabel("L" + labelCount);
    }

    /** A label with a name for error messages. */
    public Label newLabel(String name) {
        labelCount++;
        return new Label(this, Objects.requireNonNull(name, "name"));
    }

    /** Fixes {@code label} at the current offset. */
    public void bind(Label label) {
        checkOwner(label);
        label.bindAt(offset());
    }

    /** An immediate holding the absolute address of {@code label} (origin + offset), resolved in {@link #finish}. */
    public Imm labelAddress(Label label) {
        checkOwner(label);
        return new Imm(0, null, label);
    }

    /** Defines global symbol {@code name} here; its size extends to the next {@code symbol()} or {@link #endSymbol()}. */
    public void symbol(String name) {
        Objects.requireNonNull(name, "name");
        if (!symbolNames.add(name)) {
            throw new IllegalArgumentException("symbol " + name + " is defined twice in this section");
        }
        closeOpenSymbol();
        symbols.add(new SymbolDefinition(name, offset()));
    }

    /**
     * Appends {@code fragment}, code finished on its own ({@link #finish}), at the current offset: its bytes, its
     * symbols and its relocations, moved by that offset. The compiler generates each method as one fragment, so that
     * a backend that gives up on a method leaves nothing behind. The fragment's labels were resolved when it was
     * finished (a jump within it is relative; an absolute label address became a relocation against its symbol).
     */
    public void append(Section fragment) {
        if (fragment.alignment() > 1) {
            throw new IllegalArgumentException("fragment " + fragment.name() + " needs alignment " + fragment.alignment()
                    + ", which appending at an arbitrary offset cannot keep");
        }
        closeOpenSymbol();
        int base = offset();
        code.writeBytes(fragment.content());
        for (Symbol s : fragment.symbols()) {
            if (!symbolNames.add(s.name())) {
                throw new IllegalArgumentException("symbol " + s.name() + " is defined twice in this section");
            }
            SymbolDefinition definition = new SymbolDefinition(s.name(), base + s.offset());
            definition.size = s.size();
            symbols.add(definition);
        }
        for (Relocation r : fragment.relocations()) {
            relocations.add(new Relocation(base + r.offset(), r.kind(), r.symbol(), r.addend()));
        }
    }

    /** Ends the size of the current symbol at the current offset. */
    public void endSymbol() {
        if (!closeOpenSymbol()) {
            throw new IllegalStateException("endSymbol() at offset 0x" + Integer.toHexString(offset()) + " without an open symbol()");
        }
    }

    private boolean closeOpenSymbol() {
        if (!symbols.isEmpty()) {
            SymbolDefinition last = symbols.get(symbols.size() - 1);
            if (last.size < 0) {
                last.size = offset() - last.offset;
                return true;
            }
        }
        return false;
    }

    /** The table row used by the last instruction (for tests that check every row is exercised). */
    Encoding lastEncoding() {
        return lastEncoding;
    }

    // ---------------------------------------------------------------- generic emission

    /** Emits {@code mnemonic} with {@code operands} (Intel order), choosing the encoding from the table. */
    public void emit(Mnemonic mnemonic, Operand... operands) {
        emit(mnemonic, null, operands);
    }

    /** Emits a conditional instruction (Jcc, SETcc, CMOVcc); {@code cc} must be null for other mnemonics. */
    public void emit(Mnemonic mnemonic, Cond cc, Operand... operands) {
        emitSized(mnemonic, cc, 0, operands);
    }

    /** Emits with a row of the given operand size (0: any), for forms the default choice would not pick. */
    private void emitSized(Mnemonic mnemonic, Cond cc, int operandSize, Operand... operands) {
        Objects.requireNonNull(mnemonic, "mnemonic");
        for (Operand op : operands) {
            Objects.requireNonNull(op, () -> "null operand for " + mnemonic.text(cc));
            if (op instanceof Label label) {
                checkOwner(label);
            } else if (op instanceof Imm imm && imm.label() != null) {
                checkOwner(imm.label());
            } else if (op instanceof Mem mem && mem.label() != null) {
                checkOwner(mem.label());
            }
        }
        Encoding row = InstructionEncoder.select(mnemonic, cc, operands, mode, operandSize);
        InstructionEncoder.Encoded encoded = InstructionEncoder.encode(row, cc, operands, mode, addressSizePrefixPending);
        addressSizePrefixPending = false;
        lastEncoding = row;
        int start = offset();
        code.writeBytes(encoded.bytes());
        int end = offset();
        for (Field field : encoded.fields()) {
            addField(start + field.position(), field.width(), field.target(), end);
        }
    }

    private void addField(int position, int width, Field.Target target, int instructionEnd) {
        if (target instanceof Field.SymbolTarget s) {
            // PC32 is S + A - P with P the field; the CPU adds the displacement to the end of the instruction.
            long addend = s.kind() == RelocationKind.PC32 ? s.addend() - (instructionEnd - position) : s.addend();
            relocations.add(new Relocation(position, s.kind(), s.symbol(), addend));
        } else {
            labelReferences.add(new LabelReference(position, width, (Field.LabelTarget) target, instructionEnd));
        }
    }

    private void checkOwner(Label label) {
        if (Objects.requireNonNull(label, "label").owner() != this) {
            throw new IllegalArgumentException("label " + label + " belongs to another Assembler");
        }
    }

    // ---------------------------------------------------------------- data movement

    public void mov(Operand dst, Operand src) {
        emit(Mnemonic.MOV, dst, src);
    }

    public void movzx(Operand dst, Operand src) {
        emit(Mnemonic.MOVZX, dst, src);
    }

    public void movsx(Operand dst, Operand src) {
        emit(Mnemonic.MOVSX, dst, src);
    }

    public void movsxd(Operand dst, Operand src) {
        emit(Mnemonic.MOVSXD, dst, src);
    }

    public void lea(Operand dst, Operand src) {
        emit(Mnemonic.LEA, dst, src);
    }

    public void push(Operand src) {
        emit(Mnemonic.PUSH, src);
    }

    public void pop(Operand dst) {
        emit(Mnemonic.POP, dst);
    }

    public void xchg(Operand a, Operand b) {
        emit(Mnemonic.XCHG, a, b);
    }

    /** {@code lock cmpxchg m, r}: if {@code [m]} equals rax/eax, stores {@code r} there; rax/eax gets the old value. */
    public void lockCmpxchg(Mem m, Reg r) {
        emit(Mnemonic.LOCK_CMPXCHG, m, r);
    }

    /** {@code lock xadd m, r}: adds {@code r} to {@code [m]}; {@code r} gets the old value. */
    public void lockXadd(Mem m, Reg r) {
        emit(Mnemonic.LOCK_XADD, m, r);
    }

    public void mfence() {
        emit(Mnemonic.MFENCE);
    }

    // ---------------------------------------------------------------- arithmetic and logic

    public void add(Operand dst, Operand src) {
        emit(Mnemonic.ADD, dst, src);
    }

    public void or(Operand dst, Operand src) {
        emit(Mnemonic.OR, dst, src);
    }

    public void adc(Operand dst, Operand src) {
        emit(Mnemonic.ADC, dst, src);
    }

    public void sbb(Operand dst, Operand src) {
        emit(Mnemonic.SBB, dst, src);
    }

    public void and(Operand dst, Operand src) {
        emit(Mnemonic.AND, dst, src);
    }

    public void sub(Operand dst, Operand src) {
        emit(Mnemonic.SUB, dst, src);
    }

    public void xor(Operand dst, Operand src) {
        emit(Mnemonic.XOR, dst, src);
    }

    public void cmp(Operand a, Operand b) {
        emit(Mnemonic.CMP, a, b);
    }

    public void test(Operand a, Operand b) {
        emit(Mnemonic.TEST, a, b);
    }

    public void not(Operand dst) {
        emit(Mnemonic.NOT, dst);
    }

    public void neg(Operand dst) {
        emit(Mnemonic.NEG, dst);
    }

    public void inc(Operand dst) {
        emit(Mnemonic.INC, dst);
    }

    public void dec(Operand dst) {
        emit(Mnemonic.DEC, dst);
    }

    /** Unsigned multiply of the accumulator: rdx:rax = rax * src. */
    public void mul(Operand src) {
        emit(Mnemonic.MUL, src);
    }

    /** Signed multiply of the accumulator: rdx:rax = rax * src. */
    public void imul(Operand src) {
        emit(Mnemonic.IMUL, src);
    }

    /** dst = dst * src (truncated). */
    public void imul(Operand dst, Operand src) {
        emit(Mnemonic.IMUL, dst, src);
    }

    /** dst = src * imm (truncated). */
    public void imul(Operand dst, Operand src, Operand imm) {
        emit(Mnemonic.IMUL, dst, src, imm);
    }

    public void div(Operand src) {
        emit(Mnemonic.DIV, src);
    }

    public void idiv(Operand src) {
        emit(Mnemonic.IDIV, src);
    }

    /** Shift left; {@code count} is an {@link Imm} or {@link Reg#CL}. */
    public void shl(Operand dst, Operand count) {
        emit(Mnemonic.SHL, dst, count);
    }

    public void shr(Operand dst, Operand count) {
        emit(Mnemonic.SHR, dst, count);
    }

    public void sar(Operand dst, Operand count) {
        emit(Mnemonic.SAR, dst, count);
    }

    public void rol(Operand dst, Operand count) {
        emit(Mnemonic.ROL, dst, count);
    }

    public void ror(Operand dst, Operand count) {
        emit(Mnemonic.ROR, dst, count);
    }

    /** Sign-extends ax into dx:ax. */
    public void cwd() {
        emit(Mnemonic.CWD);
    }

    /** Sign-extends eax into edx:eax. */
    public void cdq() {
        emit(Mnemonic.CDQ);
    }

    /** Sign-extends rax into rdx:rax. */
    public void cqo() {
        emit(Mnemonic.CQO);
    }

    /** Sign-extends eax into rax. */
    public void cdqe() {
        emit(Mnemonic.CDQE);
    }

    public void setcc(Cond cc, Operand dst) {
        emit(Mnemonic.SETCC, Objects.requireNonNull(cc, "cc"), dst);
    }

    public void cmovcc(Cond cc, Reg dst, Operand src) {
        emit(Mnemonic.CMOVCC, Objects.requireNonNull(cc, "cc"), dst, src);
    }

    // ---------------------------------------------------------------- control flow

    /**
     * Jump to a label: rel32 (rel16 in 16-bit mode); the short rel8 form only where the {@link JumpSizing} in use
     * measured that the target is near.
     */
    public void jmp(Label target) {
        jumpToLabel(Mnemonic.JMP, Mnemonic.JMP_SHORT, null, target);
    }

    /** Indirect near jump through a register or memory. */
    public void jmp(Operand target) {
        emit(Mnemonic.JMP, target);
    }

    /** Near jump to a symbol: rel32 with a PC32 relocation. */
    public void jmp(String symbol) {
        requireRel32("jmp", symbol);
        emit(Mnemonic.JMP, Imm.symbol(symbol, 0));
    }

    /** 16-bit code would need a rel16 relocation, which the object format does not have. */
    private void requireRel32(String mnemonic, String symbol) {
        if (mode == Mode.BITS16) {
            throw new IllegalArgumentException(mnemonic + " " + symbol + " in 16-bit mode: symbols can only be reached "
                    + "with rel32 (PC32) from 32- or 64-bit code; use a label in 16-bit code");
        }
    }

    /**
     * Far jump to {@code selector:target}: ptr16:16 in 16-bit mode, ptr16:32 in 32-bit mode (SDM "JMP", EA).
     * Not available in 64-bit mode, where far jumps are indirect; use {@link #retFar()} with a pushed target.
     */
    public void jmpFar(int selector, Label target) {
        emit(Mnemonic.JMP_FAR, target, Imm.of(selector));
    }

    /** Far jump with a 32-bit offset from 16-bit code (66 EA ptr16:32): real mode into a 32-bit code segment. */
    public void jmpFar32(int selector, Label target) {
        emitSized(Mnemonic.JMP_FAR, null, 32, target, Imm.of(selector));
    }

    /** Conditional jump to a label: sized as {@link #jmp(Label)}. */
    public void jcc(Cond cc, Label target) {
        jumpToLabel(Mnemonic.JCC, Mnemonic.JCC_SHORT, Objects.requireNonNull(cc, "cc"), target);
    }

    private void jumpToLabel(Mnemonic near, Mnemonic shortForm, Cond cc, Label target) {
        if (jumpSizing == null) {
            emit(near, cc, target);
        } else if (jumpSizing.isMeasuring()) {
            int start = offset();
            emit(near, cc, target);
            jumpSizing.measure(start, offset(), target);
        } else {
            emit(jumpSizing.nextIsShort() ? shortForm : near, cc, target);
        }
    }

    /**
     * From now on, measure jumps to labels into {@code sizing} (a first emission of some code, into a scratch
     * assembler) or, once it has measured, size them by it (the second emission of the same code); null: always the
     * near form again.
     */
    public void sizeJumps(JumpSizing sizing) {
        this.jumpSizing = sizing;
    }

    /**
     * Short jumps for code emitted twice: the first emission, with near jumps only, measures where each jump to a
     * label ends and where its target lies; the second gives the short form (2 bytes instead of 5 or 6) to every jump
     * whose target lay within the rel8 range even counting the bytes the jump itself saves. The second emission must
     * emit the same instructions in the same order; since code between a jump and its target only shrinks (no
     * alignment, every other instruction keeps its size), each jump chosen short still reaches: forward, the distance
     * from its end grows by at most its own saving; backward, the distance shrinks. GNU as instead relaxes jumps
     * until sizes converge, which needs the code as data rather than as calls on an emitter.
     */
    public static final class JumpSizing {
        private record Measured(int start, int end, Label target) {
        }

        private final List<Measured> measured = new ArrayList<>();
        private boolean[] isShort;
        private int next;

        private boolean isMeasuring() {
            return isShort == null;
        }

        private void measure(int start, int end, Label target) {
            measured.add(new Measured(start, end, target));
        }

        /** Ends the measuring emission: decides each jump's size from where its target was bound. */
        public void measured() {
            isShort = new boolean[measured.size()];
            for (int i = 0; i < isShort.length; i++) {
                Measured m = measured.get(i);
                if (!m.target().isBound()) {
                    throw new IllegalStateException("jump sizing: label " + m.target() + " of jump " + i + " never bound");
                }
                int distance = m.target().offset() - m.end();
                int saving = m.end() - m.start() - 2;
                isShort[i] = distance >= Byte.MIN_VALUE && distance + saving <= Byte.MAX_VALUE;
            }
        }

        /** How many of the jumps measured are short. */
        public int shortJumps() {
            int count = 0;
            for (boolean b : isShort) {
                count += b ? 1 : 0;
            }
            return count;
        }

        private boolean nextIsShort() {
            if (next >= isShort.length) {
                throw new IllegalStateException("jump sizing: the second emission makes more jumps to labels ("
                        + (next + 1) + ") than the measured one (" + isShort.length + ")");
            }
            return isShort[next++];
        }
    }

    public void call(Label target) {
        emit(Mnemonic.CALL, target);
        callReturnOffsets.add(offset());
    }

    /** Call to a symbol: E8 rel32 with a PC32 relocation, addend -4. */
    public void call(String symbol) {
        requireRel32("call", symbol);
        emit(Mnemonic.CALL, Imm.symbol(symbol, 0));
        callReturnOffsets.add(offset());
    }

    /** A call of the address {@code addend} bytes past {@code symbol}. */
    public void call(String symbol, long addend) {
        requireRel32("call", symbol);
        emit(Mnemonic.CALL, Imm.symbol(symbol, addend));
        callReturnOffsets.add(offset());
    }

    /** Indirect call through a register or memory. */
    public void call(Operand target) {
        emit(Mnemonic.CALL, target);
        callReturnOffsets.add(offset());
    }

    /**
     * The offsets right after every call emitted so far, in order: the calls' return addresses, which key the
     * compiled code's stack maps (docs/abi.md "Stack maps").
     */
    public List<Integer> callReturnOffsets() {
        return Collections.unmodifiableList(callReturnOffsets);
    }

    public void ret() {
        emit(Mnemonic.RET);
    }

    public void retFar() {
        emit(Mnemonic.RETF);
    }

    public void iretq() {
        emit(Mnemonic.IRETQ);
    }

    /**
     * {@code int vector} (named with an underscore because {@code int} is a Java keyword): always CD ib, also
     * for vector 3, where GNU as writes the one-byte CC of {@link #int3()}.
     */
    public void int_(int vector) {
        emit(Mnemonic.INT, Imm.of(vector));
    }

    public void int3() {
        emit(Mnemonic.INT3);
    }

    public void hlt() {
        emit(Mnemonic.HLT);
    }

    public void cli() {
        emit(Mnemonic.CLI);
    }

    public void sti() {
        emit(Mnemonic.STI);
    }

    /** Clears the direction flag, so string instructions (rep movs/stos) count upwards. */
    public void cld() {
        emit(Mnemonic.CLD);
    }

    public void nop() {
        emit(Mnemonic.NOP);
    }

    public void ud2() {
        emit(Mnemonic.UD2);
    }

    public void leave() {
        emit(Mnemonic.LEAVE);
    }

    public void pause() {
        emit(Mnemonic.PAUSE);
    }

    public void cpuid() {
        emit(Mnemonic.CPUID);
    }

    public void rdtsc() {
        emit(Mnemonic.RDTSC);
    }

    /** Linux system call (hosted target): number in rax, arguments in rdi, rsi, rdx, r10, r8, r9. */
    public void syscall() {
        emit(Mnemonic.SYSCALL);
    }

    public void rdmsr() {
        emit(Mnemonic.RDMSR);
    }

    public void wrmsr() {
        emit(Mnemonic.WRMSR);
    }

    // ---------------------------------------------------------------- system

    /** {@code in dst, port}: dst is AL, AX or EAX; port an 8-bit {@link Imm} or {@link Reg#DX}. */
    public void in(Reg dst, Operand port) {
        emit(Mnemonic.IN, dst, port);
    }

    /** {@code out port, src}: src is AL, AX or EAX; port an 8-bit {@link Imm} or {@link Reg#DX}. */
    public void out(Operand port, Reg src) {
        emit(Mnemonic.OUT, port, src);
    }

    public void lgdt(Mem descriptor) {
        emit(Mnemonic.LGDT, descriptor);
    }

    public void lidt(Mem descriptor) {
        emit(Mnemonic.LIDT, descriptor);
    }

    /** {@code ltr r/m16}: loads the task register with a TSS selector (SDM Vol. 3A §8.2.4). */
    public void ltr(Operand selector) {
        emit(Mnemonic.LTR, selector);
    }

    public void movToControl(ControlReg dst, Reg src) {
        emit(Mnemonic.MOV, dst, src);
    }

    public void movFromControl(Reg dst, ControlReg src) {
        emit(Mnemonic.MOV, dst, src);
    }

    /** {@code mov sreg, r/m16}. */
    public void movToSeg(SegReg dst, Operand src) {
        emit(Mnemonic.MOV, dst, src);
    }

    public void movFromSeg(Reg dst, SegReg src) {
        emit(Mnemonic.MOV, dst, src);
    }

    public void invlpg(Mem address) {
        emit(Mnemonic.INVLPG, address);
    }

    public void repMovsb() {
        emit(Mnemonic.REP_MOVSB);
    }

    public void repMovsd() {
        emit(Mnemonic.REP_MOVSD);
    }

    public void repMovsq() {
        emit(Mnemonic.REP_MOVSQ);
    }

    public void repStosb() {
        emit(Mnemonic.REP_STOSB);
    }

    public void repStosd() {
        emit(Mnemonic.REP_STOSD);
    }

    public void repStosq() {
        emit(Mnemonic.REP_STOSQ);
    }

    /**
     * 64-bit code: {@code rep movsb} of {@code rcx} bytes as {@code rcx / 8} {@code movsq} iterations, then
     * {@code rcx % 8} {@code movsb} ones; rdx keeps the count meanwhile. The same bytes move, but a CPU that runs
     * {@code rep} one iteration at a time (QEMU's TCG does) needs about an eighth of the time.
     */
    public void repMovsbAsQwords() {
        stringOperationAsQwords(Mnemonic.REP_MOVSQ, Mnemonic.REP_MOVSB);
    }

    /** As {@link #repMovsbAsQwords}, for {@code rep stosb}; rax must hold the byte in all eight bytes (0 clears). */
    public void repStosbAsQwords() {
        stringOperationAsQwords(Mnemonic.REP_STOSQ, Mnemonic.REP_STOSB);
    }

    private void stringOperationAsQwords(Mnemonic qwords, Mnemonic bytes) {
        mov(Reg.RDX, Reg.RCX);
        shr(Reg.RCX, Imm.of(3));
        emit(qwords);
        mov(Reg.RCX, Reg.RDX);
        and(Reg.RCX, Imm.of(7));
        emit(bytes);
    }

    /**
     * Puts the 0x67 address-size prefix on the next instruction: in 16-bit code that instruction then uses
     * 32-bit addresses (ESI/EDI/ECX for string instructions, as in unreal mode's {@code a32 rep movsd}).
     */
    public void addressSize32() {
        if (mode == Mode.BITS32) {
            throw new IllegalStateException("addressSize32() in 32-bit mode would select 16-bit addressing; it is for 16- and 64-bit code");
        }
        addressSizePrefixPending = true;
    }

    // ---------------------------------------------------------------- SSE2 scalar floating point

    public void movsd(Operand dst, Operand src) {
        emit(Mnemonic.MOVSD, dst, src);
    }

    public void movss(Operand dst, Operand src) {
        emit(Mnemonic.MOVSS, dst, src);
    }

    /** {@code movd xmm, r/m32} or {@code movd r/m32, xmm}. */
    public void movd(Operand dst, Operand src) {
        emit(Mnemonic.MOVD, dst, src);
    }

    /** {@code movq xmm, r/m64} or {@code movq r/m64, xmm}. */
    public void movq(Operand dst, Operand src) {
        emit(Mnemonic.MOVQ, dst, src);
    }

    public void addsd(Xmm dst, Operand src) {
        emit(Mnemonic.ADDSD, dst, src);
    }

    public void subsd(Xmm dst, Operand src) {
        emit(Mnemonic.SUBSD, dst, src);
    }

    public void mulsd(Xmm dst, Operand src) {
        emit(Mnemonic.MULSD, dst, src);
    }

    public void divsd(Xmm dst, Operand src) {
        emit(Mnemonic.DIVSD, dst, src);
    }

    public void addss(Xmm dst, Operand src) {
        emit(Mnemonic.ADDSS, dst, src);
    }

    public void subss(Xmm dst, Operand src) {
        emit(Mnemonic.SUBSS, dst, src);
    }

    public void mulss(Xmm dst, Operand src) {
        emit(Mnemonic.MULSS, dst, src);
    }

    public void divss(Xmm dst, Operand src) {
        emit(Mnemonic.DIVSS, dst, src);
    }

    public void sqrtsd(Xmm dst, Operand src) {
        emit(Mnemonic.SQRTSD, dst, src);
    }

    public void ucomisd(Xmm a, Operand b) {
        emit(Mnemonic.UCOMISD, a, b);
    }

    public void ucomiss(Xmm a, Operand b) {
        emit(Mnemonic.UCOMISS, a, b);
    }

    /** Signed integer (r/m32 or r/m64) to double. */
    public void cvtsi2sd(Xmm dst, Operand src) {
        emit(Mnemonic.CVTSI2SD, dst, src);
    }

    /** Signed integer (r/m32 or r/m64) to float. */
    public void cvtsi2ss(Xmm dst, Operand src) {
        emit(Mnemonic.CVTSI2SS, dst, src);
    }

    /** Double to signed r32/r64, truncating. */
    public void cvttsd2si(Reg dst, Operand src) {
        emit(Mnemonic.CVTTSD2SI, dst, src);
    }

    /** Float to signed r32/r64, truncating. */
    public void cvttss2si(Reg dst, Operand src) {
        emit(Mnemonic.CVTTSS2SI, dst, src);
    }

    public void cvtss2sd(Xmm dst, Operand src) {
        emit(Mnemonic.CVTSS2SD, dst, src);
    }

    public void cvtsd2ss(Xmm dst, Operand src) {
        emit(Mnemonic.CVTSD2SS, dst, src);
    }

    public void xorpd(Xmm dst, Operand src) {
        emit(Mnemonic.XORPD, dst, src);
    }

    /** {@code movapd xmm, xmm}: a register-to-register copy of a double without a dependency on the destination. */
    public void movapd(Xmm dst, Xmm src) {
        emit(Mnemonic.MOVAPD, dst, src);
    }

    // ---------------------------------------------------------------- data

    /** Bytes; each value in -128..255. */
    public void db(int... bytes) {
        for (int b : bytes) {
            checkRange(b, -128, 0xFF, "db");
            code.write(b);
        }
    }

    public void db(byte[] bytes) {
        code.writeBytes(bytes);
    }

    /** A 16-bit value, -32768..65535. */
    public void dw(int value) {
        checkRange(value, Short.MIN_VALUE, 0xFFFF, "dw");
        InstructionEncoder.writeLittleEndian(code, value, 2);
    }

    /** A 32-bit value, -2^31..2^32-1. */
    public void dd(long value) {
        checkRange(value, Integer.MIN_VALUE, 0xFFFF_FFFFL, "dd");
        InstructionEncoder.writeLittleEndian(code, value, 4);
    }

    public void dq(long value) {
        InstructionEncoder.writeLittleEndian(code, value, 8);
    }

    /** The 16-bit address of {@code symbol + addend} (ABS16). */
    public void dw(String symbol, long addend) {
        dataReference(new Field.SymbolTarget(symbol, addend, RelocationKind.ABS16));
    }

    /** The 32-bit address of {@code symbol + addend} (ABS32). */
    public void dd(String symbol, long addend) {
        dataReference(new Field.SymbolTarget(symbol, addend, RelocationKind.ABS32));
    }

    /** The 64-bit address of {@code symbol + addend} (ABS64). */
    public void dq(String symbol, long addend) {
        dataReference(new Field.SymbolTarget(symbol, addend, RelocationKind.ABS64));
    }

    /** The 16-bit absolute address of {@code label}. */
    public void dw(Label label) {
        checkOwner(label);
        dataReference(new Field.LabelTarget(label, 0, false, RelocationKind.ABS16));
    }

    /** The 32-bit absolute address of {@code label}. */
    public void dd(Label label) {
        checkOwner(label);
        dataReference(new Field.LabelTarget(label, 0, false, RelocationKind.ABS32));
    }

    /** The 64-bit absolute address of {@code label}. */
    public void dq(Label label) {
        checkOwner(label);
        dataReference(new Field.LabelTarget(label, 0, false, RelocationKind.ABS64));
    }

    private void dataReference(Field.Target target) {
        int width = target instanceof Field.SymbolTarget s ? s.kind().width() : ((Field.LabelTarget) target).absoluteKind().width();
        int position = offset();
        InstructionEncoder.writeLittleEndian(code, 0, width);
        addField(position, width, target, offset());
    }

    /** Pads with {@code fillByte} up to a multiple of {@code alignment} (a power of two). */
    public void align(int alignment, int fillByte) {
        if (Integer.bitCount(alignment) != 1) {
            throw new IllegalArgumentException("alignment " + alignment + " is not a power of two");
        }
        checkRange(fillByte, -128, 0xFF, "align fill byte");
        largestAlignment = Math.max(largestAlignment, alignment);
        while (offset() % alignment != 0) {
            code.write(fillByte);
        }
    }

    public void zeros(int count) {
        if (count < 0) {
            throw new IllegalArgumentException("zeros(" + count + ")");
        }
        code.writeBytes(new byte[count]);
    }

    private void checkRange(long value, long min, long max, String what) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(what + " value " + value + " at offset 0x" + Integer.toHexString(offset())
                    + " is outside " + min + ".." + max);
        }
    }

    // ---------------------------------------------------------------- results

    /**
     * The section: bytes with every label reference patched, the symbols, and relocations for symbol
     * references. Absolute label references become relocations against the first symbol of the section
     * unless {@link #origin} was set. For {@link SectionKind#BSS} the content must be all zeros.
     *
     * @throws IllegalStateException when a used label was never bound or a reference cannot be resolved
     */
    public Section finish(String sectionName, SectionKind kind, int alignment) {
        if (alignment < largestAlignment) {
            throw new IllegalArgumentException("section " + sectionName + ": alignment " + alignment
                    + " is smaller than align(" + largestAlignment + ") used inside it");
        }
        List<Relocation> allRelocations = new ArrayList<>(relocations);
        byte[] bytes = resolve(origin, allRelocations, sectionName);
        List<Symbol> symbolList = new ArrayList<>();
        for (SymbolDefinition s : symbols) {
            symbolList.add(new Symbol(s.name, s.offset, s.size >= 0 ? s.size : bytes.length - s.offset));
        }
        if (kind == SectionKind.BSS) {
            for (byte b : bytes) {
                if (b != 0) {
                    throw new IllegalStateException("section " + sectionName + " is BSS but contains non-zero bytes");
                }
            }
            if (!allRelocations.isEmpty()) {
                throw new IllegalStateException("section " + sectionName + " is BSS but has relocations");
            }
            return Section.bss(sectionName, bytes.length, alignment, symbolList);
        }
        return new Section(sectionName, kind, bytes, bytes.length, alignment, symbolList, allRelocations);
    }

    /**
     * The bytes of flat code (a boot sector, a real-mode trampoline) with labels resolved against the
     * {@link #origin} (0 if none was set).
     *
     * @throws IllegalStateException when the code refers to symbols, which only a linker can resolve
     */
    public byte[] flatBinary() {
        if (!relocations.isEmpty()) {
            Relocation r = relocations.get(0);
            throw new IllegalStateException("flat binary refers to symbol " + r.symbol() + " at offset 0x"
                    + Integer.toHexString(r.offset()) + " (" + relocations.size() + " symbol reference(s)); "
                    + "flat code may only use labels; use finish() and the linker for code with symbols");
        }
        return resolve(origin == null ? 0L : origin, new ArrayList<>(), "flat binary");
    }

    /** Patches label references into a copy of the code; absolute ones without origin become relocations. */
    private byte[] resolve(Long base, List<Relocation> relocationsOut, String where) {
        byte[] bytes = code.toByteArray();
        for (LabelReference ref : labelReferences) {
            Label label = ref.target().label();
            if (!label.isBound()) {
                throw new IllegalStateException(where + ": label " + label + " is used at offset 0x"
                        + Integer.toHexString(ref.position()) + " but never bound; call bind(" + label + ")");
            }
            long value;
            if (ref.target().pcRelative()) {
                value = label.offset() + ref.target().addend() - ref.instructionEnd();
                checkFits(value, ref.width() * 8, true, label, ref, where);
            } else if (base != null) {
                value = base + label.offset() + ref.target().addend();
                RelocationKind kind = ref.target().absoluteKind();
                checkFits(value, ref.width() * 8, kind == RelocationKind.ABS32S || kind == RelocationKind.ABS64, label, ref, where);
            } else {
                SymbolDefinition anchor = symbols.isEmpty() ? null : symbols.get(0);
                if (anchor == null) {
                    throw new IllegalStateException(where + ": label " + label + " is used as an absolute address at offset 0x"
                            + Integer.toHexString(ref.position()) + ", but the section has no origin() and no symbol() to "
                            + "relocate against; set an origin for flat code or define a symbol");
                }
                relocationsOut.add(new Relocation(ref.position(), ref.target().absoluteKind(), anchor.name,
                        label.offset() + ref.target().addend() - anchor.offset));
                continue;
            }
            for (int i = 0; i < ref.width(); i++) {
                bytes[ref.position() + i] = (byte) (value >>> (8 * i));
            }
        }
        return bytes;
    }

    private static void checkFits(long value, int bits, boolean signed, Label label, LabelReference ref, String where) {
        if (bits >= 64) {
            return;
        }
        long min = signed ? -(1L << (bits - 1)) : 0;
        long max = signed ? (1L << (bits - 1)) - 1 : (1L << bits) - 1;
        if (value < min || value > max) {
            throw new IllegalStateException(where + ": reference to label " + label + " at offset 0x"
                    + Integer.toHexString(ref.position()) + " needs value 0x" + Long.toHexString(value)
                    + ", which does not fit in " + bits + " bits");
        }
    }
}
