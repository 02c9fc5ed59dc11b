package com.medialake.lambda.capacity;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.medialake.lambda.config.ConfigSource;
import com.medialake.lambda.config.FunctionOverrides;
import com.medialake.lambda.config.InvalidConfigException;
import com.medialake.lambda.cost.CostModel;
import com.medialake.lambda.cost.Price;
import com.medialake.lambda.cost.PriceTable;
import com.medialake.lambda.json.Json;
import com.medialake.lambda.model.Autoscaling;
import com.medialake.lambda.model.FunctionSettings;
import com.medialake.lambda.model.FunctionTable;
import com.medialake.lambda.model.PcReplay;
import com.medialake.lambda.model.ScalingSchedule;
import com.medialake.lambda.model.StackSettings;
import com.medialake.lambda.model.WeeklyCapacity;
import com.medialake.lambda.rules.FleetRules;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Provisioned concurrency sized from measured traffic: for each function of a stack, the warm instances each
 * hour of the week needs, the fewest schedules that hold them, what that costs against today's
 * configuration and against holding the observed peak always on, and the strategy's advice. The proposal is
 * validated as a stack file is, and priced by the same cost model the preview uses.
 */
public final class CapacitySizing {
    public static final double DEFAULT_COVERAGE = 0.99;
    /** The strategy: PC is not worth it under 10 requests a minute, and pays for consistent traffic over 100. */
    public static final double LOW_TRAFFIC_PER_MINUTE = 10;
    public static final double HIGH_TRAFFIC_PER_MINUTE = 100;

    /**
     * One function's sizing.
     *
     * @param proposed             the proposed provisionedConcurrency and autoscaling block, or empty where no
     *                             PC is proposed (no traffic, or too little to pay for it)
     * @param hoursAboveCurrentPc  hours of the data whose peak concurrency exceeded what today's configuration
     *                             held warm (users felt cold starts)
     */
    public record FunctionSizing(String function, String timezone, int[] hourlyLevels, Optional<JsonObject> proposed,
                                 int instanceHoursPerWeek, BigDecimal monthlyUsd, BigDecimal currentMonthlyUsd,
                                 BigDecimal alwaysOnPeakMonthlyUsd, int hoursAboveCurrentPc,
                                 double invocationsPerMinute, List<String> advice, Replay current,
                                 Optional<Replay> proposal) {
    }

    /**
     * A configuration replayed over the export's traffic ({@link PcReplay}): what Application Auto Scaling would
     * have held and what spilled over.
     *
     * @param result     the replay
     * @param monthlyUsd the PC it held, as a monthly cost
     */
    public record Replay(PcReplay.Result result, BigDecimal monthlyUsd) {
    }

    /** The whole stack's sizing. */
    public record Result(String stack, double coverage, String timezone, List<FunctionSizing> functions,
                         BigDecimal totalMonthlyUsd, BigDecimal currentMonthlyUsd, BigDecimal alwaysOnPeakMonthlyUsd,
                         Instant first) {
    }

    private CapacitySizing() {
    }

