package com.medialake.lambda.preview;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.medialake.lambda.model.AwsCron;
import com.medialake.lambda.model.FunctionSettings;
import com.medialake.lambda.model.PcReplay;
import com.medialake.lambda.model.ScalingSchedule;
import com.medialake.lambda.model.WeeklyCapacity;
import com.medialake.lambda.plan.Plan;
import com.medialake.lambda.plan.ResourceTypes;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What the program registers, run as Application Auto Scaling runs it, holds the levels the stack file's
 * schedules ask for. The registered crons are read back from the plan and evaluated by the cron library (not
 * by WeeklyCapacity, which wrote them), from the PC config and scalable target a new version gets, and the
 * result is compared hour by hour with the schedules as written: the last one fired sets the floor.
 */
class RegisteredSchedulesTest {
    /** Every function of every stack and of the business-hours settings that has schedules. */
    static Stream<Object[]> scheduled() {
        var out = new ArrayList<Object[]>();
        var plans = new ArrayList<Plan>();
        StackPlans.stacks().forEach(stack -> plans.add(StackPlans.of(stack)));
        plans.add(StackPlans.plan("eu-west-1", StackPlans.stackFile("eu-west-1", StackPlans.BUSINESS_HOURS)));
        for (Plan plan : plans) {
            for (FunctionSettings fn : plan.settings().functions()) {
                if (fn.autoscaling().map(a -> !a.schedules().isEmpty()).orElse(false)) {
                    out.add(new Object[] {plan, fn});
                }
            }
        }
        return out.stream();
    }

    /** The floor the schedules as written ask for at an instant: the min of the last one fired. */
    private static int askedAt(FunctionSettings fn, Instant at) {
        Instant latest = null;
        int level = 0;
        for (ScalingSchedule s : fn.autoscaling().orElseThrow().schedules()) {
            var t = at.minus(Duration.ofDays(8)).atZone(s.zoneId());
            for (var next = s.expression().nextAfter(t); next.isPresent() && !next.get().toInstant().isAfter(at);
                 next = s.expression().nextAfter(next.get())) {
                if (latest == null || next.get().toInstant().isAfter(latest)) {
                    latest = next.get().toInstant();
                    level = s.min();
                }
            }
        }
        return level;
    }

    /** The registered actions of a function's target, fired from {@code from} to {@code to}, read from the plan. */
    private static List<WeeklyCapacity.Firing> registered(Plan plan, String function, Instant from, Instant to) {
        String target = plan.byName(ResourceTypes.SCALING_TARGET, function).input("resourceId");
        var firings = new ArrayList<WeeklyCapacity.Firing>();
        for (var action : plan.ofType(ResourceTypes.SCHEDULED_ACTION)) {
            if (!action.input("resourceId").equals(target)) {
                continue;
            }
            var cron = AwsCron.parse(action.input("schedule")).cron().orElseThrow();
            var zone = ZoneId.of(action.input("timezone"));
            var bounds = action.inputs().getAsJsonObject("scalableTargetAction");
            var set = new WeeklyCapacity.Bounds(bounds.get("minCapacity").getAsInt(), bounds.get("maxCapacity").getAsInt());
            for (var t = cron.nextAfter(from.atZone(zone)); t.isPresent() && t.get().toInstant().isBefore(to);
                 t = cron.nextAfter(t.get())) {
                firings.add(new WeeklyCapacity.Firing(t.get().toInstant(), set));
            }
        }
        firings.sort(Comparator.comparing(WeeklyCapacity.Firing::at));
        return firings;
    }

    private static PcReplay.Result deployAt(Plan plan, FunctionSettings fn, Instant deploy, int hours) {
        var targetResource = plan.byName(ResourceTypes.SCALING_TARGET, fn.name());
        int start = Integer.parseInt(plan.byName(ResourceTypes.PROVISIONED_CONCURRENCY_CONFIG, fn.name())
                .input("provisionedConcurrentExecutions"));
        var bounds = new WeeklyCapacity.Bounds(Integer.parseInt(targetResource.input("minCapacity")),
                Integer.parseInt(targetResource.input("maxCapacity")));
        Instant end = deploy.plus(Duration.ofHours(hours));
        // The actions exist once the deploy is over: one due at that very second is missed.
        return PcReplay.run(start, bounds, registered(plan, fn.name(), deploy.plusSeconds(1), end),
                fn.autoscaling().map(a -> a.targetUtilization()), PcReplay.Demand.none(deploy, end));
    }

    private static Instant weekday(ZoneId zone, int hour) {
        // A Tuesday in March 2027, before the EU and US switch to summer time.
        return LocalDate.of(2027, 3, 1).with(TemporalAdjusters.nextOrSame(DayOfWeek.TUESDAY))
                .atTime(LocalTime.of(hour, 0)).atZone(zone).toInstant();
    }

    @ParameterizedTest
    @MethodSource("scheduled")
    void aNewVersionDeployedAt0300Or1200HoldsTheAskedLevelsFromTheNextHourOn(Plan plan, FunctionSettings fn) {
        ZoneId zone = fn.autoscaling().orElseThrow().schedules().get(0).zoneId();
        for (int hour : new int[] {3, 12}) {
            Instant deploy = weekday(zone, hour);
            var replay = deployAt(plan, fn, deploy, 48);
            int[] held = replay.levelByHour();
            assertTrue(held[0] >= askedAt(fn, deploy.plus(Duration.ofHours(1))),
                    fn.name() + " deployed at " + hour + ":00 starts below the coming hour's level");
            for (int h = 1; h < held.length; h++) {
                Instant at = deploy.plus(Duration.ofHours(h));
                assertEquals(askedAt(fn, at), held[h], fn.name() + " deployed at " + hour + ":00, at "
                        + ZonedDateTime.ofInstant(at, zone));
            }
        }
    }

    @ParameterizedTest
    @MethodSource("scheduled")
    void aWeekAtRestHoldsExactlyTheAskedFloorsAcrossDaylightSaving(Plan plan, FunctionSettings fn) {
        // The week of the EU's switch to summer time (Sunday 28 March 2027), replayed after a week of warm-up.
        ZoneId zone = fn.autoscaling().orElseThrow().schedules().get(0).zoneId();
        Instant monday = LocalDate.of(2027, 3, 22).atStartOfDay(zone).toInstant();
        Instant warmUp = monday.minus(Duration.ofDays(8));
        var replay = PcReplay.run(fn.provisionedConcurrency(), new WeeklyCapacity.Bounds(1, 1000),
                registered(plan, fn.name(), warmUp, monday.plus(Duration.ofDays(7))),
                Optional.of(0.7), PcReplay.Demand.none(monday, monday.plus(Duration.ofDays(7))));
        int[] held = replay.levelByHour();
        for (int h = 0; h < held.length; h++) {
            Instant at = monday.plus(Duration.ofHours(h));
            assertEquals(askedAt(fn, at), held[h], fn.name() + " at " + ZonedDateTime.ofInstant(at, zone));
        }
    }
}
