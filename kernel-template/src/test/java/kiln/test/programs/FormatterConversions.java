package kiln.test.programs;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Calendar;
import java.util.Date;
import java.util.Formatter;
import java.util.GregorianCalendar;
import java.util.IllegalFormatException;
import java.util.Locale;
import java.util.TimeZone;

/**
 * java.util.Formatter's conversions and flags with edge values, in the default locale and in Locale.ROOT,
 * ENGLISH, US and UK, through String.format, printf, formatted and a Formatter on a StringBuilder; and the
 * exceptions of malformed specifiers.
 */
public class FormatterConversions {
    private static final Locale[] LOCALES = {Locale.ROOT, Locale.ENGLISH, Locale.US, Locale.UK};

    public static void main(String[] args) {
        integers();
        floats();
        others();
        dates();
        errors();
        for (Locale locale : LOCALES) {
            System.out.println("[" + locale + "] " + String.format(locale, "%,d|%,.3f|%e|%(,.2f|%s|%tB %<tA|%10.4g",
                    1234567890L, 98765.4321, 12345.678, -4321.5, locale.getDisplayLanguage(Locale.ROOT),
                    fixedCalendar(), 0.000123456));
        }
        StringBuilder into = new StringBuilder("sb:");
        Formatter formatter = new Formatter(into, Locale.UK);
        formatter.format("%s %d %.1f", "x", 5, 2.25).format("|%08.3f", Math.PI);
        System.out.println(formatter + " " + formatter.locale());
        System.out.printf(Locale.ROOT, "%s=%d%n", "printf", 42);
        System.out.println("%5s|%-5s|".formatted("ab", "cd"));
    }

    private static void integers() {
        Object[] values = {0, 1, -1, 42, Integer.MAX_VALUE, Integer.MIN_VALUE, Long.MAX_VALUE, Long.MIN_VALUE,
            (byte) -128, (short) -32768, new BigInteger("-123456789012345678901234567890"), BigInteger.ZERO};
        for (Object v : values) {
            System.out.println(String.format("%d|%5d|%-12d|%012d|%+d|% d|%,d|%(d|%,(d|%+,015d", v, v, v, v, v, v, v, v,
                    v, v));
            System.out.println(String.format("%x|%X|%#x|%#X|%o|%#o|%020x|%-10o|", v, v, v, v, v, v, v, v));
        }
        System.out.println(String.format("%1$d %1$x %1$o %2$s %<S %3$s", 255, "again", "third"));
        System.out.println(String.format("%50d|%-50d|", Long.MIN_VALUE, 7));
    }

    private static void floats() {
        Object[] values = {0.0, -0.0, 1.0, -1.5, 3.141592653589793, 1e-300, 1e300, Double.MIN_VALUE, Double.MAX_VALUE,
            Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, 0.1f, 123456.789f, 0.5, 2.5, 1.005,
            new BigDecimal("-12345678901234567890.123456789"), new BigDecimal("1E+5"), new BigDecimal("0.000001")};
        for (Object v : values) {
            System.out.println(String.format("%f|%.0f|%.3f|%e|%.2e|%E|%g|%.3g|%G|%12.4f|%-12.2e|", v, v, v, v, v, v, v,
                    v, v, v, v));
            System.out.println(String.format("%+f|% .1f|%(.2f|%,.2f|%015.3f|%#.0f|%#.0e|%-+15.3e|", v, v, v, v, v, v,
                    v, v));
            if (!(v instanceof BigDecimal)) {
                System.out.println(String.format("%a|%A|%.3a|%20a|%-20a|", v, v, v, v, v));
            }
        }
        System.out.println(String.format("%.20f|%.15e|%.17g", 0.1, 0.1, 0.1));
        System.out.println(String.format("%g|%g|%g|%g|%g", 0.0001, 0.00001, 123456.0, 1234567.0, 99999.95));
    }

    private static void others() {
        Object nothing = null;
        System.out.println(String.format("%s|%S|%10s|%-10s|%.2s|%b|%B|%b|%b|%h|%H|%h", "text", "text", "r", "l",
                "trim", true, false, nothing, "x", "hash", "hash", nothing));
        System.out.println(String.format("%c|%C|%c|%c|%5c|%-5c|", 'a', 'b', 0x1F600, (byte) 65, 'z', 'y'));
        System.out.println(String.format("100%%|%n|%5%|%-5%|").replace("\n", "\\n"));
        System.out.println(String.format("%s %s", new int[0].getClass().getSimpleName(), java.util.List.of(1, 2)));
    }

    private static Calendar fixedCalendar() {
        GregorianCalendar c = new GregorianCalendar(TimeZone.getTimeZone("UTC"), Locale.ROOT);
        c.clear();
        c.set(2024, Calendar.FEBRUARY, 29, 13, 5, 9);
        c.set(Calendar.MILLISECOND, 123);
        return c;
    }

    private static void dates() {
        Calendar c = fixedCalendar();
        long millis = c.getTimeInMillis();
        System.out.println(String.format("%tY-%<tm-%<td %<tH:%<tM:%<tS.%<tL %<tZ|%<tB %<tb %<th %<tA %<ta|%<tC %<ty "
                + "%<tj %<te %<tk %<tl %<tI %<tp %<Tp|%<tN %<ts %<tQ %<tz", c));
        System.out.println(String.format("%tR|%<tT|%<tr|%<tD|%<tF|%<tc", c));
        System.out.println(String.format("%tF %<tT|%TB|%s", millis, millis, new Date(millis).getTime()));
        for (Locale locale : LOCALES) {
            System.out.println(String.format(locale, "%tA %<te %<tB %<tY|%<tc|%<tp", c));
        }
    }

    private static void errors() {
        String[] formats = {"%q", "%", "%-d", "%0s", "%#s", "%,x", "%.2d", "%+s", "%3$s", "%-08d", "%+ d", "%c",
            "%tq", "%<s", "%#b", "%,e"};
        for (String format : formats) {
            try {
                System.out.println(String.format(format, 5));
            } catch (IllegalFormatException e) {
                System.out.println(format + " -> " + e.getClass().getSimpleName() + ": " + e.getMessage());
            }
        }
        try {
            String.format("%c", 0x110000);
        } catch (IllegalFormatException e) {
            System.out.println(e.getClass().getSimpleName() + ": " + e.getMessage());
        }
        try {
            String.format("%d", 1.5);
        } catch (IllegalFormatException e) {
            System.out.println(e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }
}
