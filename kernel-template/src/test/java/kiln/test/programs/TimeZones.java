package kiln.test.programs;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.Month;
import java.time.OffsetDateTime;
import java.time.Period;

import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.List;

/**
 * java.time with the zones the build packs (UTC, the default, and Europe/Paris, America/New_York, Asia/Tokyo,
 * Australia/Sydney): date and time arithmetic, and each zone's real rules, daylight saving transitions included.
 * HotSpot runs it with -Duser.timezone=UTC, the image's default zone.
 */
public class TimeZones {
    static final List<String> ZONES = List.of("UTC", "Europe/Paris", "America/New_York", "Asia/Tokyo",
            "Australia/Sydney");

    public static void main(String[] args) {
        dates();
        times();
        durationsAndPeriods();
        for (String id : ZONES) {
            zone(ZoneId.of(id));
        }
        conversions();
    }

    static void dates() {
        LocalDate leap = LocalDate.of(2024, 2, 29);
        System.out.println(leap + " " + leap.getDayOfWeek() + " day " + leap.getDayOfYear() + " leap " + leap.isLeapYear());
        System.out.println(leap.plusYears(1) + " " + leap.minusMonths(13) + " " + leap.plusWeeks(52) + " " + leap.plusDays(10_000));
        System.out.println(leap.with(TemporalAdjusters.lastDayOfMonth()) + " "
                + leap.with(TemporalAdjusters.next(DayOfWeek.MONDAY)) + " "
                + leap.with(TemporalAdjusters.firstInMonth(DayOfWeek.SUNDAY)));
        System.out.println(LocalDate.ofEpochDay(0) + " " + LocalDate.ofEpochDay(-1_000_000) + " " + LocalDate.MAX + " " + LocalDate.MIN);
        System.out.println(java.time.chrono.IsoChronology.INSTANCE.isLeapYear(1900) + " " + java.time.chrono.IsoChronology.INSTANCE.isLeapYear(2000) + " " + Month.FEBRUARY.length(false));
        System.out.println(LocalDate.of(2031, 12, 31).plusDays(1) + " " + LocalDate.of(2023, 1, 1).datesUntil(LocalDate.of(2023, 1, 5)).toList());
    }

    static void times() {
        LocalTime t = LocalTime.of(23, 59, 59, 999_999_999);
        System.out.println(t + " " + t.plusNanos(1) + " " + t.truncatedTo(ChronoUnit.MINUTES) + " " + LocalTime.NOON.minusSeconds(1));
        LocalDateTime dt = LocalDateTime.of(2020, 1, 31, 12, 30);
        System.out.println(dt.plusMonths(1) + " " + dt.plus(Duration.ofHours(50)) + " " + dt.withSecond(5).withNano(1000));
        System.out.println(LocalDateTime.of(2007, 12, 3, 10, 15, 30).plusMinutes(45) + " " + LocalTime.of(10, 15).plusHours(15));
        Instant i = Instant.ofEpochSecond(1_700_000_000L, 123_456_789);
        System.out.println(i.getEpochSecond() + " " + i.getNano() + " " + i.plusMillis(999).toEpochMilli() + " " + i.truncatedTo(ChronoUnit.HOURS).getEpochSecond());
    }

    static void durationsAndPeriods() {
        Duration d = Duration.ofSeconds(90_061, 5);
        System.out.println(d + " " + d.toDays() + " " + d.toHoursPart() + " " + d.negated() + " " + d.multipliedBy(3).dividedBy(7) + " " + Duration.ZERO);
        System.out.println(Duration.between(LocalTime.of(8, 0), LocalTime.of(17, 45, 30)) + " " + Duration.parse("PT-1.5S") + " " + Duration.ofMillis(-1));
        Period p = Period.between(LocalDate.of(2024, 2, 29), LocalDate.of(2030, 7, 4));
        System.out.println(p + " " + p.toTotalMonths() + " " + p.normalized() + " " + Period.parse("P1Y2M3W4D") + " " + Period.ofMonths(14).normalized());
        LocalDate a = LocalDate.of(1999, 12, 31);
        LocalDate b = LocalDate.of(2031, 3, 1);
        System.out.println(ChronoUnit.DAYS.between(a, b) + " " + ChronoUnit.WEEKS.between(a, b) + " " + ChronoUnit.MONTHS.between(a, b)
                + " " + ChronoUnit.DECADES.between(a, b) + " " + a.until(b));
        System.out.println(ChronoUnit.HOURS.between(LocalDateTime.of(2020, 1, 1, 0, 0), LocalDateTime.of(2020, 12, 31, 23, 59)));
    }

