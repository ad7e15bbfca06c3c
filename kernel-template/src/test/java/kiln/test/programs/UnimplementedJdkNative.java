package kiln.test.programs;

import java.io.FileDescriptor;
import java.io.SyncFailedException;

/**
 * Reaches native methods of the JDK that Kiln's class library does not implement (Kiln has no file descriptors:
 * {@code FileDescriptor}'s class initializer calls its native {@code initIDs}, and {@code sync} is native too):
 * the first call throws UnsatisfiedLinkError, and the program goes on.
 */
public class UnimplementedJdkNative {
    public static void main(String[] args) throws SyncFailedException {
        try {
            FileDescriptor.out.sync();
            System.out.println("synced");
        } catch (UnsatisfiedLinkError e) {
            System.out.println("UnsatisfiedLinkError: " + e.getMessage());
        }
        System.out.println("still running");
    }
}
