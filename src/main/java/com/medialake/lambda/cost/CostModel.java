package com.medialake.lambda.cost;

import com.medialake.lambda.model.Autoscaling;
import com.medialake.lambda.model.FunctionSettings;
import com.medialake.lambda.model.PcReplay;
import com.medialake.lambda.model.StackSettings;
import com.medialake.lambda.model.WeeklyCapacity;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The monthly price of holding provisioned concurrency: memory in GB x instances x seconds held x the
 * region's PC price, over a 730-hour month. The instances are what Application Auto Scaling holds without
 * traffic under the actions the program registers ({@link PcReplay} over a reference year, so weekday and DST
 * patterns count as they fall): bursts that target tracking adds are traffic, priced by bin/capacity --replay.
 * Invocation duration on PC is billed on top and depends on traffic, so it is not part of this figure.
 */
public final class CostModel {
    public static final double HOURS_PER_MONTH = 730;
    /**
     * The span schedules are replayed over: 52 whole weeks from a Monday, fixed, so the same config always gives
     * the same figure, each hour of the week counts equally (as in a replay of whole weeks of traffic), and the
     * daylight-saving changes of a year fall as they do.
     */
    private static final Instant YEAR_START = Instant.parse("2027-01-04T00:00:00Z");
    private static final Instant YEAR_END = YEAR_START.plus(java.time.Duration.ofDays(52 * 7));

    private CostModel() {
    }

    /**
     * @param monthlyUsd        at the scheduled minimums (what is held at rest), rounded to cents
     * @param alwaysOnMonthlyUsd at the configured provisionedConcurrency around the clock
     * @param atMaxMonthlyUsd   at autoscaling's maximums, the most it can cost
     * @param hoursAtLevel      average hours a month held at each PC level
     */
    public record FunctionCost(String function, BigDecimal monthlyUsd, BigDecimal alwaysOnMonthlyUsd,
                               BigDecimal atMaxMonthlyUsd, Map<Integer, Double> hoursAtLevel, boolean priceConfirmed) {
    }

    /** @param byFunction the PC functions, sorted by name */
    public record StackCost(Optional<String> missingPrice, List<FunctionCost> byFunction) {
        public BigDecimal monthlyUsd() {
            return byFunction.stream().map(FunctionCost::monthlyUsd).reduce(BigDecimal.ZERO, BigDecimal::add);
        }

        /** One function's cost at rest, 0 for a function without PC. */
        public BigDecimal monthlyUsd(String function) {
            return byFunction.stream().filter(c -> c.function().equals(function)).map(FunctionCost::monthlyUsd)
                    .findFirst().orElse(Usd.ZERO);
        }

        public BigDecimal alwaysOnMonthlyUsd() {
            return byFunction.stream().map(FunctionCost::alwaysOnMonthlyUsd).reduce(BigDecimal.ZERO, BigDecimal::add);
        }
    }

    /** Settings are immutable records: the program's exports, the text and the JSON share one computation. */
    private static final Map<StackSettings, StackCost> COMPUTED = new java.util.concurrent.ConcurrentHashMap<>();

    public static StackCost of(StackSettings stack) {
        return COMPUTED.computeIfAbsent(stack, CostModel::compute);
    }

    private static StackCost compute(StackSettings stack) {
        var costs = new ArrayList<FunctionCost>();
        for (FunctionSettings fn : stack.functions()) {
            if (!fn.hasProvisionedConcurrency()) {
                continue;
            }
            var price = PriceTable.price(stack.region(), fn.architecture());
            if (price.isEmpty()) {
                return new StackCost(Optional.of("no Lambda prices for " + stack.region() + " in PriceTable"), List.of());
            }
            costs.add(of(fn, price.get()));
        }
        return new StackCost(Optional.empty(), costs);
    }

    static FunctionCost of(FunctionSettings fn, Price price) {
        double gb = fn.memoryMb() / 1024.0;
        var capacity = fn.weeklyCapacity();
        var year = PcReplay.run(capacity, fn.autoscaling().map(Autoscaling::targetUtilization),
                PcReplay.Demand.none(YEAR_START, YEAR_END));
        var counts = new TreeMap<Integer, Integer>();
        for (int level : year.levelByHour()) {
            counts.merge(level, 1, Integer::sum);
        }
        var hours = new TreeMap<Integer, Double>();
        counts.forEach((level, n) -> hours.put(level, n * HOURS_PER_MONTH / year.levelByHour().length));
        double atMax = java.util.Arrays.stream(capacity.hoursOfWeek()).mapToInt(WeeklyCapacity.Bounds::max).average()
                .orElse(0);
        return new FunctionCost(fn.name(), monthlyUsd(gb, year.averageLevel(), price),
                monthlyUsd(gb, fn.provisionedConcurrency(), price), monthlyUsd(gb, atMax, price), hours,
                price.confirmed());
    }

    /** The monthly price of holding {@code averageLevel} instances of {@code gb} each around a 730-hour month. */
    public static BigDecimal monthlyUsd(double gb, double averageLevel, Price price) {
        return Usd.cents(gb * averageLevel * HOURS_PER_MONTH * 3600 * price.provisionedConcurrency());
    }
}
