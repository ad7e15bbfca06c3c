package dev.kiln.boot;

import dev.kiln.compiler.asm.Assembler;
import dev.kiln.compiler.asm.Imm;
import dev.kiln.compiler.asm.Label;
import dev.kiln.compiler.asm.Mem;
import dev.kiln.compiler.asm.Mode;
import dev.kiln.compiler.asm.Reg;
import dev.kiln.compiler.asm.Xmm;
import dev.kiln.compiler.object.ObjectModule;
import dev.kiln.compiler.object.Section;
import dev.kiln.compiler.object.SectionKind;

import java.util.List;

/**
 * The way from an interrupt or CPU exception into Java and back: one entry per IDT vector, and one common path
 * that saves what compiled Java may clobber, calls the Java dispatcher ({@code kiln.kernel.interrupts.InterruptDispatcher})
 * and returns with {@code iretq}. Plus the link-time memory the kernel builds its CPU tables in.
 *
 * <h2>Why this cannot be Java</h2>
 * The CPU enters a gate with a bare interrupt frame on the stack (SDM Vol. 3A §6.14.2, Figure 6-9) and every
 * register still holding the interrupted code's values; a compiled method's prologue would overwrite rbp and its
 * body the scratch registers before anything could save them, and no Java method can end in {@code iretq}.
 *
 * <h2>The entries: one {@code call} per vector</h2>
 * Entry {@code v} is {@code call kiln_interrupt_common} at {@code kiln_interrupt_entries + 5 * v}. The return
 * address it pushes identifies the vector ({@code (address - entries) / 5 - 1}), so an entry is one instruction
 * instead of the usual {@code push 0; push v; jmp common}. Whether the CPU pushed an error code (vectors 8, 10-14,
 * 17, 21, 29, 30; SDM Vol. 3A Table 6-1) is known to the dispatcher from the vector, so the stub does not
 * normalize the frame either: the dispatcher writes the number of bytes to drop (8, or 16 with an error code)
 * over the entry's return address, and the stub ends with {@code add rsp, [rsp]; iretq}.
 *
 * <h2>What is saved</h2>
 * Exactly what compiled Java can change (MethodCompiler, the baseline, docs/abi.md "Values and frames"): rax, rcx,
 * rdx, rsi, rdi, rbp and the low 64 bits of xmm0 and xmm1, the only XMM registers and the only parts of them the
 * baseline compiler uses; and, below those, rbx, r8-r15 and the low halves of xmm2-xmm15, which the optimizing tier
 * allocates (dev.kiln.compiler.opt). A compiler that uses more registers must grow this list. The saved state, at
 * the address passed to the dispatcher ({@code InterruptFrame} in the kernel reads it):
 * <pre>
 *   +0 xmm1  +8 xmm0  +16 rdi  +24 rsi  +32 rdx  +40 rcx  +48 rbp  +56 rax
 *   +64 return address of the entry (then: bytes to drop)   +72 [error code]  then rip, cs, rflags, rsp, ss
 * </pre>
 * rbp is 0 while the dispatcher runs, so stack walks end at it rather than wandering into the interrupted code;
 * a fault handler that wants the interrupted stack starts from the saved rbp.
 *
 * <h2>Fault signals on the hosted target</h2>
 * As a Linux process the kernel gets CPU faults as SIGSEGV, SIGFPE, SIGILL and SIGBUS instead (kiln.kernel.cpu.
 * HostedSignals). Linux enters a handler with the System V convention ({@code rdi} = signal, {@code rsi} =
 * siginfo, {@code rdx} = ucontext; psABI §3.2.3) on the alternate signal stack, while compiled Java takes its
 * arguments on the stack: {@link #SIGNAL_ENTRY} pushes the ucontext and calls the same dispatcher. It returns into
 * {@link #SIGNAL_RETURN}, the {@code sa_restorer}, whose {@code rt_sigreturn} resumes the (possibly rewritten)
 * context; it must run with rsp exactly at the signal frame's ucontext, which no Java method could guarantee.
 * Both live here rather than in HostedStub because every link includes this module, so the kernel's references
 * to them resolve on bare metal too.
 *
 * <h2>Rejected alternatives</h2>
 * <ul>
 *   <li>{@code push 0 / push v / jmp common} per vector: 3 instructions times 256 vectors would exceed the
 *       kernel's budget of 600 hand-written instructions by itself.</li>
 *   <li>Entries only for the vectors in use: {@code Interrupts.register} takes any free vector at run time, and
 *       code cannot be generated at run time without raw opcode bytes in the kernel.</li>
 *   <li>One shared entry for all external interrupts, the vector read back from the local APIC's in-service
 *       register: eight MMIO reads per interrupt, and wrong for spurious interrupts, which set no ISR bit.</li>
 *   <li>Saving all sixteen registers and the whole SSE state (fxsave): 512 bytes and ~20 more instructions for
 *       registers compiled code never touches.</li>
 * </ul>
 *
 * <h2>Memory for the CPU tables</h2>
 * The kernel builds its IDT, GDT, TSS and 4 KiB page tables in Java ({@code kiln.kernel.cpu},
 * {@code kiln.kernel.memory.PageTables}) into memory reserved here, because they are needed before there is a heap
 * and must never move. The IST stacks are here too; this module's BSS follows the boot stub's, so they lie above
 * the boot stack and its stack limit (the dispatcher's own prologue check passes on them).
 *
 * <h2>Where it is linked</h2>
 * Every link puts {@link #module()} right after {@link BootStub#module()} and before the compiled program (the
 * toolchain's {@code KilnBuild}); the program defines {@link #DISPATCH}. <i>Rejected</i>: the stub inside the
 * compiler's module, where it was: it is boot code in every other respect (hand-written, firmware- and
 * CPU-facing, checked with objdump like the entry stubs), and the compiler then emitted machine code it did not
 * compile.
 */
