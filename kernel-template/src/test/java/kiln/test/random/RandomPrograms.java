package kiln.test.random;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Writes random Java programs for differential testing of the compiler's tiers: static methods over int, long
 * and double locals and parameters, with arithmetic that overflows, division and remainder (by zero now and
 * then), shifts by any count, widening and narrowing casts (d2i of NaN and huge values included), comparisons of
 * NaN, nested ifs, counted loops (some over an array's length, the shape bounds-check elimination looks for),
 * array loads and stores (some out of bounds; byte, char and short arrays too, stored through chains of narrowing
 * casts), static fields, objects of a small final class that stay local, escape on some paths only (a static
 * keeps them) or have fields written on some paths (scalar replacement's cases), interface and virtual calls whose
 * receivers are of two or three classes, instanceof with a pattern, calls of the methods written before (small ones
 * get inlined) and of small helpers that may throw (an array read, a range check with its own throw: the
 * optimizing tier inlines them and calls them for real where they throw), try/catch statements (in loops too,
 * their handlers changing an int and a float local), and a float local that rounds double values, overflows,
 * takes NaN and is converted back (f2i, f2l saturating), added to double results. {@code main}
 * calls every method with several inputs, printing each result, or the exception it threw with the method and
 * line of every frame of its stack trace, and a checksum of the arrays and fields the call changed.
 * Deterministic for a seed.
 */
public final class RandomPrograms {
    private static final String[] INT_OPS = {"+", "-", "*", "/", "%", "&", "|", "^", "<<", ">>", ">>>"};
    private static final String[] DOUBLE_OPS = {"+", "-", "*", "/"};
    private static final String[] RELATIONS = {"<", "<=", ">", ">=", "==", "!="};
    private static final String[] INT_LITERALS = {"0", "1", "-1", "2", "7", "31", "32", "255", "65535", "-65536",
        "Integer.MAX_VALUE", "Integer.MIN_VALUE", "1000003", "16", "4096", "-8"};
    private static final String[] LONG_LITERALS = {"0L", "1L", "-1L", "63L", "64L", "0xFFFFFFFFL", "Long.MAX_VALUE",
        "Long.MIN_VALUE", "1_000_000_007L", "-4294967296L", "0x100000000L", "8L"};
    private static final String[] DOUBLE_LITERALS = {"0.0", "-0.0", "1.0", "0.5", "-2.25", "1e308", "-1e-308",
        "3.0e9", "-9.3e18", "Double.NaN", "Double.POSITIVE_INFINITY", "Double.MIN_VALUE", "0.1"};
    private static final String[] TYPES = {"int", "long", "double"};
    /** Loop counters are never assigned in a body, so every loop ends. */
    private static final String[] ASSIGNABLE_INTS = {"i0", "i1", "i2"};
    private static final String[] ASSIGNABLE_LONGS = {"l0", "l1", "l2"};
    private static final String[] ASSIGNABLE_DOUBLES = {"d0", "d1", "d2"};
    private static final String PARAMETERS = "int p0, long p1, double p2, int[] ia, long[] la, double[] da";

    /** A method written so far: its name, its result type, and whether it calls others. */
    private record Method(String name, String type, boolean calls) {
    }

    private final Random random;
    private final List<Method> methods = new ArrayList<>();
    private final List<String> scopeInts = new ArrayList<>();
    private final List<String> scopeLongs = new ArrayList<>();
    private final List<String> scopeDoubles = new ArrayList<>();
    private int loopCounter;
    /** Whether the method being written calls another (then no method may call it: the work stays bounded). */
    private boolean calls;
    private int depth;

    private RandomPrograms(long seed) {
        this.random = new Random(seed);
    }

    /** The source of class {@code className} (in the unnamed package) with {@code methodCount} random methods. */
    public static String program(long seed, String className, int methodCount, int inputs) {
        return new RandomPrograms(seed).write(className, methodCount, inputs);
    }

    private String write(String className, int methodCount, int inputs) {
        StringBuilder s = new StringBuilder();
        s.append("public class ").append(className).append(" {\n");
        s.append("    static int si = 3;\n    static long sl = -5L;\n    static double sd = 0.25;\n");
        s.append("""
                    static byte[] ba = new byte[8];
                    static char[] ca = new char[8];
                    static short[] sa = new short[8];
                    static Cell kept;

                    static final class Cell {
                        int i;
                        long l;
                        byte b;
                        char c;
                        short s;

                        Cell(int i, long l) {
                            this.i = i;
                            this.l = l;
                        }

                        int mix() {
                            return i ^ (int) l ^ b ^ c ^ s;
                        }
                    }

                    interface Shape {
                        int area(int k);
                    }

                    static final class Square implements Shape {
                        final int side;

                        Square(int side) {
                            this.side = side;
                        }

                        public int area(int k) {
                            return side * side + k;
                        }
                    }

                    static final class Rectangle implements Shape {
                        final int width;
                        final int height;

                        Rectangle(int width, int height) {
                            this.width = width;
                            this.height = height;
                        }

                        public int area(int k) {
                            return width * height - k;
                        }
                    }

                    static Shape shape(int v) {
                        return (v & 1) == 0 ? new Square(v) : new Rectangle(v, v >> 3);
                    }

                    static class Base {
                        long f(long x) {
                            return x * 3;
                        }

                        long g(long x) {
                            return f(x) + 1;
                        }
                    }

                    static class Twice extends Base {
                        long f(long x) {
                            return x << 1;
                        }
                    }

                    static final class Less extends Twice {
                        long f(long x) {
                            return x - 7;
                        }
                    }

                    static Base base(int v) {
                        return switch (v & 3) {
                            case 0 -> new Base();
                            case 1 -> new Twice();
                            default -> new Less();
                        };
                    }

                """);
        for (int m = 0; m < methodCount; m++) {
            s.append(method("m" + m));
        }
        s.append("""
                    static int at(int[] a, int i) {
                        return a[i];
                    }

                    static long at(long[] a, int i) {
                        return a[i];
                    }

                    static double at(double[] a, int i) {
                        return a[i];
                    }

                    static int bounded(int value, int limit) {
                        if (value > limit) {
                            throw new IllegalStateException("over " + limit);
                        }
                        return value;
                    }

                    static String frames(Throwable e) {
                        StringBuilder s = new StringBuilder();
                        for (StackTraceElement f : e.getStackTrace()) {
                            s.append(' ').append(f.getMethodName()).append(':').append(f.getLineNumber());
                        }
                        return s.toString();
                    }

                    static long checksum(int[] ia, long[] la, double[] da) {
                        long h = si * 31L + sl;
                        for (int v : ia) h = h * 31 + v;
                        for (long v : la) h = h * 31 + v;
                        for (double v : da) h = h * 31 + Double.doubleToLongBits(v);
                        for (byte v : ba) h = h * 31 + v;
                        for (char v : ca) h = h * 31 + v;
                        for (short v : sa) h = h * 31 + v;
                        if (kept != null) h = h * 31 + kept.mix();
                        return h + Double.doubleToLongBits(sd);
                    }

                    public static void main(String[] args) {
                        int[] ia = new int[8];
                        long[] la = new long[8];
                        double[] da = new double[8];
                """);
        Random inputRandom = new Random(random.nextLong());
        for (int m = 0; m < methodCount; m++) {
            for (int i = 0; i < inputs; i++) {
                String p0 = INT_LITERALS[inputRandom.nextInt(INT_LITERALS.length)];
                String p1 = LONG_LITERALS[inputRandom.nextInt(LONG_LITERALS.length)];
                String p2 = DOUBLE_LITERALS[inputRandom.nextInt(DOUBLE_LITERALS.length)];
                String label = "m" + m + "/" + i;
                s.append("        try {\n            System.out.println(\"").append(label).append(" \" + m").append(m)
                        .append("(").append(p0).append(", ").append(p1).append(", ").append(p2)
                        .append(", ia, la, da));\n        } catch (RuntimeException e) {\n")
                        .append("            System.out.println(\"").append(label).append(" \" + e + frames(e));\n        }\n")
                        .append("        System.out.println(checksum(ia, la, da));\n");
            }
        }
        s.append("    }\n}\n");
        return s.toString();
    }

    private String method(String name) {
        String type = pick(TYPES);
        calls = false;
        scopeInts.clear();
        scopeLongs.clear();
        scopeDoubles.clear();
        scopeInts.add("p0");
        scopeLongs.add("p1");
        scopeDoubles.add("p2");
        StringBuilder body = new StringBuilder();
        for (int i = 0; i < 3; i++) {
            declare(body, "int", "i" + i, scopeInts);
            declare(body, "long", "l" + i, scopeLongs);
            declare(body, "double", "d" + i, scopeDoubles);
        }
        body.append("        float f0 = (float) ").append(doubleExpr()).append(";\n");
        int statements = 2 + random.nextInt(6);
        for (int i = 0; i < statements; i++) {
            statement(body, "        ");
        }
        String result = switch (type) {
            case "int" -> intExpr();
            case "long" -> longExpr();
            default -> doubleExpr() + " + f0";
        };
        methods.add(new Method(name, type, calls));
        return "    static " + type + " " + name + "(" + PARAMETERS + ") {\n" + body + "        return " + result + ";\n    }\n\n";
    }

    private void declare(StringBuilder body, String type, String name, List<String> scope) {
        String init = switch (type) {
            case "int" -> intExpr();
            case "long" -> longExpr();
            default -> doubleExpr();
        };
        body.append("        ").append(type).append(' ').append(name).append(" = ").append(init).append(";\n");
        scope.add(name);
    }

    private void statement(StringBuilder s, String indent) {
        depth++;
        if (depth <= 2 && random.nextInt(16) == 0) {
            s.append(indent).append("try {\n");
            statement(s, indent + "    ");
            s.append(indent).append("} catch (ArithmeticException | ArrayIndexOutOfBoundsException | IllegalStateException e) {\n")
                    .append(indent).append("    ").append(pick(ASSIGNABLE_INTS)).append(" ^= e.getMessage().length();\n")
                    .append(indent).append("    f0 = f0 * -0.5f + ").append(pick(ASSIGNABLE_INTS)).append(";\n")
                    .append(indent).append("}\n");
            depth--;
            return;
        }
        if (depth <= 2 && random.nextInt(12) == 0) {
            cell(s, indent);
            depth--;
            return;
        }
        int kind = random.nextInt(depth > 2 ? 5 : 9);
        switch (kind) {
            case 0, 1 -> s.append(indent).append(pick(ASSIGNABLE_INTS)).append(' ')
                    .append(pick(new String[] {"=", "+=", "-=", "*=", "^=", "<<="})).append(' ').append(intExpr()).append(";\n");
            case 2 -> s.append(indent).append(pick(ASSIGNABLE_LONGS)).append(' ')
                    .append(pick(new String[] {"=", "+=", "*=", "|=", ">>>="})).append(' ').append(longExpr()).append(";\n");
            case 3 -> {
                if (random.nextInt(3) == 0) {
                    s.append(indent).append("f0 ").append(pick(new String[] {"=", "+=", "*=", "/="})).append(" (float) ")
                            .append(doubleExpr()).append(";\n").append(indent).append(pick(ASSIGNABLE_INTS))
                            .append(random.nextBoolean() ? " += (int) (f0 * 3.0e9f);\n" : " ^= (int) (long) f0 + (f0 < 1.5f ? 1 : 2);\n");
                } else {
                    s.append(indent).append(pick(ASSIGNABLE_DOUBLES)).append(' ')
                            .append(pick(new String[] {"=", "+=", "*=", "/="})).append(' ').append(doubleExpr()).append(";\n");
                }
            }
            case 4 -> {
                switch (random.nextInt(8)) {
                    case 5 -> s.append(indent).append("ba[").append(index()).append("] ")
                            .append(random.nextInt(4) == 0 ? "+= " : "= " + narrowing("byte")).append(intExpr()).append(";\n");
                    case 6 -> s.append(indent).append("ca[").append(index()).append("] ")
                            .append(random.nextInt(4) == 0 ? "-= " : "= " + narrowing("char")).append(intExpr()).append(";\n");
                    case 7 -> s.append(indent).append("sa[").append(index()).append("] ")
                            .append(random.nextInt(4) == 0 ? "^= " : "= " + narrowing("short")).append(intExpr()).append(";\n");
                    case 0 -> s.append(indent).append("ia[").append(index()).append("] = ").append(intExpr()).append(";\n");
                    case 1 -> s.append(indent).append("la[").append(index()).append("] = ").append(longExpr()).append(";\n");
                    case 2 -> s.append(indent).append("da[").append(index()).append("] = ").append(doubleExpr()).append(";\n");
                    case 3 -> s.append(indent).append("si = ").append(intExpr()).append(";\n");
                    default -> s.append(indent).append(random.nextBoolean() ? "sl += " + longExpr() : "sd = " + doubleExpr())
                            .append(";\n");
                }
            }
            case 5, 6 -> {
                s.append(indent).append("if (").append(condition()).append(") {\n");
                statement(s, indent + "    ");
                statement(s, indent + "    ");
                s.append(indent).append("} else {\n");
                statement(s, indent + "    ");
                s.append(indent).append("}\n");
            }
            default -> {
                String k = "k" + loopCounter++;
                String bound = random.nextBoolean() ? pick(new String[] {"ia.length", "la.length", "da.length"})
                        : String.valueOf(1 + random.nextInt(20));
                s.append(indent).append("for (int ").append(k).append(" = 0; ").append(k).append(" < ").append(bound)
                        .append("; ").append(k).append("++) {\n");
                scopeInts.add(k);
                if (bound.endsWith("length")) {
                    String array = bound.substring(0, 2);
                    String value = array.equals("ia") ? intExpr() : array.equals("la") ? longExpr() : doubleExpr();
                    s.append(indent).append("    ").append(array).append('[').append(k).append("] ")
                            .append(array.equals("da") ? "+=" : "^=").append(' ').append(value).append(";\n");
                }
                statement(s, indent + "    ");
                if (random.nextBoolean()) {
                    statement(s, indent + "    ");
                }
                scopeInts.remove(k);
                s.append(indent).append("}\n");
            }
        }
        depth--;
    }

    /** A cast to {@code type}, sometimes over another narrowing cast ({@code (char) (byte)}), then a space. */
    private String narrowing(String type) {
        String inner = switch (random.nextInt(4)) {
            case 0 -> "(byte) ";
            case 1 -> "(char) ";
            case 2 -> "(short) ";
            default -> "";
        };
        return "(" + type + ") " + (inner.isEmpty() ? "" : inner);
    }

    /**
     * A block with a Cell: fields written on some paths, read into an int local; kept in a static on some paths
     * (it escapes there only), or never.
     */
    private void cell(StringBuilder s, String indent) {
        String c = "c" + loopCounter++;
        String inner = indent + "    ";
        s.append(indent).append("{\n").append(inner).append("Cell ").append(c).append(" = new Cell(").append(intExpr())
                .append(", ").append(longExpr()).append(");\n");
        s.append(inner).append("if (").append(condition()).append(") {\n").append(inner).append("    ").append(c)
                .append(".b = ").append(narrowing("byte")).append(intExpr()).append(";\n").append(inner).append("} else {\n")
                .append(inner).append("    ").append(c).append(".c = ").append(narrowing("char")).append(intExpr())
                .append(";\n").append(inner).append("}\n");
        s.append(inner).append(c).append(".s += ").append(narrowing("short")).append(intExpr()).append(";\n");
        if (random.nextInt(3) == 0) {
            s.append(inner).append("if (").append(condition()).append(") {\n").append(inner).append("    kept = ")
                    .append(c).append(";\n").append(inner).append("}\n");
        }
        s.append(inner).append(c).append(".l += ").append(c).append(".i;\n");
        s.append(inner).append(pick(ASSIGNABLE_INTS)).append(" ^= ").append(c).append(".mix();\n");
        s.append(indent).append("}\n");
    }

    private String index() {
        return random.nextInt(8) == 0 ? "(" + intExpr() + ") % 9" : "(" + intExpr() + ") & 7";
    }

    /** An index for the helpers: out of bounds more rarely than {@link #index()}, so calls run on after them. */
    private String helperIndex() {
        return random.nextInt(16) == 0 ? "(" + intExpr() + ") % 9" : "(" + intExpr() + ") & 7";
    }

    private String condition() {
        return switch (random.nextInt(5)) {
            case 0 -> intExpr() + " " + pick(RELATIONS) + " " + intExpr();
            case 1 -> longExpr() + " " + pick(RELATIONS) + " " + longExpr();
            case 2 -> doubleExpr() + " " + pick(RELATIONS) + " " + doubleExpr();
            case 3 -> "!(" + intExpr() + " " + pick(RELATIONS) + " " + intExpr() + ")";
            default -> "(" + intExpr() + " < " + intExpr() + ") == (" + doubleExpr() + " >= " + doubleExpr() + ")";
        };
    }

    private String call(String type) {
        List<Method> candidates = methods.stream().filter(m -> m.type().equals(type) && !m.calls()).toList();
        if (candidates.isEmpty() || depth > 3) {
            return null;
        }
        calls = true;
        Method m = candidates.get(random.nextInt(candidates.size()));
        depth += 2;
        String call = m.name() + "(" + intExpr() + ", " + longExpr() + ", " + doubleExpr() + ", ia, la, da)";
        depth -= 2;
        return call;
    }

    private String intExpr() {
        depth++;
        try {
            int choice = random.nextInt(depth > 4 ? 3 : 18);
            return switch (choice) {
                case 0 -> pick(INT_LITERALS);
                case 1, 2 -> pick(scopeInts);
                case 3, 4 -> {
                    String op = pick(INT_OPS);
                    String right = intExpr();
                    if ((op.equals("/") || op.equals("%")) && random.nextInt(6) != 0) {
                        right = "(" + right + " | 1)";
                    }
                    yield "(" + intExpr() + " " + op + " " + right + ")";
                }
                case 5 -> "(int) " + longExpr();
                case 6 -> "(int) " + doubleExpr();
                case 7 -> "(" + pick(new String[] {"byte", "short", "char"}) + ") " + intExpr();
                case 8 -> pick(new String[] {"ia", "ia", "ba", "ca", "sa"}) + "[" + index() + "]";
                case 9 -> "(" + condition() + " ? " + intExpr() + " : " + intExpr() + ")";
                case 10 -> {
                    String call = call("int");
                    yield call != null ? call : "si";
                }
                case 11 -> "-" + pick(scopeInts);
                case 12 -> "Math.abs(" + intExpr() + ")";
                case 13 -> random.nextBoolean() ? "at(ia, " + helperIndex() + ")"
                        : "bounded(" + intExpr() + ", " + (random.nextInt(6) == 0 ? intExpr() : "Integer.MAX_VALUE") + ")";
                case 15, 16 -> "shape(" + intExpr() + ").area(" + intExpr() + ")";
                case 17 -> "(shape(" + intExpr() + ") instanceof Square q ? q.side : -1)";
                default -> "ia.length";
            };
        } finally {
            depth--;
        }
    }

    private String longExpr() {
        depth++;
        try {
            int choice = random.nextInt(depth > 4 ? 3 : 13);
            return switch (choice) {
                case 0 -> pick(LONG_LITERALS);
                case 1, 2 -> pick(scopeLongs);
                case 3, 4 -> {
                    String op = pick(INT_OPS);
                    boolean shift = op.startsWith("<") || op.startsWith(">");
                    String right = shift ? intExpr() : longExpr();
                    if ((op.equals("/") || op.equals("%")) && random.nextInt(6) != 0) {
                        right = "(" + right + " | 1L)";
                    }
                    yield "(" + longExpr() + " " + op + " " + right + ")";
                }
                case 5 -> "(long) " + intExpr();
                case 6 -> "(long) " + doubleExpr();
                case 7 -> "la[" + index() + "]";
                case 8 -> {
                    String call = call("long");
                    yield call != null ? call : "sl";
                }
                case 9 -> "Long.compare(" + longExpr() + ", " + longExpr() + ")";
                case 10 -> "at(la, " + helperIndex() + ")";
                case 12 -> "base(" + intExpr() + ").g(" + longExpr() + ")";
                default -> "(" + condition() + " ? " + longExpr() + " : " + longExpr() + ")";
            };
        } finally {
            depth--;
        }
    }

    private String doubleExpr() {
        depth++;
        try {
            int choice = random.nextInt(depth > 4 ? 3 : 10);
            return switch (choice) {
                case 0 -> pick(DOUBLE_LITERALS);
                case 1, 2 -> pick(scopeDoubles);
                case 3, 4 -> "(" + doubleExpr() + " " + pick(DOUBLE_OPS) + " " + doubleExpr() + ")";
                case 5 -> "(double) " + intExpr();
                case 6 -> "(double) " + longExpr();
                case 7 -> random.nextBoolean() ? "da[" + index() + "]" : "at(da, " + helperIndex() + ")";
                case 8 -> {
                    String call = call("double");
                    yield call != null ? call : "Math.sqrt(Math.abs(" + doubleExpr() + "))";
                }
                default -> "-" + pick(scopeDoubles);
            };
        } finally {
            depth--;
        }
    }

    private String pick(String[] choices) {
        return choices[random.nextInt(choices.length)];
    }

    private String pick(List<String> choices) {
        return choices.get(random.nextInt(choices.size()));
    }
}
