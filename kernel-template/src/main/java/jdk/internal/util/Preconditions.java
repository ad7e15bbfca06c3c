package jdk.internal.util;

import java.util.Arrays;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * Index and range checks, with the JDK 17 messages ("Index 5 out of bounds for length 3"). The JDK's builds
 * them with {@code String.format} and its arguments with {@code List.of}; Kiln's concatenates, so that a
 * bounds check does not pull in a Formatter and the immutable collections.
 */
public class Preconditions {
    public Preconditions() {}

    private static RuntimeException outOfBounds(BiFunction<String, List<Number>, ? extends RuntimeException> oobef,
            String checkKind, Number... args) {
        List<Number> argList = Arrays.asList(args);
        RuntimeException e = oobef == null ? null : oobef.apply(checkKind, argList);
        return e == null ? new IndexOutOfBoundsException(outOfBoundsMessage(checkKind, argList)) : e;
    }

    /** A formatter that makes the exception {@code f} creates from the JDK's message. */
    public static <X extends RuntimeException> BiFunction<String, List<Number>, X> outOfBoundsExceptionFormatter(
            Function<String, X> f) {
        return new Formatter<>(f);
    }

    private static final class Formatter<X extends RuntimeException> implements BiFunction<String, List<Number>, X> {
        private final Function<String, X> f;

        Formatter(Function<String, X> f) {
            this.f = f;
        }

        @Override
        public X apply(String checkKind, List<Number> args) {
            return f.apply(outOfBoundsMessage(checkKind, args));
        }
    }

    private static String outOfBoundsMessage(String checkKind, List<? extends Number> args) {
        if (checkKind == null) {
            return "Range check failed: " + args;
        }
        int argSize = checkKind.equals("checkIndex") ? 2
                : checkKind.equals("checkFromToIndex") || checkKind.equals("checkFromIndexSize") ? 3 : 0;
        if (args.size() != argSize) {
            return "Range check failed: " + checkKind + " " + args;
        }
        switch (checkKind) {
            case "checkIndex":
                return "Index " + args.get(0) + " out of bounds for length " + args.get(1);
            case "checkFromToIndex":
                return "Range [" + args.get(0) + ", " + args.get(1) + ") out of bounds for length " + args.get(2);
            case "checkFromIndexSize":
                return "Range [" + args.get(0) + ", " + args.get(0) + " + " + args.get(1)
                        + ") out of bounds for length " + args.get(2);
            default:
                return "Range check failed: " + checkKind + " " + args;
        }
    }

    public static <X extends RuntimeException> int checkIndex(int index, int length,
            BiFunction<String, List<Number>, X> oobef) {
        if (index < 0 || index >= length) {
            throw outOfBounds(oobef, "checkIndex", index, length);
        }
        return index;
    }

    public static <X extends RuntimeException> int checkFromToIndex(int fromIndex, int toIndex, int length,
            BiFunction<String, List<Number>, X> oobef) {
        if (fromIndex < 0 || fromIndex > toIndex || toIndex > length) {
            throw outOfBounds(oobef, "checkFromToIndex", fromIndex, toIndex, length);
        }
        return fromIndex;
    }

    public static <X extends RuntimeException> int checkFromIndexSize(int fromIndex, int size, int length,
            BiFunction<String, List<Number>, X> oobef) {
        if ((length | fromIndex | size) < 0 || size > length - fromIndex) {
            throw outOfBounds(oobef, "checkFromIndexSize", fromIndex, size, length);
        }
        return fromIndex;
    }

    public static <X extends RuntimeException> long checkIndex(long index, long length,
            BiFunction<String, List<Number>, X> oobef) {
        if (index < 0 || index >= length) {
            throw outOfBounds(oobef, "checkIndex", index, length);
        }
        return index;
    }

    public static <X extends RuntimeException> long checkFromToIndex(long fromIndex, long toIndex, long length,
            BiFunction<String, List<Number>, X> oobef) {
        if (fromIndex < 0 || fromIndex > toIndex || toIndex > length) {
            throw outOfBounds(oobef, "checkFromToIndex", fromIndex, toIndex, length);
        }
        return fromIndex;
    }

    public static <X extends RuntimeException> long checkFromIndexSize(long fromIndex, long size, long length,
            BiFunction<String, List<Number>, X> oobef) {
        if ((length | fromIndex | size) < 0 || size > length - fromIndex) {
            throw outOfBounds(oobef, "checkFromIndexSize", fromIndex, size, length);
        }
        return fromIndex;
    }
}