    static void zone(ZoneId zone) {
        ZoneRules rules = zone.getRules();
        Instant winter = Instant.ofEpochSecond(1_704_067_200L); // 2024-01-01T00:00Z
        Instant summer = Instant.ofEpochSecond(1_719_792_000L); // 2024-07-01T00:00Z
        System.out.println(zone + " fixed " + rules.isFixedOffset() + " winter " + rules.getOffset(winter) + " dst "
                + rules.isDaylightSavings(winter) + " summer " + rules.getOffset(summer) + " dst " + rules.isDaylightSavings(summer)
                + " standard " + rules.getStandardOffset(summer) + " saving " + rules.getDaylightSavings(summer));
        ZoneOffsetTransition next = rules.nextTransition(winter);
        for (int n = 0; n < 3 && next != null; n++) {
            System.out.println("  " + next + " gap " + next.isGap() + " " + next.getDuration());
            next = rules.nextTransition(next.getInstant());
        }
        ZoneOffsetTransition previous = rules.previousTransition(Instant.ofEpochSecond(0));
        System.out.println("  before 1970: " + previous);
        System.out.println("  historical " + rules.getTransitions().size() + " rules " + rules.getTransitionRules().size());
        ZonedDateTime atNoon = ZonedDateTime.of(LocalDateTime.of(2024, 3, 10, 12, 0), zone);
        System.out.println("  " + atNoon + " " + atNoon.plusDays(21) + " " + atNoon.plusHours(21 * 24) + " "
                + atNoon.withZoneSameInstant(ZoneOffset.UTC) + " " + atNoon.toEpochSecond());
        LocalDateTime local = LocalDateTime.of(1950, 6, 15, 3, 30);
        System.out.println("  1950 " + rules.getValidOffsets(local) + " 2100 " + rules.getOffset(LocalDateTime.of(2100, 7, 1, 0, 0)));
    }

    static void conversions() {
        // the spring-forward gap and the autumn overlap in Paris, 2024
        ZoneId paris = ZoneId.of("Europe/Paris");
        ZonedDateTime gap = ZonedDateTime.of(LocalDateTime.of(2024, 3, 31, 2, 30), paris);
        ZonedDateTime overlap = ZonedDateTime.of(LocalDateTime.of(2024, 10, 27, 2, 30), paris);
        System.out.println(gap + " " + overlap + " " + overlap.withLaterOffsetAtOverlap() + " " + overlap.plusHours(1));
        ZonedDateTime ny = ZonedDateTime.of(2024, 11, 3, 0, 30, 0, 0, ZoneId.of("America/New_York"));
        for (int h = 0; h < 4; h++) {
            System.out.println("  " + ny.plusHours(h) + " = " + ny.plusHours(h).withZoneSameInstant(ZoneId.of("Asia/Tokyo"))
                    + " = " + ny.plusHours(h).withZoneSameInstant(ZoneId.of("Australia/Sydney")));
        }
        OffsetDateTime odt = OffsetDateTime.of(2024, 6, 1, 9, 0, 0, 0, ZoneOffset.ofHoursMinutes(5, 30));
        System.out.println(odt + " " + odt.withOffsetSameInstant(ZoneOffset.UTC) + " " + odt.atZoneSameInstant(paris) + " "
                + odt.toInstant().getEpochSecond() + " " + ZoneOffset.of("-08:00").getTotalSeconds());
        System.out.println(ZoneId.of("UTC+01:30") + " " + ZoneId.of("GMT").normalized() + " " + ZoneId.of("Z") + " "
                + ZoneId.of("UTC").getRules().getOffset(Instant.EPOCH));
        System.out.println(ChronoUnit.HOURS.between(ZonedDateTime.of(2024, 3, 30, 12, 0, 0, 0, paris),
                ZonedDateTime.of(2024, 3, 31, 12, 0, 0, 0, paris)));
    }
}
