package dev.kiln.it;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

public class Clock {
    public static void main(String[] args) {
        System.out.println(ZonedDateTime.of(LocalDateTime.of(2024, 7, 1, 12, 0), ZoneId.of("Asia/Tokyo")));
    }
}
