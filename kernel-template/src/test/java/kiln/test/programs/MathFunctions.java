package kiln.test.programs;

/**
 * Math's and StrictMath's transcendental functions, printed. Math's exp, log, log10, pow, sin, cos and tan
 * must give HotSpot's (intrinsic, nearly correctly rounded) results, StrictMath's fdlibm's, to the last
 * digit. The grids are regular, not chosen value by value; kiln.lib.math.RoundedMathTest measures the agreement
 * on millions of random inputs.
 */
public class MathFunctions {
    private static final double[] SPECIAL = {
        0.0, -0.0, 1.0, -1.0, Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.MIN_VALUE,
        Double.MAX_VALUE, Double.MIN_NORMAL, 1e-300, -1e-300,
    };

    public static void main(String[] args) {
        System.out.println("exp(1) = " + Math.exp(1.0) + ", log(10) = " + Math.log(10.0) + ", pow(2, 0.5) = "
                + Math.pow(2, 0.5) + ", log10(1000) = " + Math.log10(1000) + ", pow(2, 10) = " + Math.pow(2, 10)
                + ", pow(10, -2) = " + Math.pow(10, -2) + ", exp(-1) = " + Math.exp(-1) + ", log(2) = "
                + Math.log(2) + ", sin(pi) = " + Math.sin(Math.PI) + ", cos(pi) = " + Math.cos(Math.PI)
                + ", tan(pi/4) = " + Math.tan(Math.PI / 4) + ", sin(1) = " + Math.sin(1) + ", cos(1) = "
                + Math.cos(1) + ", log(e) = " + Math.log(Math.E) + ", exp(log(5)) = " + Math.exp(Math.log(5)));
        for (double x : SPECIAL) {
            System.out.println(x + ": exp " + Math.exp(x) + " log " + Math.log(x) + " log10 " + Math.log10(x)
                    + " sin " + Math.sin(x) + " cos " + Math.cos(x) + " tan " + Math.tan(x)
                    + " pow(x, 2) " + Math.pow(x, 2) + " pow(x, -3) " + Math.pow(x, -3)
                    + " pow(2, x) " + Math.pow(2, x) + " pow(x, 0.5) " + Math.pow(x, 0.5));
        }
        for (int i = -40; i <= 40; i++) {
            double x = i * 0.375;
            double positive = Math.abs(x) + 0.125;
            System.out.println(x + ": exp " + Math.exp(x) + " sin " + Math.sin(x) + " cos " + Math.cos(x)
                    + " tan " + Math.tan(x) + " log " + Math.log(positive) + " log10 " + Math.log10(positive)
                    + " pow " + Math.pow(positive, x / 4));
        }
        for (int n = -5; n <= 22; n++) {
            System.out.print(Math.log10(Math.pow(10, n)) + " ");
        }
        System.out.println();

        double[] strictInputs = {0.1, 0.5, 0.7, 0.9, 1.5, 2.0, 3.0, 10.0, 22.5, 100.0, 1e4, 1e5, 7e5, -0.3, -2.5,
            -30.0, 1e-10, 1e-20, 709.0, -709.0, 1e300, 0.785, 2.356, Math.PI / 2, 1e22};
        for (double x : strictInputs) {
            System.out.println(x + ": sin " + StrictMath.sin(x) + " cos " + StrictMath.cos(x) + " tan "
                    + StrictMath.tan(x) + " asin " + StrictMath.asin(x / 1e4) + " acos " + StrictMath.acos(-x / 1e4)
                    + " atan " + StrictMath.atan(x) + " exp " + StrictMath.exp(x) + " log " + StrictMath.log(x)
                    + " log10 " + StrictMath.log10(x) + " log1p " + StrictMath.log1p(x) + " expm1 "
                    + StrictMath.expm1(x) + " sinh " + StrictMath.sinh(x) + " cosh " + StrictMath.cosh(x)
                    + " tanh " + StrictMath.tanh(x) + " atan2 " + StrictMath.atan2(x, -1.5) + " remainder "
                    + StrictMath.IEEEremainder(x, 0.7) + " pow " + StrictMath.pow(x, 0.3) + " cbrt "
                    + StrictMath.cbrt(x) + " hypot " + StrictMath.hypot(x, 3));
        }
        for (double x : SPECIAL) {
            System.out.println(x + ": " + StrictMath.sin(x) + " " + StrictMath.asin(x) + " " + StrictMath.atan(x)
                    + " " + StrictMath.log(x) + " " + StrictMath.log1p(x) + " " + StrictMath.expm1(x) + " "
                    + StrictMath.sinh(x) + " " + StrictMath.tanh(x) + " " + StrictMath.atan2(x, x) + " "
                    + StrictMath.IEEEremainder(x, 2.0) + " " + StrictMath.IEEEremainder(5.5, x));
        }
    }
}
