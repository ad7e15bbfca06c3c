package kiln.runtime;

import java.io.InputStream;
import java.io.OutputStream;
import kiln.kernel.drivers.ConsoleInput;
import kiln.kernel.drivers.ExitDevice;
import kiln.kernel.drivers.ConsoleOutputStream;
import kiln.kernel.memory.Heap;
import kiln.kernel.memory.ReferenceProcessing;
import kiln.kernel.sched.Monitors;
import kiln.kernel.sched.Scheduler;
import kiln.kernel.sched.Tasklet;
import kiln.kernel.time.Clock;

/**
 * The door between Kiln's class library (its own {@code java.*}/{@code jdk.*} classes) and the kernel. The
 * library may call the public methods of this class and the ABI classes of this package ({@link ObjectModel},
 * {@link Exceptions}, {@link Support}); it never calls {@link Intrinsics} (the compiler refuses that outside the
 * kernel packages) nor a {@code kiln.kernel} class (KernelLayoutTest checks the class files). So a change of
 * driver, clock or memory layout inside the kernel stays behind this door.
 */
public final class LibrarySupport {
    private LibrarySupport() {}

    /** The byte stream under {@code System.out} and {@code System.err}: the console (serial port and screen). */
    public static OutputStream consoleOutput() {
        return new ConsoleOutputStream();
    }

    /**
     * The byte stream under {@code System.in}: the console's keyboard and serial line through a line
     * discipline, or standard input on the hosted target (see {@link ConsoleInput}).
     */
    public static InputStream consoleInput() {
        return new ConsoleInput();
    }

    /** Ends the guest with {@code status} (docs/abi.md "Exit protocol"). */
    public static void exit(int status) {
        ExitDevice.exit(status);
    }

    /**
     * Every Class object in the image, sorted by name (docs/abi.md "Reflection metadata"): what
     * {@code Class.forName} searches. The compiler emits the table only when this method is reached.
     */
    public static Class<?>[] classTable() {
        return (Class<?>[]) Intrinsics.objectAt(Intrinsics.symbol("kiln_class_table"));
    }

    /**
     * Every string literal in the image, the canonical instances {@code String.intern} starts from (JLS §3.10.5):
     * the compiler lays them out together, each a {@code char[]} followed by its String, from
     * {@code kiln_string_literals} on, and counts them in {@code kiln_string_literal_count} (docs/abi.md "String
     * literals"), so this walks that region object by object. A table of them would cost 8 bytes a literal in
     * every image whose code can reach {@code intern}, used or not.
     */
    public static String[] stringLiterals() {
        String[] literals = new String[(int) Intrinsics.readLong(Intrinsics.symbol("kiln_string_literal_count"))];
        long at = Intrinsics.symbol("kiln_string_literals");
        for (int i = 0; i < literals.length; at += ObjectModel.sizeOf(Intrinsics.objectAt(at))) {
            if (Intrinsics.objectAt(at) instanceof String s) {
                literals[i++] = s;
            }
        }
        return literals;
    }

    /** {@code void.class}, which no array class leads to (docs/abi.md "Class objects": symbol {@code c:V}). */
    public static Class<?> voidClass() {
        return (Class<?>) Intrinsics.objectAt(Intrinsics.symbol("c:V"));
    }

    /** {@code System.gc()}: a full collection. */
    public static void collectGarbage() {
        Heap.collectGarbage();
    }

    /**
     * From {@code java.lang.ref.Reference}'s class initializer, before the first reference exists: the collector
     * treats instances of these three classes (and their subclasses) as references from now on.
     */
    public static void enableReferenceProcessing(Class<?> soft, Class<?> weak, Class<?> phantom) {
        ReferenceProcessing.enable(soft, weak, phantom);
    }

