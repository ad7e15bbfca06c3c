package kiln.test.programs;

import java.text.DateFormat;
import java.text.DecimalFormatSymbols;
import java.text.NumberFormat;
import java.util.Date;
import java.util.Locale;
import java.util.TimeZone;

/**
 * Locales whose data the image does not pack: the JDK's lookup falls back to the root data, as on a JDK whose
 * run-time image lacks jdk.localedata (compared with HotSpot started with {@code --limit-modules java.base}).
 */
public class UnpackedLocales {
    public static void main(String[] args) {
        Date date = new Date(1709211909123L);
        Locale[] locales = {Locale.FRANCE, Locale.GERMANY, Locale.JAPAN, Locale.forLanguageTag("de-CH"),
            Locale.forLanguageTag("sr-Latn-RS"), new Locale("xx", "YY")};
        for (Locale locale : locales) {
            DateFormat dates = DateFormat.getDateTimeInstance(DateFormat.FULL, DateFormat.LONG, locale);
            dates.setTimeZone(TimeZone.getTimeZone("UTC"));
            DecimalFormatSymbols symbols = DecimalFormatSymbols.getInstance(locale);
            System.out.println("[" + locale + "] " + String.format(locale, "%,.2f %tB %<tA %e", 1234567.891, date, 0.5)
                    + " | " + NumberFormat.getInstance(locale).format(-9876.54321) + " | "
                    + NumberFormat.getCurrencyInstance(locale).format(12.5) + " | " + dates.format(date) + " | "
                    + symbols.getDecimalSeparator() + symbols.getGroupingSeparator() + symbols.getCurrencySymbol()
                    + " | " + locale.getDisplayName(Locale.ENGLISH));
        }
    }
}
