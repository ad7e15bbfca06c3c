package dev.kiln.boot;

import dev.kiln.compiler.asm.Assembler;
import dev.kiln.compiler.asm.Cond;
import dev.kiln.compiler.asm.ControlReg;
import dev.kiln.compiler.asm.Imm;
import dev.kiln.compiler.asm.Label;
import dev.kiln.compiler.asm.Mem;
import dev.kiln.compiler.asm.Mode;
import dev.kiln.compiler.asm.Reg;
import dev.kiln.compiler.asm.SegReg;
import dev.kiln.compiler.object.ObjectModule;
import dev.kiln.compiler.object.Section;
import dev.kiln.compiler.object.SectionKind;

import java.util.ArrayList;
import java.util.List;

/**
 * The kernel's first instructions: from the 32-bit protected mode a boot loader leaves us in to the 64-bit world
 * compiled Java needs, then {@code call kiln_java_start}.
 *
 * <h2>What the loaders give us</h2>
 * Multiboot2 (§3.3 "I386 machine state") and Xen PVH (xen/include/public/arch-x86/hvm/start_info.h) both enter
 * {@code kiln_entry32} with CS a flat 32-bit code segment, DS/ES/SS flat data segments, paging off, interrupts
 * off, and no stack. Multiboot2 puts its magic 0x36d76289 in eax and the boot information address in ebx; PVH
 * puts the {@code hvm_start_info} address in ebx (its first word is the magic 0x336ec578) and leaves eax
 * undefined. The GDTR, IDTR and EFLAGS.DF are undefined in both.
 *
 * <h2>What compiled Java needs (docs/abi.md)</h2>
 * 64-bit mode (the compiler emits only 64-bit code); memory addressable at the addresses it was linked for
 * (identity mapping, paging is mandatory in 64-bit mode); a stack in rsp and {@code rbp = 0} so frame walks end;
 * SSE on (float and double live in xmm registers); and static data that the image leaves to the BSS reading as
 * zero.
 *
 * <h2>Why this cannot be Java</h2>
 * Every step changes the machine that the following instructions run on: until the far jump at the end there is
 * no 64-bit mode to run compiled code in, and a compiled method cannot switch the instruction encoding under its
 * own feet (the same bytes mean different instructions in 32- and 64-bit mode). Before the BSS is cleared and rsp
 * is set, a Java method would have neither a stack nor trustworthy statics. So the stub is as small as the
 * hardware allows, and everything else (final page tables, IDT, heap) is done in Java by the kernel.
 *
 * <h2>Alternatives rejected</h2>
 * <ul>
 *   <li>Leave the mode switch to Kiln's own boot loader only: GRUB and QEMU's {@code -kernel} enter in 32-bit
 *       mode, so the kernel must accept a 32-bit entry anyway, and one path is less to test.</li>
 *   <li>1 GiB pages (one PDPT, no page directories): QEMU's default {@code qemu64} CPU and older processors lack
 *       them (CPUID.80000001H:EDX.Page1GB, SDM Vol. 3A §4.1.4).</li>
 *   <li>Page tables prebuilt by the linker in the data section: saves the fill loop (five instructions) but puts
 *       24 KiB of predictable bytes in every image file.</li>
 *   <li>Clearing the BSS with {@code rep stosd}: needs {@code cld} first (EFLAGS.DF is undefined on entry), so a
 *       plain loop is as short and does not depend on DF.</li>
 * </ul>
 *
 * <h2>Memory it owns</h2>
 * {@code kiln_boot_magic} and {@code kiln_boot_info} (8 bytes each) are in DATA, not BSS, because they are
 * written before the BSS is cleared. The page tables and the 1 MiB boot stack are in the stub's BSS, which the
 * first loops clear, all but the stack (its contents never matter, and under QEMU's TCG 1 MiB of stores is a
 * measurable part of booting); the tables are then built, and the stack used only after that. The stub clears the
 * BSS whichever loader started it: Kiln's own loaders leave that to it.
 * The kernel later unmaps the boot stack's lowest page as a guard page (kiln.kernel.memory.PageTables); the
 * stack limit's reserve lies above it.
 */
