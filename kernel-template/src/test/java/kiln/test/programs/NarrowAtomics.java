package kiln.test.programs;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Atomic operations on byte, short, char and float variables, which Kiln's Unsafe performs through the aligned
 * 4-byte word around them (or a float's raw bits): every get-and-update and compare-and-set mode on array
 * elements and fields, the neighbours in the same word left alone, and threads updating neighbouring bytes of one
 * word at once without losing an update.
 */
public class NarrowAtomics {
    private static final VarHandle BYTES = MethodHandles.arrayElementVarHandle(byte[].class);
    private static final VarHandle SHORTS = MethodHandles.arrayElementVarHandle(short[].class);
    private static final VarHandle CHARS = MethodHandles.arrayElementVarHandle(char[].class);
    private static final VarHandle FLOATS = MethodHandles.arrayElementVarHandle(float[].class);
    private static final VarHandle SMALL;
    private static final VarHandle LETTER;

    byte before = 11;
    short small = 1000;
    char letter = 'k';
    byte after = 22;

    static {
        try {
            SMALL = MethodHandles.lookup().findVarHandle(NarrowAtomics.class, "small", short.class);
            LETTER = MethodHandles.lookup().findVarHandle(NarrowAtomics.class, "letter", char.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    public static void main(String[] args) throws InterruptedException {
        byte[] bytes = {1, 2, 3, 4, 5, 6, 7, 8};
        System.out.println("byte: " + (byte) BYTES.getAndAdd(bytes, 2, (byte) 125) + " " + (byte) BYTES.getAndAdd(bytes, 2, (byte) 1)
                + " " + (byte) BYTES.getAndBitwiseOr(bytes, 5, (byte) 0x70) + " " + (byte) BYTES.getAndBitwiseAnd(bytes, 5, (byte) 0x0f)
                + " " + (byte) BYTES.getAndBitwiseXor(bytes, 7, (byte) -1) + " " + (byte) BYTES.getAndSet(bytes, 0, (byte) -128)
                + " " + BYTES.compareAndSet(bytes, 3, (byte) 4, (byte) -4) + " " + BYTES.compareAndSet(bytes, 3, (byte) 4, (byte) 9)
                + " " + (byte) BYTES.compareAndExchange(bytes, 1, (byte) 2, (byte) 20) + " " + BYTES.weakCompareAndSetPlain(bytes, 4, (byte) 5, (byte) 50)
                + " " + Arrays.toString(bytes));
        short[] shorts = {-1, 2, 30000, 4};
        System.out.println("short: " + (short) SHORTS.getAndAdd(shorts, 2, (short) 10000) + " " + (short) SHORTS.getAndAddAcquire(shorts, 0, (short) 1)
                + " " + (short) SHORTS.getAndBitwiseXorRelease(shorts, 3, (short) 0x7fff) + " " + SHORTS.compareAndSet(shorts, 1, (short) 2, (short) -2)
                + " " + (short) SHORTS.compareAndExchangeAcquire(shorts, 1, (short) 3, (short) 7) + " " + Arrays.toString(shorts));
        char[] chars = "kiln".toCharArray();
        System.out.println("char: " + (char) CHARS.getAndAdd(chars, 0, (char) 1) + " " + (char) CHARS.getAndSet(chars, 3, '\uffff')
                + " " + CHARS.compareAndSet(chars, 2, 'l', 'L') + " " + (int) (char) CHARS.getAndAdd(chars, 3, (char) 2)
                + " " + (char) CHARS.getAndBitwiseOr(chars, 1, (char) 0x20) + " " + new String(chars, 0, 3) + " " + (int) chars[3]);
        float[] floats = {1.5f, -0.0f, Float.NaN};
        System.out.println("float: " + (float) FLOATS.getAndAdd(floats, 0, 2.25f) + " " + FLOATS.compareAndSet(floats, 1, 0.0f, 1f)
                + " " + FLOATS.compareAndSet(floats, 1, -0.0f, 1f) + " " + FLOATS.compareAndSet(floats, 2, Float.NaN, 2f)
                + " " + Arrays.toString(floats));
        NarrowAtomics fields = new NarrowAtomics();
        System.out.println("fields: " + (short) SMALL.getAndAdd(fields, (short) -2000) + " " + (char) LETTER.getAndSet(fields, 'K')
                + " " + SMALL.compareAndSet(fields, (short) -1000, (short) 5) + " " + LETTER.weakCompareAndSet(fields, 'K', 'j')
                + " " + fields.before + " " + fields.small + " " + fields.letter + " " + fields.after);

        byte[] word = new byte[8];
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < 8; t++) {
            int index = t;
            threads.add(new Thread(() -> {
                for (int i = 0; i < 300; i++) {
                    BYTES.getAndAdd(word, index, (byte) 1);
                    if (i % 37 == index) {
                        Thread.yield();
                    }
                }
            }));
        }
        threads.forEach(Thread::start);
        for (Thread thread : threads) {
            thread.join();
        }
        int[] counts = new int[8];
        for (int i = 0; i < 8; i++) {
            counts[i] = word[i] & 0xff;
        }
        System.out.println("8 threads x 300 increments of neighbouring bytes (mod 256): " + Arrays.toString(counts));
    }
}
