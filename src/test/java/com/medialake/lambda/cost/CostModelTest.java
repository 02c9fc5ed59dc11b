package com.medialake.lambda.cost;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.medialake.lambda.model.Architecture;
import com.medialake.lambda.preview.StackPlans;
import java.math.BigDecimal;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CostModelTest {
    private static CostModel.StackCost cost(String yaml) {
        return CostModel.of(StackPlans.settings("test", yaml));
    }

    @Test
    void theStrategysThreePcFunctionsCostAbout225DollarsInUsEast1() {
        // By hand: (1024 + 9000 + 512) MB = 10.2890625 GB x 2 instances x 730 h x 3600 s x $0.0000041667
        //        = 20.578125 GB x 2,628,000 s x $0.0000041667 = $225.33 (the strategy says "~$240").
        var cost = cost("config:\n  aws:region: us-east-1\n");
        assertEquals(new BigDecimal("21.90"), byName(cost, "collections_api"));
        assertEquals(new BigDecimal("192.48"), byName(cost, "search_api"));
        assertEquals(new BigDecimal("10.95"), byName(cost, "assets_get"));
        assertEquals(225.33, strategys(cost), 0.02);
        assertEquals(cost.monthlyUsd(), cost.alwaysOnMonthlyUsd());
    }

    @Test
    void euRegionsCostMoreForTheSameCapacity() {
        assertEquals(251.25, strategys(cost("config:\n  aws:region: eu-west-1\n")), 0.02);
        assertEquals(261.22, strategys(cost("config:\n  aws:region: eu-west-2\n")), 0.02);
    }

    @Test
    void aBusinessHoursScheduleHoldsTheHigherLevelFor55HoursAWeek() {
        var cost = cost(StackPlans.stackFile("eu-west-1", StackPlans.BUSINESS_HOURS));
        var hours = cost.byFunction().stream().filter(c -> c.function().equals("collections_api")).findFirst()
                .orElseThrow().hoursAtLevel();
        // 52 weeks of 5 weekdays of 11 hours (08:00-19:00 Dublin): 2860 of 8736 hours, scaled to a 730-hour month.
        // The off-hours level holds the rest only because the registered actions clamp the step down
        // (WeeklyCapacity); as the schedules were written, AAS would have kept 2 all night.
        assertEquals(2860.0 / 8736 * 730, hours.get(2), 0.01);
        assertEquals(730 - 2860.0 / 8736 * 730, hours.get(1), 0.01);
    }

    @Test
    void theScheduledCostShowsTheSavingAgainstAlwaysOn() {
        var cost = cost(StackPlans.stackFile("eu-west-1", StackPlans.BUSINESS_HOURS));
        var collections = cost.byFunction().stream().filter(c -> c.function().equals("collections_api")).findFirst()
                .orElseThrow();
        // 1 GB x (2 x 238.99 h + 1 x 491.01 h) x 3600 s x $0.0000046460
        assertEquals(new BigDecimal("16.21"), collections.monthlyUsd());
        assertEquals(new BigDecimal("24.42"), collections.alwaysOnMonthlyUsd());
        assertTrue(collections.atMaxMonthlyUsd().compareTo(collections.alwaysOnMonthlyUsd()) > 0);
        assertEquals(new BigDecimal("8.21"), cost.alwaysOnMonthlyUsd().subtract(cost.monthlyUsd()));
    }

    @Test
    void autoscalingWithoutSchedulesIsCostedWhereANewVersionStartsNotAtItsMinimum() {
        // Without traffic target tracking has no datapoints and cannot scale in: PC stays where it started.
        var cost = cost(StackPlans.stackFile("us-east-1", "functions:\n  search_api:\n    provisionedConcurrency: 2\n"
                + "    autoscaling:\n      min: 1\n      max: 5\n"));
        assertEquals(Map.of(2, 730.0), cost.byFunction().stream().filter(c -> c.function().equals("search_api"))
                .findFirst().orElseThrow().hoursAtLevel());
    }

    @Test
    void armIsCheaperAndEuArmPricesAreMarkedUnconfirmed() {
        var us = PriceTable.price("us-east-1", Architecture.ARM64).orElseThrow();
        assertEquals(0.0000041667 * 0.8, us.provisionedConcurrency(), 1e-12);
        assertTrue(us.confirmed());
        assertFalse(PriceTable.price("eu-west-2", Architecture.ARM64).orElseThrow().confirmed());
    }

    @Test
    void aRegionWithoutPricesIsSaidNotGuessed() {
        var cost = cost("config:\n  aws:region: ap-south-1\n");
        assertEquals("no Lambda prices for ap-south-1 in PriceTable", cost.missingPrice().orElseThrow());
        assertTrue(cost.byFunction().isEmpty());
    }

    /** What the strategy's three PC functions cost, whatever else the table holds. */
    private static double strategys(CostModel.StackCost cost) {
        return java.util.stream.Stream.of("collections_api", "search_api", "assets_get")
                .mapToDouble(f -> byName(cost, f).doubleValue()).sum();
    }

    private static BigDecimal byName(CostModel.StackCost cost, String function) {
        return cost.byFunction().stream().filter(c -> c.function().equals(function)).findFirst().orElseThrow()
                .monthlyUsd();
    }
}