public final class BootStub {
    /** The symbols this module defines and the one it calls. */
    public static final String ENTRY32 = "kiln_entry32";
    public static final String JAVA_START = "kiln_java_start";
    public static final String BOOT_MAGIC = "kiln_boot_magic";
    public static final String BOOT_INFO = "kiln_boot_info";
    /** Top (exclusive end) of the boot stack: rsp when {@code kiln_java_start} is called. */
    public static final String BOOT_STACK_TOP = "kiln_boot_stack_top";
    public static final int BOOT_STACK_SIZE = 1 << 20;
    /**
     * The lowest rsp compiled methods may run with: every method's prologue compares rsp with this word and
     * calls {@code Support.throwStackOverflow} below it. The reserve under it is what constructing and
     * throwing the StackOverflowError may use; the runtime sets the word to 0 (unlimited) meanwhile and
     * restores it from {@link #STACK_GUARD} when a handler is reached. Tasklets will switch these per stack.
     */
    public static final String STACK_LIMIT = "kiln_stack_limit";
    /** The armed value of {@link #STACK_LIMIT}. */
    public static final String STACK_GUARD = "kiln_stack_guard";
    /** 0 on bare metal; {@link HostedStub} sets it to 1 when the kernel runs as a Linux process. */
    public static final String HOSTED = "kiln_hosted";
    /**
     * The boot CPU's per-CPU block (docs/abi.md "Per-CPU block"), which the kernel points IA32_GS_BASE at:
     * +0 its own address (what {@code gs:[0]} reads), +8 {@link #STACK_LIMIT}, +16 {@link #STACK_GUARD}, +24 CPU
     * number, +32 interrupt nesting depth. The stack words live inside it so that each CPU has its own.
     */
    public static final String CPU_BLOCK = "kiln_cpu_block";
    /**
     * A stack below the boot stack's guard page on which a StackOverflowError raised by the guard page is built
     * (kiln.kernel.cpu.Faults): the overflowed stack has no room left, and lying below the boot stack keeps the
     * frame-pointer chain rising from it into the boot stack, as frame walks require.
     */
    public static final String OVERFLOW_STACK = "kiln_overflow_stack";
    static final int OVERFLOW_STACK_SIZE = 32 << 10;
    static final int STACK_RESERVE = 64 << 10;

    private static final String ENTRY64 = "kiln_entry64";
    private static final String GDT = "kiln_boot_gdt";
    private static final String GDT_POINTER = "kiln_boot_gdt_pointer";
    private static final String PML4 = "kiln_boot_pml4";
    private static final String PDPT = "kiln_boot_pdpt";
    private static final String PAGE_DIRECTORIES = "kiln_boot_page_directories";
    static final String BOOT_STACK = "kiln_boot_stack";

    private static final int PAGE_SIZE = 4096;
    /** Four page directories of 512 2-MiB pages each: 4 GiB, enough for RAM below 4 GiB and the local APIC,
     *  I/O APIC and framebuffer MMIO that sit just below 4 GiB. The kernel builds its real tables in Java. */
    private static final int PAGE_DIRECTORY_COUNT = 4;
    private static final int TWO_MIB = 1 << 21;

    /*
     * Paging-structure entries with 4-level paging (SDM Vol. 3A §4.5, Figure 4-11, Tables 4-15 to 4-18).
     *
     *  PML4E, PDPTE (referencing the next table)
     *   63 62    52 51                                   12 11   8 7  6 5 4   3   2   1  0
     *  +--+--------+---------------------------------------+------+--+-+-+---+---+---+--+--+
     *  |XD| ignored|  physical address of next table       |ign.  |PS|.|A|PCD|PWT|U/S|RW|P |
     *  +--+--------+---------------------------------------+------+--+-+-+---+---+---+--+--+
     *                                                               0
     *  PDE mapping a 2 MiB page (PS = 1)
     *   63 62    52 51                      21 20       13 12  11 9 8 7  6 5 4   3   2   1  0
     *  +--+--------+--------------------------+-----------+---+----+-+--+-+-+---+---+---+--+--+
     *  |XD| ignored| physical address of page | reserved 0|PAT|ign.|G|PS|D|A|PCD|PWT|U/S|RW|P |
     *  +--+--------+--------------------------+-----------+---+----+-+--+-+-+---+---+---+--+--+
     *                                                                   1
     * Tables are 4 KiB-aligned, so "address | flags" is the entry. U/S = 0: supervisor only; XD = 0 (EFER.NXE is
     * off, where bit 63 is reserved).
     */
    private static final int PRESENT = 1;
    private static final int WRITABLE = 1 << 1;
    private static final int PAGE_SIZE_2MIB = 1 << 7;
    private static final int TABLE_ENTRY_FLAGS = PRESENT | WRITABLE;
    private static final int LARGE_PAGE_FLAGS = PRESENT | WRITABLE | PAGE_SIZE_2MIB;
    private static final int ENTRY_SIZE = 8;

