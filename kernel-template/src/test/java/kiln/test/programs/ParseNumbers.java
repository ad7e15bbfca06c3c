package kiln.test.programs;

/** Double.parseDouble, Float.parseFloat and valueOf: the parsed bits must be HotSpot's, bad input must fail alike. */
public class ParseNumbers {
    public static void main(String[] args) {
        String[] inputs = {
            "0.1", "1e23", "2.2250738585072014E-308", "-0", "+0.0", "NaN", "-NaN", "+Infinity", "Infinity", "-Infinity", "  12.5  ",
            "\t7\n", "0x1.8p1", "0X1P-1074", "-0x1.fffffffffffffp1023", "0x.8p1", "0x1p", "1e400", "-1e400", "4.9e-324", "2.4e-324",
            "2.5e-324", "1.7976931348623157E308", "1.7976931348623158E308", "3.4028235E38", "3.4028236E38", "1.4E-45", "0.7E-45",
            "123456789012345678901234567890", "9007199254740993", "1d", "2.5f", "-.5", "5.", ".e1", "1e", "1e+", "", " ", "abc",
            "0x", "1_000", "Infinityx", "NaNa", "1.0.0", "١", "0.000001", "1.23456789e-7", "100", "-2147483648",
            "0x0p99999999999", "0x1p99999999999", "0x1p-99999999999", "0x1.8p1f", " 0x1p1 ", "0x1p+1", "0x1.000001p0",
            "0x1.0000010000001p0", "0x1.fffffffffffff8p1023", "0x1.fffffffffffff7ffp1023", "0x0.0000000000000000000000000001p1",
            "+", "-", "0xp1", "0x.p1", "0x1.p1", "0xg", "0x1p1x", "00.5e-400000000000", "0.0000000000000000000001e400",
            "1.5e2147483648", "0x1p2147483647", "0x123456789abcdef123p-100", "0x1.ffffffp-149", "0x1p-150",
            "0x1.0000000000001p-150", "0x1.8p-1075", "0x1p-1075", "1e-400", "-1e-400", "+NaN", ".5", "0.", ".",
            "2.2250738585072011e-308", "0.1e-45", "1e-46", "3.4028235677973366e38", "1234567890123456789e-10",
            "0.30000000000000004", "9007199254740992.5", "1.0000000000000002", "4.9406564584124654E-324",
            "2.225073858507201E-308", "2.2250738585072012e-308", "1.00000000000000011102230246251565404236316680908203125",
            "0.1000000000000000055511151231257827", "123456789012345678", "8.98846567431158E307", "1e-320", "-9.8813129168249309E-324",
            "0x1.fffffffffffffp-1023", "0x0.0000000000001p-1022", "0X1.8P+3D", "-0x1.4p-2f", "1E0", "1e-0", "NaNx", "Infinity ", " -Infinity",
            "infinity", "INFINITY", "0x1.ffffffffffffffffffffffp0", "1.17549435E-38", "1.1754942E-38", "7.006492321624085e-46",
        };
        for (String input : inputs) {
            StringBuilder line = new StringBuilder("[").append(input.replace("\t", "\\t").replace("\n", "\\n")).append("] ");
            try {
                double d = Double.parseDouble(input);
                line.append(d).append(' ').append(Long.toHexString(Double.doubleToRawLongBits(d)));
            } catch (NumberFormatException e) {
                line.append("double: ").append(e.getMessage());
            }
            try {
                float f = Float.parseFloat(input);
                line.append(" | ").append(f).append(' ').append(Integer.toHexString(Float.floatToRawIntBits(f)));
            } catch (NumberFormatException e) {
                line.append(" | float: ").append(e.getMessage());
            }
            System.out.println(line);
        }
        double[] hexSamples = {0.0, -0.0, 1.0, -2.5, 0.1, Double.MIN_VALUE, Double.MIN_NORMAL, Double.MAX_VALUE, 1e-310,
            Double.NaN, Double.NEGATIVE_INFINITY, 1.0 / 3};
        StringBuilder hex = new StringBuilder();
        for (double d : hexSamples) {
            hex.append(Double.toHexString(d)).append(' ').append(Float.toHexString((float) d)).append(' ');
        }
        System.out.println(hex + Float.toHexString(Float.MIN_VALUE) + " " + Float.toHexString(-1e-40f) + " " + Float.toHexString(Float.MIN_NORMAL));
        System.out.println(Double.compare(0.0, -0.0) + " " + Double.valueOf(Double.NaN).equals(Double.NaN) + " " + Float.compare(Float.NaN, 1f)
                + " " + Double.hashCode(1.5) + " " + Float.valueOf(2.5f).hashCode() + " " + Double.isFinite(1e308 * 10) + " " + Float.MAX_VALUE
                + " " + Double.doubleToLongBits(Double.longBitsToDouble(0x7ff8000000000001L)) + " " + Double.sum(0.1, 0.2) + " " + Float.min(-0f, 0f));
        System.out.println(Double.valueOf("6.02214076e23") + " " + Float.valueOf("-1.5e-3") + " " + Double.valueOf("0x1.0p0")
                + " " + (Double.parseDouble("0.1") + Double.parseDouble("0.2")));
        try {
            Double.parseDouble(null);
        } catch (NullPointerException e) {
            System.out.println("null: NullPointerException");
        }
        try {
            Double.valueOf("one");
        } catch (NumberFormatException e) {
            System.out.println(e);
        }
    }
}
