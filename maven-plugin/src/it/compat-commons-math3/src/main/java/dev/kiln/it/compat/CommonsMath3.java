package dev.kiln.it.compat;

import org.apache.commons.math3.analysis.UnivariateFunction;
import org.apache.commons.math3.analysis.integration.SimpsonIntegrator;
import org.apache.commons.math3.analysis.interpolation.SplineInterpolator;
import org.apache.commons.math3.analysis.polynomials.PolynomialFunction;
import org.apache.commons.math3.analysis.polynomials.PolynomialSplineFunction;
import org.apache.commons.math3.analysis.solvers.BrentSolver;
import org.apache.commons.math3.complex.Complex;
import org.apache.commons.math3.distribution.BinomialDistribution;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.commons.math3.distribution.PoissonDistribution;
import org.apache.commons.math3.distribution.TDistribution;
import org.apache.commons.math3.fraction.Fraction;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.DecompositionSolver;
import org.apache.commons.math3.linear.EigenDecomposition;
import org.apache.commons.math3.linear.LUDecomposition;
import org.apache.commons.math3.linear.QRDecomposition;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.linear.RealVector;
import org.apache.commons.math3.linear.SingularValueDecomposition;
import org.apache.commons.math3.primes.Primes;
import org.apache.commons.math3.random.MersenneTwister;
import org.apache.commons.math3.random.RandomDataGenerator;
import org.apache.commons.math3.random.Well19937c;
import org.apache.commons.math3.stat.StatUtils;
import org.apache.commons.math3.stat.correlation.PearsonsCorrelation;
import org.apache.commons.math3.stat.descriptive.DescriptiveStatistics;
import org.apache.commons.math3.stat.descriptive.SummaryStatistics;
import org.apache.commons.math3.stat.inference.TTest;
import org.apache.commons.math3.stat.regression.SimpleRegression;
import org.apache.commons.math3.util.ArithmeticUtils;
import org.apache.commons.math3.util.CombinatoricsUtils;
import org.apache.commons.math3.util.FastMath;

import java.util.Arrays;

/**
 * Commons Math the way applications use it: descriptive statistics, regression and tests, linear algebra with
 * decompositions, probability distributions, seeded random generators, root finding, integration,
 * interpolation, complex numbers and number theory. Every value printed is computed by the library.
 */
public final class CommonsMath3 {
    public static void main(String[] args) {
        statistics();
        linearAlgebra();
        distributions();
        random();
        analysis();
        numbers();
        System.out.println("commons-math3: done");
    }

    private static void statistics() {
        double[] data = {2.5, 3.1, 4.7, 1.2, 9.8, 5.5, 3.3, 7.1, 6.0, 4.4};
        DescriptiveStatistics descriptive = new DescriptiveStatistics(data);
        System.out.println("mean " + descriptive.getMean() + " sd " + descriptive.getStandardDeviation()
                + " median " + descriptive.getPercentile(50));
        System.out.println("skewness " + descriptive.getSkewness() + " kurtosis " + descriptive.getKurtosis());
        System.out.println("min " + descriptive.getMin() + " max " + descriptive.getMax() + " sum " + descriptive.getSum()
                + " geometric mean " + descriptive.getGeometricMean());
        SummaryStatistics summary = new SummaryStatistics();
        for (double value : data) {
            summary.addValue(value * value);
        }
        System.out.println("summary n " + summary.getN() + " mean " + summary.getMean() + " variance " + summary.getVariance());
        System.out.println("StatUtils variance " + StatUtils.variance(data) + " percentile90 " + StatUtils.percentile(data, 90)
                + " mode " + Arrays.toString(StatUtils.mode(new double[] {1, 2, 2, 3, 3, 3})));
        double[] x = {1, 2, 3, 4, 5, 6, 7, 8};
        double[] y = {2.1, 3.9, 6.2, 7.8, 10.1, 12.2, 13.8, 16.1};
        SimpleRegression regression = new SimpleRegression();
        for (int i = 0; i < x.length; i++) {
            regression.addData(x[i], y[i]);
        }
        System.out.println("regression slope " + regression.getSlope() + " intercept " + regression.getIntercept()
                + " r2 " + regression.getRSquare() + " predict(10) " + regression.predict(10));
        System.out.println("pearson " + new PearsonsCorrelation().correlation(x, y));
        double[] before = {200.1, 190.9, 192.7, 213.0, 241.4, 196.9, 172.2, 185.5, 205.2, 193.7};
        double[] after = {392.9, 393.2, 345.1, 393.0, 434.0, 427.1, 422.0, 383.9, 392.3, 352.2};
        TTest tTest = new TTest();
        System.out.println("t " + tTest.t(before, after) + " p " + tTest.tTest(before, after)
                + " paired p " + tTest.pairedTTest(before, after));
    }

    private static void linearAlgebra() {
        RealMatrix a = new Array2DRowRealMatrix(new double[][] {{4, -2, 1}, {-2, 4, -2}, {1, -2, 4}});
        RealVector b = new ArrayRealVector(new double[] {11, -16, 17});
        DecompositionSolver lu = new LUDecomposition(a).getSolver();
        System.out.println("LU solve " + Arrays.toString(lu.solve(b).toArray()));
        System.out.println("determinant " + new LUDecomposition(a).getDeterminant());
        System.out.println("inverse " + lu.getInverse());
        System.out.println("QR solve " + Arrays.toString(new QRDecomposition(a).getSolver().solve(b).toArray()));
        EigenDecomposition eigen = new EigenDecomposition(a);
        double[] eigenvalues = eigen.getRealEigenvalues();
        System.out.println("eigenvalues " + Arrays.toString(eigenvalues));
        System.out.println("first eigenvector " + Arrays.toString(eigen.getEigenvector(0).toArray()));
        RealMatrix m = new Array2DRowRealMatrix(new double[][] {{1, 2}, {3, 4}, {5, 6}});
        SingularValueDecomposition svd = new SingularValueDecomposition(m);
        System.out.println("singular values " + Arrays.toString(svd.getSingularValues()) + " rank " + svd.getRank()
                + " condition " + svd.getConditionNumber());
        System.out.println("product " + m.multiply(m.transpose()));
        System.out.println("norms " + m.getFrobeniusNorm() + " " + b.getNorm() + " dot " + b.dotProduct(b.mapMultiply(0.5)));
    }