    /*
     * Control-register and MSR bits (SDM Vol. 3A §2.5 "Control Registers", §2.2.1 "Extended Feature Enable
     * Register"; the long-mode sequence is §10.8.5 "Initializing IA-32e Mode", SSE is §13.1.3 "Initialization of
     * the SSE Extensions").
     */
    private static final int CR0_PE = 1;           // protection enable (already set by the loader)
    private static final int CR0_MP = 1 << 1;      // monitor coprocessor: WAIT/FWAIT honour TS
    private static final int CR0_EM = 1 << 2;      // emulation: must be 0 or SSE instructions raise #UD
    private static final int CR0_PG = 1 << 31;     // paging; with EFER.LME = 1 this activates IA-32e mode
    private static final int CR4_PAE = 1 << 5;     // physical address extension: required for IA-32e paging
    private static final int CR4_OSFXSR = 1 << 9;  // OS supports FXSAVE/FXRSTOR: enables SSE instructions
    private static final int CR4_OSXMMEXCPT = 1 << 10; // OS handles #XM: unmasked SIMD FP exceptions raise #XM, not #UD
    private static final int IA32_EFER = 0xC000_0080;
    private static final int EFER_LME = 1 << 8;    // long mode enable

    /*
     * GDT (SDM Vol. 3A §3.4.5, Figure 3-8 "Segment Descriptor"; §5.2.1 "Code-Segment Descriptor in 64-bit Mode").
     *
     *   63         56 55 54  53 52  51    48 47 46 45 44 43     40 39          32
     *  +-------------+--+---+--+---+--------+--+-----+--+---------+-------------+
     *  | base 31:24  |G |D/B|L |AVL|lim 19:16|P | DPL |S |  type   | base 23:16  |
     *  +-------------+--+---+--+---+--------+--+-----+--+---------+-------------+
     *   31                             16 15                                     0
     *  +---------------------------------+---------------------------------------+
     *  |          base 15:0              |              limit 15:0               |
     *  +---------------------------------+---------------------------------------+
     *
     * In 64-bit mode base and limit are ignored for CS/DS/ES/SS; what counts is P, S, type and, for code, L = 1
     * with D = 0. G and the 4 GiB limit are set anyway so the same descriptors would also be sane in 32-bit mode.
     * The accessed bit (type bit 0) is preset: otherwise loading a selector makes the CPU write the descriptor,
     * which would fault once the kernel maps read-only data read-only.
     */
    private static final long NULL_DESCRIPTOR = 0;
    /** P=1 DPL=0 S=1 type=1011 (execute/read, accessed), G=1 L=1 D=0, limit 0xFFFFF. */
    private static final long CODE64_DESCRIPTOR = 0x00AF_9B00_0000_FFFFL;
    /** P=1 DPL=0 S=1 type=0011 (read/write, accessed), G=1 D/B=1, limit 0xFFFFF. */
    private static final long DATA_DESCRIPTOR = 0x00CF_9300_0000_FFFFL;
    private static final int CODE_SELECTOR = 0x08;
    private static final int DATA_SELECTOR = 0x10;
    private static final int GDT_SIZE = 3 * 8;

    /**
     * Hand-written instructions in {@link #module()}; BootStubTest checks it against {@code objdump}. Kiln
     * reports it as the amount of assembly a reader must trust.
     */
    public static final int INSTRUCTION_COUNT = 55;

    private BootStub() {
    }

    /** Text (32- and 64-bit code), read-only GDT, the two boot words, and the BSS with page tables and stack. */
    /**
     * What every Kiln link puts first: the loaders' way in (the Multiboot2 header, first in the image, and the PVH
     * note, both pointing at {@link #ENTRY32}) and the stub itself.
     */
    public static ObjectModule module() {
        List<Section> sections = new ArrayList<>();
        sections.add(Multiboot2Header.section());
        sections.addAll(code().sections());
        sections.add(PvhNote.section(ENTRY32));
        return new ObjectModule("kiln-boot-stub", sections);
    }

