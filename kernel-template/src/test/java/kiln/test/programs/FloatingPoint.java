package kiln.test.programs;

/**
 * Printing floats and doubles through the JDK's FloatingDecimal, and Math/StrictMath. Parsing (Double.parseDouble) is
 * not here: FloatingDecimal's hexadecimal branch needs java.util.regex, which Kiln cannot compile yet.
 */
public class FloatingPoint {
    public static void main(String[] args) {
        double[] doubles = {0.0, -0.0, 1.0, 0.1, 0.2, 0.1 + 0.2, 1.5, -2.75, 100.0, 1e-5, 1e-3, 1e7, 1.0e-7, 123456789.0,
            1234567.125, 1.0 / 3, 2.0 / 3, 1e21, 1e22, 1e23, 1e300, -1e-300, Double.MIN_VALUE, Double.MAX_VALUE,
            Double.MIN_NORMAL, Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Math.PI, Math.E,
            4.35, 2.0e-3, 9007199254740993.0, 0.3f};
        for (double d : doubles) {
            System.out.println(d + " " + Double.toString(d) + " " + String.valueOf(d));
        }
        float[] floats = {0.0f, -0.0f, 1.0f, 0.1f, 1.0f / 3, 3.4028235e38f, 1.4e-45f, 1e10f, 123.456f, 1e-5f, Float.NaN,
            Float.NEGATIVE_INFINITY, 16777217f};
        for (float f : floats) {
            System.out.println(f + " " + Float.toString(f));
        }
        System.out.println("" + 1.5 + " " + 2.5f + " " + (0.5 + 1) + " " + (char) ('a' + 1));
        StringBuilder sb = new StringBuilder();
        sb.append(1.25).append(' ').append(3.5f).append(' ').append(-0.0);
        System.out.println(sb);

        double[] inputs = {2.5, -2.5, 3.7, -3.7, 0.5, -0.5, 1.5, 0.49999999999999994, -0.0, 1e20, Double.NaN};
        for (double x : inputs) {
            System.out.println(x + ": floor=" + Math.floor(x) + " ceil=" + Math.ceil(x) + " round=" + Math.round(x)
                    + " rint=" + Math.rint(x) + " abs=" + Math.abs(x) + " signum=" + Math.signum(x));
        }
        System.out.println(Math.round(2.5f) + " " + Math.round(-2.5f) + " " + Math.abs(-7.5f) + " " + Math.max(1.5, -0.0)
                + " " + Math.min(-0.0, 0.0) + " " + Math.max(Double.NaN, 1) + " " + Math.min(3f, 2f));
        System.out.println(Math.sqrt(2) + " " + Math.sqrt(144) + " " + Math.sqrt(-1) + " " + Math.pow(2, 10) + " "
                + Math.pow(2, 0.5) + " " + Math.pow(10, -2) + " " + Math.pow(-8, 1.0 / 3) + " " + Math.cbrt(27)
                + " " + Math.hypot(3, 4));
        System.out.println(StrictMath.exp(1) + " " + StrictMath.log(10) + " " + StrictMath.log10(1000) + " "
                + StrictMath.sin(1) + " " + StrictMath.cos(1) + " " + StrictMath.atan2(1, 1) + " " + StrictMath.tanh(0.5));
        System.out.println(Math.toDegrees(Math.PI) + " " + Math.toRadians(180) + " " + Math.ulp(1.0) + " "
                + Math.nextUp(1.0) + " " + Math.copySign(3.0, -1.0) + " " + Math.getExponent(1024.0));

        double total = 0;
        for (int i = 1; i <= 10; i++) {
            total += 1.0 / i;
        }
        System.out.println(total + " " + (float) total + " " + (int) total + " " + (long) 1e19 + " " + (int) Double.NaN
                + " " + (int) -1e10 + " " + (double) Long.MAX_VALUE + " " + (float) 0.1);
        System.out.println(Double.compare(0.0, -0.0) + " " + Double.valueOf(0.0).equals(-0.0) + " " + (0.0 == -0.0)
                + " " + Double.isNaN(0.0 / 0.0) + " " + Double.hashCode(1.5) + " " + Float.compare(1f, 2f)
                + " " + Double.doubleToLongBits(1.0) + " " + Float.floatToIntBits(-1f) + " " + Double.isInfinite(1 / 0.0));
        System.out.println(Double.MAX_EXPONENT + " " + Integer.toString(7) + " "
                + Double.sum(0.1, 0.2) + " " + Double.max(1, 2) + " " + Float.MIN_VALUE);
    }
}
