package kiln.kernel.cpu;

import kiln.kernel.drivers.HostedLinux;
import kiln.runtime.Intrinsics;

/**
 * The interrupted state a fault handler reads and rewrites. On bare metal it is what the interrupt stub saved, at
 * the address it passes to the dispatcher (InterruptStub in the compiler; docs/abi.md "Interrupts"): the stub's
 * part, then the CPU's (SDM Vol. 3A §6.14.2, Figure 6-9):
 * <pre>
 *   +0 xmm1  +8 xmm0  +16 rdi  +24 rsi  +32 rdx  +40 rcx  +48 rbp  +56 rax
 *   +64 return address of the vector's entry; on the way out: the bytes the stub drops (8, or 16 with an error code)
 *   +72 error code, for the vectors that have one (8, 10-14, 17, 21, 29, 30; SDM Vol. 3A Table 6-1)
 *   then rip, cs, rflags, rsp, ss (the hardware frame)
 * </pre>
 * On the hosted target it is the {@code ucontext_t} the Linux kernel passed to the signal handler; its
 * {@code uc_mcontext} (a {@code struct sigcontext}, arch/x86/include/uapi/asm/sigcontext.h) starts at +40:
 * <pre>
 *   +40 r8 .. +96 r15   +104 rdi  +112 rsi  +120 rbp  +128 rbx  +136 rdx  +144 rax  +152 rcx  +160 rsp  +168 rip
 *   +176 eflags  +184 cs/gs/fs/ss  +192 err  +200 trapno (the CPU's vector)  +208 oldmask  +216 cr2
 * </pre>
 * The {@code siginfo_t} follows the {@code ucontext_t} in Linux's signal frame ({@code struct rt_sigframe},
 * arch/x86/include/asm/sigframe.h: {@code uc} then {@code info}), {@link #UCONTEXT_BYTES} further on; its first
 * int is the signal number. (The trap number alone cannot tell a timer signal from a fault: Linux leaves there
 * whatever the thread's last trap was.)
 * Writing rip and rsp changes where {@code iretq} (or {@code rt_sigreturn}) resumes: that is how a fault becomes
 * a call ({@link Faults}).
 */
public final class InterruptFrame {
    private static final long RDI = 16, RSI = 24, RDX = 32, RCX = 40, RBP = 48, RAX = 56;
    private static final long ENTRY_RETURN = 64, AFTER_ENTRY = 72;
    private static final long HARDWARE_RIP = 0, HARDWARE_RFLAGS = 16, HARDWARE_RSP = 24;
    /** Bytes per entry in {@code kiln_interrupt_entries}: one {@code call rel32}. */
    private static final long ENTRY_SIZE = 5;
    /** Bit v set: the CPU pushes an error code for vector v (SDM Vol. 3A Table 6-1). */
    private static final int ERROR_CODE_VECTORS = 1 << 8 | 1 << 10 | 1 << 11 | 1 << 12 | 1 << 13 | 1 << 14
            | 1 << 17 | 1 << 21 | 1 << 29 | 1 << 30;
    private static final long UC_RDI = 104, UC_RSI = 112, UC_RBP = 120, UC_RDX = 136, UC_RAX = 144, UC_RCX = 152,
            UC_RSP = 160, UC_RIP = 168, UC_EFLAGS = 176, UC_ERR = 192, UC_TRAPNO = 200, UC_CR2 = 216;
    /** The kernel's {@code struct ucontext}: flags, link, stack_t (24), sigcontext (256), sigset_t (8). */
    private static final long UCONTEXT_BYTES = 304;

    private InterruptFrame() {}

    /** Bare metal: the vector whose entry ran (its {@code call} pushed the address of the next entry). */
    public static int vector(long frame) {
        return (int) ((Intrinsics.readLong(frame + ENTRY_RETURN) - Intrinsics.symbol("kiln_interrupt_entries")) / ENTRY_SIZE - 1);
    }

    /** Hosted: the CPU exception that raised the signal, or the timer's vector for the timer signal. */
    public static int hostedVector(long context) {
        int signal = Intrinsics.readInt(context + UCONTEXT_BYTES);
        return HostedSignals.vector(signal, (int) Intrinsics.readLong(context + UC_TRAPNO));
    }

    static boolean hasErrorCode(int vector) {
        return HostedLinux.isActive() || vector < 32 && (ERROR_CODE_VECTORS >>> vector & 1) != 0;
    }

    static long errorCode(long frame, int vector) {
        if (HostedLinux.isActive()) {
            return Intrinsics.readLong(frame + UC_ERR);
        }
        return hasErrorCode(vector) ? Intrinsics.readLong(frame + AFTER_ENTRY) : 0;
    }

    private static long hardwareFrame(long frame, int vector) {
        return frame + AFTER_ENTRY + (hasErrorCode(vector) ? 8 : 0);
    }

    private static long slot(long frame, int vector, long hardwareOffset, long hostedOffset) {
        return HostedLinux.isActive() ? frame + hostedOffset : hardwareFrame(frame, vector) + hardwareOffset;
    }

    private static long register(long frame, long offset, long hostedOffset) {
        return Intrinsics.readLong(frame + (HostedLinux.isActive() ? hostedOffset : offset));
    }

    static long rip(long frame, int vector) {
        return Intrinsics.readLong(slot(frame, vector, HARDWARE_RIP, UC_RIP));
    }

    static long rsp(long frame, int vector) {
        return Intrinsics.readLong(slot(frame, vector, HARDWARE_RSP, UC_RSP));
    }

    static long rflags(long frame, int vector) {
        return Intrinsics.readLong(slot(frame, vector, HARDWARE_RFLAGS, UC_EFLAGS));
    }

    static long rbp(long frame) {
        return register(frame, RBP, UC_RBP);
    }

    static long rax(long frame) {
        return register(frame, RAX, UC_RAX);
    }

    static long rcx(long frame) {
        return register(frame, RCX, UC_RCX);
    }

    static long rdx(long frame) {
        return register(frame, RDX, UC_RDX);
    }

    static long rsi(long frame) {
        return register(frame, RSI, UC_RSI);
    }

    static long rdi(long frame) {
        return register(frame, RDI, UC_RDI);
    }

    /** The address a page fault was for: CR2 on bare metal, the signal context's copy of it when hosted. */
    static long faultAddress(long frame) {
        return HostedLinux.isActive() ? Intrinsics.readLong(frame + UC_CR2) : Intrinsics.pageFaultAddress();
    }

    /** Makes {@code iretq} (or {@code rt_sigreturn}) resume at {@code rip} with {@code rsp}. */
    static void resumeAt(long frame, int vector, long rip, long rsp) {
        Intrinsics.writeLong(slot(frame, vector, HARDWARE_RIP, UC_RIP), rip);
        Intrinsics.writeLong(slot(frame, vector, HARDWARE_RSP, UC_RSP), rsp);
    }

    /** Bare metal, the last thing the dispatcher does: tells the stub how much to drop before {@code iretq}. */
    public static void finish(long frame, int vector) {
        Intrinsics.writeLong(frame + ENTRY_RETURN, hasErrorCode(vector) ? 16 : 8);
    }
}