    /** The stub's own sections, without the loader headers (for the tests that disassemble it). */
    static ObjectModule code() {
        return new ObjectModule("kiln-boot-stub-code", List.of(text(), gdt(), bootWords(), bss()));
    }

    public static int instructionCount() {
        return INSTRUCTION_COUNT;
    }

    private static Section text() {
        Assembler asm = new Assembler(Mode.BITS32);
        asm.symbol(ENTRY32);
        asm.cli();
        // Neither loader promises the direction flag; compiled code's rep stos/movs assume it clear (SysV ABI).
        asm.cld();
        // The loader's words, before anything can overwrite the registers (they live in DATA, see class docs).
        asm.mov(Mem.symbol(32, BOOT_MAGIC, 0), Reg.EAX);
        asm.mov(Mem.symbol(32, BOOT_INFO, 0), Reg.EBX);

        // Clear [__bss_start, __bss_end) but the boot stack, which needs no zeros (the loaders leave the BSS as they
        // found it, docs/boot.md): 1 MiB fewer stores. All bounds are 4-aligned (linker, section alignment); below
        // the stack lie this module's page tables (never empty), above it the other modules' BSS (maybe empty).
        Label bssCleared = asm.newLabel("bss_cleared");
        asm.xor(Reg.EAX, Reg.EAX);
        asm.mov(Reg.EDI, Imm.symbol("__bss_start", 0));
        Label clearBelowStack = asm.newLabel("clear_bss_below_stack");
        asm.bind(clearBelowStack);
        asm.mov(Mem.of(32, Reg.EDI, 0), Reg.EAX);
        asm.add(Reg.EDI, Imm.of(4));
        asm.cmp(Reg.EDI, Imm.symbol(BOOT_STACK, 0));
        asm.jcc(Cond.B, clearBelowStack);
        asm.mov(Reg.EDI, Imm.symbol(BOOT_STACK_TOP, 0));
        Label clearAboveStack = asm.newLabel("clear_bss_above_stack");
        asm.bind(clearAboveStack);
        asm.cmp(Reg.EDI, Imm.symbol("__bss_end", 0));
        asm.jcc(Cond.AE, bssCleared);
        asm.mov(Mem.of(32, Reg.EDI, 0), Reg.EAX);
        asm.add(Reg.EDI, Imm.of(4));
        asm.jmp(clearAboveStack);
        asm.bind(bssCleared);

        // PML4[0] -> PDPT; PDPT[0..3] -> the four page directories. The upper halves are zero from the clear.
        asm.mov(Mem.symbol(32, PML4, 0), Imm.symbol(PDPT, TABLE_ENTRY_FLAGS));
        for (int i = 0; i < PAGE_DIRECTORY_COUNT; i++) {
            asm.mov(Mem.symbol(32, PDPT, (long) i * ENTRY_SIZE), Imm.symbol(PAGE_DIRECTORIES, (long) i * PAGE_SIZE + TABLE_ENTRY_FLAGS));
        }
        // PD entry n maps [n * 2 MiB, (n + 1) * 2 MiB): identity, 2048 entries over the four contiguous directories.
        asm.mov(Reg.EDI, Imm.symbol(PAGE_DIRECTORIES, 0));
        asm.mov(Reg.EAX, Imm.of(LARGE_PAGE_FLAGS));
        Label fillDirectories = asm.newLabel("fill_page_directories");
        asm.bind(fillDirectories);
        asm.mov(Mem.of(32, Reg.EDI, 0), Reg.EAX);
        asm.add(Reg.EAX, Imm.of(TWO_MIB));
        asm.add(Reg.EDI, Imm.of(ENTRY_SIZE));
        asm.cmp(Reg.EDI, Imm.symbol(PAGE_DIRECTORIES, (long) PAGE_DIRECTORY_COUNT * PAGE_SIZE));
        asm.jcc(Cond.B, fillDirectories);

        // SDM Vol. 3A §10.8.5: CR4.PAE, CR3 = PML4, EFER.LME, then CR0.PG activates IA-32e mode (compatibility
        // mode until CS is reloaded). The SSE bits ride along in the same CR0/CR4 writes.
        asm.mov(Reg.EAX, Imm.symbol(PML4, 0));
        asm.movToControl(ControlReg.CR3, Reg.EAX);
        asm.movFromControl(Reg.EAX, ControlReg.CR4);
        asm.or(Reg.EAX, Imm.of(CR4_PAE | CR4_OSFXSR | CR4_OSXMMEXCPT));
        asm.movToControl(ControlReg.CR4, Reg.EAX);
        asm.mov(Reg.ECX, Imm.of(Integer.toUnsignedLong(IA32_EFER)));
        asm.rdmsr();
        asm.or(Reg.EAX, Imm.of(EFER_LME));
        asm.wrmsr();
        asm.movFromControl(Reg.EAX, ControlReg.CR0);
        asm.and(Reg.EAX, Imm.of(~CR0_EM));
        asm.or(Reg.EAX, Imm.of(Integer.toUnsignedLong(CR0_PG | CR0_MP | CR0_PE)));
        asm.movToControl(ControlReg.CR0, Reg.EAX);
        // The far jump loads CS from the new GDT: L = 1, so execution continues in 64-bit mode (§10.8.5 step 5).
        asm.lgdt(Mem.symbol(0, GDT_POINTER, 0));
        Label entry64 = asm.newLabel(ENTRY64);
        asm.jmpFar(CODE_SELECTOR, entry64);

        asm.mode(Mode.BITS64);
        asm.bind(entry64);
        asm.symbol(ENTRY64);
        // DS, ES and SS still hold the loader's selectors, which index a GDT that may no longer exist.
        asm.mov(Reg.EAX, Imm.of(DATA_SELECTOR));
        for (SegReg segment : List.of(SegReg.DS, SegReg.ES, SegReg.SS, SegReg.FS, SegReg.GS)) {
            asm.movToSeg(segment, Reg.AX);
        }
        // 16-byte aligned at the call, as the System V psABI §3.2.2 expects; rbp = 0 ends frame walks (abi.md).
        asm.mov(Reg.RSP, Imm.symbol(BOOT_STACK_TOP, 0));
        asm.xor(Reg.EBP, Reg.EBP);
        asm.call(JAVA_START);
        // The kernel returned: nothing left to run. hlt wakes on NMIs and SMIs, hence the loop.
        Label halt = asm.newLabel("halt");
        asm.bind(halt);
        asm.cli();
        asm.hlt();
        asm.jmp(halt);
        return asm.finish(".text.kiln_boot", SectionKind.TEXT, 16);
    }

