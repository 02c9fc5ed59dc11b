package com.medialake.lambda.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.IntToDoubleFunction;
import org.junit.jupiter.api.Test;

/** Application Auto Scaling and Lambda as the replay runs them, on hand-made weeks. */
class PcReplayTest {
    private static final ZoneId DUBLIN = ZoneId.of("Europe/Dublin");
    /** Monday 2026-11-02 00:00 in Dublin (GMT in November, so also UTC). */
    private static final Instant MONDAY = Instant.parse("2026-11-02T00:00:00Z");
    private static final WeeklyCapacity BUSINESS_HOURS = WeeklyCapacity.of(WeeklyCapacityTest.BUSINESS_HOURS, 2);

    /** Traffic per minute for a number of minutes: concurrency and invocations of minute m. */
    private static PcReplay.Demand minutes(Instant start, int count, IntToDoubleFunction concurrency,
                                          IntToDoubleFunction invocations) {
        double[] c = new double[count];
        double[] n = new double[count];
        for (int m = 0; m < count; m++) {
            c[m] = concurrency.applyAsDouble(m);
            n[m] = invocations.applyAsDouble(m);
        }
        return new PcReplay.Demand(start, 1, c, n);
    }

    private static boolean businessHour(Instant minute) {
        var local = minute.atZone(DUBLIN);
        return local.getDayOfWeek().getValue() <= 5 && local.getHour() >= 8 && local.getHour() < 19;
    }

    @Test
    void aBusinessHoursWeekWithNoTrafficAtNightFallsToTheOffPeakFloorAtTheStepDown() {
        // Traffic only in business hours, at half of the 2 warm instances (below the 70% target and above the
        // 63% scale-in line, so target tracking neither adds nor removes); nothing at all at night, so target
        // tracking has no datapoints and could not scale in. The clamp at 19:00 must.
        int week = 7 * 24 * 60;
        var demand = minutes(MONDAY, week, m -> businessHour(MONDAY.plusSeconds(60L * m)) ? 1.3 : 0,
                m -> businessHour(MONDAY.plusSeconds(60L * m)) ? 60 : 0);
        var replay = PcReplay.run(BUSINESS_HOURS, Optional.of(0.7), demand);
        int[] levels = replay.levelByHour();
        assertEquals(1, levels[3], "Monday 03:00");
        assertEquals(2, levels[8], "Monday 08:00");
        assertEquals(2, levels[18], "Monday 18:00");
        assertEquals(1, levels[19 + 1], "Monday 20:00: the off-hours floor, though no datapoint arrived since 19:00");
        assertEquals(1, levels[5 * 24 + 12], "Saturday noon");
        // The 08:00 action asks for the second instance as traffic arrives: for the 2 minutes it takes to be ready,
        // 0.3 of 1.3 concurrent run on-demand, 60 invocations a minute, on 5 mornings.
        assertEquals(5 * 2 * 60 * 0.3 / 1.3, replay.spillover(), 1e-9);
        assertEquals(5, replay.hoursWithSpillover());
        // 55 business hours at 2 and 113 at 1 (19:00 itself opens at 2 for no minute: the clamp fires at 19:00).
        assertEquals(55 * 2 + 113, replay.instanceMinutes() / 60, 1e-9);
    }

    @Test
    void aBurstAboveTheScheduleScalesOutAndSpillsUntilTheNewPcIsReady() {
        // 2 warm instances (max 6, target 0.7), then 30 minutes at 5 concurrent and 100 invocations a minute.
        var fixed = WeeklyCapacity.of(new Autoscaling(2, 6, 0.7, List.of()), 2);
        var demand = minutes(MONDAY, 60, m -> m < 30 ? 5 : 1, m -> m < 30 ? 100 : 20);
        var replay = PcReplay.run(fixed, Optional.of(0.7), demand);
        // Minutes 0-2: 3 datapoints at 100% -> at minute 2 AAS asks for ceil(2 x 1.0 / 0.7) = 3, ready at minute 4.
        // Minutes 3-5: 3 fresh datapoints at 100% -> at minute 5, ceil(3 / 0.7) = 5, ready at minute 7.
        // Minutes 6-8: 100% again -> at minute 8, ceil(5 / 0.7) = 8, held at the max of 6, ready at minute 10.
        // Spillover, 100 invocations a minute spread over 5 concurrent: 3/5 of them in minutes 0-3 (2 ready),
        // 2/5 in minutes 4-6 (3 ready); none once 5 are ready.
        assertEquals(4 * 60 + 3 * 40, replay.spillover(), 1e-9);
        assertEquals(1, replay.hoursWithSpillover());
        // After the burst, 1 concurrent of 6 is 17%: 15 datapoints below 63% of the target scale in at minute 44
        // to ceil(6 x 0.17 / 0.7) = 2, the floor.
        assertEquals(6, replay.levelByHour()[0]);
        // Billed from each request (after the minute it is made in): 2 for minutes 0-2, 3 for 3-5, 5 for 6-8, 6 for
        // 9-44, 2 for 45-59.
        double held = 2 * 3 + 3 * 3 + 5 * 3 + 6 * (45 - 9) + 2 * (60 - 45);
        assertEquals(held, replay.instanceMinutes(), 1e-9);
    }

