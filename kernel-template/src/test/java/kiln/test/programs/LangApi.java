package kiln.test.programs;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Integer/Long decode, sub-sequence and unsigned parsing, getInteger/getLong; System's streams, single properties,
 * environment and native-library stubs; Character's code-point walking and Latin-1 classification.
 * Failures print the exception's class and message, which must be HotSpot's.
 */
public class LangApi {
    public static void main(String[] args) throws IOException {
        integers();
        longs();
        system();
        characters();
        nesting();
    }

    static final class Member {
        interface Deeper {
        }
    }

    /** Class's nesting queries, as commons-lang3's ClassUtils.getShortClassName walks them. */
    private static void nesting() {
        class Local {
        }
        Object anonymous = new Object() {
        };
        Runnable lambda = () -> { };
        Class<?>[] classes = {LangApi.class, Member.class, Member.Deeper.class, Local.class, anonymous.getClass(),
            Member[].class, int.class, Map.Entry.class, lambda.getClass()};
        for (Class<?> c : classes) {
            String name = c == lambda.getClass() ? "lambda" : c.getName();
            System.out.println(name + ": member " + c.isMemberClass() + " local " + c.isLocalClass() + " anonymous "
                    + c.isAnonymousClass() + " declared in " + (c.getDeclaringClass() == null ? null : c.getDeclaringClass().getName())
                    + (c == lambda.getClass() ? "" : " enclosed in "
                    + (c.getEnclosingClass() == null ? null : c.getEnclosingClass().getName())));
        }
    }

    private static void show(String label, Supplier<Object> action) {
        String result;
        try {
            result = String.valueOf(action.get());
        } catch (RuntimeException e) {
            result = e.getClass().getName() + ": " + e.getMessage();
        }
        System.out.println(label + " -> " + result);
    }

    private static String failureClass(Supplier<Object> action) {
        try {
            return String.valueOf(action.get());
        } catch (RuntimeException e) {
            return e.getClass().getName();
        }
    }

