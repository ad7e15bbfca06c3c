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
    public static native void halt();
    public static native void disableInterrupts();
    public static native void enableInterrupts();

    /** Calls the application's {@code main(String[])}. */
    public static native void callMain(String[] args);

    /** Calls the argument-less static method whose code is at {@code address} and returns its result. */
    public static native Object invokeStaticObject(long address);
}
