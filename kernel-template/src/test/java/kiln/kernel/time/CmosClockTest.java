package kiln.kernel.time;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** The RTC's calendar date to days since 1970, on HotSpot, against java.time. */
class CmosClockTest {
    @Test
    void daysSinceEpochAgreeWithJavaTimeFrom1970To2199() {
        for (LocalDate date = LocalDate.of(1970, 1, 1); date.getYear() < 2200; date = date.plusDays(1)) {
            assertEquals(date.toEpochDay(), CmosClock.daysSinceEpoch(date.getYear(), date.getMonthValue(),
                    date.getDayOfMonth()), date.toString());
        }
    }
}
