package kiln.kernel.memory;

import kiln.kernel.cpu.Panic;
import kiln.kernel.drivers.ExitDevice;
import kiln.kernel.drivers.Serial;
import kiln.runtime.Intrinsics;
import kiln.runtime.MethodTable;
import kiln.runtime.ObjectModel;
import kiln.runtime.Support;

/**
 * Machine stacks: the boot stack, the system stack, and the small growable stacks of tasklets (the design is
 * in {@code kiln.kernel.sched}'s package comment, "Stacks").
 *
 * <h2>The words this class keeps true</h2>
 * {@code kiln_stack_limit} is what every prologue compares with (docs/abi.md "Stack limit"), and
 * {@code kiln_stack_guard} its armed value; both belong to the stack that runs. {@link #switchTo} changes them
 * together with rsp; {@link #runOnSystemStack} sets the system stack's and then puts the caller's back as they
 * were (or the new ones, if the stack grew).
 *
 * <h2>Growing</h2>
 * A prologue whose frame would cross the limit calls {@link #growFromPrologue} (no check of its own; it runs in
 * the {@link #RESERVE} under the limit), which goes to the system stack and there runs {@link #growCurrent}:
 * copy the live part to a block twice the size, relocate the saved-rbp chain, rewrite the saved rsp. The
 * prologue then checks again. Nothing else points into a stack: compiled Java never takes a local's address,
 * registers hold nothing across the call, and the runtime code that holds frame addresses either runs on the
 * system stack (the collector, the grower) or first makes sure it cannot grow meanwhile ({@link #ensureHeadroom}:
 * the unwinder, stack traces).
 *
 * <p>No static initializer: {@link #growFromPrologue} reads this class's statics, and a class-initialization
 * check there would itself need stack.
 */
public final class Stacks {
    /**
     * A tasklet's first stack: enough for a tasklet that parks in a channel receive without growing, so that an idle
     * tasklet costs under 1 KiB in all (issue 7; bench/tasklets measures it, and TaskletTest's IdleReceivers fails if
     * such a tasklet grows). The deepest points of that receive are the park (Scheduler.park, runNext, switchTo's
     * check) and the allocation of its Channel.Waiter when the pool of spares is empty (a million parked receivers
     * hold a million waiters): Channel.receive, Support.newInstance, ObjectModel.newObject, and Heap.allocate's check,
     * whose refill of the bump range runs on the system stack (Heap, "Small frames"). Both need 336 bytes above the
     * {@link #RESERVE} from a tasklet entered with a bound method reference (IdleReceivers passes with 608 bytes, fails
     * with 576); 640 leaves 48 to spare, and an idle tasklet costs 928 bytes. (Before the refill moved to the system
     * stack, Heap.take's check needed 448: 704 bytes, 1,000 per idle tasklet.) A tasklet that goes deeper grows to
     * twice this on demand, which costs time once, never correctness.
     */
    public static final long INITIAL_BYTES = 640;
    /** Beyond this a tasklet's stack does not grow: StackOverflowError, as HotSpot's default -Xss1m. */
    public static final long MAX_BYTES = 1 << 20;
    /**
     * Under the limit of a heap stack: room for the grower to reach the system stack (growFromPrologue and
     * runOnSystemStack: two frames and callOnStack's pushes, 200 bytes, below the failing prologue's rsp, which the
     * caller's check kept at or above the limit).
     */
    static final long RESERVE = 256;
    /** Added once when a stack overflows: room to construct and throw the StackOverflowError. */
    static final long OVERFLOW_RESERVE = 64 << 10;
    /**
     * Above the limit, what {@link #growFromPrologue}'s frame must have before it calls the preemption handler, as
     * any caller: its own locals and operand stack (under 128 bytes) and the 64 bytes of slack every prologue check
     * leaves for the callee's return address and saved rbp (docs/abi.md "Stack limit").
     */
    private static final long HANDLER_HEADROOM = 192;
    /** What {@code Intrinsics.callOnStack} pushes under the rsp it saves (its three arguments) and pops again. */
    private static final long CALL_ON_STACK_PUSHES = 24;
    private static final long SYSTEM_STACK_BYTES = 64 << 10;
    /** The boot stub's stack (BootStub.BOOT_STACK_SIZE) and the reserve under its limit (BootStub.STACK_RESERVE). */
    private static final long BOOT_STACK_BYTES = 1 << 20;
    private static final long BOOT_STACK_RESERVE = 64 << 10;
    private static final long GUARD_PAGE = 4096;
    /** Finished tasklets' initial stacks kept for the next spawn; the rest go back to the collector. */
    private static final int POOL_CAPACITY = 1024;