    /**
     * @param timezone the zone the week is read in; empty for each function's schedules' zone, else the
     *                 region's (RegionZones), else UTC
     * @throws InvalidConfigException where the proposal would be refused as a stack file
     */
    public static Result size(ConfigSource config, StackSettings current, MetricData data, double coverage,
                              Optional<ZoneId> timezone) {
        var price = current.functions().stream().findFirst()
                .flatMap(fn -> PriceTable.price(current.region(), fn.architecture()));
        var hours = data.hours();
        var proposals = new TreeMap<String, JsonObject>();
        var partial = new ArrayList<Partial>();
        for (FunctionSettings fn : current.functions()) {
            // A function's schedules' zone, else the region's: people keep local hours, and DST moves them in UTC.
            ZoneId zone = timezone.orElseGet(() -> fn.autoscaling().flatMap(a -> a.schedules().stream().findFirst())
                    .map(ScalingSchedule::zoneId).orElse(RegionZones.of(current.region()).orElse(ZoneId.of("UTC"))));
            int[] need = WeeklyNeed.levels(hours, h -> data.at("conc_" + fn.name(), h), zone, coverage);
            double invocations = hours.stream().mapToDouble(h -> data.at("inv_" + fn.name(), h)).sum();
            double perMinute = invocations / (hours.size() * 60.0);
            var demand = data.demand(fn.name());
            var today = replay(fn, demand, price);
            // Only where PC is held today: without it, every busy hour may start cold, and the advice says so.
            int above = !fn.hasProvisionedConcurrency() ? 0 : today.result().hoursWithSpillover();
            int peak = java.util.Arrays.stream(need).max().orElse(0);
            boolean propose = data.hasTraffic("conc_" + fn.name()) && peak > 0
                    && (fn.hasProvisionedConcurrency() || perMinute >= LOW_TRAFFIC_PER_MINUTE);
            Optional<ScheduleSearch.Result> schedule = Optional.empty();
            Optional<Replay> proposal = Optional.empty();
            var rejected = new ArrayList<String>();
            if (propose) {
                // The warm instances at which the needed concurrency sits at target tracking's target: fewer, and
                // AAS scales out within minutes whenever the need arrives (3 datapoints above the target, PcReplay),
                // so the schedule would be priced low and run high. Sized so, target tracking stays idle on the
                // traffic it was sized from, and the replay costs what the schedule costs.
                double target = targetOf(fn);
                int[] floor = java.util.Arrays.stream(need).map(n -> atTarget(n, target)).toArray();
                var found = ScheduleSearch.search(floor);
                var block = block(fn, found, zone);
                var replayed = replay(proposedFunction(config, fn.name(), block), demand, price);
                // Accepted only if, replayed as AWS runs it, no more invocations spill than the coverage leaves out.
                if (replayed.result().spilloverShare() <= 1 - coverage + 1e-9) {
                    schedule = Optional.of(found);
                    proposals.put(fn.name(), block);
                } else {
                    rejected.add(String.format(java.util.Locale.ROOT, "the proposal was not accepted: replayed over"
                            + " the data it spills %.2f%% of the invocations to on-demand, more than the %.2f%% the"
                            + " coverage allows (bursts shorter than target tracking reacts to); raise --coverage",
                            replayed.result().spilloverShare() * 100, (1 - coverage) * 100));
                }
                proposal = Optional.of(replayed);
            }
            partial.add(new Partial(fn, zone, need, schedule, peak, perMinute, above, hours, data, today, proposal,
                    rejected));
        }
        var proposedSettings = withProposals(config, proposals);
        var peakSettings = withPeaks(config, partial);
        var proposedCost = CostModel.of(proposedSettings);
        var currentCost = CostModel.of(current);
        var peakCost = CostModel.of(peakSettings);
        var sizings = new ArrayList<FunctionSizing>();
        for (var p : partial) {
            String name = p.fn().name();
            var advice = advice(p, price);
            advice.addAll(p.rejected());
            sizings.add(new FunctionSizing(name, p.zone().getId(), p.need(), Optional.ofNullable(proposals.get(name)),
                    p.schedule().map(ScheduleSearch.Result::instanceHoursPerWeek).orElse(0),
                    proposedCost.monthlyUsd(name), currentCost.monthlyUsd(name), peakCost.monthlyUsd(name), p.above(),
                    Math.round(p.perMinute() * 100) / 100.0, advice, p.today(), p.proposal()));
        }
        var zones = new TreeSet<String>();
        sizings.forEach(s -> zones.add(s.timezone()));
        return new Result(current.stack(), coverage, zones.size() == 1 ? zones.first()
                : "each function's schedules' zone, else the region's (" + String.join(", ", zones) + ")",
                List.copyOf(sizings), proposedCost.monthlyUsd(), currentCost.monthlyUsd(),
                peakCost.monthlyUsd(), data.first());
    }

    private record Partial(FunctionSettings fn, ZoneId zone, int[] need, Optional<ScheduleSearch.Result> schedule, int peak,
                           double perMinute, int above, List<Instant> hours, MetricData data, Replay today,
                           Optional<Replay> proposal, List<String> rejected) {
    }

    /** A function's configuration replayed over its traffic, with the monthly cost of the PC it held. */
    static Replay replay(FunctionSettings fn, PcReplay.Demand demand, Optional<Price> price) {
        if (!fn.hasProvisionedConcurrency()) {
            var none = PcReplay.run(WeeklyCapacity.fixed(0), Optional.empty(), demand);
            return new Replay(none, BigDecimal.ZERO.setScale(2, RoundingMode.HALF_UP));
        }
        var result = PcReplay.run(fn.weeklyCapacity(), fn.autoscaling().map(Autoscaling::targetUtilization), demand);
        return new Replay(result, price.map(p -> CostModel.monthlyUsd(fn.memoryMb() / 1024.0, result.averageLevel(), p))
                .orElse(BigDecimal.ZERO.setScale(2, RoundingMode.HALF_UP)));
    }

    /** One function as the stack would have it with the proposal pasted in (validated with the whole stack later). */
    private static FunctionSettings proposedFunction(ConfigSource config, String name, JsonObject block) {
        var functions = functions(config);
        paste(functions, name, block);
        return parse(config, functions).functions().stream().filter(f -> f.name().equals(name)).findFirst().orElseThrow();
    }

    /** A proposal in place of the function's PC settings under functions:, as the report says to paste it. */
    private static void paste(JsonObject functions, String name, JsonObject proposal) {
        if (functions.has(name)) {
            functions.getAsJsonObject(name).remove("warmer");
            functions.getAsJsonObject(name).remove("autoscaling");
        }
        FunctionOverrides.set(functions, name, proposal);
    }

    private static double targetOf(FunctionSettings fn) {
        return fn.autoscaling().map(Autoscaling::targetUtilization).orElse(Autoscaling.DEFAULT_TARGET_UTILIZATION);
    }

    /** Warm instances that hold {@code concurrency} at the target utilization, at least 1. */
    static int atTarget(int concurrency, double target) {
        return Math.max(1, (int) Math.ceil(concurrency / target - 1e-9));
    }

