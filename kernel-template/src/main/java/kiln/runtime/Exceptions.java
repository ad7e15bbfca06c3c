package kiln.runtime;

import kiln.kernel.drivers.ExitDevice;
import kiln.kernel.drivers.Serial;
import kiln.kernel.memory.Stacks;

/**
 * Throwing, stack traces and uncaught exceptions, all by walking the frame-pointer chain
 * (docs/abi.md "Values and frames"):
 * <pre>
 *   frame f:   [f] = caller's frame    [f+8] = return address into the caller's code
 * </pre>
 * The return address in frame f belongs to the <em>caller's</em> method, whose frame is [f]. The outermost
 * frame (Kernel.start's) has [f] = 0, because the boot stub calls it with rbp = 0.
 *
 * <p>Why tables and not the alternatives: setjmp/longjmp-style handler chains cost every {@code try} a
 * store even when nothing throws; checking a "pending exception" after every call costs every call.
 * Table lookup costs nothing until a throw, and throws are rare.
 */
public final class Exceptions {
    /** Set while an uncaught exception is being printed, so a failure while printing cannot loop. */
    private static boolean reportingUncaught;
    /**
     * Stack that a frame walk keeps free above the limit, so that nothing it calls (the method table, an
     * allocation) grows and moves the stack it walks (kiln.kernel.sched, "Stacks").
     */
    private static final long WALK_HEADROOM = 8 << 10;

    private Exceptions() {}

    /**
     * Transfers control to the innermost handler that catches {@code exception}. Never returns. Each caller
     * frame is searched with (return address - 1), an address inside its call instruction, so a call that
     * ends a try range still counts as inside it.
     */
    static void unwind(Throwable exception) {
        Stacks.ensureHeadroom(WALK_HEADROOM); // the walk keeps frame addresses: its stack must not move meanwhile
        long frame = Intrinsics.framePointer();
        for (long caller = callerOf(frame); caller != 0; frame = caller, caller = callerOf(frame)) {
            long pc = Intrinsics.readLong(frame + 8) - 1;
            long method = MethodTable.find(pc);
            if (method == 0) {
                continue;
            }
            long handler = MethodTable.handlerFor(method, pc, exception);
            if (handler != 0) {
                // JVMS §2.10: the handler starts with an empty operand stack holding only the exception.
                long sp = caller - MethodTable.localsBytes(method);
                // Re-arm the stack check (disarmed while a StackOverflowError is thrown). Only intrinsics may
                // follow: any call would be checked against the limit while still on the deep stack.
                Intrinsics.writeLong(Intrinsics.symbol("kiln_stack_limit"), Intrinsics.readLong(Intrinsics.symbol("kiln_stack_guard")));
                Intrinsics.resume(handler, sp, caller, exception);
            }
        }
        reportUncaught("main", exception);
        ExitDevice.exit(1);
    }

    /**
     * The return addresses of the frames that called {@code throwable}'s creation, innermost first, the
     * way HotSpot records them: without the frames of {@code fillInStackTrace} and of the constructors of the
     * throwable's own class chain, without the runtime frames that raised it (e.g. a null check's
     * {@code Support.throwNullPointer}), and without the outermost frame ({@code Kernel.start}, the
     * stand-in for the JVM's launcher).
     */
    public static long[] backtrace(Throwable throwable) {
        if (OutOfMemory.makingPreallocated()) {
            return new long[0]; // the shared error has no trace, as HotSpot's; see OutOfMemory.preallocate
        }
        long[] all = returnAddresses();
        int first = 0; // the runtime's frames (this one's among them) and the creation frames are on top
        while (first < all.length) {
            long method = MethodTable.find(all[first] - 1);
            if (method == 0 || !isCreationFrame(MethodTable.name(method), throwable)) {
                break;
            }
            first++;
        }
        return range(all, first, all.length);
    }

    /**
     * The return addresses of the frames outward from the innermost frame of {@code method} ("pkg.Class.name") on
     * the running tasklet's stack, starting with its caller's and without the outermost frame (Kernel.start's,
     * the stand-in for the JVM's launcher), or an empty array when {@code method} is not on the stack. Found by
     * name rather than by depth, so that it holds whatever the optimizing tier inlined into the callers of this
     * method ({@code StackWalker}, {@code Reflection.getCallerClass}).
     */
    public static long[] framesAbove(String method) {
        long[] all = returnAddresses();
        for (int i = 0; i < all.length; i++) {
            if (methodAt(all[i]).equals(method)) {
                return range(all, i + 1, all.length);
            }
        }
        return new long[0];
    }

