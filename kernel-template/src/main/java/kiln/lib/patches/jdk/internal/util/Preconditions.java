package kiln.lib.patches.jdk.internal.util;

import java.util.List;

/**
 * Replaces the message builder of the JDK's {@code jdk.internal.util.Preconditions} (see the compiler's
 * JdkMethodPatches), the index checks behind {@code Objects.checkIndex}, {@code String}'s and the buffers'
 * bounds checks. The JDK's builds its messages with {@code String.format}, so every image with a bounds
 * check would carry {@code java.util.Formatter} and the locale providers under it (about 7,000 methods,
 * README "Image formats and sizes"); this one concatenates the same text ({@code %s} of a {@code Number} is
 * its {@code toString}). The checks themselves and the exceptions they make stay the JDK's bytecode.
 */
public final class Preconditions {
    private Preconditions() {
    }

    /** JDK 17's messages: "Index 5 out of bounds for length 3", "Range [2, 2 + 5) out of bounds for length 4". */
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
            default: // checkFromIndexSize
                return "Range [" + args.get(0) + ", " + args.get(0) + " + " + args.get(1)
                        + ") out of bounds for length " + args.get(2);
        }
    }
}