    /** The stack that runs (outside the system stack); the boot stack until the first switch. */
    private static Stack current;
    private static Stack systemStack;
    /** Head of the list of live stacks ({@link Stack#nextLive}); the collector scans each. */
    private static Stack liveStacks;
    private static Stack[] pool;
    private static int pooled;
    /** How many times {@link #growCurrent} moved a stack to a bigger block since boot ({@link #growCount}). */
    private static long grows;
    /** How many times {@link #growFromPrologue} called the preemption handler since boot ({@link #preemptionCount}). */
    private static long preemptions;
    /** Set by {@link #growCurrent} when the current stack may not grow further. */
    private static boolean overflowing;
    /**
     * The stack-limit value that asks the running code to stop (package comment of kiln.kernel.sched,
     * "Preemption"): every prologue check and loop-head poll fails against it and calls {@link #growFromPrologue}.
     */
    public static final long PREEMPT_POISON = -1;
    /** Set by the timer interrupt; taken by the interrupt dispatcher, which then poisons the limit. */
    private static volatile boolean preemptRequested;
    /** The static method {@link #growFromPrologue} calls on a poisoned limit (the scheduler's), 0 = none. */
    private static long preemptionHandler;
    /** {@link #checkPreemptible}'s answer. */
    private static boolean preemptible;

    private Stacks() {}

    /** Makes the boot stack the current one and sets up the system stack. Once, after the heap. */
    public static void init() {
        Stack boot = new Stack();
        boot.top = Intrinsics.symbol("kiln_boot_stack_top");
        long bootBottom = boot.top - BOOT_STACK_BYTES;
        boot.base = bootBottom + GUARD_PAGE; // the lowest page is unmapped (PageTables)
        boot.limit = bootBottom + BOOT_STACK_RESERVE;
        register(boot);
        current = boot;
        pool = new Stack[POOL_CAPACITY];
        systemStack = allocate(SYSTEM_STACK_BYTES); // not in the live list: scanned from the collector's frame up
    }

    /** The boot stack: the main tasklet's. */
    public static Stack current() {
        return current;
    }

    /**
     * A stack for a new tasklet that enters {@code code} (a static void method without arguments, which must
     * never return) on the first switch to it.
     */
    public static Stack forEntry(long code) {
        Stack stack;
        if (pooled > 0) {
            stack = pool[--pooled];
            pool[pooled] = null;
        } else {
            stack = allocate(INITIAL_BYTES);
        }
        register(stack);
        // [sp] = rbp 0 (the outermost frame), [sp+8] = where switchStacks returns to, [sp+16] = the entry's
        // return address: 0, which also ends every frame walk.
        stack.savedSp = stack.top - 24;
        Intrinsics.writeLong(stack.savedSp, 0);
        Intrinsics.writeLong(stack.savedSp + 8, code);
        Intrinsics.writeLong(stack.savedSp + 16, 0);
        return stack;
    }

    /** Returns a finished tasklet's stack. The caller must not be running on it. */
    public static void release(Stack stack) {
        unregister(stack);
        stack.setOwner(null);
        if (stack.size() == INITIAL_BYTES && pooled < POOL_CAPACITY) {
            pool[pooled++] = stack;
        }
    }

