package kiln.test.programs;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.FormatStyle;
import java.time.temporal.ChronoUnit;
import java.util.Calendar;
import java.util.Date;
import java.util.GregorianCalendar;
import java.util.Locale;
import java.util.TimeZone;

/**
 * Formatting and parsing with java.time's formatters (the ISO constants, RFC 1123, patterns with numbers and with
 * English text, localized styles), and
 * java.util's TimeZone, Date and GregorianCalendar in the same zones, agreeing with java.time. The build packs
 * Europe/Paris, America/New_York, Asia/Tokyo and Australia/Sydney; HotSpot runs with -Duser.timezone=UTC, the
 * image's default zone.
 */
public class DateTimeFormats {
    public static void main(String[] args) {
        Instant instant = Instant.ofEpochSecond(1_700_000_000L, 123_456_789);
        System.out.println(instant + " " + Instant.EPOCH + " " + Instant.ofEpochMilli(-1) + " " + instant.truncatedTo(ChronoUnit.SECONDS));
        ZonedDateTime paris = instant.atZone(ZoneId.of("Europe/Paris"));
        System.out.println(DateTimeFormatter.ISO_ZONED_DATE_TIME.format(paris) + " " + DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(paris)
                + " " + DateTimeFormatter.ISO_LOCAL_DATE.format(paris) + " " + DateTimeFormatter.ISO_WEEK_DATE.format(paris)
                + " " + DateTimeFormatter.ISO_ORDINAL_DATE.format(paris) + " " + DateTimeFormatter.BASIC_ISO_DATE.format(paris));
        System.out.println(DateTimeFormatter.RFC_1123_DATE_TIME.format(paris) + " | " + DateTimeFormatter.ISO_INSTANT.format(paris));
        DateTimeFormatter pattern = DateTimeFormatter.ofPattern("uuuu/MM/dd HH:mm:ss.SSS (VV, xxx, O, X) e Q w D", Locale.ENGLISH);
        for (String zone : new String[] {"UTC", "Europe/Paris", "America/New_York", "Asia/Tokyo", "Australia/Sydney"}) {
            System.out.println(pattern.format(instant.atZone(ZoneId.of(zone))));
        }
        System.out.println(DateTimeFormatter.ofPattern("dd.MM.yy hh:mm", Locale.ENGLISH).format(LocalDateTime.of(2024, 12, 25, 18, 5)));
        DateTimeFormatter text = DateTimeFormatter.ofPattern("EEEE, d MMMM uuuu hh:mm a zzz G", Locale.ENGLISH);
        for (String zone : new String[] {"UTC", "Europe/Paris", "America/New_York", "Asia/Tokyo", "Australia/Sydney"}) {
            System.out.println(text.format(instant.atZone(ZoneId.of(zone))));
        }
        System.out.println(DateTimeFormatter.ofPattern("EEE MMM dd yy", Locale.ENGLISH).format(LocalDate.of(2024, 12, 25)) + " | "
                + DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(Locale.US).format(LocalDate.of(2024, 7, 4)) + " | "
                + DateTimeFormatter.ofLocalizedDateTime(FormatStyle.SHORT).withLocale(Locale.ENGLISH).format(LocalDateTime.of(2024, 7, 4, 9, 5)));
        System.out.println(LocalDate.parse("25 Dec 2024", DateTimeFormatter.ofPattern("d MMM uuuu", Locale.ENGLISH)).getDayOfWeek());
        System.out.println(LocalDate.parse("2031-12-31").plusDays(1) + " " + LocalDateTime.parse("2007-12-03T10:15:30") + " "
                + ZonedDateTime.parse("2024-03-31T01:30+01:00[Europe/Paris]").plusHours(1) + " "
                + OffsetDateTime.parse("2024-06-01T09:00+05:30").toInstant() + " " + Instant.parse("2024-01-01T00:00:00Z").getEpochSecond());
        System.out.println(LocalDate.parse("25/12/2024", DateTimeFormatter.ofPattern("dd/MM/uuuu", Locale.ENGLISH)).getDayOfWeek());
        try {
            LocalDate.parse("2024-02-30");
        } catch (DateTimeParseException e) {
            System.out.println(e.getMessage());
        }
        System.out.println(Duration.between(instant, Instant.parse("2030-01-01T00:00:00Z")));

        System.out.println("default " + ZoneId.systemDefault() + " " + TimeZone.getDefault().getID());
        for (String id : new String[] {"UTC", "Europe/Paris", "America/New_York", "Asia/Tokyo", "Australia/Sydney", "GMT+05:30", "Mars/Olympus"}) {
            TimeZone zone = TimeZone.getTimeZone(id);
            System.out.println(id + ": " + zone.getID() + " raw " + zone.getRawOffset() + " dst " + zone.useDaylightTime()
                    + " saving " + zone.getDSTSavings() + " Jan " + zone.getOffset(1_704_067_200_000L) + " Jul "
                    + zone.getOffset(1_719_792_000_000L) + " in dst " + zone.inDaylightTime(new Date(1_719_792_000_000L))
                    + " " + zone.toZoneId() + " " + zone.hasSameRules(TimeZone.getTimeZone(zone.toZoneId())));
            GregorianCalendar calendar = new GregorianCalendar(zone, Locale.ENGLISH);
            calendar.setTimeInMillis(1_711_846_800_000L); // 2024-03-31T01:00Z: Europe's spring forward
            System.out.println("  " + calendar.get(Calendar.YEAR) + "-" + (calendar.get(Calendar.MONTH) + 1) + "-"
                    + calendar.get(Calendar.DAY_OF_MONTH) + " " + calendar.get(Calendar.HOUR_OF_DAY) + ":"
                    + calendar.get(Calendar.MINUTE) + " zone " + calendar.get(Calendar.ZONE_OFFSET) + " dst "
                    + calendar.get(Calendar.DST_OFFSET) + " day " + calendar.get(Calendar.DAY_OF_WEEK) + " week "
                    + calendar.get(Calendar.WEEK_OF_YEAR) + " = " + calendar.toZonedDateTime());
            calendar.add(Calendar.HOUR_OF_DAY, 24);
            System.out.println("  +24h " + calendar.getTimeInMillis() + " " + calendar.toZonedDateTime());
        }
        GregorianCalendar utc = new GregorianCalendar(2024, Calendar.FEBRUARY, 29, 23, 59, 59);
        System.out.println(utc.getTimeInMillis() + " " + utc.toInstant() + " " + Date.from(instant).getTime() + " "
                + new Date(0).toInstant() + " " + utc.isLeapYear(2100) + " " + utc.getActualMaximum(Calendar.DAY_OF_MONTH));
        System.out.println(new Date(1_700_000_000_000L));
        System.out.println(TimeZone.getTimeZone(ZoneOffset.ofHours(-3)).getID() + " " + TimeZone.getTimeZone(ZoneId.of("Asia/Tokyo")).getRawOffset());
    }
}