public final class InterruptStub {
    public static final String ENTRIES = "kiln_interrupt_entries";
    private static final String COMMON = "kiln_interrupt_common";
    /** The Java dispatcher's code; the compiled program defines it (Symbols.INTERRUPT_DISPATCH in the compiler). */
    public static final String DISPATCH = "kiln_interrupt_dispatch";
    public static final int VECTOR_COUNT = 256;
    /** The hosted target's {@code sa_handler} for fault signals, and their {@code sa_restorer}. */
    public static final String SIGNAL_ENTRY = "kiln_signal_entry";
    public static final String SIGNAL_RETURN = "kiln_signal_return";
    private static final int SYS_RT_SIGRETURN = 15;
    /** Bytes per entry: one {@code call rel32}. */
    public static final int ENTRY_SIZE = 5;

    /** 256 gates of 16 bytes (SDM Vol. 3A §6.14.1). */
    public static final String IDT = "kiln_idt";
    /** Eight descriptors: null, code, data, the 16-byte TSS descriptor, and room. */
    public static final String GDT = "kiln_gdt";
    public static final String TSS = "kiln_tss";
    /** 10 bytes of scratch for the limit/base operand of lgdt and lidt. */
    public static final String DESCRIPTOR_POINTER = "kiln_descriptor_pointer";
    /** IST1..IST6 stacks, {@link #IST_STACK_SIZE} bytes each, IST n at [base + (n-1)*size, base + n*size). */
    public static final String IST_STACKS = "kiln_ist_stacks";
    public static final int IST_STACK_COUNT = 6;
    public static final int IST_STACK_SIZE = 16 << 10;
    /** Three 4 KiB page tables: the low 2 MiB (page 0 unmapped) and the 2 MiB regions of the two guard pages. */
    public static final String SMALL_PAGE_TABLES = "kiln_small_page_tables";
    private static final int PAGE_SIZE = 4096;

    /**
     * Hand-written instructions in {@link #module()}; InterruptStubTest checks it against {@code objdump}. 49 of them
     * save and restore the optimizing tier's registers (9 pushes and pops, 14 XMM stores and loads, the two stack
     * adjustments, and the state's address computed with a lea instead of pushed with push rsp).
     */
    public static final int INSTRUCTION_COUNT = VECTOR_COUNT + 26 + 7 + 49;

    /**
     * The registers only the optimizing tier (dev.kiln.compiler.opt.LinearScan) keeps values in: saved below the
     * state the dispatcher reads, whose layout they leave as it is. An interrupt may arrive in optimized code, and
     * the handler it runs may be optimized code too.
     */
    private static final List<Reg> OPTIMIZED_TIER_REGISTERS = List.of(Reg.RBX, Reg.R8, Reg.R9, Reg.R10, Reg.R11,
            Reg.R12, Reg.R13, Reg.R14, Reg.R15);
    private static final List<Xmm> OPTIMIZED_TIER_XMM = List.of(Xmm.XMM2, Xmm.XMM3, Xmm.XMM4, Xmm.XMM5, Xmm.XMM6,
            Xmm.XMM7, Xmm.XMM8, Xmm.XMM9, Xmm.XMM10, Xmm.XMM11, Xmm.XMM12, Xmm.XMM13, Xmm.XMM14, Xmm.XMM15);