    /**
     * For the Reference Handler thread: parks until a collection has cleared references, then returns the
     * pending list they form (linked through {@code Reference.discovered}) and empties it.
     */
    public static Object awaitPendingReferences() {
        Tasklet handler = Tasklet.current();
        ReferenceProcessing.setPendingListener(() -> Scheduler.unpark(handler));
        Object pending = ReferenceProcessing.takePendingList();
        while (pending == null) {
            Scheduler.park("references cleared by the collector", null);
            pending = ReferenceProcessing.takePendingList();
        }
        return pending;
    }

    /** Nanoseconds from an arbitrary origin, never decreasing. */
    public static long nanoTime() {
        return Clock.nanoTime();
    }

    /** Milliseconds since 1970-01-01T00:00Z, as well as the kernel knows. */
    public static long currentTimeMillis() {
        return Clock.currentTimeMillis();
    }

    /**
     * {@code Thread.onSpinWait}: PAUSE, then lets the other runnable threads run, since nothing preempts the
     * spinning one yet and the value it waits for can only come from them.
     */
    public static void onSpinWait() {
        Intrinsics.pause();
        Scheduler.yield();
    }

    /**
     * {@code Runtime.availableProcessors}: the processors that run tasklets. The scheduler runs them on the boot
     * processor only (kiln.kernel.sched); the atomics beneath {@code java.util.concurrent} do not rely on that.
     */
    public static int availableProcessors() {
        return 1;
    }

    /** Parks the calling thread for {@code nanos} nanoseconds, or until it is interrupted. */
    public static void sleep(long nanos) {
        Scheduler.sleep(nanos);
    }

    /** {@code Thread.yield()}: lets the other runnable threads run first. */
    public static void yieldThread() {
        Scheduler.yield();
    }

    // Threads are tasklets (kiln.kernel.sched); the class library holds a tasklet as a plain Object.

    /** Starts {@code body} in a new tasklet for {@code thread}; returns the tasklet. */
    public static Object startThread(Object thread, String name, boolean daemon, Runnable body) {
        return Scheduler.spawn(name, body, daemon, thread);
    }

    /** The {@code java.lang.Thread} of the calling tasklet, or null if it has none yet. */
    public static Object currentThread() {
        return Tasklet.current().attachment();
    }

    /** Makes {@code thread} the calling tasklet's {@code java.lang.Thread}. */
    public static void attachThread(Object thread) {
        Tasklet.current().attach(thread);
    }

    public static Object currentTasklet() {
        return Tasklet.current();
    }

    public static String currentTaskletName() {
        return Tasklet.current().name();
    }

    public static boolean isAlive(Object tasklet) {
        return ((Tasklet) tasklet).isAlive();
    }

    /** Waits for the tasklet to end, at most {@code nanos} (0: no limit); returns early on an interrupt. */
    public static void join(Object tasklet, long nanos) {
        if (nanos == 0) {
            ((Tasklet) tasklet).join();
        } else {
            ((Tasklet) tasklet).join(nanos);
        }
    }

    /** The ordinal of {@code Thread.State} for the thread on {@code tasklet} (see {@link Tasklet#threadState}). */
    public static int threadState(Object tasklet) {
        return ((Tasklet) tasklet).threadState();
    }

    public static void setName(Object tasklet, String name) {
        ((Tasklet) tasklet).setName(name);
    }

    /** {@code Thread.setPriority} of a started thread: the scheduler's hint (Scheduler, "Priorities"). */
    public static void setPriority(Object tasklet, int priority) {
        ((Tasklet) tasklet).setPriority(priority);
    }

    /** Interrupts {@code tasklet}, or the calling one if null. */
    public static void interrupt(Object tasklet) {
        (tasklet == null ? Tasklet.current() : (Tasklet) tasklet).interrupt();
    }

    /** The interrupt flag of {@code tasklet} (the calling one if null), cleared if {@code clear}. */
    public static boolean interrupted(Object tasklet, boolean clear) {
        return (tasklet == null ? Tasklet.current() : (Tasklet) tasklet).interruptPending(clear);
    }

