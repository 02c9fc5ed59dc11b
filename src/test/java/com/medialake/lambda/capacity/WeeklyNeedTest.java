package com.medialake.lambda.capacity;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class WeeklyNeedTest {
    private static final ZoneId DUBLIN = ZoneId.of("Europe/Dublin");

    @Test
    void theQuantileIsANearestRankSoItNeverInventsAValue() {
        assertEquals(4.0, WeeklyNeed.quantile(List.of(1.0, 2.0, 3.0, 4.0), 0.99));
        assertEquals(2.0, WeeklyNeed.quantile(List.of(4.0, 1.0, 3.0, 2.0), 0.5));
        assertEquals(1.0, WeeklyNeed.quantile(List.of(1.0, 2.0, 3.0, 4.0), 0.25));
        assertEquals(7.0, WeeklyNeed.quantile(List.of(7.0), 0.01));
        // 100 observations: the 99th smallest covers 99% of them, the one outlier is left to autoscaling.
        var hundred = new ArrayList<Double>();
        for (int i = 1; i <= 100; i++) {
            hundred.add((double) i);
        }
        assertEquals(99.0, WeeklyNeed.quantile(hundred, 0.99));
    }

    @Test
    void hoursOfTheWeekStartOnMondayMidnightInTheZone() {
        assertEquals(0, WeeklyNeed.hourOfWeek(Instant.parse("2026-11-30T00:00:00Z"), DUBLIN), "Monday, GMT in winter");
        assertEquals(167, WeeklyNeed.hourOfWeek(Instant.parse("2026-11-29T23:30:00Z"), DUBLIN));
        assertEquals(8, WeeklyNeed.hourOfWeek(Instant.parse("2027-06-07T07:00:00Z"), DUBLIN), "08:00 IST is 07:00 UTC");
    }

    @Test
    void aDaylightSavingWeekKeepsLocalHoursApart() {
        // The week of 2027-03-28, when Dublin springs forward at 01:00 UTC: 08:00 local is 08:00 UTC on Monday
        // the 22nd and 07:00 UTC on Monday the 29th, and both are hour 8 of their week.
        var hours = new ArrayList<Instant>();
        for (Instant t = Instant.parse("2027-03-22T00:00:00Z"); t.isBefore(Instant.parse("2027-04-05T00:00:00Z"));
             t = t.plus(1, ChronoUnit.HOURS)) {
            hours.add(t);
        }
        var busy = List.of(Instant.parse("2027-03-22T08:00:00Z"), Instant.parse("2027-03-29T07:00:00Z"));
        int[] levels = WeeklyNeed.levels(hours, h -> busy.contains(h) ? 5 : 1, DUBLIN, 0.99);
        assertEquals(5, levels[8]);
        assertEquals(1, levels[7]);
        assertEquals(1, levels[9]);
    }

    @Test
    void fractionsRoundUp() {
        var hours = List.of(Instant.parse("2026-11-30T00:00:00Z"));
        assertEquals(3, WeeklyNeed.levels(hours, h -> 2.2, ZoneId.of("UTC"), 0.99)[0]);
    }
}
