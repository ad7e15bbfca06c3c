package kiln.test.programs;

import java.lang.ref.Cleaner;
import java.lang.ref.PhantomReference;
import java.lang.ref.Reference;
import java.lang.ref.ReferenceQueue;
import java.lang.ref.SoftReference;
import java.lang.ref.WeakReference;
import java.util.Map;
import java.util.WeakHashMap;

/**
 * java.lang.ref as a program sees it: what the collector clears after {@code System.gc()}, what it keeps, and
 * what reaches the queues and the Cleaner. Referents are made in callees, so that no local of the caller holds
 * them; each check collects a few times at most (a collector may keep an object one more cycle, and Kiln's finds
 * roots conservatively), and prints only whether the expected thing happened.
 */
public class References {
    private static final int ATTEMPTS = 10;
    private static final int CONSERVATIVE_SLACK = 8;

    public static void main(String[] args) throws InterruptedException {
        weakReferenceIsClearedAndEnqueued();
        stronglyReachableReferentsStay();
        softReferenceStaysWhileMemorySuffices();
        phantomReferenceIsEnqueued();
        weakHashMapDropsTheEntry();
        cleanerRunsTheAction();
        enqueueByHand();
        manyReferences();
    }

    private static void weakReferenceIsClearedAndEnqueued() throws InterruptedException {
        ReferenceQueue<Object> queue = new ReferenceQueue<>();
        WeakReference<Object> weak = new WeakReference<>(newReferent("weak"), queue);
        System.out.println("weak: set before gc: " + (weak.get() != null) + ", enqueued: " + weak.isEnqueued());
        for (int i = 0; i < ATTEMPTS && !weak.refersTo(null); i++) {
            System.gc();
        }
        System.out.println("weak: cleared after gc: " + (weak.get() == null));
        Reference<?> removed = queue.remove(10_000);
        System.out.println("weak: the queue gave it back: " + (removed == weak) + ", then empty: " + (queue.poll() == null));
    }

    private static void stronglyReachableReferentsStay() {
        String referent = new String("kept");
        WeakReference<String> weak = new WeakReference<>(referent);
        ReferenceQueue<String> queue = new ReferenceQueue<>();
        WeakReference<String> literal = new WeakReference<>("a literal", queue);
        System.gc();
        System.out.println("weak to a live object: " + weak.get() + ", to a literal: " + literal.get()
                + ", queue empty: " + (queue.poll() == null));
        Reference.reachabilityFence(referent);
    }

    private static void softReferenceStaysWhileMemorySuffices() {
        SoftReference<int[]> soft = new SoftReference<>(new int[1000]);
        System.gc();
        System.gc();
        int[] array = soft.get();
        System.out.println("soft: kept while memory suffices: " + (array != null && array.length == 1000));
    }

    private static void phantomReferenceIsEnqueued() throws InterruptedException {
        ReferenceQueue<Object> queue = new ReferenceQueue<>();
        PhantomReference<Object> phantom = new PhantomReference<>(newReferent("phantom"), queue);
        System.out.println("phantom: get is always null: " + (phantom.get() == null));
        Reference<?> removed = null;
        for (int i = 0; i < ATTEMPTS && removed == null; i++) {
            System.gc();
            removed = queue.remove(1000);
        }
        System.out.println("phantom: enqueued: " + (removed == phantom) + ", cleared: " + phantom.refersTo(null));
    }

    private static void weakHashMapDropsTheEntry() throws InterruptedException {
        Map<Object, String> map = new WeakHashMap<>();
        map.put("literal key", "stays");
        putTemporaryKey(map);
        System.out.println("WeakHashMap: size before gc: " + map.size());
        for (int i = 0; i < ATTEMPTS && map.size() > 1; i++) {
            System.gc();
            Thread.sleep(10); // the Reference Handler thread enqueues; size() then expunges
        }
        System.out.println("WeakHashMap: size after gc: " + map.size() + ", left: " + map.values());
    }

    private static void putTemporaryKey(Map<Object, String> map) {
        map.put(newReferent("key"), "dropped");
    }

