package kiln.test.programs;

import java.time.ZoneId;
import java.time.zone.ZoneRulesException;

/**
 * A zone the build did not pack: ZoneId.of throws the JDK's ZoneRulesException, whose message on Kiln names the
 * zones the image carries and the build option that packs more. The packed zones keep working afterwards.
 */
public class UnpackedZone {
    public static void main(String[] args) {
        System.out.println(ZoneId.of("Europe/Paris").getRules().isFixedOffset());
        try {
            ZoneId.of("Europe/Berlin");
            System.out.println("Europe/Berlin was found");
        } catch (ZoneRulesException e) {
            System.out.println(e.getClass().getName() + ": " + e.getMessage());
        }
        System.out.println(ZoneId.getAvailableZoneIds().stream().sorted().toList());
        System.out.println(ZoneId.of("UTC").getRules().isFixedOffset());
    }
}
