package kiln.test.programs;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.text.NumberFormat;
import java.text.ParseException;
import java.util.Locale;

/** NumberFormat, DecimalFormat and DecimalFormatSymbols from the JDK's locale data for root and English. */
public class NumberFormats {
    public static void main(String[] args) throws ParseException {
        double[] values = {0, -0.0, 1234567.891, -0.5, 0.125, 1e-7, 9.99e15, Double.NaN, Double.NEGATIVE_INFINITY};
        Locale[] locales = {Locale.getDefault(), Locale.ROOT, Locale.ENGLISH, Locale.US, Locale.UK};
        for (Locale locale : locales) {
            DecimalFormatSymbols symbols = DecimalFormatSymbols.getInstance(locale);
            System.out.println("[" + locale + "] zero=" + symbols.getZeroDigit() + " group=" + symbols.getGroupingSeparator()
                    + " decimal=" + symbols.getDecimalSeparator() + " minus=" + symbols.getMinusSign() + " percent="
                    + symbols.getPercent() + " permill=" + symbols.getPerMill() + " exp=" + symbols.getExponentSeparator()
                    + " inf=" + symbols.getInfinity() + " nan=" + symbols.getNaN() + " currency="
                    + symbols.getCurrencySymbol() + " intl=" + symbols.getInternationalCurrencySymbol());
            NumberFormat[] formats = {NumberFormat.getInstance(locale), NumberFormat.getIntegerInstance(locale),
                NumberFormat.getPercentInstance(locale), NumberFormat.getCurrencyInstance(locale)};
            for (NumberFormat format : formats) {
                StringBuilder line = new StringBuilder(((DecimalFormat) format).toPattern()).append(" ->");
                for (double v : values) {
                    line.append(' ').append(format.format(v));
                }
                System.out.println(line);
            }
            System.out.println("parse " + NumberFormat.getInstance(locale).parse("-1,234.5") + " "
                    + NumberFormat.getPercentInstance(locale).parse("12%"));
        }
        String[] patterns = {"#,##0.00", "0.###E0", "00000", "#.#%", "\u00a4#,##0.00;(\u00a4#,##0.00)", "#,##,###",
            "'#'0.0", "##0.#####E0", "0.00\u2030"};
        for (String pattern : patterns) {
            DecimalFormat format = new DecimalFormat(pattern);
            System.out.println(pattern + " -> " + format.format(-1234567.8912) + " " + format.format(0.00042) + " "
                    + format.format(new BigDecimal("98765432109876543210.5")) + " " + format.toPattern());
        }
        DecimalFormat halfEven = new DecimalFormat("0.0");
        halfEven.setRoundingMode(RoundingMode.HALF_UP);
        System.out.println(halfEven.format(0.25) + " " + halfEven.format(0.35) + " " + new DecimalFormat("0.0").format(0.25));
        DecimalFormat root = new DecimalFormat("#,##0.###", DecimalFormatSymbols.getInstance(Locale.ROOT));
        System.out.println(root.format(1234.5678) + " " + root.parse("1,234.5"));
    }
}
