package com.medialake.lambda.cost;

import com.medialake.lambda.model.Autoscaling;
import com.medialake.lambda.model.FunctionSettings;
import com.medialake.lambda.model.ScalingSchedule;
import com.medialake.lambda.model.StackSettings;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The monthly price of holding provisioned concurrency: memory in GB x instances x seconds held x the
 * region's PC price, over a 730-hour month. With schedules, the instances are those the schedules hold as
 * their minimum, averaged over a reference year (so weekday and DST patterns count as they fall).
 * Invocation duration on PC is billed on top and depends on traffic, so it is not part of this figure.
 */
public final class CostModel {
    public static final double HOURS_PER_MONTH = 730;
    /** The year schedules are simulated over: fixed, so the same config always gives the same figure. */
    private static final int REFERENCE_YEAR = 2027;

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
        Map<Integer, Double> hours = fn.autoscaling()
                .map(CostModel::hoursAtMinimum)
                .orElse(Map.of(fn.provisionedConcurrency(), HOURS_PER_MONTH));
        double held = hours.entrySet().stream().mapToDouble(e -> e.getKey() * e.getValue() * 3600).sum();
        double alwaysOn = fn.provisionedConcurrency() * HOURS_PER_MONTH * 3600;
        double atMax = fn.autoscaling().map(CostModel::hoursAtMaximum).orElse(alwaysOn);
        return new FunctionCost(fn.name(), usd(gb * held * price.provisionedConcurrency()),
                usd(gb * alwaysOn * price.provisionedConcurrency()), usd(gb * atMax * price.provisionedConcurrency()),
                hours, price.confirmed());
    }

    private static BigDecimal usd(double amount) {
        return BigDecimal.valueOf(amount).setScale(2, RoundingMode.HALF_UP);
    }

    /** Average hours a month at each scheduled minimum; without schedules, autoscaling's own minimum. */
    static Map<Integer, Double> hoursAtMinimum(Autoscaling autoscaling) {
        if (autoscaling.schedules().isEmpty()) {
            return Map.of(autoscaling.min(), HOURS_PER_MONTH);
        }
        return levels(autoscaling, ScalingSchedule::min, autoscaling.min());
    }

    private static double hoursAtMaximum(Autoscaling autoscaling) {
        var hours = autoscaling.schedules().isEmpty() ? Map.of(autoscaling.max(), HOURS_PER_MONTH)
                : levels(autoscaling, ScalingSchedule::max, autoscaling.max());
        return hours.entrySet().stream().mapToDouble(e -> e.getKey() * e.getValue() * 3600).sum();
    }

    /** Simulates the schedules over the reference year: each action holds its level until the next fires. */
    private static Map<Integer, Double> levels(Autoscaling autoscaling, java.util.function.ToIntFunction<ScalingSchedule> level,
                                               int initial) {
        record Event(ZonedDateTime at, int level) {
        }
        var events = new ArrayList<Event>();
        for (ScalingSchedule schedule : autoscaling.schedules()) {
            var cron = schedule.expression();
            var zone = schedule.zoneId();
            // Start a month early so the year opens at the level the last action before it set.
            var t = LocalDate.of(REFERENCE_YEAR - 1, 12, 1).atStartOfDay(zone);
            var end = LocalDate.of(REFERENCE_YEAR + 1, 1, 1).atStartOfDay(zone);
            for (var next = cron.nextAfter(t); next.isPresent() && next.get().isBefore(end);
                 next = cron.nextAfter(next.get())) {
                events.add(new Event(next.get(), level.applyAsInt(schedule)));
            }
        }
        events.sort(Comparator.comparing((Event e) -> e.at().toInstant()).thenComparingInt(Event::level));
        var start = LocalDate.of(REFERENCE_YEAR, 1, 1).atStartOfDay(ZoneId.of("UTC")).toInstant();
        var end = LocalDate.of(REFERENCE_YEAR + 1, 1, 1).atStartOfDay(ZoneId.of("UTC")).toInstant();
        var seconds = new TreeMap<Integer, Double>();
        int current = initial;
        var from = start;
        for (var e : events) {
            var at = e.at().toInstant();
            if (at.isAfter(start)) {
                var until = at.isBefore(end) ? at : end;
                seconds.merge(current, (double) Duration.between(from, until).toSeconds(), Double::sum);
                from = until;
            }
            current = e.level();
        }
        seconds.merge(current, (double) Duration.between(from, end).toSeconds(), Double::sum);
        double yearSeconds = Duration.between(start, end).toSeconds();
        var hours = new LinkedHashMap<Integer, Double>();
        seconds.forEach((lvl, s) -> {
            if (s > 0) {
                hours.put(lvl, s / yearSeconds * HOURS_PER_MONTH);
            }
        });
        return hours;
    }
}