    /** {@code Object.wait}: {@code nanos} 0 waits without limit. */
    public static void monitorWait(Object o, long nanos) {
        Monitors.await(o, nanos);
    }

    public static void monitorNotify(Object o, boolean all) {
        Monitors.notify(o, all);
    }

    public static boolean holdsLock(Object o) {
        return Monitors.holdsLock(o);
    }

    /** HotSpot's report of an exception that ended a thread: {@code Exception in thread "name" } + stack trace. */
    public static void reportUncaught(String threadName, Throwable exception) {
        Exceptions.reportUncaught(threadName, exception);
    }

    /**
     * memmove of {@code count} elements of {@code elementSize} bytes from {@code src[srcPos]} to
     * {@code dest[destPos]} ({@link #moveBytes}). The caller has checked types and bounds.
     */
    public static void moveArrayElements(Object src, int srcPos, Object dest, int destPos, int count, int elementSize) {
        moveBytes(ObjectModel.elementAddress(src, srcPos), ObjectModel.elementAddress(dest, destPos),
                (long) count * elementSize);
    }

    /** Calls the argument-less static method whose code is at {@code address} (an enum's {@code values()}). */
    public static Object invokeStaticObject(long address) {
        return Intrinsics.invokeStaticObject(address);
    }

    // Memory operations behind Kiln's jdk.internal.misc.Unsafe. A location is Unsafe's (base, offset) pair: a field
    // or element of the object {@code base} at byte {@code offset} (offsets are fixed at build time, docs/abi.md
    // "Objects"), or the absolute address {@code offset} when {@code base} is null. Objects never move and the
    // collector stops the world and needs no write barrier (kiln.kernel.memory.GarbageCollector), so a reference
    // is stored as its address with a plain 8-byte store. On x86-64 (SDM Vol. 3A §9.2.2) plain loads already
    // have acquire and plain stores release semantics; only a store followed by a load of another location can
    // be reordered, so a volatile store is an XCHG (a full fence) and everything else is a plain MOV. The
    // read-modify-write operations are LOCK-prefixed instructions, atomic across processors.

    private static long address(Object base, long offset) {
        return base == null ? offset : Intrinsics.addressOf(base) + offset;
    }

    /**
     * {@code Unsafe.copyMemory} between two heap objects: one {@code rep movsb} (Intrinsics.copyMemory, lowest
     * address first) unless the destination starts inside the source, which is copied from the top down.
     */
    public static void copyBytes(Object srcBase, long srcOffset, Object destBase, long destOffset, long bytes) {
        moveBytes(address(srcBase, srcOffset), address(destBase, destOffset), bytes);
    }

    /**
     * memmove: one {@code rep movsb} (Intrinsics.copyMemory, lowest address first; fast-string operation, SDM Vol. 1
     * §7.3.9.3) unless the target starts inside the source, which is then copied from the top down, 8 bytes at a
     * time while 8 remain (every source word is read before a store reaches it: the stores run above the reads).
     */
    private static void moveBytes(long from, long to, long bytes) {
        if (to > from && to < from + bytes) {
            long left = bytes;
            for (; left >= 8; left -= 8) {
                Intrinsics.writeLong(to + left - 8, Intrinsics.readLong(from + left - 8));
            }
            for (; left > 0; left--) {
                Intrinsics.writeByte(to + left - 1, Intrinsics.readByte(from + left - 1));
            }
        } else {
            Intrinsics.copyMemory(from, to, bytes);
        }
    }

    public static byte readByte(Object base, long offset) {
        return Intrinsics.readByte(address(base, offset));
    }

    public static short readShort(Object base, long offset) {
        return Intrinsics.readShort(address(base, offset));
    }

    public static char readChar(Object base, long offset) {
        return Intrinsics.readChar(address(base, offset));
    }

    public static int readInt(Object base, long offset) {
        return Intrinsics.readInt(address(base, offset));
    }

    public static long readLong(Object base, long offset) {
        return Intrinsics.readLong(address(base, offset));
    }