    /** The GDT and the pointer lgdt reads: limit (2 bytes), base (4 bytes in 32-bit mode, 8 in 64-bit mode). */
    private static Section gdt() {
        Assembler data = new Assembler(Mode.BITS64);
        data.symbol(GDT);
        data.dq(NULL_DESCRIPTOR);
        data.dq(CODE64_DESCRIPTOR);
        data.dq(DATA_DESCRIPTOR);
        data.symbol(GDT_POINTER);
        data.dw(GDT_SIZE - 1);
        data.dq(GDT, 0);
        return data.finish(".rodata.kiln_boot_gdt", SectionKind.RODATA, 8);
    }

    private static Section bootWords() {
        Assembler data = new Assembler(Mode.BITS64);
        data.symbol(BOOT_MAGIC);
        data.dq(0);
        data.symbol(BOOT_INFO);
        data.dq(0);
        data.symbol(HOSTED);
        data.dq(0);
        data.symbol(CPU_BLOCK);
        data.dq(CPU_BLOCK, 0);
        data.symbol(STACK_LIMIT);
        data.dq(BOOT_STACK, STACK_RESERVE);
        data.symbol(STACK_GUARD);
        data.dq(BOOT_STACK, STACK_RESERVE);
        data.symbol("kiln_cpu_number");
        data.dq(0);
        data.symbol("kiln_interrupt_depth");
        data.dq(0);
        return data.finish(".data.kiln_boot", SectionKind.DATA, 8);
    }

    private static Section bss() {
        Assembler bss = new Assembler(Mode.BITS64);
        bss.symbol(PML4);
        bss.zeros(PAGE_SIZE);
        bss.symbol(PDPT);
        bss.zeros(PAGE_SIZE);
        bss.symbol(PAGE_DIRECTORIES);
        bss.zeros(PAGE_DIRECTORY_COUNT * PAGE_SIZE);
        bss.symbol(OVERFLOW_STACK);
        bss.zeros(OVERFLOW_STACK_SIZE);
        bss.symbol(BOOT_STACK);
        bss.zeros(BOOT_STACK_SIZE);
        bss.symbol(BOOT_STACK_TOP);
        return bss.finish(".bss.kiln_boot", SectionKind.BSS, PAGE_SIZE);
    }
}
