package java.lang;

import kiln.runtime.ObjectModel;

/**
 * The root class. Kiln runs one thread, so monitors are never contended and nobody else could ever
 * notify: {@link #wait()} returns at once (a spurious wakeup, which JLS §17.2.1 allows, so correct callers
 * wait in a loop and see their condition still false) and {@link #notify()} has no waiters to wake.
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

    public final void notify() {}

    public final void notifyAll() {}

    public final void wait() throws InterruptedException {
        wait(0);
    }

    public final void wait(long timeoutMillis) throws InterruptedException {
        if (timeoutMillis < 0) {
            throw new IllegalArgumentException("timeout value is negative");
        }
    }

    public final void wait(long timeoutMillis, int nanos) throws InterruptedException {
        if (timeoutMillis < 0) {
            throw new IllegalArgumentException("timeout value is negative");
        }
        if (nanos < 0 || nanos > 999999) {
            throw new IllegalArgumentException("nanosecond timeout value out of range");
        }
    }

    @Deprecated(since = "9")
    protected void finalize() throws Throwable {}
}
