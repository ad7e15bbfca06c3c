package kiln.kernel.drivers;

import kiln.runtime.Intrinsics;

/**
 * The hosted target: the same kernel linked as a Linux process (docs/abi.md "Hosted target"). There the
 * process's file descriptors and system calls stand in for the devices, so each driver asks
 * {@link #isActive()} and takes the Linux path instead of touching ports.
 */
public final class HostedLinux {
    private static final int SYS_READ = 0;
    static final int SYS_WRITE = 1;
    private static final int SYS_NANOSLEEP = 35;
    private static final int SYS_CLOCK_GETTIME = 228;
    private static final int SYS_EXIT_GROUP = 231;
    static final int STDIN = 0;
    static final int STDOUT = 1;
    /** errno EINTR: a signal handler ran before the call did anything; the call may simply be repeated. */
    static final int EINTR = 4;

    private HostedLinux() {}

    /** True when the kernel runs as a Linux process: the hosted stub set {@code kiln_hosted} to 1. */
    public static boolean isActive() {
        return Intrinsics.readLong(Intrinsics.symbol("kiln_hosted")) != 0;
    }

    /** read(2); the number of bytes read (0 at end of file), or a negative errno. */
    static long read(int fd, long address, long count) {
        return Intrinsics.syscall(SYS_READ, fd, address, count);
    }

    /** write(2); the number of bytes written, or a negative errno. */
    static long write(int fd, long address, long count) {
        return Intrinsics.syscall(SYS_WRITE, fd, address, count);
    }

    /** clock_gettime(2): stores the time of {@code clock} as a struct timespec {seconds, nanoseconds} at {@code timespec}. */
    public static void clockGettime(int clock, long timespec) {
        Intrinsics.syscall(SYS_CLOCK_GETTIME, clock, timespec, 0);
    }

    /** nanosleep(2) for the struct timespec at {@code timespec}; 0, or a negative errno (-EINTR: woken early). */
    public static long nanosleep(long timespec) {
        return Intrinsics.syscall(SYS_NANOSLEEP, timespec, 0, 0);
    }

    /** exit_group(2): ends the process. */
    static void exitGroup(int status) {
        Intrinsics.syscall(SYS_EXIT_GROUP, status, 0, 0);
    }
}
