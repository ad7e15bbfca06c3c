package java.lang.ref;

/**
 * A reference whose referent can never be read: it only says, by being enqueued, that the referent became
 * unreachable. Kiln's own class because the JDK's asks a native whether it refers to an object; here the
 * inherited {@link Reference#refersTo} reads the referent field directly, which is exact since the collector
 * clears that field before it enqueues the reference.
 */
public class PhantomReference<T> extends Reference<T> {
    public PhantomReference(T referent, ReferenceQueue<? super T> q) {
        super(referent, q);
    }

    @Override
    public T get() {
        return null;
    }
}
