package dev.kiln.it.compat;

import java.util.Locale;
import org.joda.time.DateTime;
import org.joda.time.DateTimeZone;
import org.joda.time.Days;
import org.joda.time.Interval;
import org.joda.time.LocalDate;
import org.joda.time.Period;
import org.joda.time.format.DateTimeFormat;
import org.joda.time.format.DateTimeFormatter;
import org.joda.time.format.ISODateTimeFormat;
import org.joda.time.format.PeriodFormat;

/**
 * Joda-Time with its own time-zone database, read from its jar's resources (packed by the GraalVM resource-config
 * the jar ships): zone conversions across a daylight-saving change, calendar arithmetic, periods printed in words
 * (a ResourceBundle of the jar), patterns and ISO parsing.
 */
public class JodaTimeMain {
    public static void main(String[] args) {
        DateTime utc = new DateTime(2024, 2, 29, 13, 45, 30, 123, DateTimeZone.UTC);
        System.out.println("utc: " + utc);
        DateTimeZone paris = DateTimeZone.forID("Europe/Paris");
        DateTimeZone newYork = DateTimeZone.forID("America/New_York");
        DateTimeZone tokyo = DateTimeZone.forID("Asia/Tokyo");
        System.out.println("paris: " + utc.withZone(paris));
        System.out.println("new york: " + utc.withZone(newYork));
        System.out.println("tokyo: " + utc.withZone(tokyo) + " fixed " + tokyo.isFixed());
        System.out.println("plus a year: " + utc.plusYears(1) + ", a month later day " + utc.plusMonths(1).dayOfMonth().get());
        DateTime beforeChange = new DateTime(2024, 3, 31, 1, 30, paris);
        System.out.println("daylight saving: " + beforeChange + " -> " + beforeChange.plusHours(1) + " offset "
                + paris.getOffset(beforeChange.plusHours(1)) + " next transition "
                + new DateTime(paris.nextTransition(beforeChange.getMillis()), paris));
        Period period = new Period(utc, new DateTime(2025, 7, 4, 0, 0, DateTimeZone.UTC));
        System.out.println("period: " + period + " = " + PeriodFormat.getDefault().print(period));
        DateTimeFormatter pattern = DateTimeFormat.forPattern("yyyy-MM-dd HH:mm Z");
        System.out.println("pattern: " + pattern.withZone(newYork).print(utc));
        System.out.println("parse: " + ISODateTimeFormat.dateTimeParser().withOffsetParsed()
                .parseDateTime("2020-05-17T08:00:00+09:00"));
        System.out.println("days between: " + Days.daysBetween(new LocalDate(2000, 1, 1), new LocalDate(2024, 2, 29)).getDays());
        System.out.println("interval hours: " + new Interval(utc, utc.plusDays(3)).toDuration().getStandardHours());
        System.out.println("weekday: " + new LocalDate(2024, 2, 29).dayOfWeek().getAsText(Locale.ENGLISH)
                + ", week " + new LocalDate(2024, 12, 30).getWeekOfWeekyear() + " of " + new LocalDate(2024, 12, 30).getWeekyear());
        System.out.println("leap: " + new LocalDate(2100, 1, 1).year().isLeap() + " " + new LocalDate(2000, 1, 1).year().isLeap());
    }
}