    private InterruptStub() {
    }

    public static ObjectModule module() {
        return new ObjectModule("kiln-interrupt-stub", List.of(text(), bss()));
    }

    private static Section text() {
        Assembler asm = new Assembler(Mode.BITS64);
        Label common = asm.newLabel(COMMON);
        asm.symbol(ENTRIES);
        for (int vector = 0; vector < VECTOR_COUNT; vector++) {
            asm.call(common);
        }
        asm.endSymbol();

        asm.bind(common);
        asm.symbol(COMMON);
        for (Reg saved : List.of(Reg.RAX, Reg.RBP, Reg.RCX, Reg.RDX, Reg.RSI, Reg.RDI)) {
            asm.push(saved);
        }
        asm.movq(Reg.RAX, Xmm.XMM0);
        asm.push(Reg.RAX);
        asm.movq(Reg.RAX, Xmm.XMM1);
        asm.push(Reg.RAX);
        for (Reg saved : OPTIMIZED_TIER_REGISTERS) {
            asm.push(saved);
        }
        asm.sub(Reg.RSP, Imm.of(8L * OPTIMIZED_TIER_XMM.size()));
        for (int i = 0; i < OPTIMIZED_TIER_XMM.size(); i++) {
            asm.movsd(Mem.of(64, Reg.RSP, 8 * i), OPTIMIZED_TIER_XMM.get(i));
        }
        // The one argument (baseline convention, docs/abi.md): the saved state, i.e. the address of the xmm1 slot,
        // above the optimizing tier's registers.
        asm.lea(Reg.RAX, Mem.of(64, Reg.RSP, 8 * (OPTIMIZED_TIER_REGISTERS.size() + OPTIMIZED_TIER_XMM.size())));
        asm.push(Reg.RAX);
        asm.xor(Reg.EBP, Reg.EBP);
        asm.call(DISPATCH);
        asm.pop(Reg.RAX);
        for (int i = 0; i < OPTIMIZED_TIER_XMM.size(); i++) {
            asm.movsd(OPTIMIZED_TIER_XMM.get(i), Mem.of(64, Reg.RSP, 8 * i));
        }
        asm.add(Reg.RSP, Imm.of(8L * OPTIMIZED_TIER_XMM.size()));
        for (int i = OPTIMIZED_TIER_REGISTERS.size() - 1; i >= 0; i--) {
            asm.pop(OPTIMIZED_TIER_REGISTERS.get(i));
        }
        asm.pop(Reg.RAX);
        asm.movq(Xmm.XMM1, Reg.RAX);
        asm.pop(Reg.RAX);
        asm.movq(Xmm.XMM0, Reg.RAX);
        for (Reg saved : List.of(Reg.RDI, Reg.RSI, Reg.RDX, Reg.RCX, Reg.RBP, Reg.RAX)) {
            asm.pop(saved);
        }
        // The dispatcher replaced the entry's return address by the bytes to drop: it and the error code, if any.
        asm.add(Reg.RSP, Mem.of(64, Reg.RSP, 0));
        asm.iretq();
        asm.endSymbol();

        asm.symbol(SIGNAL_ENTRY);
        asm.push(Reg.RDX);
        asm.xor(Reg.EBP, Reg.EBP);
        asm.call(DISPATCH);
        asm.pop(Reg.RDX);
        asm.ret();
        asm.endSymbol();
        asm.symbol(SIGNAL_RETURN);
        asm.mov(Reg.EAX, Imm.of(SYS_RT_SIGRETURN));
        asm.syscall();
        asm.endSymbol();
        return asm.finish(".text.kiln_interrupts", SectionKind.TEXT, 16);
    }

    private static Section bss() {
        Assembler bss = new Assembler(Mode.BITS64);
        bss.symbol(SMALL_PAGE_TABLES);
        bss.zeros(3 * PAGE_SIZE);
        bss.symbol(IDT);
        bss.zeros(VECTOR_COUNT * 16);
        bss.symbol(GDT);
        bss.zeros(8 * 8);
        bss.symbol(TSS);
        bss.zeros(112);
        bss.symbol(DESCRIPTOR_POINTER);
        bss.zeros(16);
        bss.symbol(IST_STACKS);
        bss.zeros(IST_STACK_COUNT * IST_STACK_SIZE);
        bss.endSymbol();
        return bss.finish(".bss.kiln_interrupts", SectionKind.BSS, PAGE_SIZE);
    }
}
