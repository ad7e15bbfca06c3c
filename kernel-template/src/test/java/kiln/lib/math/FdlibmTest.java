package kiln.lib.math;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.DoubleBinaryOperator;
import java.util.function.DoubleUnaryOperator;
import java.util.function.IntToDoubleFunction;
import org.junit.jupiter.api.Test;

/**
 * Kiln's {@link Fdlibm} against HotSpot's {@code StrictMath} (fdlibm itself) bit for bit, on a million
 * inputs per function: random bit patterns (every exponent), arguments in the ranges where the functions
 * change algorithm, and the special values.
 */
class FdlibmTest {
    private static final int INPUTS = 1_000_000;
    private static final double[] SPECIAL = {
        0.0, -0.0, 1.0, -1.0, 0.5, -0.5, 2.0, 10.0, Math.E, Math.PI, Math.PI / 2, Math.PI / 4, -Math.PI,
        Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.MIN_VALUE, -Double.MIN_VALUE,
        Double.MIN_NORMAL, Double.MAX_VALUE, -Double.MAX_VALUE, 709.78, 710.0, -745.2, 22.0, -22.0, 0.35,
        1e-300, 0x1p-28, 0x1p-54, 1e22, 0x1.921fb54442d18p19, 0.6744, 0.975, 7.0 / 16, 39.0 / 16,
        6381956970095103.0 * 0x1p797, 2.0e6 * Math.PI, 1e15 * Math.PI / 2, // near multiples of pi/2
    };

    private static double input(SplittableRandom random, int i) {
        return switch (i % 5) {
            case 0 -> Double.longBitsToDouble(random.nextLong());
            case 1 -> (random.nextDouble() * 2 - 1) * 4;
            case 2 -> (random.nextDouble() * 2 - 1) * 40;
            case 3 -> (random.nextDouble() * 2 - 1) * Math.scalb(1.0, random.nextInt(64) - 40);
            default -> (random.nextDouble() * 2 - 1) * 800_000; // below 2^19 pi/2, where sin, cos and tan reduce by parts
        };
    }

    private static void sameAsStrictMath(String name, DoubleUnaryOperator kiln, DoubleUnaryOperator hotSpot) {
        SplittableRandom random = new SplittableRandom(name.hashCode());
        sameAsStrictMath(name, (x, unused) -> kiln.applyAsDouble(x), (x, unused) -> hotSpot.applyAsDouble(x),
                INPUTS + SPECIAL.length, i -> i < SPECIAL.length ? SPECIAL[i] : input(random, i), i -> 0.0);
    }

    /** Compares the functions on count argument pairs, the i-th pair being (first(i), second(i)). */
    private static void sameAsStrictMath(String name, DoubleBinaryOperator kiln, DoubleBinaryOperator hotSpot,
            int count, IntToDoubleFunction first, IntToDoubleFunction second) {
        List<String> mismatches = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            double a = first.applyAsDouble(i);
            double b = second.applyAsDouble(i);
            double expected = hotSpot.applyAsDouble(a, b);
            double actual = kiln.applyAsDouble(a, b);
            if (Double.doubleToLongBits(expected) != Double.doubleToLongBits(actual) && mismatches.size() < 10) {
                mismatches.add(name + "(" + a + ", " + b + "): StrictMath " + expected + ", Kiln " + actual);
            }
        }
        assertEquals(List.of(), mismatches);
    }

    @Test
    void trigonometric() {
        sameAsStrictMath("sin", Fdlibm::sin, StrictMath::sin);
        sameAsStrictMath("cos", Fdlibm::cos, StrictMath::cos);
        sameAsStrictMath("tan", Fdlibm::tan, StrictMath::tan);
    }

    @Test
    void inverseTrigonometric() {
        sameAsStrictMath("asin", Fdlibm::asin, StrictMath::asin);
        sameAsStrictMath("acos", Fdlibm::acos, StrictMath::acos);
        sameAsStrictMath("atan", Fdlibm::atan, StrictMath::atan);
    }

    @Test
    void logarithms() {
        sameAsStrictMath("log", Fdlibm::log, StrictMath::log);
        sameAsStrictMath("log10", Fdlibm::log10, StrictMath::log10);
        sameAsStrictMath("log1p", Fdlibm::log1p, StrictMath::log1p);
    }

    @Test
    void exponentialAndHyperbolic() {
        sameAsStrictMath("expm1", Fdlibm::expm1, StrictMath::expm1);
        sameAsStrictMath("sinh", Fdlibm::sinh, StrictMath::sinh);
        sameAsStrictMath("cosh", Fdlibm::cosh, StrictMath::cosh);
        sameAsStrictMath("tanh", Fdlibm::tanh, StrictMath::tanh);
    }

    @Test
    void twoArgumentFunctions() {
        int pairs = SPECIAL.length * SPECIAL.length;
        SplittableRandom random = new SplittableRandom(2);
        IntToDoubleFunction first = i -> i < pairs ? SPECIAL[i / SPECIAL.length] : input(random, i);
        IntToDoubleFunction second = i -> i < pairs ? SPECIAL[i % SPECIAL.length] : input(random, i / 5);
        sameAsStrictMath("atan2", Fdlibm::atan2, StrictMath::atan2, pairs + INPUTS, first, second);
        sameAsStrictMath("IEEEremainder", Fdlibm::IEEEremainder, StrictMath::IEEEremainder, pairs + INPUTS, first,
                second);
    }
}