    private static void cleanerRunsTheAction() throws InterruptedException {
        Cleaner cleaner = Cleaner.create();
        Object done = new Object();
        boolean[] ran = new boolean[1];
        registerTemporary(cleaner, () -> {
            synchronized (done) {
                ran[0] = true;
                done.notifyAll();
            }
        });
        synchronized (done) {
            for (int i = 0; i < ATTEMPTS && !ran[0]; i++) {
                System.gc();
                done.wait(1000);
            }
        }
        System.out.println("Cleaner: action ran: " + ran[0]);
        cleanerThreadLocalsAreErased(cleaner);
        Cleaner.Cleanable explicit = cleaner.register(done, () -> System.out.println("Cleaner: explicit clean ran"));
        explicit.clean();
        explicit.clean(); // at most once
    }

    /**
     * The Cleaner erases its thread's thread-local values before each action: no action sees what an earlier one
     * set.
     */
    private static void cleanerThreadLocalsAreErased(Cleaner cleaner) throws InterruptedException {
        ThreadLocal<String> mark = new ThreadLocal<>();
        int actions = 3;
        int[] ran = new int[1];
        boolean[] sawEarlierValue = new boolean[1];
        Object done = new Object();
        for (int i = 0; i < actions; i++) {
            registerTemporary(cleaner, () -> {
                synchronized (done) {
                    sawEarlierValue[0] |= mark.get() != null;
                    mark.set("set by an earlier action");
                    ran[0]++;
                    done.notifyAll();
                }
            });
        }
        synchronized (done) {
            for (int i = 0; i < ATTEMPTS && ran[0] < actions; i++) {
                System.gc();
                done.wait(1000);
            }
        }
        System.out.println("Cleaner: " + ran[0] + " actions ran, one saw an earlier one's thread-local value: "
                + sawEarlierValue[0]);
    }

    private static void registerTemporary(Cleaner cleaner, Runnable action) {
        cleaner.register(newReferent("cleaned"), action);
    }

    private static void enqueueByHand() {
        ReferenceQueue<Object> queue = new ReferenceQueue<>();
        Object referent = new Object();
        WeakReference<Object> weak = new WeakReference<>(referent, queue);
        System.out.println("enqueue: first " + weak.enqueue() + ", again " + weak.enqueue() + ", cleared "
                + (weak.get() == null) + ", isEnqueued " + weak.isEnqueued() + ", polled " + (queue.poll() == weak)
                + ", isEnqueued after poll " + weak.isEnqueued());
    }

    /**
     * More references than the collector's mark stack holds at once (it then rescans), half of them to objects
     * that stay strongly reachable: those stay, the other half is cleared (but for a few that a conservative
     * root may keep), and each cleared one comes out of the queue once.
     */
    private static void manyReferences() throws InterruptedException {
        int count = 200_000;
        ReferenceQueue<Object> queue = new ReferenceQueue<>();
        Object[] kept = new Object[count / 2];
        WeakReference<Object>[] references = makeReferences(count, kept, queue);
        int cleared = 0;
        for (int i = 0; i < ATTEMPTS && cleared < count / 2; i++) {
            System.gc();
            cleared = 0;
            for (WeakReference<Object> reference : references) {
                cleared += reference.refersTo(null) ? 1 : 0;
            }
        }
        boolean keptIntact = true;
        for (int i = 0; i < count; i += 2) {
            keptIntact &= references[i].refersTo(kept[i / 2]);
        }
        int dequeued = 0;
        while (dequeued < cleared && queue.remove(10_000) != null) {
            dequeued++;
        }
        // Kiln's roots are conservative: a stale stack word may keep one of the last referents made.
        System.out.println("many: cleared all but at most " + CONSERVATIVE_SLACK + " of the " + count / 2
                + " unreachable: " + (cleared >= count / 2 - CONSERVATIVE_SLACK && cleared <= count / 2)
                + ", kept intact " + keptIntact + ", dequeued all cleared " + (dequeued == cleared)
                + ", then empty " + (queue.poll() == null));
        Reference.reachabilityFence(kept);
    }

    /** Even-numbered references refer to objects that {@code kept} holds, odd-numbered ones to fresh garbage. */
    @SuppressWarnings("unchecked")
    private static WeakReference<Object>[] makeReferences(int count, Object[] kept, ReferenceQueue<Object> queue) {
        WeakReference<Object>[] references = new WeakReference[count];
        for (int i = 0; i < count; i++) {
            Object referent = new Object();
            if (i % 2 == 0) {
                kept[i / 2] = referent;
            }
            references[i] = new WeakReference<>(referent, queue);
        }
        return references;
    }

    /** A fresh object that only the caller's reference will refer to. */
    private static Object newReferent(String name) {
        return new StringBuilder(name).append(" referent");
    }
}
