package java.lang;

import kiln.runtime.LibrarySupport;
import kiln.runtime.ObjectModel;

/**
 * The root class. Its monitor (JLS §17.1) is kiln.kernel.sched.Monitors', reached through {@link LibrarySupport}.
 */
public class Object {
    public Object() {}

    /** Compiled as an intrinsic: reads the Class pointer in the object header. */
    public final native Class<?> getClass();

    public int hashCode() {
        return ObjectModel.identityHash(this);
    }

    public boolean equals(Object obj) {
        return this == obj;
    }

    protected Object clone() throws CloneNotSupportedException {
        if (!(this instanceof Cloneable)) {
            throw new CloneNotSupportedException(getClass().getName());
        }
        return ObjectModel.shallowCopy(this);
    }

    public String toString() {
        return new StringBuilder(getClass().getName()).append('@').append(Integer.toHexString(hashCode())).toString();
    }

    public final void notify() {
        LibrarySupport.monitorNotify(this, false);
    }

    public final void notifyAll() {
        LibrarySupport.monitorNotify(this, true);
    }

    public final void wait() throws InterruptedException {
        wait(0);
    }

    public final void wait(long timeoutMillis) throws InterruptedException {
        if (timeoutMillis < 0) {
            throw new IllegalArgumentException("timeout value is negative");
        }
        waitNanos(timeoutMillis * 1_000_000);
    }

    public final void wait(long timeoutMillis, int nanos) throws InterruptedException {
        if (timeoutMillis < 0) {
            throw new IllegalArgumentException("timeout value is negative");
        }
        if (nanos < 0 || nanos > 999999) {
            throw new IllegalArgumentException("nanosecond timeout value out of range");
        }
        waitNanos(timeoutMillis * 1_000_000 + nanos);
    }

    /** JLS §17.2.1: an interrupt before or during the wait throws once the monitor is owned again. */
    private void waitNanos(long nanos) throws InterruptedException {
        if (Thread.interrupted()) {
            throw new InterruptedException();
        }
        LibrarySupport.monitorWait(this, nanos);
        if (Thread.interrupted()) {
            throw new InterruptedException();
        }
    }

    @Deprecated(since = "9")
    protected void finalize() throws Throwable {}
}
