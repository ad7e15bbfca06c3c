package kiln.test.programs;

/**
 * Two things the optimizing tier simplifies, checked against HotSpot. A class's initialization check met twice in
 * one method: the second goes once the first has returned, but not after a first that threw into a handler here
 * (the handler's own use must fail again, with NoClassDefFoundError). And byte, char, short and boolean stores of
 * narrowed values ({@code (byte) x}, {@code (char) (byte) x}): the store keeps the low bytes, so a conversion
 * that only narrows to the store's width may go, but one narrower than the store (a byte sign-extended into a
 * char) must stay.
 */
public class InitChecksAndNarrowStores {
    static class Failing {
        static int value = compute();

        static int compute() {
            throw new IllegalStateException("Failing cannot start");
        }
    }

    static class Settings {
        static int reads;
        static String name = "settings";
    }

    static byte byteField;
    static char charField;
    static short shortField;
    byte ownByte;
    char ownChar;
    short ownShort;
    boolean ownFlag;

    public static void main(String[] args) {
        for (int round = 0; round < 2; round++) {
            try {
                int value = Failing.value; // the try's first check: every path into the handler passes it
                System.out.println("value " + value);
            } catch (Throwable first) {
                System.out.println("round " + round + ", first use: " + first.getClass().getName());
                try {
                    Failing.value = 3;
                    System.out.println("stored in a class that failed");
                } catch (Throwable again) {
                    System.out.println("in the handler: " + again.getClass().getName() + ": " + again.getMessage());
                }
            }
        }
        Settings.reads++;
        String name = Settings.name;
        Settings.reads += name.length();
        System.out.println(Settings.name + " read " + Settings.reads);

        int[] values = {0x1ff, -129, 0x12345, -1, 0x8000, 0x7fff, 255, 128, 0x10080, -32769};
        byte[] bytes = new byte[values.length];
        char[] chars = new char[values.length];
        short[] shorts = new short[values.length];
        char[] charsOfBytes = new char[values.length];
        short[] shortsOfBytes = new short[values.length];
        byte[] bytesOfChars = new byte[values.length];
        boolean[] flags = new boolean[values.length];
        InitChecksAndNarrowStores fields = new InitChecksAndNarrowStores();
        long sum = 0;
        for (int i = 0; i < values.length; i++) {
            int v = values[i];
            bytes[i] = (byte) v;
            chars[i] = (char) v;
            shorts[i] = (short) v;
            charsOfBytes[i] = (char) (byte) v;
            shortsOfBytes[i] = (short) (byte) v;
            bytesOfChars[i] = (byte) (char) (v >> 4);
            flags[i] = (v & 1) != 0;
            byteField = (byte) (v + i);
            charField = (char) (v * 3);
            shortField = (short) (v - i);
            fields.ownByte = (byte) (v >>> 3);
            fields.ownChar = (char) (byte) v;
            fields.ownShort = (short) (char) v;
            fields.ownFlag = (v & 2) != 0;
            sum += byteField + charField + shortField + fields.ownByte + fields.ownChar + fields.ownShort
                    + (fields.ownFlag ? 1 : 0);
        }
        System.out.println(java.util.Arrays.toString(bytes));
        for (int i = 0; i < values.length; i++) {
            System.out.println((int) chars[i] + " " + shorts[i] + " " + (int) charsOfBytes[i] + " " + shortsOfBytes[i]
                    + " " + bytesOfChars[i] + " " + flags[i]);
        }
        System.out.println("fields " + sum);
    }
}
