package dev.kiln.it;

public class NativeChecksum {
    public static void main(String[] args) {
        System.out.println(checksum(args.length + 3));
    }

    /** A JNI method: there is no native library to bind it to in a Kiln image, so kiln:image refuses it. */
    static native int checksum(int x);
}