    private static void integers() {
        String[] decodable = {"0", "-0", "+0", "010", "-010", "0x1F", "0X1f", "#ff", "-#80000000", "-0x80000000",
            "0x80000000", "2147483647", "2147483648", "-2147483648", "-2147483649", "", "-", "+", "0x", "#", "--1",
            "-+1", "0x-1", "08", "1_0", " 1", "0xFFFFFFFF", "-9223372036854775808", "0x7fffffffffffffff",
            "-0x8000000000000000", "0x8000000000000000", "9223372036854775808", "0777777777777777777777", "00"};
        for (String s : decodable) {
            show("Integer.decode(\"" + s + "\")", () -> Integer.decode(s));
            show("Long.decode(\"" + s + "\")", () -> Long.decode(s));
        }
        String text = "x-123+77ffz2147483648";
        show("parseInt(cs,1,5,10)", () -> Integer.parseInt(text, 1, 5, 10));
        show("parseInt(cs,5,10,16)", () -> Integer.parseInt(text, 5, 10, 16));
        show("parseInt(cs,5,11,16)", () -> Integer.parseInt(text, 5, 11, 16));
        show("parseInt(cs,11,21,10)", () -> Integer.parseInt(text, 11, 21, 10));
        show("parseInt(cs,1,2,10)", () -> Integer.parseInt(text, 1, 2, 10));
        show("parseInt(cs,3,3,10)", () -> Integer.parseInt(text, 3, 3, 10));
        show("parseInt(cs,3,3,16)", () -> Integer.parseInt(text, 3, 3, 16));
        show("parseInt(cs,0,3,10)", () -> Integer.parseInt(text, 0, 3, 10));
        show("parseInt(cs,2,1,10)", () -> Integer.parseInt(text, 2, 1, 10));
        show("parseInt(cs,-1,1,10)", () -> Integer.parseInt(text, -1, 1, 10));
        show("parseInt(cs,0,99,10)", () -> Integer.parseInt(text, 0, 99, 10));
        show("parseInt(cs,1,5,1)", () -> Integer.parseInt(text, 1, 5, 1));
        show("parseInt(cs,1,5,37)", () -> Integer.parseInt(text, 1, 5, 37));
        show("parseInt(sb,0,11,10)", () -> Integer.parseInt(new StringBuilder("-2147483648"), 0, 11, 10));
        show("parseUnsignedInt(cs,11,21,10)", () -> Integer.parseUnsignedInt(text, 11, 21, 10));
        show("parseUnsignedInt(cs,5,11,16)", () -> Integer.parseUnsignedInt(text, 5, 11, 16));
        show("parseUnsignedInt(cs,1,5,10)", () -> Integer.parseUnsignedInt(text, 1, 5, 10));
        show("parseUnsignedInt(cs,2,2,10)", () -> Integer.parseUnsignedInt(text, 2, 2, 10));
        show("parseUnsignedInt(cs,2,9,36)", () -> Integer.parseUnsignedInt(text, 2, 9, 36));
        show("parseUnsignedInt(cs,2,5,10)", () -> Integer.parseUnsignedInt(text, 2, 5, 10));
        show("parseUnsignedInt(cs,5,9,99)", () -> Integer.parseUnsignedInt(text, 5, 9, 99));
        show("parseUnsignedInt(cs,5,99,10)", () -> Integer.parseUnsignedInt(text, 5, 99, 10));
        show("parseUnsignedInt(\"4294967295\",0,10,10)", () -> Integer.parseUnsignedInt("4294967295", 0, 10, 10));
        show("parseUnsignedInt(\"4294967296\",0,10,10)", () -> Integer.parseUnsignedInt("4294967296", 0, 10, 10));
        show("getInteger(unset)", () -> Integer.getInteger("kiln.test.unset"));
        show("getInteger(unset,7)", () -> Integer.getInteger("kiln.test.unset", 7));
        show("getInteger(unset,boxed)", () -> Integer.getInteger("kiln.test.unset", Integer.valueOf(-3)));
        show("getInteger(null)", () -> Integer.getInteger(null, 5));
        show("getInteger(\"\")", () -> Integer.getInteger("", 6));
        System.setProperty("kiln.test.int", "0x10");
        System.setProperty("kiln.test.bad", "ten");
        show("getInteger(set)", () -> Integer.getInteger("kiln.test.int", 1));
        show("getInteger(bad)", () -> Integer.getInteger("kiln.test.bad", 2));
        show("getLong(set)", () -> Long.getLong("kiln.test.int"));
        show("getLong(bad)", () -> Long.getLong("kiln.test.bad", 3L));
        show("getLong(unset)", () -> Long.getLong("kiln.test.unset"));
        show("getLong(unset,boxed)", () -> Long.getLong("kiln.test.unset", Long.valueOf(9)));
        System.clearProperty("kiln.test.int");
        System.clearProperty("kiln.test.bad");
    }

