package com.medialake.lambda.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.medialake.lambda.model.WeeklyCapacity.Bounds;
import com.medialake.lambda.model.WeeklyCapacity.Kind;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class WeeklyCapacityTest {
    /** eu-west-1's collections_api: 2-6 from 08:00 on weekdays, 1-4 from 19:00, Europe/Dublin. */
    static final Autoscaling BUSINESS_HOURS = new Autoscaling(1, 4, 0.7, List.of(
            new ScalingSchedule("business-hours", "0 8 ? * MON-FRI *", "Europe/Dublin", 2, 6),
            new ScalingSchedule("off-hours", "0 19 ? * MON-FRI *", "Europe/Dublin", 1, 4)));

    @Test
    void aBusinessHoursWeekIsFiveActionsThatClampEveryOffPeakHour() {
        var capacity = WeeklyCapacity.of(BUSINESS_HOURS, 2);
        assertEquals("Europe/Dublin", capacity.zone().getId());
        assertEquals(2, capacity.startLevel());
        assertEquals(new Bounds(2, 6), capacity.startBounds());
        var actions = capacity.actions().stream()
                .map(a -> a.name() + " " + a.cron() + " " + a.bounds().min() + "-" + a.bounds().max()).toList();
        assertEquals(List.of(
                "mon-fri-1-4-clamp 0 0-7,19-23 ? * MON-FRI * 1-1",
                "mon-fri-1-4-reopen 5 0-7,19-23 ? * MON-FRI * 1-4",
                "mon-fri-2-6-hold 0 8-18 ? * MON-FRI * 2-6",
                "sat-sun-1-4-clamp 0 * ? * SUN,SAT * 1-1",
                "sat-sun-1-4-reopen 5 * ? * SUN,SAT * 1-4"), actions);
        assertEquals(List.of(Kind.CLAMP, Kind.REOPEN, Kind.HOLD, Kind.CLAMP, Kind.REOPEN),
                capacity.actions().stream().map(WeeklyCapacity.Action::kind).toList());
        // Monday 07:00 is still off-hours (Friday's 19:00 held over the weekend), 08:00 to 18:00 business hours.
        assertEquals(new Bounds(1, 4), capacity.at(7));
        assertEquals(new Bounds(2, 6), capacity.at(8));
        assertEquals(new Bounds(2, 6), capacity.at(18));
        assertEquals(new Bounds(1, 4), capacity.at(19));
        assertEquals(new Bounds(1, 4), capacity.at(5 * 24 + 12), "Saturday noon");
        assertEquals(55, java.util.Arrays.stream(capacity.floors()).filter(f -> f == 2).count());
    }

    @Test
    void eachRegisteredCronFiresExactlyAtTheHoursItsActionHolds() {
        // The crons are written from the days and hours, with AWS's day numbers (SUN is 1): parsed back by the
        // same cron library the stack file's schedules go through, each fires on exactly those days and hours.
        var monday = LocalDate.of(2027, 1, 4).atStartOfDay(ZoneOffset.UTC);
        for (var action : WeeklyCapacity.of(BUSINESS_HOURS, 2).actions()) {
            var cron = AwsCron.parse(action.cron()).cron().orElseThrow(() -> new AssertionError(action.cron()));
            var fired = new TreeSet<Integer>();
            for (var t = cron.nextAfter(monday.minusSeconds(1)); t.isPresent() && t.get().isBefore(monday.plusDays(7));
                 t = cron.nextAfter(t.get())) {
                assertEquals(action.minute(), t.get().getMinute(), action.name());
                fired.add((int) Duration.between(monday, t.get()).toHours());
            }
            var expected = new TreeSet<Integer>();
            for (DayOfWeek day : action.days()) {
                for (int hour : action.hours()) {
                    expected.add((day.getValue() - 1) * 24 + hour);
                }
            }
            assertEquals(expected, fired, action.name());
        }
    }

    @Test
    void withoutSchedulesNothingIsRegisteredAndANewVersionStartsAtItsProvisionedConcurrency() {
        var capacity = WeeklyCapacity.of(new Autoscaling(1, 5, 0.7, List.of()), 3);
        assertTrue(capacity.actions().isEmpty());
        assertEquals(3, capacity.startLevel());
        assertEquals(new Bounds(1, 5), capacity.startBounds());
        assertEquals(new Bounds(1, 5), capacity.at(100));
    }

    @Test
    void daysWithTheSameHoursShareTheirActionsAndNamesDependOnlyOnWhatTheyHold() {
        var autoscaling = new Autoscaling(1, 3, 0.7, List.of(
                new ScalingSchedule("up", "30 9 ? * MON,WED *", "UTC", 3, 3),
                new ScalingSchedule("down", "30 17 ? * MON,WED *", "UTC", 1, 3)));
        var names = WeeklyCapacity.of(autoscaling, 3).actions().stream().map(WeeklyCapacity.Action::name).toList();
        assertEquals(List.of("mon_wed-1-3-clamp", "mon_wed-1-3-reopen", "mon_wed-3-3-hold", "tue_thu-sun-1-3-clamp",
                "tue_thu-sun-1-3-reopen"), names);
        var reversed = new Autoscaling(1, 3, 0.7, List.of(autoscaling.schedules().get(1), autoscaling.schedules().get(0)));
        assertEquals(names, WeeklyCapacity.of(reversed, 3).actions().stream().map(WeeklyCapacity.Action::name).toList(),
                "the order of the schedules changes no name");
        var hold = WeeklyCapacity.of(autoscaling, 3).actions().get(2);
        assertEquals("30 9-16 ? * MON,WED *", hold.cron(), "at the schedules' own minute");
    }
}