    private static Stack allocate(long bytes) {
        Stack stack = new Stack();
        stack.memory = new long[(int) (bytes >>> 3)];
        stack.base = Intrinsics.addressOf(stack.memory) + 24; // ObjectModel.ARRAY_ELEMENTS_OFFSET
        stack.top = stack.base + bytes;
        stack.limit = stack.base + RESERVE;
        return stack;
    }

    private static void register(Stack stack) {
        stack.previousLive = null;
        stack.nextLive = liveStacks;
        if (liveStacks != null) {
            liveStacks.previousLive = stack;
        }
        liveStacks = stack;
    }

    private static void unregister(Stack stack) {
        if (stack.previousLive != null) {
            stack.previousLive.nextLive = stack.nextLive;
        } else {
            liveStacks = stack.nextLive;
        }
        if (stack.nextLive != null) {
            stack.nextLive.previousLive = stack.previousLive;
        }
        stack.nextLive = null;
        stack.previousLive = null;
    }

    /**
     * Leaves the current stack for {@code next}: returns when something switches back. Between the limit
     * words and the switch only intrinsics run, since a call would check rsp on one stack against the other's
     * limit.
     */
    public static void switchTo(Stack next) {
        long saveAt = Intrinsics.addressOf(current) + Stack.SAVED_SP_OFFSET;
        long loadFrom = Intrinsics.addressOf(next) + Stack.SAVED_SP_OFFSET;
        long limit = next.limit;
        // From here on only intrinsics: a call's prologue could grow "the current stack" or, on a poisoned limit,
        // save rsp into it (runOnSystemStack), and that is next's from now on, although this code still runs on
        // the stack it leaves.
        current = next;
        Intrinsics.writeLong(Intrinsics.symbol("kiln_stack_limit"), limit);
        Intrinsics.writeLong(Intrinsics.symbol("kiln_stack_guard"), limit);
        Intrinsics.switchStacks(saveAt, loadFrom);
    }

    /**
     * Called by a prologue (docs/abi.md "Stack limit"), without a check of its own: grows the current stack on
     * the system stack, or throws StackOverflowError when it may not grow.
     */
    static void growFromPrologue() {
        Stack system = systemStack;
        long frame = Intrinsics.framePointer();
        long limitWord = Intrinsics.symbol("kiln_stack_limit");
        if (Intrinsics.readLong(limitWord) == PREEMPT_POISON) {
            long armed = Intrinsics.readLong(Intrinsics.symbol("kiln_stack_guard"));
            Intrinsics.writeLong(limitWord, armed);
            // Not on the system stack (the collector, a grow), and not while kernel code is on this stack: it may
            // hold frame addresses, and the handler, an ordinary method, may grow (move) the stack. Which frames
            // are there is read on the system stack, so that reading cannot move them either.
            boolean onSystem = system != null && frame >= system.base && frame < system.top;
            if (preemptionHandler != 0 && !onSystem) {
                runOnSystemStack(Intrinsics.symbol("m:kiln/kernel/memory/Stacks.checkPreemptible()V"));
                // The handler is an ordinary method, and this frame may lie in the reserve under the limit (the
                // failed check was a prologue's or a loop head's close to it). Called from here, the handler's
                // prologue would find no room and grow, and that grower's frames would begin under this one instead
                // of at the limit: past the reserve, below the stack, over the array's header and the Stack object
                // before it (the list of live stacks broke now and then, when a tick came as a tasklet was about
                // to grow). So the handler gets the headroom of any call: the stack grows first if it lacks it.
                if (preemptible && frame - HANDLER_HEADROOM < current.limit) {
                    runOnSystemStack(Intrinsics.symbol("m:kiln/kernel/memory/Stacks.growCurrent()V"));
                    if (overflowing) {
                        overflowing = false; // a stack at its maximum: not now; a prologue that needs the room throws
                        preemptible = false;
                    }
                }
                if (preemptible) {
                    preemptions++;
                    Intrinsics.invokeStaticObject(preemptionHandler);
                }
            }
            return;
        }
        if (system == null || frame >= system.base && frame < system.top) {
            // Before init only the boot stack exists, which does not grow; the system stack does not either.
            Support.throwStackOverflow();
        }
        runOnSystemStack(Intrinsics.symbol("m:kiln/kernel/memory/Stacks.growCurrent()V"));
        if (overflowing) {
            overflowing = false;
            Support.throwStackOverflow();
        }
    }