    @Test
    void withoutTrafficAfterABurstTargetTrackingCannotScaleInButTheNextClampDoes() {
        // A burst at 17:00 on Monday scales collections_api out; then silence. No datapoints: no scale-in until
        // the 19:00 clamp forces the off-hours floor.
        Instant five = MONDAY.plus(Duration.ofHours(17));
        var demand = minutes(five, 4 * 60, m -> m < 20 ? 6 : 0, m -> m < 20 ? 200 : 0);
        var replay = PcReplay.run(BUSINESS_HOURS, Optional.of(0.7), demand);
        assertTrue(replay.levelByHour()[0] >= 6, Arrays.toString(replay.levelByHour()));
        assertEquals(6, replay.levelByHour()[1], "18:00: still 6, no datapoint to scale in on");
        assertEquals(1, replay.levelByHour()[2], "19:00: clamped to the floor");
    }

    @Test
    void aNewVersionDeployedAtNightReachesTheNightLevelWithinAnHour() {
        // Tuesday 03:00 Dublin: the new version starts at the highest floor (2) and its target at 2-6; the 04:00
        // clamp brings it to the night's 1.
        Instant deploy = MONDAY.plus(Duration.ofHours(24 + 3));
        var replay = PcReplay.fromDeploy(BUSINESS_HOURS, Optional.of(0.7), PcReplay.Demand.none(deploy,
                deploy.plus(Duration.ofHours(3))));
        assertEquals(List.of(2, 1, 1), Arrays.stream(replay.levelByHour()).boxed().toList());
        assertTrue(replay.levelByHour()[0] >= BUSINESS_HOURS.at(24 + 4).min(), "never below the coming hour's level");
    }

    @Test
    void aNewVersionDeployedAtNoonHoldsTheBusinessLevelUntilTheStepDown() {
        Instant deploy = MONDAY.plus(Duration.ofHours(24 + 12));
        var replay = PcReplay.fromDeploy(BUSINESS_HOURS, Optional.of(0.7), PcReplay.Demand.none(deploy,
                deploy.plus(Duration.ofHours(9))));
        // 12:00 to 18:00 at 2, then 19:00 and 20:00 at 1.
        assertEquals(List.of(2, 2, 2, 2, 2, 2, 2, 1, 1), Arrays.stream(replay.levelByHour()).boxed().toList());
    }

    @Test
    void aNewVersionDeployedJustBeforeBusinessHoursNeverStartsBelowThem() {
        Instant deploy = MONDAY.plus(Duration.ofHours(7)).plus(Duration.ofMinutes(50));
        var replay = PcReplay.fromDeploy(BUSINESS_HOURS, Optional.of(0.7), PcReplay.Demand.none(deploy,
                deploy.plus(Duration.ofHours(2))));
        assertEquals(2, replay.levelByHour()[0]);
        assertEquals(2, replay.levelByHour()[1]);
    }

    @Test
    void addingUpSteadyMinutesAtOnceGivesExactlyWhatMinuteByMinuteGives() {
        // Random hourly and 5-minute traffic with bursts, over the business-hours schedule and a fixed pool.
        var random = new java.util.Random(7);
        for (int period : new int[] {60, 5, 1}) {
            int periods = 14 * 24 * 60 / period;
            double[] c = new double[periods];
            double[] n = new double[periods];
            for (int p = 0; p < periods; p++) {
                c[p] = random.nextInt(10) == 0 ? 0 : random.nextInt(8);
                n[p] = c[p] * 20 * period;
            }
            var demand = new PcReplay.Demand(MONDAY, period, c, n);
            for (var capacity : List.of(BUSINESS_HOURS, WeeklyCapacity.of(new Autoscaling(1, 6, 0.5, List.of()), 3))) {
                PcReplay.steadySkip = false;
                PcReplay.Result slow;
                try {
                    slow = PcReplay.run(capacity, Optional.of(0.7), demand);
                } finally {
                    PcReplay.steadySkip = true;
                }
                var fast = PcReplay.run(capacity, Optional.of(0.7), demand);
                assertEquals(slow.instanceMinutes(), fast.instanceMinutes(), 1e-6, "period " + period);
                assertEquals(slow.spillover(), fast.spillover(), 1e-6, "period " + period);
                assertEquals(Arrays.toString(slow.levelByHour()), Arrays.toString(fast.levelByHour()));
                for (int h = 0; h < slow.spilloverByHour().length; h++) {
                    assertEquals(slow.spilloverByHour()[h], fast.spilloverByHour()[h], 1e-6, "hour " + h);
                }
            }
        }
    }
}
