package java.lang.ref;

import kiln.runtime.LibrarySupport;

/**
 * The one class of {@code java.lang.ref} that faces the VM: the garbage collector reads and writes its fields,
 * and the JDK's version is mostly natives. {@link WeakReference}, {@link SoftReference}, {@link ReferenceQueue},
 * {@link Cleaner} and {@code java.util.WeakHashMap} stay the JDK's bytecode; {@link PhantomReference} is
 * Kiln's too, because the JDK's declares a native.
 *
 * <p>The collector's side (kiln.kernel.memory.ReferenceProcessing) relies on the field order: {@link #referent}
 * first, then {@link #queue}, {@link #next} and {@link #discovered}, so that the referent is the object's first
 * word after the header (docs/abi.md "Objects", "References"). The collector does not trace that word; when
 * the referent turns out unreachable it writes null there and links the reference, through
 * {@link #discovered}, into the pending list. The Reference Handler thread takes that list and enqueues each
 * reference on its queue, as the JDK's does; {@code jdk.internal.ref.Cleaner}s are run right there instead.
 *
 * <p>States, as the JDK's javadoc defines them: active ({@code queue} is the registered queue or
 * {@code ReferenceQueue.NULL}, referent maybe set), pending (referent cleared by the collector, on the pending
 * list, {@code discovered} links it), enqueued ({@code queue == ReferenceQueue.ENQUEUED}, {@code next} links it
 * in the queue) and inactive.
 */
public abstract class Reference<T> {
    /** Not traced by the collector. Must stay the first field. */
    private T referent;
    volatile ReferenceQueue<? super T> queue;
    /** The queue's link while enqueued; this reference itself at the end of the queue. */
    @SuppressWarnings("rawtypes")
    volatile Reference next;
    /** The collector's link: the discovered list during a collection, then the pending list. */
    private transient Reference<?> discovered;

    static {
        LibrarySupport.enableReferenceProcessing(SoftReference.class, WeakReference.class, PhantomReference.class);
        Thread handler = new ReferenceHandler();
        handler.setPriority(Thread.MAX_PRIORITY);
        handler.setDaemon(true);
        handler.start();
    }

    Reference(T referent) {
        this(referent, null);
    }

    Reference(T referent, ReferenceQueue<? super T> queue) {
        this.referent = referent;
        this.queue = queue == null ? ReferenceQueue.NULL : queue;
    }

    /**
     * The daemon thread that moves pending references to their queues, named as HotSpot names it. It runs
     * nothing but that loop, so a slow {@code ReferenceQueue} consumer never delays the collector.
     */
    private static final class ReferenceHandler extends Thread {
        ReferenceHandler() {
            super("Reference Handler");
        }

        @Override
        public void run() {
            while (true) {
                processPendingReferences((Reference<?>) LibrarySupport.awaitPendingReferences());
            }
        }
    }

    /** Enqueues, in list order, every reference of a pending list the collector handed over. */
    private static void processPendingReferences(Reference<?> pending) {
        while (pending != null) {
            Reference<?> reference = pending;
            pending = reference.discovered;
            reference.discovered = null;
            if (reference instanceof jdk.internal.ref.Cleaner cleaner) {
                cleaner.clean(); // the JDK runs these on the handler thread, not through a queue
            } else {
                reference.enqueueFromPending();
            }
        }
    }

    private void enqueueFromPending() {
        ReferenceQueue<? super T> target = queue;
        if (target != ReferenceQueue.NULL) {
            target.enqueue(this);
        }
    }

    public T get() {
        return referent;
    }

    public final boolean refersTo(T object) {
        return referent == object;
    }

    public void clear() {
        referent = null;
    }

    public boolean isEnqueued() {
        return queue == ReferenceQueue.ENQUEUED;
    }

    public boolean enqueue() {
        referent = null;
        return queue.enqueue(this);
    }

    @Override
    protected Object clone() throws CloneNotSupportedException {
        throw new CloneNotSupportedException();
    }

    /**
     * Keeps {@code ref} reachable up to this call. The collector finds roots conservatively in every stack
     * word, and the baseline compiler keeps each local in its frame slot until the method returns, so passing
     * the value here is all it takes: the call itself keeps it in a slot.
     */
    public static void reachabilityFence(Object ref) {
    }
}
