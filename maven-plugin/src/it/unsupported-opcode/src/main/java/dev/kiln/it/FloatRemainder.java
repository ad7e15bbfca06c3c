package dev.kiln.it;

public class FloatRemainder {
    public static void main(String[] args) {
        System.out.println(tenths(args.length + 3));
    }

    /** x * 1.5 % 1: the frem bytecode, which Kiln's compiler rejects today. */
    static int tenths(int x) {
        float f = x * 1.5f % 1.0f;
        return (int) (f * 10);
    }
}
