package kiln.runtime;

/**
 * Machine operations that Java cannot express. The Kiln compiler replaces each call with a few inline
 * instructions (docs/abi.md, "Intrinsics"); there are no bodies. Only kernel-template classes may call
 * them: the build fails when application code does.
 */
public final class Intrinsics {
    private Intrinsics() {}

    // Port I/O (Intel SDM Vol. 1 §19.2): OUT/IN with the port in DX.
    public static native void outb(int port, int value);
    public static native void outw(int port, int value);
    public static native void outl(int port, int value);
    public static native int inb(int port);
    public static native int inw(int port);
    public static native int inl(int port);

    // Raw memory at an (identity-mapped) address.
    public static native long readLong(long address);
    public static native int readInt(long address);
    public static native short readShort(long address);
    public static native char readChar(long address);
    public static native byte readByte(long address);
    public static native void writeLong(long address, long value);
    public static native void writeInt(long address, int value);
    public static native void writeShort(long address, short value);
    public static native void writeChar(long address, char value);
    public static native void writeByte(long address, byte value);
    public static native void fillZero(long address, long bytes);
    /** {@code cld; rep movsb}: lowest address first, so ranges may overlap only if {@code to} is below {@code from}. */
    public static native void copyMemory(long from, long to, long bytes);

    // Objects as addresses and back; no GC moves objects yet, so an address stays valid.
    public static native long addressOf(Object o);
    public static native Object objectAt(long address);

    /** The calling method's {@code rbp}: {@code [rbp]} is its caller's rbp, {@code [rbp+8]} the return address. */
    public static native long framePointer();

    /** Sets {@code rsp}, {@code rbp} and {@code rax = exception}, then jumps to {@code pc}. Never returns. */
    public static native void resume(long pc, long sp, long fp, Object exception);

    /**
     * The context switch: pushes a resume point and rbp, stores rsp at {@code saveSpAt}, loads rsp from
     * {@code loadSpFrom}, pops rbp and returns into the other stack's resume point (9 instructions). Returns
     * when something switches back to the stored rsp. A fresh stack holds {@code [sp] = 0} (rbp) and
     * {@code [sp+8]} = the code to enter.
     */
    public static native void switchStacks(long saveSpAt, long loadSpFrom);

    /**
     * Stores rsp at {@code saveSpAt}, switches to {@code stackTop}, calls the argument-less static method at
     * {@code code} there, and on its return loads rsp from {@code saveSpAt} again, which the callee may have
     * rewritten (a stack that grew and moved).
     */
    public static native void callOnStack(long saveSpAt, long stackTop, long code);

    /**
     * The link-time address of {@code name}, which must be a string literal. {@code "m:owner.name(desc)"} is the
     * code of that static method, which the compiler then compiles as well.
     */
    public static native long symbol(String name);

    public static native long timestampCounter();

    /** Hosted target only: Linux system call {@code number} with three arguments; returns rax. */
    public static native long syscall(long number, long a1, long a2, long a3);
    /** The same with a fourth argument (in r10, as the Linux x86-64 system call convention has it). */
    public static native long syscall(long number, long a1, long a2, long a3, long a4);
    /** RDMSR/WRMSR (SDM Vol. 4 lists the registers): the 64-bit value of model-specific register {@code msr}. */
    public static native long readMsr(int msr);
    public static native void writeMsr(int msr, long value);

    /**
     * LGDT/LIDT: loads GDTR/IDTR from the 10-byte operand at {@code pointer} (2-byte limit, 8-byte base; SDM Vol. 3A
     * §2.4.1, §6.10).
     */
    public static native void loadGlobalDescriptorTable(long pointer);
    public static native void loadInterruptDescriptorTable(long pointer);

    /** LTR: loads the task register with the TSS selector {@code selector} (SDM Vol. 3A §8.2.4). */
    public static native void loadTaskRegister(int selector);

    /** CR2: the linear address of the last page fault (SDM Vol. 3A §6.15, interrupt 14). */
    public static native long pageFaultAddress();

    /** Writes CR3: the page-map level 4 table at {@code pml4}; flushes the TLB (SDM Vol. 3A §4.10.4.1). */
    public static native void setPageTableRoot(long pml4);

    /** {@code gs:[0]}: the address of the running CPU's per-CPU block (docs/abi.md "Per-CPU block"). */
    public static native long cpuBlock();

    /** INT n: raises interrupt {@code vector}, which must be a constant (the vector is part of the instruction). */
    public static native void softwareInterrupt(int vector);

    public static native void halt();
    public static native void disableInterrupts();
    public static native void enableInterrupts();

    /**
     * {@code sti; hlt}: enables interrupts and waits for the next one, which runs its handler before this
     * returns. STI takes effect only after the following instruction (SDM Vol. 2B STI), so an interrupt that
     * arrives between a check done with interrupts disabled and this call still wakes it: call it with
     * interrupts disabled to wait for an event without a lost-wakeup race. Returns with interrupts enabled.
     */
    public static native void haltUntilInterrupt();

    /** PAUSE: a spin-wait hint (SDM Vol. 2B PAUSE). */
    public static native void pause();

    // Atomic memory operations (docs/abi.md "Intrinsics"): each is one LOCK-prefixed or implicitly locked
    // instruction, atomic against every other processor (SDM Vol. 3A §9.1.2.2) and a full fence (§9.2.2: locked
    // instructions are not reordered with any load or store). Addresses must be naturally aligned.

    /** LOCK CMPXCHG: stores {@code newValue} at {@code address} if it holds {@code expected}; returns the old value. */
    public static native int compareAndExchangeInt(long address, int expected, int newValue);
    public static native long compareAndExchangeLong(long address, long expected, long newValue);

    /** LOCK XADD: adds {@code delta} to the value at {@code address}; returns the old value. */
    public static native int getAndAddInt(long address, int delta);
    public static native long getAndAddLong(long address, long delta);

    /** XCHG with memory (locked without a prefix): stores {@code value} at {@code address}; returns the old value. */
    public static native int getAndSetInt(long address, int value);
    public static native long getAndSetLong(long address, long value);

    /** MFENCE: every load and store before it is globally visible before any after it (SDM Vol. 2B MFENCE). */
    public static native void fullFence();

    /** CPUID leaf {@code leaf}, subleaf {@code subleaf}: the value of {@code register} 0..3 = eax, ebx, ecx, edx. */
    public static native int cpuid(int leaf, int subleaf, int register);

    /** Calls the application's {@code main(String[])}. */
    public static native void callMain(String[] args);

    /** Calls the argument-less static method whose code is at {@code address} and returns its result. */
    public static native Object invokeStaticObject(long address);

    /** Calls the argument-less static void method (or class-initialization routine) whose code is at {@code address}. */
    public static native void invokeStatic(long address);
}