    private static void distributions() {
        NormalDistribution normal = new NormalDistribution(100, 15);
        System.out.println("normal cdf(130) " + normal.cumulativeProbability(130) + " density(100) " + normal.density(100)
                + " quantile(0.975) " + normal.inverseCumulativeProbability(0.975));
        BinomialDistribution binomial = new BinomialDistribution(20, 0.3);
        System.out.println("binomial pmf(6) " + binomial.probability(6) + " cdf(6) " + binomial.cumulativeProbability(6)
                + " mean " + binomial.getNumericalMean());
        PoissonDistribution poisson = new PoissonDistribution(4.5);
        System.out.println("poisson pmf(3) " + poisson.probability(3) + " cdf(8) " + poisson.cumulativeProbability(8));
        TDistribution t = new TDistribution(9);
        System.out.println("t cdf(2.262) " + t.cumulativeProbability(2.262) + " quantile(0.95) " + t.inverseCumulativeProbability(0.95));
        try {
            new NormalDistribution(0, -1);
        } catch (IllegalArgumentException expected) {
            System.out.println(expected.getClass().getSimpleName() + ": " + expected.getMessage());
        }
        try {
            new Array2DRowRealMatrix(new double[][] {{1, 2}, {2, 4}}).multiply(new Array2DRowRealMatrix(new double[][] {{1, 2, 3}}));
        } catch (IllegalArgumentException expected) {
            System.out.println(expected.getClass().getSimpleName() + ": " + expected.getMessage());
        }
        NormalDistribution seeded = new NormalDistribution(new Well19937c(42), 0, 1);
        System.out.println("normal samples " + Arrays.toString(seeded.sample(4)));
    }

    private static void random() {
        MersenneTwister twister = new MersenneTwister(20261130L);
        System.out.println("MersenneTwister " + twister.nextInt() + " " + twister.nextInt(1000) + " " + twister.nextLong()
                + " " + twister.nextDouble() + " " + twister.nextGaussian());
        Well19937c well = new Well19937c(7);
        System.out.println("Well19937c " + well.nextInt() + " " + well.nextDouble() + " " + well.nextBoolean());
        RandomDataGenerator generator = new RandomDataGenerator(new MersenneTwister(99));
        System.out.println("RandomDataGenerator " + generator.nextInt(1, 6) + " " + generator.nextGaussian(10, 2)
                + " " + generator.nextPoisson(3) + " " + generator.nextHexString(12)
                + " " + Arrays.toString(generator.nextPermutation(8, 4)));
    }

    private static void analysis() {
        UnivariateFunction f = v -> v * v * v - 2 * v - 5;
        System.out.println("Brent root " + new BrentSolver(1e-12).solve(100, f, 2, 3));
        System.out.println("Simpson integral of sin on [0, pi] " + new SimpsonIntegrator().integrate(1000, FastMath::sin, 0, FastMath.PI));
        PolynomialFunction p = new PolynomialFunction(new double[] {1, -3, 0, 2});
        System.out.println("polynomial " + p + " at 2: " + p.value(2) + " derivative " + p.polynomialDerivative());
        PolynomialSplineFunction spline = new SplineInterpolator().interpolate(new double[] {0, 1, 2, 3}, new double[] {0, 1, 8, 27});
        System.out.println("spline(1.5) " + spline.value(1.5) + " spline(2.5) " + spline.value(2.5));
        Complex z = new Complex(3, 4);
        System.out.println("complex abs " + z.abs() + " sqrt " + z.sqrt() + " exp " + new Complex(0, FastMath.PI).exp()
                + " roots " + z.nthRoot(3));
        System.out.println("FastMath " + FastMath.exp(1.0) + " " + FastMath.log(10) + " " + FastMath.pow(2, 0.5)
                + " " + FastMath.sin(1) + " " + FastMath.atan2(1, 2) + " " + FastMath.cbrt(27.5) + " " + FastMath.sinh(0.75));
    }

    private static void numbers() {
        Fraction fraction = new Fraction(0.3125).add(new Fraction(2, 3));
        System.out.println("Fraction " + fraction + " " + fraction.doubleValue() + " " + new Fraction(Math.PI, 1000));
        System.out.println("gcd " + ArithmeticUtils.gcd(1071, 462) + " lcm " + ArithmeticUtils.lcm(21, 6)
                + " pow " + ArithmeticUtils.pow(3L, 20));
        System.out.println("binomial " + CombinatoricsUtils.binomialCoefficient(30, 12) + " factorial "
                + CombinatoricsUtils.factorial(15) + " stirling " + CombinatoricsUtils.stirlingS2(10, 4));
        System.out.println("primes " + Primes.isPrime(1_000_000_007) + " next " + Primes.nextPrime(1_000_000)
                + " factors " + Primes.primeFactors(360_360));
    }
}
