package dev.kiln.boot;

import dev.kiln.compiler.asm.Assembler;
import dev.kiln.compiler.asm.Cond;
import dev.kiln.compiler.asm.Imm;
import dev.kiln.compiler.asm.Label;
import dev.kiln.compiler.asm.Mem;
import dev.kiln.compiler.asm.Mode;
import dev.kiln.compiler.asm.Reg;
import dev.kiln.compiler.object.ObjectModule;
import dev.kiln.compiler.object.SectionKind;
import java.util.List;

/**
 * The entry of the hosted target: the same kernel, linked with this module too, runs as an ordinary Linux
 * process, so compiled code can be measured natively against HotSpot (benchmarks) and tested without QEMU.
 *
 * <p>Linux maps the ELF's PT_LOAD segments at their addresses (1 MiB and up, above {@code vm.mmap_min_addr}) and
 * jumps to {@link #ENTRY} in 64-bit mode. Nothing of the boot stub's machine setup is needed; what the Java
 * runtime expects of its world is made to hold instead: the boot stack (so the stack-limit words and frame
 * walks work unchanged), {@code rbp = 0}, and the heap region that {@code BootInformation} reports on this target,
 * [align(__kernel_end), 1 GiB), mapped anonymously: Linux backs only the pages the heap touches, and the heap touches
 * only what it uses (Heap, "Collecting after a budget"). {@code kiln_hosted = 1} tells
 * the runtime to write its console to file descriptor 1 and to end with {@code exit_group} instead of port I/O.
 * The initial rsp (argc, then argv) goes to {@code kiln_boot_info}: the program's arguments are the kernel command
 * line here.
 *
 * <p>Why assembly: it runs before any Java frame can exist (no stack of ours yet) and issues raw system calls.
 * The fault-signal entry is in {@link InterruptStub}, which every link includes, so that the kernel's references to
 * it resolve on bare metal too.
 */
public final class HostedStub {
    public static final String ENTRY = "kiln_linux_entry";
    /** Hand-written instructions in {@link #module()}; HostedStubTest checks it against {@code objdump}. */
    public static final int INSTRUCTION_COUNT = 27;
    /** The heap's end on this target: BootInformation.HOSTED_RAM_END in the kernel template. */
    private static final long HEAP_END = 1L << 30;
    private static final int SYS_MMAP = 9, SYS_MADVISE = 28, SYS_EXIT_GROUP = 231;
    /**
     * madvise advice: back the range with transparent huge pages where Linux can (mm/transparent_hugepage "madvise"
     * mode, the default of most distributions): a heap that grows through hundreds of MiB then takes a fault per 2 MiB
     * instead of per 4 KiB, which was a tenth of bench BinaryTrees' time.
     */
    private static final int MADV_HUGEPAGE = 14;
    private static final int PROT_READ_WRITE = 0x3;
    private static final int MAP_PRIVATE_ANONYMOUS_FIXED = 0x02 | 0x20 | 0x10;
    /** Exit status when the heap cannot be mapped (EX_SOFTWARE would be 70; this is distinct and documented). */
    private static final int HEAP_MAP_FAILED = 71;

    private HostedStub() {
    }

    public static ObjectModule module() {
        Assembler asm = new Assembler(Mode.BITS64);
        Label mapped = asm.newLabel();
        asm.symbol(ENTRY);
        // Linux's initial stack holds argc, argv[], envp[] (System V psABI §3.4.1, Figure 3.9): the kernel's
        // command line on this target, kept where a boot loader's information would be.
        asm.mov(Mem.symbol(64, BootStub.BOOT_INFO, 0), Reg.RSP);
        asm.mov(Reg.RSP, Imm.symbol(BootStub.BOOT_STACK_TOP, 0));
        asm.xor(Reg.EBP, Reg.EBP);
        // mmap(__kernel_end, HEAP_END - __kernel_end, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS|MAP_FIXED, -1, 0)
        asm.mov(Reg.RDI, Imm.symbol("__kernel_end", 0));
        asm.mov(Reg.RSI, Imm.of(HEAP_END));
        asm.sub(Reg.RSI, Reg.RDI);
        asm.mov(Reg.EDX, Imm.of(PROT_READ_WRITE));
        asm.mov(Reg.R10D, Imm.of(MAP_PRIVATE_ANONYMOUS_FIXED));
        asm.mov(Reg.R8, Imm.of(-1));
        asm.xor(Reg.R9D, Reg.R9D);
        asm.mov(Reg.EAX, Imm.of(SYS_MMAP));
        asm.syscall();
        asm.cmp(Reg.RAX, Reg.RDI);
        asm.jcc(Cond.E, mapped);
        asm.mov(Reg.EDI, Imm.of(HEAP_MAP_FAILED));
        asm.mov(Reg.EAX, Imm.of(SYS_EXIT_GROUP));
        asm.syscall();
        asm.bind(mapped);
        // madvise(heap, same length, MADV_HUGEPAGE): advice only, so its result does not matter (an older kernel
        // without transparent huge pages answers EINVAL, and the heap works as well with small pages).
        asm.mov(Reg.RSI, Imm.of(HEAP_END));
        asm.sub(Reg.RSI, Reg.RDI);
        asm.mov(Reg.EDX, Imm.of(MADV_HUGEPAGE));
        asm.mov(Reg.EAX, Imm.of(SYS_MADVISE));
        asm.syscall();
        asm.mov(Mem.symbol(64, BootStub.HOSTED, 0), Imm.of(1));
        asm.call(BootStub.JAVA_START);
        // Kernel.start ends the process itself; should it return, end with status 0 like a returning main.
        asm.xor(Reg.EDI, Reg.EDI);
        asm.mov(Reg.EAX, Imm.of(SYS_EXIT_GROUP));
        asm.syscall();
        asm.endSymbol();
        return new ObjectModule("kiln-hosted-stub", List.of(asm.finish(".text.kiln_hosted", SectionKind.TEXT, 16)));
    }
}
