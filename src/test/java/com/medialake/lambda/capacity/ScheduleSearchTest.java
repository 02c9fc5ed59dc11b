package com.medialake.lambda.capacity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ScheduleSearchTest {
    private static int[] week(int base) {
        int[] need = new int[168];
        Arrays.fill(need, base);
        return need;
    }

    private static void set(int[] need, int fromDay, int toDay, int fromHour, int toHour, int level) {
        for (int day = fromDay; day < toDay; day++) {
            for (int hour = fromHour; hour < toHour; hour++) {
                need[day * 24 + hour] = level;
            }
        }
    }

    private static void neverBelow(int[] need, ScheduleSearch.Result result) {
        for (int t = 0; t < 168; t++) {
            assertTrue(result.levels()[t] >= need[t], "hour " + t + ": " + result.levels()[t] + " < " + need[t]);
        }
    }

    @Test
    void aFlatWeekNeedsNoSchedule() {
        var result = ScheduleSearch.search(week(3));
        assertEquals(List.of(), result.actions());
        assertEquals(3 * 168, result.instanceHoursPerWeek());
    }

    @Test
    void businessHoursAreTwoWeekdayActions() {
        int[] need = week(1);
        set(need, 0, 5, 8, 20, 2);
        var result = ScheduleSearch.search(need);
        assertEquals(List.of(new ScheduleSearch.Action(ScheduleSearch.Days.WEEKDAYS, 8, 2),
                new ScheduleSearch.Action(ScheduleSearch.Days.WEEKDAYS, 20, 1)), result.actions());
        assertEquals(228, result.instanceHoursPerWeek(), "12 h x 5 days x 2 + 108 h x 1");
        assertEquals("0 8 ? * MON-FRI *", result.actions().get(0).cron());
        neverBelow(need, result);
    }

    @Test
    void aWeekendPeakAddsWeekendActions() {
        int[] need = week(1);
        set(need, 0, 5, 8, 20, 2);
        set(need, 5, 7, 10, 16, 4);
        var result = ScheduleSearch.search(need);
        assertEquals(4, result.actions().size(), result.actions().toString());
        neverBelow(need, result);
        assertEquals(Arrays.stream(need).sum(), result.instanceHoursPerWeek(), "the schedule follows the need exactly");
    }

    @Test
    void moreChangesThanActionsStillCoverEveryHourAtTheLeastCost() {
        // Seven different peaks on weekdays cannot each get an action: the search merges the cheapest.
        int[] need = week(1);
        for (int i = 0; i < 7; i++) {
            set(need, 0, 5, 2 + 3 * i, 3 + 3 * i, 2 + i % 3);
        }
        var result = ScheduleSearch.search(need);
        assertTrue(result.actions().size() <= ScheduleSearch.MAX_ACTIONS);
        neverBelow(need, result);
        assertTrue(result.instanceHoursPerWeek() < 4 * 168, "better than the peak all week");
    }

    @Test
    void randomNeedsAreNeverUndercut() {
        var random = new Random(42);
        for (int trial = 0; trial < 20; trial++) {
            int[] need = new int[168];
            for (int t = 0; t < 168; t++) {
                need[t] = 1 + random.nextInt(4);
            }
            var result = ScheduleSearch.search(need);
            neverBelow(need, result);
            assertTrue(result.actions().size() <= ScheduleSearch.MAX_ACTIONS);
        }
    }
}
