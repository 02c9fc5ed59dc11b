package com.medialake.lambda.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.ZoneId;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.Test;

class AwsCronTest {
    @Test
    void acceptsAwsCronWithOrWithoutItsWrapper() {
        assertEquals("cron(0 8 ? * MON-FRI *)", AwsCron.parse("0 8 ? * MON-FRI *").cron().orElseThrow().scheduleExpression());
        assertEquals("cron(0 8 ? * MON-FRI *)", AwsCron.parse("cron(0 8 ? * MON-FRI *)").cron().orElseThrow().scheduleExpression());
        assertTrue(AwsCron.parse("30 18 L * ? *").cron().isPresent());
        assertTrue(AwsCron.parse("0 9 ? * 2#1 *").cron().isPresent());
    }

    @Test
    void rejectsWhatAwsRejects() {
        assertEquals("AWS cron has 6 fields (minutes hours day-of-month month day-of-week year), found 5",
                AwsCron.parse("0 8 * * 1-5").error());
        assertTrue(AwsCron.parse("0 25 ? * MON-FRI *").cron().isEmpty(), "hour 25");
        assertTrue(AwsCron.parse("0 8 * * MON-FRI *").cron().isEmpty(), "both day fields set");
    }

    @Test
    void mondayToFridayMeansMondayToFriday() {
        var cron = AwsCron.parse("0 8 ? * MON-FRI *").cron().orElseThrow();
        var saturday = ZonedDateTime.of(2027, 1, 2, 12, 0, 0, 0, ZoneId.of("UTC"));
        assertEquals(ZonedDateTime.of(2027, 1, 4, 8, 0, 0, 0, ZoneId.of("UTC")), cron.nextAfter(saturday).orElseThrow());
    }
}
