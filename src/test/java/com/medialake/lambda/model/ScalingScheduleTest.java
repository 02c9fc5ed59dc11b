package com.medialake.lambda.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.ZoneId;
import org.junit.jupiter.api.Test;

/** A schedule holds its cron and zone parsed once; what cannot be parsed is held as such for the rules. */
class ScalingScheduleTest {
    @Test
    void holdsTheParsedCronAndZone() {
        var s = new ScalingSchedule("business-hours", "cron(0 8 ? * MON-FRI *)", "Europe/Dublin", 2, 6);
        assertEquals("cron(0 8 ? * MON-FRI *)", s.expression().scheduleExpression());
        assertEquals(ZoneId.of("Europe/Dublin"), s.zoneId());
        assertEquals(s, new ScalingSchedule("business-hours", "cron(0 8 ? * MON-FRI *)", "Europe/Dublin", 2, 6),
                "the same config gives equal settings");
    }

    @Test
    void anOffsetIsNoZoneAndABrokenCronKeepsItsReason() {
        var s = new ScalingSchedule("x", "0 8 * * 1-5", "+01:00", 1, 2);
        assertTrue(s.zone().isEmpty(), "ZoneId.of takes +01:00; Application Auto Scaling does not");
        assertTrue(s.parsedCron().error().contains("6 fields"), s.parsedCron().error());
        assertThrows(IllegalStateException.class, s::expression);
    }
}
