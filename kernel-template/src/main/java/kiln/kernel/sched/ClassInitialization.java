package kiln.kernel.sched;

import kiln.runtime.Intrinsics;

/**
 * Class initialization with tasklets: the procedure of JLS §12.4.2, run by {@code Support.initializeClass} when
 * a class's state word says "not initialized".
 *
 * <h2>Design</h2>
 * The compiler gives each class that needs initialization an 8-byte state word, which every use compares with 0
 * (docs/compiler.md); it becomes 1 only here, once the class and its superclasses are initialized. Everything
 * else a class can be in — being initialized by some tasklet, erroneous — is kept here, in a list of
 * {@link Initialization} records: a class is in it from the moment a tasklet starts initializing it until it
 * is initialized, and forever if its initialization failed. So the list holds the few classes being initialized
 * right now and the erroneous ones; the search is linear, and runs only while a class is not initialized.
 *
 * <p>The steps (JLS §12.4.2), with the initialization lock LC being the fact that kernel code is never
 * preempted (package comment, "preempt-off"), so that testing and marking a record is atomic on one CPU:
 * <ol>
 *   <li>initialized (state word nonzero): done;</li>
 *   <li>in progress by another tasklet: park until it ends, then look again (step 2);</li>
 *   <li>in progress by this tasklet: a recursive request, done (the class is seen half initialized, as on
 *       HotSpot);</li>
 *   <li>erroneous: NoClassDefFoundError "Could not initialize class C";</li>
 *   <li>else record this tasklet as the initializer, initialize the superclass (an exception from it makes this
 *       class erroneous too and propagates as it is), then run {@code <clinit>}; an exception that is not an
 *       Error becomes an ExceptionInInitializerError; either way the class is erroneous and its waiters
 *       wake; on success the state word becomes 1 and the waiters wake.</li>
 * </ol>
 * Before the scheduler exists (early boot, perhaps before the heap) there is one flow of control and no record:
 * the state word is set first, as a recursive request needs, and an exception ends the boot.
 *
 * <p><i>Rejected</i>: the in-progress and erroneous states in the state word itself (a tasklet id or a negative
 * value): it would need the compiler's fast path to test for "initialized" rather than "nonzero", and the
 * waiters would still need a queue somewhere. <i>Rejected</i>: a monitor per class as HotSpot's LC: Kiln's
 * monitors live in the object header of the Class object, which is read-only data in the image.
 */
public final class ClassInitialization {
    /** A class being initialized, or one whose initialization failed. */
    private static final class Initialization {
        final Class<?> initializing;
        final Tasklet initializer;
        final WaitQueue<WaitQueue.Waiter> waiters = new WaitQueue<>();
        boolean erroneous;
        Initialization next;

        Initialization(Class<?> initializing, Tasklet initializer) {
            this.initializing = initializing;
            this.initializer = initializer;
        }
    }

    private static Initialization records;

    private ClassInitialization() {}

    /**
     * Initializes {@code c} if no one has (class comment). {@code stateWord} is the address of its state word;
     * {@code superclassRoutine} the code of its superclass's initialization routine, {@code classInitializer}
     * the code of its {@code <clinit>}, each 0 if there is none.
     */
    public static void initialize(Class<?> c, long stateWord, long superclassRoutine, long classInitializer) {
        Tasklet self = Scheduler.current();
        if (self == null) {
            initializeAtBoot(stateWord, superclassRoutine, classInitializer);
            return;
        }
        while (Intrinsics.readLong(stateWord) == 0) {
            Initialization record = find(c);
            if (record == null) {
                run(new Initialization(c, self), stateWord, superclassRoutine, classInitializer);
                return;
            }
            if (record.erroneous) {
                throw new NoClassDefFoundError("Could not initialize class " + c.getName());
            }
            if (record.initializer == self) {
                return;
            }
            WaitQueue.Waiter waiter = new WaitQueue.Waiter(self);
            record.waiters.add(waiter);
            Scheduler.park("the initialization of a class", c);
            record.waiters.remove(waiter);
        }
    }

    /**
     * Before the scheduler and perhaps the heap exist: one flow of control, nothing to wait for and nothing to
     * allocate a record with. The state word is set first, so that a recursive request goes through; an exception
     * ends the boot.
     */
    private static void initializeAtBoot(long stateWord, long superclassRoutine, long classInitializer) {
        Intrinsics.writeLong(stateWord, 1);
        if (superclassRoutine != 0) {
            Intrinsics.invokeStatic(superclassRoutine);
        }
        if (classInitializer != 0) {
            Intrinsics.invokeStatic(classInitializer);
        }
    }

    private static void run(Initialization record, long stateWord, long superclassRoutine, long classInitializer) {
        record.next = records;
        records = record;
        try {
            if (superclassRoutine != 0) {
                Intrinsics.invokeStatic(superclassRoutine);
            }
        } catch (Throwable superclassFailure) {
            end(record, false);
            throw superclassFailure;
        }
        try {
            if (classInitializer != 0) {
                Intrinsics.invokeStatic(classInitializer);
            }
        } catch (Throwable failure) {
            end(record, false);
            throw failure instanceof Error error ? error : new ExceptionInInitializerError(failure);
        }
        Intrinsics.writeLong(stateWord, 1);
        end(record, true);
    }

    /** Ends an initialization: an initialized class leaves the list, an erroneous one stays; the waiters wake. */
    private static void end(Initialization record, boolean initialized) {
        if (initialized) {
            unlink(record);
        } else {
            record.erroneous = true;
        }
        for (WaitQueue.Waiter waiter = record.waiters.poll(); waiter != null; waiter = record.waiters.poll()) {
            Scheduler.unpark(waiter.tasklet);
        }
    }

    private static Initialization find(Class<?> c) {
        for (Initialization record = records; record != null; record = record.next) {
            if (record.initializing == c) {
                return record;
            }
        }
        return null;
    }

    private static void unlink(Initialization record) {
        Initialization previous = null;
        for (Initialization r = records; r != null; previous = r, r = r.next) {
            if (r == record) {
                if (previous == null) {
                    records = r.next;
                } else {
                    previous.next = r.next;
                }
                return;
            }
        }
    }
}
