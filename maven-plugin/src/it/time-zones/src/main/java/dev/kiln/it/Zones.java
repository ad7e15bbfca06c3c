package dev.kiln.it;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.zone.ZoneRulesException;

public class Zones {
    public static void main(String[] args) {
        for (String zone : new String[] {"Europe/Paris", "Australia/Sydney"}) {
            ZoneId id = ZoneId.of(zone);
            System.out.println(ZonedDateTime.of(LocalDateTime.of(2024, 7, 1, 12, 0), id) + " "
                    + ZonedDateTime.of(LocalDateTime.of(2024, 1, 1, 12, 0), id));
        }
        try {
            ZoneId.of("Asia/Tokyo");
        } catch (ZoneRulesException e) {
            System.out.println(e.getMessage());
        }
    }
}