    /**
     * Calls the static method at {@code code} on the system stack (or right here when already on it, or before
     * {@link #init} made it), with the system stack's limit, then restores the current stack's (which a grow may have
     * moved). No check of its own: {@link #growFromPrologue} uses it from the reserve.
     */
    static void runOnSystemStack(long code) {
        Stack system = systemStack;
        if (system == null || Intrinsics.framePointer() >= system.base && Intrinsics.framePointer() < system.top) {
            Intrinsics.invokeStaticObject(code); // before init only the boot stack exists
            return;
        }
        // Few locals (the symbols' addresses are not kept): this frame lies in the reserve under the limit when the
        // grower called it, and under Heap.allocate on every refill of the bump range.
        Stack stack = current;
        long limitBefore = Intrinsics.readLong(Intrinsics.symbol("kiln_stack_limit"));
        long guardBefore = Intrinsics.readLong(Intrinsics.symbol("kiln_stack_guard"));
        long armedBefore = stack.limit;
        // From here to the call only intrinsics: a call would check this stack's rsp against the system limit.
        Intrinsics.writeLong(Intrinsics.symbol("kiln_stack_limit"), system.limit);
        Intrinsics.writeLong(Intrinsics.symbol("kiln_stack_guard"), system.limit);
        Intrinsics.callOnStack(Intrinsics.addressOf(stack) + Stack.SAVED_SP_OFFSET, system.top, code);
        // The words as they were (disarmed while a StackOverflowError is being built, say), unless the stack moved.
        boolean moved = stack.limit != armedBefore;
        Intrinsics.writeLong(Intrinsics.symbol("kiln_stack_limit"), moved ? stack.limit : limitBefore);
        Intrinsics.writeLong(Intrinsics.symbol("kiln_stack_guard"), moved ? stack.limit : guardBefore);
    }

    /**
     * Runs on the system stack, called directly by {@code callOnStack}: its frame's saved rbp is the first
     * frame on the tasklet's stack. Copies the live part [savedSp, top) to a block twice the size and moves the
     * rbp chain with it; the old block is left to the collector.
     */
    static void growCurrent() {
        Stack stack = current;
        long size = stack.top - stack.base;
        if (stack.memory == null || size > MAX_BYTES) {
            overflowing = true; // the boot stack does not grow; an overflowed one already has its reserve
            return;
        }
        // Doubling stops at MAX_BYTES exactly (INITIAL_BYTES need not be a power of two); the grow after that adds
        // the overflow reserve below the same usable size.
        long newSize = size < MAX_BYTES ? (size * 2 < MAX_BYTES ? size * 2 : MAX_BYTES) : size + OVERFLOW_RESERVE;
        long oldSp = stack.savedSp;
        long oldTop = stack.top;
        if (oldSp - CALL_ON_STACK_PUSHES < stack.base) {
            // The grower's frames and callOnStack's pushes under them went below the stack, over the array's header
            // and the object before it: the reserve under the limit was too small for the path that came here.
            Serial.writeAscii("kiln: panic: the stack grower ran below a tasklet's stack (Stacks.RESERVE too small)\n");
            ExitDevice.exit(Panic.EXIT_STATUS);
        }
        long[] memory = new long[(int) (newSize >>> 3)];
        long base = Intrinsics.addressOf(memory) + 24;
        long top = base + newSize;
        long delta = top - oldTop;
        for (long word = oldSp; word < oldTop; word += 8) {
            Intrinsics.writeLong(word + delta, Intrinsics.readLong(word));
        }
        // The chain: this frame (system stack) → the grower's frame → ... → 0. Each link into the old block
        // moves by delta; the first one that does not point into it (0 at the outermost frame) ends the walk.
        long frame = Intrinsics.framePointer();
        for (long link = Intrinsics.readLong(frame); link >= oldSp && link < oldTop; link = Intrinsics.readLong(frame)) {
            Intrinsics.writeLong(frame, link + delta);
            frame = link + delta;
        }
        stack.memory = memory;
        stack.base = base;
        stack.top = top;
        stack.savedSp = oldSp + delta;
        grows++;
        if (size < MAX_BYTES) {
            stack.limit = base + RESERVE;
        } else {
            stack.limit = base + OVERFLOW_RESERVE;
            overflowing = true;
        }
    }