    private static void longs() {
        String[] unsigned = {"0", "18446744073709551615", "18446744073709551616", "9223372036854775808",
            "99999999999999999999", "1844674407370955161x", "184467440737095516x5", "-1", "", "+5", "+", "123456789012",
            "1234567890123", "ffffffffffffffff", "10000000000000000", "-ff", "3w5e11264sgsf", "3w5e11264sgsg", "zzzzzzzzzzzzz"};
        int[] radixes = {10, 16, 36};
        for (String s : unsigned) {
            for (int radix : radixes) {
                show("parseUnsignedLong(\"" + s + "\"," + radix + ")", () -> Long.parseUnsignedLong(s, radix));
            }
        }
        show("parseUnsignedLong(\"5\")", () -> Long.parseUnsignedLong("5"));
        show("parseUnsignedLong(null)", () -> Long.parseUnsignedLong(null));
        show("parseUnsignedLong(\"5\",1)", () -> Long.parseUnsignedLong("5", 1));
        show("parseUnsignedLong(\"1234567890123456789012\",40)", () -> Long.parseUnsignedLong("1234567890123456789012", 40));
        String text = "[18446744073709551615][-7][9223372036854775807][abc]";
        show("parseUnsignedLong(cs,1,21,10)", () -> Long.parseUnsignedLong(text, 1, 21, 10));
        show("parseUnsignedLong(cs,1,22,10)", () -> Long.parseUnsignedLong(text, 1, 22, 10));
        show("parseUnsignedLong(cs,1,23,10)", () -> Long.parseUnsignedLong(text, 1, 23, 10));
        show("parseUnsignedLong(cs,24,26,10)", () -> Long.parseUnsignedLong(text, 24, 26, 10));
        show("parseUnsignedLong(cs,4,4,10)", () -> Long.parseUnsignedLong(text, 4, 4, 10));
        show("parseUnsignedLong(cs,49,52,16)", () -> Long.parseUnsignedLong(text, 49, 52, 16));
        show("parseUnsignedLong(cs,0,99,16)", () -> Long.parseUnsignedLong(text, 0, 99, 16));
        show("parseLong(cs,28,47,10)", () -> Long.parseLong(text, 28, 47, 10));
        show("parseLong(cs,24,26,10)", () -> Long.parseLong(text, 24, 26, 10));
        show("parseLong(cs,1,21,10)", () -> Long.parseLong(text, 1, 21, 10));
        show("parseLong(cs,49,52,10)", () -> Long.parseLong(text, 49, 52, 10));
        show("parseLong(cs,24,25,10)", () -> Long.parseLong(text, 24, 25, 10));
        show("parseLong(cs,5,5,8)", () -> Long.parseLong(text, 5, 5, 8));
        show("parseLong(cs,5,4,8)", () -> Long.parseLong(text, 5, 4, 8));
        show("parseLong(cs,5,6,0)", () -> Long.parseLong(text, 5, 6, 0));
    }

    private static void system() throws IOException {
        PrintStream original = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(captured, true));
        System.out.println("captured line");
        System.out.print(42);
        System.setOut(original);
        System.out.println("captured: [" + captured.toString().replace("\n", "|") + "]");
        PrintStream originalErr = System.err;
        ByteArrayOutputStream capturedErr = new ByteArrayOutputStream();
        System.setErr(new PrintStream(capturedErr, true));
        System.err.println("to err");
        System.setErr(originalErr);
        System.out.println("captured err: [" + capturedErr.toString().replace("\n", "|") + "]");

        InputStream originalIn = System.in;
        System.setIn(new java.io.ByteArrayInputStream(new byte[] {65, 66}));
        System.out.println("in: " + System.in.read() + " " + System.in.read() + " " + System.in.read());
        System.setIn(originalIn);

        show("getProperty(kiln.test.a)", () -> System.getProperty("kiln.test.a"));
        show("getProperty(kiln.test.a, def)", () -> System.getProperty("kiln.test.a", "def"));
        show("setProperty(kiln.test.a, 1)", () -> System.setProperty("kiln.test.a", "1"));
        show("setProperty(kiln.test.b, 2)", () -> System.setProperty("kiln.test.b", "2"));
        show("setProperty(kiln.test.a, 3)", () -> System.setProperty("kiln.test.a", "3"));
        show("getProperty(kiln.test.a)", () -> System.getProperty("kiln.test.a"));
        show("getProperty(kiln.test.a, def)", () -> System.getProperty("kiln.test.a", "def"));
        show("clearProperty(kiln.test.a)", () -> System.clearProperty("kiln.test.a"));
        show("clearProperty(kiln.test.a)", () -> System.clearProperty("kiln.test.a"));
        show("getProperty(kiln.test.b)", () -> System.getProperty("kiln.test.b"));
        show("setProperty(null, x)", () -> System.setProperty(null, "x"));
        show("setProperty(\"\", x)", () -> System.setProperty("", "x"));
        show("setProperty(k, null)", () -> System.setProperty("kiln.test.c", null));
        show("clearProperty(\"\")", () -> System.clearProperty(""));
        show("getProperty(null)", () -> System.getProperty(null));
        show("clearProperty(kiln.test.b)", () -> System.clearProperty("kiln.test.b"));
        show("getProperty(kiln.test.b)", () -> System.getProperty("kiln.test.b"));

