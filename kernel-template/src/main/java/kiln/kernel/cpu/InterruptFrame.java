package kiln.kernel.cpu;

import kiln.runtime.Intrinsics;

/**
 * The state the interrupt stub saved, at the address it passes to the dispatcher (InterruptStub in the
 * compiler; docs/abi.md "Interrupts"). The stub's part, then the CPU's (SDM Vol. 3A §6.14.2, Figure 6-9):
 * <pre>
 *   +0 xmm1  +8 xmm0  +16 rdi  +24 rsi  +32 rdx  +40 rcx  +48 rbp  +56 rax
 *   +64 return address of the vector's entry; on the way out: the bytes the stub drops (8, or 16 with an error code)
 *   +72 error code, for the vectors that have one (8, 10-14, 17, 21, 29, 30; SDM Vol. 3A Table 6-1)
 *   then rip, cs, rflags, rsp, ss (the hardware frame)
 * </pre>
 * Writing rip and rsp here changes where {@code iretq} resumes: that is how a fault becomes a call
 * ({@link Faults}).
 */
public final class InterruptFrame {
    static final long XMM1 = 0, XMM0 = 8, RDI = 16, RSI = 24, RDX = 32, RCX = 40, RBP = 48, RAX = 56;
    private static final long ENTRY_RETURN = 64, AFTER_ENTRY = 72;
    /** Bytes per entry in {@code kiln_interrupt_entries}: one {@code call rel32}. */
    private static final long ENTRY_SIZE = 5;
    /** Bit v set: the CPU pushes an error code for vector v (SDM Vol. 3A Table 6-1). */
    private static final int ERROR_CODE_VECTORS = 1 << 8 | 1 << 10 | 1 << 11 | 1 << 12 | 1 << 13 | 1 << 14
            | 1 << 17 | 1 << 21 | 1 << 29 | 1 << 30;
    private static final long RIP = 0, RSP = 24;

    private InterruptFrame() {}

    /** The vector whose entry ran: its {@code call} pushed the address of the next entry. */
    public static int vector(long frame) {
        return (int) ((Intrinsics.readLong(frame + ENTRY_RETURN) - Intrinsics.symbol("kiln_interrupt_entries")) / ENTRY_SIZE - 1);
    }

    static boolean hasErrorCode(int vector) {
        return vector < 32 && (ERROR_CODE_VECTORS >>> vector & 1) != 0;
    }

    static long errorCode(long frame, int vector) {
        return hasErrorCode(vector) ? Intrinsics.readLong(frame + AFTER_ENTRY) : 0;
    }

    private static long hardwareFrame(long frame, int vector) {
        return frame + AFTER_ENTRY + (hasErrorCode(vector) ? 8 : 0);
    }

    static long rip(long frame, int vector) {
        return Intrinsics.readLong(hardwareFrame(frame, vector) + RIP);
    }

    static long rsp(long frame, int vector) {
        return Intrinsics.readLong(hardwareFrame(frame, vector) + RSP);
    }

    static long rflags(long frame, int vector) {
        return Intrinsics.readLong(hardwareFrame(frame, vector) + 16);
    }

    static long register(long frame, long offset) {
        return Intrinsics.readLong(frame + offset);
    }

    /** Makes {@code iretq} resume at {@code rip} with {@code rsp}. */
    static void resumeAt(long frame, int vector, long rip, long rsp) {
        long hardware = hardwareFrame(frame, vector);
        Intrinsics.writeLong(hardware + RIP, rip);
        Intrinsics.writeLong(hardware + RSP, rsp);
    }

    /** The last thing the dispatcher does: tells the stub how much to drop before {@code iretq}. */
    public static void finish(long frame, int vector) {
        Intrinsics.writeLong(frame + ENTRY_RETURN, hasErrorCode(vector) ? 16 : 8);
    }
}