    /**
     * Called by the collector on the system stack once marking is done, before the sweep: halves every suspended
     * tasklet's stack that uses at most a quarter of itself (Go's rule), down to {@link #INITIAL_BYTES}, by
     * moving its bottom up: a new {@code long[]} header is written below the new base, inside the unused part of
     * the old block, and takes over the old array's mark, so the sweep frees the lower half. The live frames
     * [savedSp, top) stay where they are, so there is no rbp chain to relocate and nothing to allocate.
     * <pre>
     * old:  | hdr | reserve | unused ..................................... | frames |
     *       A     base                                                      savedSp  top
     * new:  | freed by the sweep ........... | hdr | reserve | unused ..... | frames |
     *                                        A'    base'                    savedSp  top
     * </pre>
     * Never the current stack (it allocated, and its frames hold addresses) nor one suspended inside a frame walk of
     * {@code kiln.runtime.Exceptions}, which made sure of its headroom ({@link #ensureHeadroom}) and must not need
     * to grow again before it ends. <i>Rejected</i>: copying to a smaller block and relocating the rbp chain as
     * {@link #growCurrent} does: it allocates inside the collection, and it moves frames that other runtime code
     * may be reading (the deadlock report walks suspended stacks).
     */
    static void shrinkSuspendedStacks(long markBits, long heapStart) {
        for (Stack stack = liveStacks; stack != null; stack = stack.nextLive) {
            long size = stack.top - stack.base;
            long newSize = size / 2;
            if (stack == current || stack.memory == null || newSize < INITIAL_BYTES || size > MAX_BYTES
                    || stack.top - stack.savedSp > size / 4 || insideFrameWalk(stack)) {
                continue;
            }
            long oldArray = Intrinsics.addressOf(stack.memory);
            long newBase = stack.top - newSize;
            long newArray = newBase - ObjectModel.ARRAY_ELEMENTS_OFFSET;
            Intrinsics.writeLong(newArray + ObjectModel.CLASS_OFFSET, Intrinsics.readLong(oldArray + ObjectModel.CLASS_OFFSET));
            Intrinsics.writeLong(newArray + ObjectModel.HASH_OFFSET, 0);
            Intrinsics.writeLong(newArray + ObjectModel.ARRAY_LENGTH_OFFSET, newSize >>> 3); // int length, upper half 0
            flipMark(markBits, heapStart, oldArray);
            flipMark(markBits, heapStart, newArray);
            stack.memory = (long[]) Intrinsics.objectAt(newArray);
            stack.base = newBase;
            stack.limit = newBase + RESERVE;
        }
    }

    /** Toggles the mark bit of the object at {@code address} (GarbageCollector's bitmap layout). */
    private static void flipMark(long markBits, long heapStart, long address) {
        long granule = (address - heapStart) >>> 3;
        long word = markBits + (granule >>> 6 << 3);
        Intrinsics.writeLong(word, Intrinsics.readLong(word) ^ 1L << granule);
    }

    /** Whether one of the suspended stack's frames is in {@code Exceptions.unwind} or {@code Exceptions.backtrace}. */
    private static boolean insideFrameWalk(Stack stack) {
        long unwind = MethodTable.find(Intrinsics.symbol("m:kiln/runtime/Exceptions.unwind(Ljava/lang/Throwable;)V"));
        long backtrace = MethodTable.find(
                Intrinsics.symbol("m:kiln/runtime/Exceptions.backtrace(Ljava/lang/Throwable;)[J"));
        for (long frame = Intrinsics.readLong(stack.savedSp); frame != 0; frame = Intrinsics.readLong(frame)) {
            long method = MethodTable.find(Intrinsics.readLong(frame + 8) - 1);
            if (method == unwind || method == backtrace) {
                return true;
            }
        }
        return false;
    }