        show("getenv(KILN_TEST_UNSET)", () -> System.getenv("KILN_TEST_UNSET"));
        Map<String, String> environment = System.getenv();
        show("getenv().get(KILN_TEST_UNSET)", () -> environment.get("KILN_TEST_UNSET"));
        show("getenv().put", () -> environment.put("KILN_TEST", "x"));
        show("lineSeparator", () -> System.lineSeparator().equals("\n"));
        show("getProperty(line.separator)", () -> System.getProperty("line.separator").equals(System.lineSeparator()));
        System.runFinalization();
        show("loadLibrary", () -> {
            try {
                System.loadLibrary("kiln_test_missing");
                return "loaded";
            } catch (UnsatisfiedLinkError e) {
                return "UnsatisfiedLinkError";
            }
        });
        show("load", () -> {
            try {
                System.load("/kiln/test/missing.so");
                return "loaded";
            } catch (UnsatisfiedLinkError e) {
                return "UnsatisfiedLinkError";
            }
        });
        show("mapLibraryName", () -> System.mapLibraryName("kiln"));
        System.out.println("inheritedChannel -> " + System.inheritedChannel());
    }

    private static void characters() {
        String text = "a\uD83D\uDE00b\uDC00\uD800c\uD801";
        char[] chars = text.toCharArray();
        StringBuilder line = new StringBuilder("codePointAt:");
        for (int i = 0; i < text.length(); i++) {
            line.append(' ').append(Integer.toHexString(Character.codePointAt(text, i)))
                    .append('/').append(Integer.toHexString(Character.codePointAt(chars, i)))
                    .append('/').append(Integer.toHexString(Character.codePointAt(chars, i, Math.min(i + 2, chars.length))));
        }
        System.out.println(line);
        line = new StringBuilder("codePointBefore:");
        for (int i = 1; i <= text.length(); i++) {
            line.append(' ').append(Integer.toHexString(Character.codePointBefore(text, i)))
                    .append('/').append(Integer.toHexString(Character.codePointBefore(chars, i)))
                    .append('/').append(Integer.toHexString(Character.codePointBefore(chars, i, Math.max(i - 2, 0))));
        }
        System.out.println(line);
        // Only the class: the message is String.charAt's.
        show("codePointAt(cs,99)", () -> failureClass(() -> Character.codePointAt(text, 99)));
        show("codePointAt(a,-1)", () -> Character.codePointAt(chars, -1));
        show("codePointAt(a,3,3)", () -> Character.codePointAt(chars, 3, 3));
        show("codePointAt(a,0,99)", () -> Character.codePointAt(chars, 0, 99));
        show("codePointBefore(cs,0)", () -> failureClass(() -> Character.codePointBefore(text, 0)));
        show("codePointBefore(a,0)", () -> Character.codePointBefore(chars, 0));
        show("codePointBefore(a,2,2)", () -> Character.codePointBefore(chars, 2, 2));
        show("codePointBefore(a,2,-1)", () -> Character.codePointBefore(chars, 2, -1));
        show("codePointCount(cs)", () -> Character.codePointCount(text, 0, text.length()));
        show("codePointCount(cs,2,5)", () -> Character.codePointCount(text, 2, 5));
        show("codePointCount(cs,5,2)", () -> Character.codePointCount(text, 5, 2));
        show("codePointCount(a)", () -> Character.codePointCount(chars, 0, chars.length));
        show("codePointCount(a,1,2)", () -> Character.codePointCount(chars, 1, 2));
        show("codePointCount(a,1,1)", () -> Character.codePointCount(chars, 1, 1));
        show("codePointCount(a,1,99)", () -> Character.codePointCount(chars, 1, 99));
        show("codePointCount(sb)", () -> Character.codePointCount(new StringBuilder(text), 1, 4));
        for (int offset = -8; offset <= 8; offset += 2) {
            int delta = offset;
            show("offsetByCodePoints(cs,3," + delta + ")", () -> Character.offsetByCodePoints(text, 3, delta));
            show("offsetByCodePoints(a,1,6,3," + delta + ")", () -> Character.offsetByCodePoints(chars, 1, 6, 3, delta));
        }
        show("offsetByCodePoints(cs,99,0)", () -> Character.offsetByCodePoints(text, 99, 0));
        show("offsetByCodePoints(a,1,6,0,0)", () -> Character.offsetByCodePoints(chars, 1, 6, 0, 0));
        char[] destination = new char[4];
        show("toChars(1F600,dst,1)", () -> Character.toChars(0x1F600, destination, 1) + " " + Integer.toHexString(destination[1])
                + " " + Integer.toHexString(destination[2]));
        show("toChars(41,dst,3)", () -> Character.toChars('A', destination, 3) + " " + destination[3]);
        show("toChars(-1,dst,0)", () -> Character.toChars(-1, destination, 0));
        show("toChars(110000,dst,0)", () -> Character.toChars(0x110000, destination, 0));
        show("toChars(1F600,dst,3)", () -> Character.toChars(0x1F600, destination, 3));

        StringBuilder types = new StringBuilder("types:");
        StringBuilder flags = new StringBuilder();
        for (int c = 0; c <= 0xFF; c++) {
            types.append(' ').append(Character.getType(c));
            if (Character.getType((char) c) != Character.getType(c)) {
                types.append('!');
            }
            int bits = (Character.isDefined(c) ? 1 : 0) | (Character.isTitleCase(c) ? 2 : 0) | (Character.isMirrored(c) ? 4 : 0)
                    | (Character.isIdentifierIgnorable(c) ? 8 : 0) | (Character.isUnicodeIdentifierStart(c) ? 16 : 0)
                    | (Character.isUnicodeIdentifierPart(c) ? 32 : 0) | (Character.isJavaLetter((char) c) ? 64 : 0)
                    | (Character.isJavaLetterOrDigit((char) c) ? 128 : 0) | (Character.isSpace((char) c) ? 256 : 0)
                    | (Character.isDefined((char) c) ? 512 : 0) | (Character.isTitleCase((char) c) ? 1024 : 0)
                    | (Character.isMirrored((char) c) ? 2048 : 0) | (Character.isIdentifierIgnorable((char) c) ? 4096 : 0)
                    | (Character.isUnicodeIdentifierStart((char) c) ? 8192 : 0)
                    | (Character.isUnicodeIdentifierPart((char) c) ? 16384 : 0);
            flags.append(Integer.toHexString(bits)).append(c % 16 == 15 ? "\n" : " ");
        }
        StringBuilder directionalities = new StringBuilder("directionalities:");
        for (int c = 0; c <= 0xFF; c++) {
            directionalities.append(' ').append(Character.getDirectionality(c));
            if (Character.getDirectionality((char) c) != Character.getDirectionality(c)) {
                directionalities.append('!');
            }
        }
        System.out.println(types);
        System.out.println(directionalities);
        StringBuilder fallbacks = new StringBuilder("beyond Latin-1:");
        for (int c : new int[] {0xD800, 0xDFFF, 0xE000, 0x10FFFD, 0x2028, 0x2029, 0x3000, 0x2000, 0x1680, 0x205F, 0x0378, 0x110000, -1}) {
            fallbacks.append(' ').append(Integer.toHexString(c)).append('=').append(Character.getType(c))
                    .append('/').append(Character.getDirectionality(c)).append('/').append(Character.isDefined(c));
        }
        System.out.println(fallbacks);
        System.out.print(flags);
        System.out.println("surrogate " + Character.getType('\uD800') + " " + Character.getType('\uDFFF') + " private "
                + Character.getType(0xE000) + " " + Character.getType(0x10FFFD) + " separators " + Character.getType(0x2028)
                + " " + Character.getType(0x2029) + " " + Character.getType(0x3000) + " invalid " + Character.getType(-1)
                + " " + Character.getType(0x110000) + " " + Character.isDefined(0x110000));
        System.out.println("constants " + Character.UNASSIGNED + " " + Character.TITLECASE_LETTER + " " + Character.PRIVATE_USE
                + " " + Character.FINAL_QUOTE_PUNCTUATION + " " + Character.DIRECTIONALITY_UNDEFINED + " "
                + Character.DIRECTIONALITY_POP_DIRECTIONAL_ISOLATE + " " + Character.DIRECTIONALITY_WHITESPACE);
    }
}
