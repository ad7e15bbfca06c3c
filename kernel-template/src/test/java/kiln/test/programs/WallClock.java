package kiln.test.programs;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;

/** The wall clock as java.time reads it (Instant.now, Clock.systemUTC) and as System does, in milliseconds. */
public class WallClock {
    public static void main(String[] args) {
        long system = System.currentTimeMillis();
        Instant now = Instant.now();
        long clock = Clock.systemUTC().millis();
        long zoned = ZonedDateTime.now(ZoneOffset.UTC).toInstant().toEpochMilli();
        System.out.println("system " + system + " instant " + now.toEpochMilli() + " clock " + clock + " zoned " + zoned);
    }
}