    /**
     * The return address in every frame of the running tasklet's stack but the outermost, innermost first: the
     * first is into this method's caller (or further out, if the optimizing tier inlined this method).
     */
    private static long[] returnAddresses() {
        Stacks.ensureHeadroom(WALK_HEADROOM); // as in unwind
        long[] returnAddresses = new long[16];
        int count = 0;
        long frame = Intrinsics.framePointer();
        for (long caller = callerOf(frame); caller != 0 && callerOf(caller) != 0; frame = caller, caller = callerOf(frame)) {
            if (count == returnAddresses.length) {
                long[] bigger = new long[count * 2];
                System.arraycopy(returnAddresses, 0, bigger, 0, count);
                returnAddresses = bigger;
            }
            returnAddresses[count++] = Intrinsics.readLong(frame + 8);
        }
        return range(returnAddresses, 0, count);
    }

    private static long[] range(long[] addresses, int from, int to) {
        long[] result = new long[to - from];
        System.arraycopy(addresses, from, result, 0, to - from);
        return result;
    }

    /**
     * Whether a frame of {@code method} ("pkg.Class.name") is a reflective call's ({@code Method.invoke} and what
     * it calls on the way: {@code java.lang.reflect}, {@code kiln.lib.reflect}, the generated
     * {@code $$KilnReflection} invokers), which HotSpot's caller-sensitive lookups skip.
     */
    public static boolean isReflectiveCall(String method) {
        return method.startsWith("java.lang.reflect.") || method.startsWith("kiln.lib.reflect.")
                || method.startsWith("jdk.internal.reflect.") || method.contains("$$KilnReflection.");
    }

    /**
     * Whether a frame of {@code method} is one that HotSpot would not show a stack walker by default: the
     * kernel's and the runtime's (the VM's own work, such as running a class initializer) and the classes the
     * compiler generates for lambdas (HotSpot's are hidden classes).
     */
    public static boolean isHiddenFrame(String method) {
        return method.startsWith("kiln.kernel.") || method.startsWith("kiln.runtime.") || method.contains("$$Lambda$");
    }

    /** "pkg.Class.method" of the code at {@code returnAddress}, as a stack trace line shows it. */
    public static String methodAt(long returnAddress) {
        long method = MethodTable.find(returnAddress - 1);
        if (method == 0) {
            return new StringBuilder("<unknown code at 0x").append(Long.toHexString(returnAddress)).append('>').toString();
        }
        return MethodTable.name(method);
    }

    /** A stack-trace line as HotSpot writes it: "pkg.Class.method(File.java:12)". */
    public static String frameAt(long returnAddress) {
        long method = MethodTable.find(returnAddress - 1);
        if (method == 0) {
            return methodAt(returnAddress);
        }
        String file = MethodTable.sourceFile(method);
        int line = MethodTable.lineNumber(method, returnAddress - 1);
        StringBuilder frame = new StringBuilder(MethodTable.name(method)).append('(');
        if (file == null) {
            frame.append("Unknown Source");
        } else {
            frame.append(file);
            if (line >= 0) {
                frame.append(':').append(line);
            }
        }
        return frame.append(')').toString();
    }

    /** The source file of the code at {@code returnAddress}, or null. */
    public static String sourceFileAt(long returnAddress) {
        long method = MethodTable.find(returnAddress - 1);
        return method == 0 ? null : MethodTable.sourceFile(method);
    }

    /** The source line of the code at {@code returnAddress}, or -1. */
    public static int lineAt(long returnAddress) {
        long method = MethodTable.find(returnAddress - 1);
        return method == 0 ? -1 : MethodTable.lineNumber(method, returnAddress - 1);
    }

    /**
     * Prints like HotSpot's default uncaught-exception handler, to {@code System.err}: {@code Exception in
     * thread "name" } and the stack trace.
     */
    public static void reportUncaught(String threadName, Throwable exception) {
        if (reportingUncaught) {
            Serial.writeAscii("kiln: exception while reporting an uncaught exception\n");
            ExitDevice.exit(1);
        }
        reportingUncaught = true;
        System.err.print("Exception in thread \"" + threadName + "\" ");
        exception.printStackTrace();
        System.err.flush();
        reportingUncaught = false;
    }

    /**
     * The caller's frame of {@code frame}, or 0 at the outermost frame. Callers live at higher addresses (the
     * stack grows down), so a link that does not go up is corrupt and ends the walk rather than looping.
     */
    private static long callerOf(long frame) {
        long caller = Intrinsics.readLong(frame);
        return caller > frame ? caller : 0;
    }

    private static boolean isCreationFrame(String method, Throwable throwable) {
        if (method.startsWith("kiln.runtime.")) {
            return true;
        }
        if (!method.endsWith(".<init>") && !method.endsWith(".fillInStackTrace")) {
            return false;
        }
        int classNameLength = method.lastIndexOf('.');
        for (Class<?> c = throwable.getClass(); c != null; c = c.getSuperclass()) {
            String className = c.getName();
            if (className.length() == classNameLength && method.startsWith(className)) {
                return true;
            }
        }
        return false;
    }
}
