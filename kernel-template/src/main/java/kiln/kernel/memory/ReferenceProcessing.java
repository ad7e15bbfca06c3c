package kiln.kernel.memory;

import kiln.runtime.Intrinsics;
import kiln.runtime.ObjectModel;

/**
 * The collector's part of {@code java.lang.ref}: which referents it does not trace, which references it clears,
 * and the pending list it hands to the Reference Handler thread (Kiln's {@code java.lang.ref.Reference}).
 *
 * <h2>Glossary</h2>
 * <dl>
 *   <dt>reference</dt><dd>an instance of a subclass of {@code java.lang.ref.Reference}. Its layout (docs/abi.md
 *       "References"): +16 {@code referent}, +24 {@code queue}, +32 {@code next}, +40 {@code discovered}.</dd>
 *   <dt>kind</dt><dd>soft, weak or phantom: which of the three JDK classes the reference's class extends.</dd>
 *   <dt>discovered list</dt><dd>the references found during one mark whose referent was not traced, linked
 *       through {@code discovered}; the last one links to itself, so that "{@code discovered} is not null" means
 *       "already on a list" even for the last.</dd>
 *   <dt>pending list</dt><dd>the references cleared by a collection and not yet taken by the handler, linked
 *       through {@code discovered}, null-terminated; its head is {@link #pendingHead}.</dd>
 * </dl>
 *
 * <h2>The design</h2>
 * <ol>
 *   <li><b>Discovery during marking.</b> When the marker scans a reference whose referent is set, it skips the
 *       referent word and links the reference into the discovered list ({@link #firstTracedOffset}). Everything
 *       else in the reference (queue, queue link, pending link) is traced, so a queue and the references waiting
 *       in it stay alive. Only references that are themselves reached get discovered: an unreachable reference
 *       is never enqueued, as the JDK's javadoc says.</li>
 *   <li><b>Soft references are decided when they are discovered.</b> An ordinary collection treats them as
 *       strong (their referent word is traced like any other); the last collection before an
 *       {@code OutOfMemoryError} ({@link Heap}) discovers them like weak ones, so all softly reachable objects
 *       are cleared before that error is thrown (JLS/javadoc of {@code SoftReference}).</li>
 *   <li><b>Clearing after the mark</b> ({@link #clearUnreachableReferents}): when marking has finished, every
 *       discovered reference whose referent is not marked gets its referent set to null and joins the pending
 *       list; the others leave the discovered list untouched. The order soft → weak → phantom that the JDK
 *       specifies falls out of this: nothing marks an object after the mark (Kiln runs no finalizers, the only
 *       thing that resurrects between weak and phantom clearing), so an object that is unmarked when weak
 *       references are cleared is still unmarked for phantom ones; soft ones were decided even earlier.</li>
 *   <li><b>Enqueueing after the collection</b>: the handler thread takes the whole pending list
 *       ({@link #takePendingList}) and calls {@code ReferenceQueue.enqueue}, which takes a monitor and notifies
 *       waiters — nothing the collector may do, since it runs inside an allocation on the system stack.
 *       {@link Heap} calls {@link #announcePending} when a collection has returned to ordinary tasklet
 *       context; that unparks the handler.</li>
 * </ol>
 *
 * <h2>Conservative roots</h2>
 * The collector treats every stack word that equals an object start as a root (GarbageCollector). A referent
 * whose address is still in some dead stack slot therefore survives and its weak references are not cleared
 * that time: clearing is as late as the roots are imprecise, never early. Image-heap objects (string literals,
 * constants built at build time) lie outside the heap and are never cleared.
 *
 * <h2>Rejected alternatives</h2>
 * <ul>
 *   <li>Tracing referents and clearing afterwards what only references reach: needs a second mark bit per
 *       object (reached strongly or only through a referent), and a conservative scan cannot tell them apart
 *       after the fact.</li>
 *   <li>Enqueueing inside the collector: {@code ReferenceQueue.enqueue} takes the queue's monitor, which the
 *       interrupted program may hold (it might have allocated inside {@code poll}), and wakes waiters through
 *       the scheduler from the system stack.</li>
 *   <li>HotSpot's LRU policy for soft references (clear those not read for free-MiB × 1 s): needs a clock
 *       update per collection and timestamps read by {@code SoftReference.get}; keeping them until the heap is
 *       exhausted is what the javadoc promises and serves caches just as well without a tuning knob.</li>
 *   <li>A per-class flag written by the compiler to recognize references: a change to the Class layout and
 *       the compiler for a question answered by walking at most a few superclasses, and only for objects at
 *       least as large as a reference.</li>
 * </ul>
 */
public final class ReferenceProcessing {
    private static final long REFERENT_OFFSET = ObjectModel.HASH_OFFSET + 8;
    private static final long DISCOVERED_OFFSET = REFERENT_OFFSET + 24;
    /** Header and the four fields of Reference: no smaller object can be a reference. */
    private static final int REFERENCE_SIZE = (int) DISCOVERED_OFFSET + 8;

