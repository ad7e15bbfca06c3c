package kiln.kernel.time;

import kiln.kernel.boot.AcpiTables;
import kiln.runtime.Intrinsics;

/**
 * The battery-backed real-time clock of the PC (Motorola MC146818 and its successors in the chipset), read once
 * at boot for the date and time of day. QEMU's runs on the host's clock in UTC (its default {@code -rtc base=utc}).
 *
 * <pre>
 * port 0x70: index of the CMOS byte (bit 7 disables NMIs: kept 0) | port 0x71: the byte
 * 0x00 seconds  0x02 minutes  0x04 hours (bit 7 = PM in 12-hour mode)  0x07 day  0x08 month  0x09 year % 100
 * 0x0A status A: bit 7 update in progress (the fields are about to change; MC146818 data sheet)
 * 0x0B status B: bit 2 binary (else BCD) | bit 1 24-hour (else 12-hour)
 * century: the index the ACPI FADT names at offset 108 (ACPI 6.5 §5.2.9, "CENTURY"); 0 = none, 20xx assumed
 * </pre>
 * The fields are read until two readings in a row agree, each started with no update in progress, and the
 * date is decoded from that reading, so a second that ticks over mid-read cannot give 12:59:00 for 13:00:00. The result is whole seconds: {@link Clock} starts
 * {@code currentTimeMillis} from there, up to a second behind. <i>Rejected</i>: waiting for the next update to
 * learn the sub-second phase — it costs up to a second of boot time for every guest.
 */
final class CmosClock {
    private static final int INDEX = 0x70, DATA = 0x71;
    private static final int SECONDS = 0x00, MINUTES = 0x02, HOURS = 0x04, DAY = 0x07, MONTH = 0x08, YEAR = 0x09;
    private static final int STATUS_A = 0x0A, STATUS_B = 0x0B;
    private static final int SECONDS_FIELD = 0, MINUTES_FIELD = 1, HOURS_FIELD = 2, DAY_FIELD = 3, MONTH_FIELD = 4,
            YEAR_FIELD = 5, CENTURY_FIELD = 6;
    private static final int UPDATE_IN_PROGRESS = 0x80, BINARY = 0x04, HOURS_24 = 0x02, PM = 0x80;
    private static final int FADT_CENTURY_OFFSET = 108;
    private static final long SECONDS_PER_DAY = 86_400;

    private CmosClock() {}

    /** Seconds since 1970-01-01T00:00:00Z, as the RTC tells them. */
    static long epochSeconds() {
        int centuryRegister = centuryRegister();
        long reading = -1;
        long previous;
        do {
            previous = reading;
            while ((read(STATUS_A) & UPDATE_IN_PROGRESS) != 0) {
                // an update takes under 2 ms
            }
            reading = rawFields(centuryRegister);
        } while (reading != previous);
        int status = read(STATUS_B);
        boolean binary = (status & BINARY) != 0;
        int hourByte = field(reading, HOURS_FIELD);
        int hour = decode(hourByte & ~PM, binary);
        if ((status & HOURS_24) == 0) {
            hour = hour % 12 + ((hourByte & PM) != 0 ? 12 : 0); // 12 AM is 0, 12 PM is 12
        }
        int century = centuryRegister != 0 ? decode(field(reading, CENTURY_FIELD), binary) : 20;
        int year = century * 100 + decode(field(reading, YEAR_FIELD), binary);
        long days = daysSinceEpoch(year, decode(field(reading, MONTH_FIELD), binary), decode(field(reading, DAY_FIELD), binary));
        return days * SECONDS_PER_DAY + hour * 3600L + decode(field(reading, MINUTES_FIELD), binary) * 60L
                + decode(field(reading, SECONDS_FIELD), binary);
    }

    /** The date and time bytes in one long, a byte each (see the *_FIELD positions), to compare two readings. */
    private static long rawFields(int centuryRegister) {
        return read(SECONDS) | read(MINUTES) << 8 | read(HOURS) << 16 | (long) read(DAY) << 24
                | (long) read(MONTH) << 32 | (long) read(YEAR) << 40
                | (centuryRegister != 0 ? (long) read(centuryRegister) << 48 : 0);
    }

    private static int field(long reading, int position) {
        return (int) (reading >>> (8 * position)) & 0xFF;
    }

    /** Days from 1970-01-01 to {@code year}-{@code month}-{@code day} in the proleptic Gregorian calendar. */
    static long daysSinceEpoch(int year, int month, int day) {
        long days = 0;
        for (int y = 1970; y < year; y++) {
            days += isLeapYear(y) ? 366 : 365;
        }
        for (int m = 1; m < month; m++) {
            days += daysInMonth(m, year);
        }
        return days + day - 1;
    }

    private static int daysInMonth(int month, int year) {
        return switch (month) {
            case 2 -> isLeapYear(year) ? 29 : 28;
            case 4, 6, 9, 11 -> 30;
            default -> 31;
        };
    }

    private static boolean isLeapYear(int year) {
        return year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
    }

    private static int decode(int value, boolean binary) {
        return binary ? value : (value >> 4) * 10 + (value & 0x0F);
    }

    private static int centuryRegister() {
        long fadt = AcpiTables.find("FACP");
        return fadt != 0 && AcpiTables.tableLength(fadt) > FADT_CENTURY_OFFSET
                ? Intrinsics.readByte(fadt + FADT_CENTURY_OFFSET) & 0xFF : 0;
    }

    private static int read(int index) {
        Intrinsics.outb(INDEX, index);
        return Intrinsics.inb(DATA);
    }
}
