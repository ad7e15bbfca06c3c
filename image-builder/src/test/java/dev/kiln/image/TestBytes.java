package dev.kiln.image;

/** File contents for the writers' tests: every byte depends on its position, so misplaced bytes show. */
public final class TestBytes {
    private TestBytes() {
    }

    public static byte[] pattern(int length, int seed) {
        byte[] bytes = new byte[length];
        for (int i = 0; i < length; i++) {
            bytes[i] = (byte) (i * 31 + seed);
        }
        return bytes;
    }
}