    /** The function's provisionedConcurrency and autoscaling as they go under functions.<name> in a stack file. */
    private static JsonObject block(FunctionSettings fn, ScheduleSearch.Result found, ZoneId zone) {
        double target = targetOf(fn);
        // Room for bursts above the schedule: what target tracking needs at the highest level, or today's peak.
        int max = Math.max(found.highest(), Math.max((int) Math.ceil(found.highest() / target),
                fn.autoscaling().map(Autoscaling::peak).orElse(0)));
        var autoscaling = Json.object("min", found.lowest(), "max", max, "targetUtilization", target);
        var schedules = new JsonArray();
        for (var action : found.actions()) {
            schedules.add(Json.object("name", action.name(), "cron", action.cron(), "timezone", zone.getId(),
                    "min", action.level(), "max", max));
        }
        if (!schedules.isEmpty()) {
            autoscaling.add("schedules", schedules);
        }
        // A new version starts at provisionedConcurrency: the highest level, so no hour starts below its need.
        return Json.object("provisionedConcurrency", found.actions().isEmpty() ? found.constantLevel() : found.highest(),
                "autoscaling", autoscaling);
    }

    /** The stack's config with each proposal in place of the function's PC settings, validated as a stack file. */
    static StackSettings withProposals(ConfigSource config, Map<String, JsonObject> proposals) {
        var functions = functions(config);
        proposals.forEach((name, proposal) -> paste(functions, name, proposal));
        var settings = parse(config, functions);
        var headroom = FleetRules.checkHeadroom(settings, settings.accountConcurrencyLimit(), "concurrency.accountLimit");
        if (!headroom.isEmpty()) {
            throw new InvalidConfigException(settings.stack(), headroom);
        }
        return settings;
    }

    /** The stack's config with every function's observed peak held around the clock. */
    private static StackSettings withPeaks(ConfigSource config, List<Partial> partial) {
        var functions = functions(config);
        for (var p : partial) {
            var own = functions.has(p.fn().name()) ? functions.getAsJsonObject(p.fn().name()) : new JsonObject();
            own.remove("autoscaling");
            own.remove("warmer");
            own.remove("reservedConcurrency");
            own.addProperty("provisionedConcurrency", atTarget(p.peak(), targetOf(p.fn())));
            functions.add(p.fn().name(), own);
        }
        return parse(config, functions);
    }

    private static JsonObject functions(ConfigSource config) {
        return FunctionOverrides.of(config);
    }

    private static StackSettings parse(ConfigSource config, JsonObject functions) {
        return FunctionOverrides.parse(config, functions, FunctionTable.MEDIALAKE);
    }

    private static List<String> advice(Partial p, Optional<com.medialake.lambda.cost.Price> price) {
        var out = new ArrayList<String>();
        String rate = String.format(java.util.Locale.ROOT, "%.1f", p.perMinute());
        if (p.peak() == 0 || !p.data().hasTraffic("conc_" + p.fn().name())) {
            out.add("no invocations in the data: no PC");
        } else if (p.perMinute() < LOW_TRAFFIC_PER_MINUTE) {
            out.add("on average " + rate + " invocations a minute, under the strategy's " + (int) LOW_TRAFFIC_PER_MINUTE
                    + ": PC is not worth it" + (p.fn().hasProvisionedConcurrency() ? "; consider provisionedConcurrency: 0" : ""));
        } else if (p.perMinute() > HIGH_TRAFFIC_PER_MINUTE && !p.fn().hasProvisionedConcurrency()) {
            out.add("on average " + rate + " invocations a minute, over the strategy's " + (int) HIGH_TRAFFIC_PER_MINUTE
                    + ": consistent traffic where PC pays; consider the proposal");
        }
        if (p.above() > 0) {
            out.add(p.above() + " hour" + (p.above() == 1 ? "" : "s") + " of the data needed more warm instances than"
                    + " today's configuration held: users felt cold starts then");
        }
        p.schedule().ifPresent(found -> price.ifPresent(pr -> {
            // The most the warm pool can be used: the observed peak of each hour against what is held then.
            double used = 0;
            double held = 0;
            for (Instant hour : p.hours()) {
                int level = found.levels()[WeeklyNeed.hourOfWeek(hour, p.zone())];
                used += Math.min(p.data().at("conc_" + p.fn().name(), hour), level);
                held += level;
            }
            double utilization = held == 0 ? 0 : used / held;
            double breakEven = pr.provisionedConcurrency() / (pr.onDemandDuration() - pr.durationWhileProvisioned());
            if (utilization < breakEven) {
                out.add(String.format(java.util.Locale.ROOT, "the warm pool would be used at most %.0f%% of the time it"
                        + " is held; PC costs less than on-demand only above %.0f%% (PriceTable: PC %.10f, on-demand"
                        + " %.10f, on PC %.10f USD per GB-second)", utilization * 100, breakEven * 100,
                        pr.provisionedConcurrency(), pr.onDemandDuration(), pr.durationWhileProvisioned()));
            }
        }));
        return out;
    }
}