    public static Object readReference(Object base, long offset) {
        return Intrinsics.objectAt(Intrinsics.readLong(address(base, offset)));
    }

    public static void writeByte(Object base, long offset, byte value) {
        Intrinsics.writeByte(address(base, offset), value);
    }

    public static void writeShort(Object base, long offset, short value) {
        Intrinsics.writeShort(address(base, offset), value);
    }

    public static void writeInt(Object base, long offset, int value) {
        Intrinsics.writeInt(address(base, offset), value);
    }

    public static void writeLong(Object base, long offset, long value) {
        Intrinsics.writeLong(address(base, offset), value);
    }

    public static void writeReference(Object base, long offset, Object value) {
        Intrinsics.writeLong(address(base, offset), Intrinsics.addressOf(value));
    }

    /** CAS: stores {@code newValue} if the location holds {@code expected}; returns what it held. */
    public static int compareAndExchangeInt(Object base, long offset, int expected, int newValue) {
        return Intrinsics.compareAndExchangeInt(address(base, offset), expected, newValue);
    }

    public static long compareAndExchangeLong(Object base, long offset, long expected, long newValue) {
        return Intrinsics.compareAndExchangeLong(address(base, offset), expected, newValue);
    }

    /** CAS on a reference: compares identity (the addresses), as {@code ==} does. */
    public static Object compareAndExchangeReference(Object base, long offset, Object expected, Object newValue) {
        return Intrinsics.objectAt(Intrinsics.compareAndExchangeLong(address(base, offset),
                Intrinsics.addressOf(expected), Intrinsics.addressOf(newValue)));
    }

    public static int getAndAddInt(Object base, long offset, int delta) {
        return Intrinsics.getAndAddInt(address(base, offset), delta);
    }

    public static long getAndAddLong(Object base, long offset, long delta) {
        return Intrinsics.getAndAddLong(address(base, offset), delta);
    }

    /** Atomic exchange; also the volatile store of an int (XCHG is a full fence). */
    public static int getAndSetInt(Object base, long offset, int value) {
        return Intrinsics.getAndSetInt(address(base, offset), value);
    }

    public static long getAndSetLong(Object base, long offset, long value) {
        return Intrinsics.getAndSetLong(address(base, offset), value);
    }

    public static Object getAndSetReference(Object base, long offset, Object value) {
        return Intrinsics.objectAt(Intrinsics.getAndSetLong(address(base, offset), Intrinsics.addressOf(value)));
    }

    /** MFENCE: the StoreLoad barrier that x86-64 does not give by itself. */
    public static void fullFence() {
        Intrinsics.fullFence();
    }

    /**
     * {@code Unsafe.park}: parks the calling tasklet until {@link #unpark} (or an earlier unpark's permit), an
     * interrupt ({@code Thread.interrupt} wakes parked tasklets, as HotSpot's does), or the deadline: {@code time}
     * milliseconds since the epoch if {@code absolute}, else {@code time} nanoseconds from now, 0 meaning none.
     * May return spuriously, as the JDK allows. {@code blocker} is what the deadlock report names.
     */
    public static void park(boolean absolute, long time, Object blocker) {
        Tasklet self = Tasklet.current();
        if (self.interruptPending(false)) {
            return;
        }
        if (absolute) {
            long remainingMillis = time - Clock.currentTimeMillis();
            if (remainingMillis > 0) {
                Scheduler.parkUntil(Clock.nanoTime() + remainingMillis * 1_000_000, "park", blocker);
            }
        } else if (time > 0) {
            Scheduler.parkUntil(Clock.nanoTime() + time, "park", blocker);
        } else if (time == 0) {
            Scheduler.park("park", blocker);
        }
    }

    /** {@code Unsafe.unpark} of the tasklet under a started thread: wakes it, or lets its next park return at once. */
    public static void unpark(Object tasklet) {
        Scheduler.unpark((Tasklet) tasklet);
    }
}
