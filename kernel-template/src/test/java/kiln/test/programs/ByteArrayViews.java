package kiln.test.programs;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * {@code MethodHandles.byteArrayViewVarHandle}: values of every view type read and written at unaligned byte
 * indexes of a {@code byte[]} in both byte orders and the native one, the bounds (the last index a value fits
 * at, and one past it), a null array, and the JDK's SHA-256 and SHA-512 (their {@code ByteArrayAccess} reads and
 * writes words through such views), SHA-1 and MD5.
 */
public class ByteArrayViews {
    private static final VarHandle INT_BE = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.BIG_ENDIAN);
    private static final VarHandle INT_LE = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle LONG_BE = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);
    private static final VarHandle LONG_NATIVE = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.nativeOrder());
    private static final VarHandle SHORT_LE = MethodHandles.byteArrayViewVarHandle(short[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle CHAR_BE = MethodHandles.byteArrayViewVarHandle(char[].class, ByteOrder.BIG_ENDIAN);
    private static final VarHandle FLOAT_LE = MethodHandles.byteArrayViewVarHandle(float[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle DOUBLE_BE = MethodHandles.byteArrayViewVarHandle(double[].class, ByteOrder.BIG_ENDIAN);

    public static void main(String[] args) throws NoSuchAlgorithmException {
        byte[] bytes = new byte[16];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) (0x10 * i + i + 1);
        }
        System.out.println(Integer.toHexString((int) INT_BE.get(bytes, 1)) + " " + Integer.toHexString((int) INT_LE.get(bytes, 1)));
        System.out.println(Long.toHexString((long) LONG_BE.get(bytes, 3)) + " " + Long.toHexString((long) LONG_NATIVE.get(bytes, 8)));
        System.out.println((short) SHORT_LE.get(bytes, 14) + " " + (int) (char) CHAR_BE.get(bytes, 5));
        INT_BE.set(bytes, 0, 0xCAFEBABE);
        LONG_BE.set(bytes, 7, -2L);
        FLOAT_LE.set(bytes, 4, 1.5f);
        System.out.println(java.util.Arrays.toString(bytes) + " " + (float) FLOAT_LE.get(bytes, 4));
        DOUBLE_BE.set(bytes, 8, Math.PI);
        System.out.println((double) DOUBLE_BE.get(bytes, 8) + " " + Long.toHexString((long) LONG_BE.get(bytes, 8)));
        System.out.println(Integer.toHexString((int) INT_LE.get(bytes, 12)));
        for (int index : new int[] {13, -1}) {
            try {
                INT_LE.get(bytes, index);
            } catch (ArrayIndexOutOfBoundsException e) {
                System.out.println(e.getMessage());
            }
        }
        try {
            LONG_BE.set((byte[]) null, 0, 1L);
        } catch (NullPointerException e) {
            System.out.println("null array");
        }
        for (String algorithm : new String[] {"SHA-256", "SHA-512", "SHA-1", "MD5"}) {
            byte[] digest = MessageDigest.getInstance(algorithm).digest("kiln".getBytes(java.nio.charset.StandardCharsets.UTF_8));
            StringBuilder hex = new StringBuilder();
            for (byte b : digest) {
                hex.append(String.format("%02x", b));
            }
            System.out.println(algorithm + " " + hex);
        }
    }
}
