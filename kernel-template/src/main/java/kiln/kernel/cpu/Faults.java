package kiln.kernel.cpu;

import kiln.runtime.Intrinsics;
import kiln.runtime.MethodTable;

/**
 * CPU exceptions (vectors 0-31) become Java exceptions where they happen, or a panic.
 *
 * <h2>A fault becomes a call</h2>
 * For a fault in compiled Java, the saved interrupt frame is rewritten so that {@code iretq} "returns" into a
 * throw routine of {@code kiln.runtime.Support}, as if the faulting instruction had called it — what Go's
 * {@code sigpanic} does with a signal context. Below the interrupted rsp goes a return address, and the frame's
 * rip becomes the routine's code:
 * <pre>
 *   interrupted stack after the rewrite       the routine then runs with
 *   | ...caller's frames...            |        rbp = the faulting method's rbp (restored by the stub)
 *   | faulting method's operand stack  |  <- old rsp
 *   | faulting rip + 1                 |  <- rsp: its "return address"
 * </pre>
 * The return address is the faulting instruction's address plus one because stack walks look up
 * {@code returnAddress - 1} (the call instruction of a real call): so the method table finds the faulting
 * instruction itself, its try ranges and its source line — the same file:line the explicit checks report. The
 * routine never returns, so the made-up address is never jumped to. It throws like any other code, and the
 * unwinder reaches the faulting method's handlers through the rbp chain as usual.
 *
 * <h2>Which fault becomes what</h2>
 * <ul>
 *   <li>#PF below 4096 (page 0 is unmapped, kiln.kernel.memory.PageTables): a null dereference →
 *       NullPointerException. Fields and array headers lie at small offsets from the reference.</li>
 *   <li>#PF in the boot stack's guard page → StackOverflowError. The faulting stack has no room, so the routine
 *       runs on {@code kiln_overflow_stack}, just below the guard page; the prologue check usually throws first
 *       (docs/abi.md "Stack limit"), the guard page is the backstop.</li>
 *   <li>#DE → ArithmeticException("/ by zero"). (MIN_VALUE / -1 also raises #DE on x86; compiled code tests
 *       for -1 first, so that one never faults.)</li>
 *   <li>#UD, #GP → java.lang.InternalError naming the fault and the place.</li>
 *   <li>Everything else, any fault in kernel code ({@code kiln.kernel.*}, {@code kiln.runtime.*}, which keep
 *       explicit checks, so a fault there is a kernel bug), outside compiled code, while an interrupt or fault is
 *       being handled (nesting depth above 0), double fault, NMI, machine check → {@link Panic}.</li>
 * </ul>
 *
 * <p><i>Rejected</i>: throwing from the dispatcher itself (it runs on an IST stack with rbp = 0, so the exception
 * could not reach the faulting method's handlers); unwinding from the dispatcher straight to the handler (the
 * exception's stack trace is built by its constructor, which must run in the faulting context to see it).
 */
public final class Faults {
    static final int DIVIDE_ERROR = 0, INVALID_OPCODE = 6, GENERAL_PROTECTION = 13;
    private static final long PAGE = 4096;

    private Faults() {}

    /** Called by the dispatcher for vectors 0-31; {@code depth} is the nesting depth before this entry. */
    public static void handle(long frame, int vector, int depth) {
        if (vector == DescriptorTables.NMI || vector == DescriptorTables.DOUBLE_FAULT
                || vector == DescriptorTables.MACHINE_CHECK) {
            Panic.fault(frame, vector, "(not recoverable)");
        }
        if (depth > 0) {
            Panic.fault(frame, vector, "in an interrupt handler or while handling a fault");
        }
        long rip = InterruptFrame.rip(frame, vector);
        long method = MethodTable.find(rip);
        if (method == 0) {
            Panic.fault(frame, vector, "outside compiled Java code");
        }
        if (isKernelCode(MethodTable.name(method))) {
            Panic.fault(frame, vector, "in kernel code");
        }
        long rsp = InterruptFrame.rsp(frame, vector);
        switch (vector) {
            case DIVIDE_ERROR -> enterAsCall(frame, vector, Intrinsics.symbol("m:kiln/runtime/Support.throwDivideByZero()V"), rsp - 8);
            case DescriptorTables.PAGE_FAULT -> pageFault(frame, vector, rsp, method);
            case INVALID_OPCODE, GENERAL_PROTECTION -> {
                long sp = rsp - 16;
                Intrinsics.writeLong(sp + 8, vector); // the routine's one argument, just above its return address
                enterAsCall(frame, vector, Intrinsics.symbol("m:kiln/runtime/Support.throwCpuFault(I)V"), sp);
            }
            default -> Panic.fault(frame, vector, "in Java code (no Java exception corresponds)");
        }
    }

    private static void pageFault(long frame, int vector, long rsp, long method) {
        long address = InterruptFrame.faultAddress(frame);
        long guardPage = Intrinsics.symbol("kiln_boot_stack");
        if (address >= 0 && address < PAGE) {
            enterAsCall(frame, vector, Intrinsics.symbol("m:kiln/runtime/Support.throwNullPointer()V"), rsp - 8);
        } else if (address >= guardPage && address < guardPage + PAGE) {
            // The overflow stack's top is the guard page's bottom; 16 bytes keep its frames 16-aligned.
            long sp = guardPage - 16;
            long routine = Intrinsics.symbol("m:kiln/runtime/Support.throwStackOverflow()V");
            if (InterruptFrame.rip(frame, vector) == MethodTable.codeStart(method)) {
                // The prologue's push rbp faulted: rbp is still the caller's, so the method has no frame yet.
                // Make it the caller's fault, at its call: the return address the call left at [rsp].
                Intrinsics.writeLong(sp, Intrinsics.readLong(rsp));
                InterruptFrame.resumeAt(frame, vector, routine, sp);
            } else {
                enterAsCall(frame, vector, routine, sp);
            }
        } else {
            Panic.fault(frame, vector, "at an address compiled Java cannot reach");
        }
    }

    /** Makes {@code iretq} enter {@code routine} as if the faulting instruction had called it with rsp = {@code sp}. */
    private static void enterAsCall(long frame, int vector, long routine, long sp) {
        Intrinsics.writeLong(sp, InterruptFrame.rip(frame, vector) + 1);
        InterruptFrame.resumeAt(frame, vector, routine, sp);
    }

    private static boolean isKernelCode(String method) {
        return method.startsWith("kiln.kernel.") || method.startsWith("kiln.runtime.");
    }

    /** The SDM's name of CPU exception {@code vector} (Vol. 3A Table 6-1), for reports. */
    public static String name(int vector) {
        return switch (vector) {
            case 0 -> "divide error";
            case 1 -> "debug exception";
            case 2 -> "NMI";
            case 3 -> "breakpoint";
            case 4 -> "overflow";
            case 5 -> "BOUND range exceeded";
            case 6 -> "invalid opcode";
            case 7 -> "device not available";
            case 8 -> "double fault";
            case 9 -> "coprocessor segment overrun";
            case 10 -> "invalid TSS";
            case 11 -> "segment not present";
            case 12 -> "stack-segment fault";
            case 13 -> "general protection fault";
            case 14 -> "page fault";
            case 16 -> "x87 floating-point error";
            case 17 -> "alignment check";
            case 18 -> "machine check";
            case 19 -> "SIMD floating-point exception";
            case 20 -> "virtualization exception";
            case 21 -> "control protection exception";
            default -> vector < 32 ? "reserved exception" : "interrupt";
        };
    }
}
