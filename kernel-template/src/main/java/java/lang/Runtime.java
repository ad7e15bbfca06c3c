package java.lang;

import kiln.runtime.LibrarySupport;

/**
 * Kiln's {@code Runtime}: the JDK's declares its processor count and memory figures as natives of HotSpot, and
 * {@code ConcurrentHashMap}, {@code ForkJoinPool} and the executors size themselves by
 * {@link #availableProcessors}. There is no process to {@code exec}, no native library to load and no
 * shutdown-hook machinery (the guest ends when the last non-daemon thread does, docs/abi.md "Exit protocol"),
 * so those members are absent and a program that uses them fails to build, naming them.
 */
public class Runtime {
    private static final Runtime CURRENT = new Runtime();

    private Runtime() {
    }

    public static Runtime getRuntime() {
        return CURRENT;
    }

    /** The processors that run Java tasklets (kiln.kernel.sched). */
    public int availableProcessors() {
        return LibrarySupport.availableProcessors();
    }

    public void gc() {
        LibrarySupport.collectGarbage();
    }

    public void exit(int status) {
        LibrarySupport.exit(status);
    }

    /** Kiln runs no shutdown hooks or finalizers, so halting and exiting are the same. */
    public void halt(int status) {
        LibrarySupport.exit(status);
    }
}