    /** The three kinds' classes, set by {@link #enable} (Reference's class initializer); null until then. */
    private static Class<?> softClass;
    private static Class<?> weakClass;
    private static Class<?> phantomClass;

    /** Whether this collection discovers soft references too (the last one before an OutOfMemoryError). */
    private static boolean clearingSoftReferences;
    /** Soft references with a referent that the current collection traced as strong. */
    private static long softReferencesKept;
    /** The discovered list of the current collection (an address), 0 if empty. */
    private static long discoveredHead;
    /** The pending list (an address), 0 if empty. A static word, so the collector keeps the list alive. */
    private static long pendingHead;
    /** What {@link #announcePending} runs: it wakes the handler. Null until the handler first waits. */
    private static Runnable pendingListener;

    private ReferenceProcessing() {}

    /**
     * Called once, by {@code Reference}'s class initializer, so before any reference exists: from now on the
     * collector recognizes references of these classes.
     */
    public static void enable(Class<?> soft, Class<?> weak, Class<?> phantom) {
        softClass = soft;
        weakClass = weak;
        phantomClass = phantom;
    }

    /** What to run when a collection has left references pending (it unparks the handler thread). */
    public static void setPendingListener(Runnable listener) {
        pendingListener = listener;
    }

    /**
     * The pending list, emptied: the first reference (the rest follow through {@code discovered}), or null.
     * Straight-line code without calls: a collection cannot come between the read and the write, since
     * tasklets are preempted only at method prologues and loop heads (docs/abi.md "Preemption").
     */
    public static Object takePendingList() {
        long head = pendingHead;
        pendingHead = 0;
        return head == 0 ? null : Intrinsics.objectAt(head);
    }

    /** Collections before an OutOfMemoryError: soft references are cleared like weak ones. */
    static void setClearingSoftReferences(boolean clearing) {
        clearingSoftReferences = clearing;
    }

    /**
     * Whether the last collection traced the referent of some soft reference, so that one which clears soft
     * references might free more.
     */
    static boolean keptSoftReferents() {
        return softReferencesKept != 0;
    }

    /** At the start of a mark. */
    static void beginMark() {
        softReferencesKept = 0;
        discoveredHead = 0;
    }

    /**
     * The offset in the object at {@code address}, of class {@code c} (not an array), from which the marker
     * traces its words: past the referent if it is a reference whose referent this collection decides on (and
     * then the reference joins the discovered list), else the first field.
     */
    static long firstTracedOffset(long address, Class<?> c) {
        if (softClass == null || c.instanceSize() < REFERENCE_SIZE) {
            return REFERENT_OFFSET;
        }
        Class<?> kind = kindOf(c);
        if (kind == null || Intrinsics.readLong(address + REFERENT_OFFSET) == 0) {
            return REFERENT_OFFSET;
        }
        if (kind == softClass && !clearingSoftReferences) {
            softReferencesKept++;
            return REFERENT_OFFSET;
        }
        // A rescan after a mark-stack overflow scans a reference again: it is on the list already.
        if (Intrinsics.readLong(address + DISCOVERED_OFFSET) == 0) {
            Intrinsics.writeLong(address + DISCOVERED_OFFSET, discoveredHead == 0 ? address : discoveredHead);
            discoveredHead = address;
        }
        return REFERENT_OFFSET + 8;
    }

    /** SoftReference, WeakReference or PhantomReference's class if {@code c} extends it, else null. */
    private static Class<?> kindOf(Class<?> c) {
        for (Class<?> k = c; k != null; k = k.getSuperclass()) {
            if (k == weakClass || k == softClass || k == phantomClass) {
                return k;
            }
        }
        return null;
    }

    /**
     * After the mark: clears the referent of every discovered reference that the mark did not reach and moves
     * the reference to the pending list. {@code GarbageCollector.isLive} answers from the mark bitmap.
     */
    static void clearUnreachableReferents() {
        long reference = discoveredHead;
        discoveredHead = 0;
        while (reference != 0) {
            long following = Intrinsics.readLong(reference + DISCOVERED_OFFSET);
            if (following == reference) {
                following = 0;
            }
            if (GarbageCollector.isLive(Intrinsics.readLong(reference + REFERENT_OFFSET))) {
                Intrinsics.writeLong(reference + DISCOVERED_OFFSET, 0);
            } else {
                Intrinsics.writeLong(reference + REFERENT_OFFSET, 0);
                Intrinsics.writeLong(reference + DISCOVERED_OFFSET, pendingHead);
                pendingHead = reference;
            }
            reference = following;
        }
    }

    /**
     * After a collection, back on the tasklet that allocated (not on the system stack, not in an interrupt
     * handler): wakes the handler if references are pending. The handler checks the list again after every
     * wake-up, so a wake-up without pending references costs a loop turn, and one that comes before the handler
     * parks is kept by the scheduler as a permit.
     */
    static void announcePending() {
        Runnable listener = pendingListener;
        if (pendingHead != 0 && listener != null) {
            listener.run();
        }
    }
}