    /**
     * Grows the current stack now if fewer than {@code bytes} remain above its limit, so that the caller's
     * callees cannot move it meanwhile: for code that keeps frame addresses in locals (the unwinder, stack
     * traces). On a stack that may not grow further it does nothing (the reserve under the limit remains).
     */
    public static void ensureHeadroom(long bytes) {
        Stack stack = current;
        if (systemStack == null || stack.memory == null || stack.top - stack.base > MAX_BYTES) {
            return;
        }
        while (Intrinsics.framePointer() - bytes < stack.limit && !overflowing) {
            runOnSystemStack(Intrinsics.symbol("m:kiln/kernel/memory/Stacks.growCurrent()V"));
        }
        overflowing = false;
    }

    /**
     * The timer's request to stop the running tasklet; {@code InterruptDispatcher} turns it into a poisoned limit
     * when the interrupt returns. For interrupt handlers: no allocation, nothing that blocks.
     */
    public static void requestPreemption() {
        preemptRequested = true;
    }

    /** Whether preemption was requested since the last call (which clears the request). */
    public static boolean takePreemptionRequest() {
        boolean requested = preemptRequested;
        preemptRequested = false;
        return requested;
    }

    /** Makes the static method at {@code code} what a poisoned limit calls (once, by the scheduler). */
    public static void setPreemptionHandler(long code) {
        preemptionHandler = code;
    }

    /**
     * Runs on the system stack, called directly by {@code callOnStack} from {@link #runOnSystemStack}, which
     * {@link #growFromPrologue} called on a poisoned limit: sets {@link #preemptible} to whether the tasklet's
     * frames above the grower's are all application or library code. Kernel code ({@code kiln.kernel.*},
     * {@code kiln.runtime.*}: the scheduler, channels, monitors, allocation, the unwinder) and class initializers
     * (JLS §12.4.2) make it false. The outermost frame's method (the tasklet entry, or Kernel.start) does not
     * count.
     */
    static void checkPreemptible() {
        long runner = Intrinsics.readLong(Intrinsics.framePointer()); // runOnSystemStack's frame, on the tasklet's stack
        preemptible = true;
        for (long frame = Intrinsics.readLong(runner); Intrinsics.readLong(Intrinsics.readLong(frame)) != 0;
                frame = Intrinsics.readLong(frame)) {
            long method = MethodTable.find(Intrinsics.readLong(frame + 8) - 1);
            String name = method == 0 ? "" : MethodTable.name(method);
            if (name.startsWith("kiln.kernel.") || name.startsWith("kiln.runtime.") || name.endsWith(".<clinit>")) {
                preemptible = false;
                return;
            }
        }
    }

    /**
     * How many times a stack has grown since boot: a test parks many receivers and checks that none of them grew
     * ({@link #INITIAL_BYTES}) but for those a tick preempted ({@link #preemptionCount}).
     */
    public static long growCount() {
        return grows;
    }

    /**
     * How many times a poisoned limit called the preemption handler since boot. The handler's frames (the scheduler's
     * yield down to the switch) come on top of the preempted tasklet's, so such a tasklet may grow where an
     * undisturbed one would not: one caught at its first prologue on its way to a receive, say.
     */
    public static long preemptionCount() {
        return preemptions;
    }

    /** Whether the caller runs on the system stack. */
    static boolean onSystemStack() {
        long frame = Intrinsics.framePointer();
        return systemStack != null && frame >= systemStack.base && frame < systemStack.top;
    }

    /**
     * The first of the live stacks (the boot stack and every tasklet's that was not released, newest first); then
     * {@link Stack#nextLive}. The collector scans them; the scheduler finds its tasklets through their owners.
     */
    public static Stack firstLive() {
        return liveStacks;
    }

    static Stack systemStack() {
        return systemStack;
    }
}
