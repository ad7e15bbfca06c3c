package kiln.test.programs;

import java.text.DateFormat;
import java.text.DateFormatSymbols;
import java.text.ParseException;
import java.text.SimpleDateFormat;
import java.util.Arrays;
import java.util.Date;
import java.util.Locale;
import java.util.TimeZone;

/** SimpleDateFormat and DateFormat with a fixed date in UTC, from the JDK's locale data for root and English. */
public class DateFormats {
    public static void main(String[] args) throws ParseException {
        Date date = new Date(1709211909123L); // 2024-02-29T13:05:09.123Z
        TimeZone utc = TimeZone.getTimeZone("UTC");
        Locale[] locales = {Locale.getDefault(), Locale.ROOT, Locale.ENGLISH, Locale.US, Locale.UK};
        int[] styles = {DateFormat.SHORT, DateFormat.MEDIUM, DateFormat.LONG, DateFormat.FULL};
        for (Locale locale : locales) {
            System.out.println("[" + locale + "]");
            DateFormatSymbols symbols = DateFormatSymbols.getInstance(locale);
            System.out.println(Arrays.toString(symbols.getMonths()) + Arrays.toString(symbols.getShortWeekdays())
                    + Arrays.toString(symbols.getAmPmStrings()) + Arrays.toString(symbols.getEras()));
            for (int style : styles) {
                DateFormat dates = DateFormat.getDateInstance(style, locale);
                DateFormat times = DateFormat.getTimeInstance(style, locale);
                dates.setTimeZone(utc);
                times.setTimeZone(utc);
                System.out.println(((SimpleDateFormat) dates).toPattern() + " | " + ((SimpleDateFormat) times).toPattern()
                        + " -> " + dates.format(date) + " | " + times.format(date));
            }
            SimpleDateFormat custom = new SimpleDateFormat("yyyy-MM-dd'T'HH:mm:ss.SSSXXX EEEE EEE MMMM MMM d G a h K k "
                    + "w W D F u z zzzz Z", locale);
            custom.setTimeZone(utc);
            System.out.println(custom.format(date));
        }
        SimpleDateFormat parser = new SimpleDateFormat("d MMM yyyy HH:mm:ss Z", Locale.ENGLISH);
        parser.setTimeZone(utc);
        System.out.println(parser.parse("29 Feb 2024 13:05:09 +0000").getTime() + " " + parser.format(date));
        DateFormat dateTime = DateFormat.getDateTimeInstance(DateFormat.MEDIUM, DateFormat.SHORT, Locale.US);
        dateTime.setTimeZone(utc);
        System.out.println(dateTime.format(date));
    }
}
