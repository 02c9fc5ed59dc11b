package com.medialake.lambda.tune;

import com.google.gson.JsonObject;
import com.medialake.lambda.config.ConfigSource;
import com.medialake.lambda.config.FunctionOverrides;
import com.medialake.lambda.config.InvalidConfigException;
import com.medialake.lambda.cost.CostModel;
import com.medialake.lambda.cost.Price;
import com.medialake.lambda.cost.PriceTable;
import com.medialake.lambda.cost.Usd;
import com.medialake.lambda.json.Json;
import com.medialake.lambda.model.FunctionSettings;
import com.medialake.lambda.model.FunctionTable;
import com.medialake.lambda.model.StackSettings;
import com.medialake.lambda.rules.PerformanceTargets;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A stack's functions sized from their REPORT records by the strategy's rules (rules.PerformanceTargets): memory
 * raised or lowered, cold starts held against the targets with the strategy's decision matrix (SnapStart where AWS and
 * the stack allow it, else provisioned concurrency), and what the memory changes cost a month. The proposal is
 * parsed as the stack file would be with it pasted in, and only printed if it would be accepted.
 */
public final class Tuning {
    /** Fewer invocations than this, and p99 is one of the few largest values: too few to size from. */
    public static final int MIN_INVOCATIONS = 100;

    /** Whether the function's duration follows its CPU, which Lambda allocates in proportion to memory. */
    public enum Cpu { BOUND, NOT_BOUND, UNKNOWN }

    public record CpuJudgement(Cpu verdict, String reason) {
    }

    /**
     * @param changes          the keys to set under functions.NAME (memoryMb, snapStart, publish), empty to keep all
     * @param monthlyCostDelta what the memory change adds a month (negative: saves), empty without a price
     */
    public record FunctionTuning(FunctionSettings settings, FunctionStats stats, CpuJudgement cpu, String memory,
                                 List<String> coldStarts, JsonObject changes, Optional<BigDecimal> monthlyCostDelta) {
    }

    public record Result(String stack, String region, String first, String last, List<FunctionTuning> functions,
                         JsonObject proposal, Optional<BigDecimal> monthlyCostDelta) {
    }

    private Tuning() {
    }

    /**
     * @param only the functions to size, all of the stack's when empty
     * @throws ReportRecords.Unreadable when a function has no records, or too few at its configured memory
     *                                  or when the proposal would be refused as a stack file
     */
    public static Result tune(ConfigSource config, StackSettings settings, FunctionTable table,
                              Map<String, ReportSeries> records, List<String> only) {
        var problems = new ArrayList<String>();
        var stats = new TreeMap<String, FunctionStats>();
        for (FunctionSettings fn : settings.functions()) {
            if (!only.isEmpty() && !only.contains(fn.name())) {
                continue;
            }
            var series = records.get(fn.name());
            if (series == null) {
                problems.add(fn.name() + ": no REPORT records in the files; export its log group (--print-query), or"
                        + " leave it out with --function for each function to size");
                continue;
            }
            var s = FunctionStats.of(fn.name(), fn.memoryMb(), series);
            if (s.invocations() < MIN_INVOCATIONS) {
                problems.add(fn.name() + ": " + s.invocations() + " invocations at its " + fn.memoryMb() + " MB"
                        + (series.size() > s.invocations() ? " (" + series.size() + " in all: the others ran at another"
                        + " memory size, before a deploy)" : "") + ", fewer than the " + MIN_INVOCATIONS + " a p99 needs;"
                        + " export a longer window");
                continue;
            }
            stats.put(fn.name(), s);
        }
        if (!problems.isEmpty()) {
            throw new ReportRecords.Unreadable(String.join("\n", problems));
        }
        var functions = FunctionOverrides.of(config);
        var drafts = new TreeMap<String, JsonObject>();
        var memoryText = new TreeMap<String, String>();
        var cpu = new TreeMap<String, CpuJudgement>();
        var coldText = new TreeMap<String, List<String>>();
        for (var s : stats.values()) {
            var fn = function(settings, s.function());
            var changes = new JsonObject();
            cpu.put(fn.name(), cpuJudgement(s));
            var proposed = PerformanceTargets.proposedMemoryMb(fn, s.memoryUsed().p99(),
                    cpu.get(fn.name()).verdict() == Cpu.BOUND);
            proposed.ifPresent(mb -> changes.addProperty("memoryMb", mb));
            memoryText.put(fn.name(), MemoryAdvice.text(fn, s, proposed, cpu.get(fn.name())));
            coldText.put(fn.name(), coldStarts(config, settings, table, fn, s, changes));
            drafts.put(fn.name(), changes);
        }
        var proposal = new JsonObject();
        drafts.forEach((name, changes) -> {
            if (changes.size() > 0) {
                FunctionOverrides.set(functions, name, changes);
                proposal.add(name, changes);
            }
        });
        StackSettings proposedSettings;
        try {
            proposedSettings = FunctionOverrides.parse(config, functions, table);
        } catch (InvalidConfigException e) {
            throw new ReportRecords.Unreadable("the proposal would be refused as the stack file, so it is not printed: "
                    + e.getMessage());
        }
        var before = CostModel.of(settings);
        var after = CostModel.of(proposedSettings);
        var tunings = new ArrayList<FunctionTuning>();
        BigDecimal total = Usd.ZERO;
        boolean priced = true;
        String first = null;
        String last = null;
        for (var s : stats.values()) {
            var fn = function(settings, s.function());
            var changed = function(proposedSettings, s.function());
            var delta = costDelta(settings.region(), fn, changed, s, before, after);
            priced &= delta.isPresent();
            total = total.add(delta.orElse(BigDecimal.ZERO));
            tunings.add(new FunctionTuning(fn, s, cpu.get(fn.name()), memoryText.get(fn.name()), coldText.get(fn.name()),
                    drafts.get(fn.name()), delta));
            var series = records.get(fn.name());
            first = first == null || series.first().compareTo(first) < 0 ? series.first() : first;
            last = last == null || series.last().compareTo(last) > 0 ? series.last() : last;
        }
        return new Result(settings.stack(), settings.region(), first, last, tunings, proposal,
                priced ? Optional.of(total) : Optional.empty());
    }

    private static FunctionSettings function(StackSettings settings, String name) {
        return settings.functions().stream().filter(f -> f.name().equals(name)).findFirst().orElseThrow();
    }

    /**
     * Judged from the data only where it can show it: records at another memory size (an export spanning a memory
     * change). Lambda allocates CPU in proportion to memory, so a CPU-bound function's duration falls about as its
     * memory rises; one whose p50 duration moved less than half of that proportion is not CPU-bound.
     */
    static CpuJudgement cpuJudgement(FunctionStats s) {
        var here = s.p50ByMemory().get(s.memoryMb());
        var other = s.p50ByMemory().entrySet().stream()
                .filter(e -> e.getKey() != s.memoryMb() && e.getValue().invocations() >= MIN_INVOCATIONS)
                .min(java.util.Comparator.comparingInt(e -> Math.abs(e.getKey() - s.memoryMb())));
        if (other.isEmpty() || here == null) {
            return new CpuJudgement(Cpu.UNKNOWN, "the records ran at one memory size, so they cannot show whether the"
                    + " duration depends on CPU");
        }
        int low = Math.min(s.memoryMb(), other.get().getKey());
        int high = Math.max(s.memoryMb(), other.get().getKey());
        double atLow = low == s.memoryMb() ? here.p50DurationMs() : other.get().getValue().p50DurationMs();
        double atHigh = high == s.memoryMb() ? here.p50DurationMs() : other.get().getValue().p50DurationMs();
        double ratio = (double) high / low;
        double speedup = atHigh == 0 ? 1 : atLow / atHigh;
        boolean bound = speedup >= 1 + (ratio - 1) / 2;
        String reason = String.format(Locale.ROOT, "p50 duration %.1f ms at %d MB and %.1f ms at %d MB: %.2fx faster"
                + " with %.2fx the memory (CPU-bound from %.2fx)", atLow, low, atHigh, high, speedup, ratio,
                1 + (ratio - 1) / 2);
        return new CpuJudgement(bound ? Cpu.BOUND : Cpu.NOT_BOUND, reason);
    }

    /** Cold starts against the strategy's targets, with its decision matrix; may add snapStart to the changes. */
    private static List<String> coldStarts(ConfigSource config, StackSettings settings, FunctionTable table,
                                           FunctionSettings fn, FunctionStats s, JsonObject changes) {
        var out = new ArrayList<String>();
        String rate = String.format(Locale.ROOT, "%d cold starts in %d invocations (%.2f%%)", s.coldStarts(),
                s.invocations(), 100 * s.coldStartRate());
        var p99 = s.coldStartP99();
        String measured = p99.isEmpty() ? "" : String.format(Locale.ROOT, ", p99 %s %.0f ms", s.restore().isPresent()
                ? "restore" : "init", p99.getAsDouble());
        if (fn.hasProvisionedConcurrency()) {
            if (s.coldStartRate() > PerformanceTargets.PC_COLD_START_RATE) {
                out.add(rate + measured + ": more than " + (int) (PerformanceTargets.PC_COLD_START_RATE * 100) + "% of its"
                        + " callers missed the warm pool (spillover); size PC from traffic with bin/capacity "
                        + settings.stack() + " --metrics FILE...");
            } else {
                out.add(rate + measured + ": PC keeps them within " + (int) (PerformanceTargets.PC_COLD_START_RATE * 100)
                        + "%");
            }
            return out;
        }
        if (p99.isEmpty() || p99.getAsDouble() <= PerformanceTargets.COLD_START_MS) {
            out.add(rate + measured + ": within the strategy's " + (int) PerformanceTargets.COLD_START_MS + " ms");
            return out;
        }
        String above = rate + measured + ", above the strategy's " + (int) PerformanceTargets.COLD_START_MS + " ms";
        if (fn.snapStart()) {
            out.add(above + " even with SnapStart: load less at init, or trade SnapStart for provisioned concurrency"
                    + " (not both: AWS refuses the pair) sized with bin/capacity");
            return out;
        }
        var refusals = snapStartRefusals(config, table, fn);
        if (refusals.isEmpty()) {
            changes.addProperty("snapStart", true);
            if (!fn.publish()) {
                changes.addProperty("publish", true);
            }
            out.add(above + ": turn SnapStart on (proposed below; the strategy's matrix: SnapStart for background and"
                    + " cost-sensitive functions). Python pays SnapStart's snapshot cache and restore charges, not priced"
                    + " here");
        } else {
            out.add(above + ": SnapStart is not possible here (" + String.join("; ", refusals) + "), so keep instances"
                    + " warm: set provisionedConcurrency and size it with bin/capacity " + settings.stack()
                    + " --metrics FILE...");
        }
        return out;
    }

    /** Why the stack would refuse SnapStart on this function: empty where AWS and the stack allow it. */
    private static List<String> snapStartRefusals(ConfigSource config, FunctionTable table, FunctionSettings fn) {
        var functions = FunctionOverrides.of(config);
        var snapStart = Json.object("snapStart", true, "publish", true);
        FunctionOverrides.set(functions, fn.name(), snapStart);
        try {
            FunctionOverrides.parse(config, functions, table);
            return List.of();
        } catch (InvalidConfigException e) {
            return e.problems().stream().filter(p -> fn.name().equals(p.function())).map(p -> "[" + p.id() + "] "
                    + p.message()).toList();
        }
    }

    /**
     * What the memory change adds a month at the invocations and durations of the records, scaled from their span to
     * a 730-hour month, duration assumed unchanged: billed GB-seconds at the on-demand price, or on a PC function
     * at the price while provisioned (its cold, spillover invocations on demand), plus the PC held (CostModel).
     */
    static Optional<BigDecimal> costDelta(String region, FunctionSettings before, FunctionSettings after,
                                          FunctionStats s, CostModel.StackCost costBefore, CostModel.StackCost costAfter) {
        var price = PriceTable.price(region, before.architecture());
        if (price.isEmpty() || s.spanSeconds() <= 0) {
            return Optional.empty();
        }
        Price p = price.get();
        double gbChange = (after.memoryMb() - before.memoryMb()) / 1024.0;
        double warm = s.billedSeconds() - s.coldBilledSeconds();
        double perGbSecond = before.hasProvisionedConcurrency()
                ? warm * p.durationWhileProvisioned() + s.coldBilledSeconds() * p.onDemandDuration()
                : s.billedSeconds() * p.onDemandDuration();
        double monthly = gbChange * perGbSecond * CostModel.HOURS_PER_MONTH * 3600 / s.spanSeconds();
        var pc = costAfter.monthlyUsd(after.name()).subtract(costBefore.monthlyUsd(before.name()));
        return Optional.of(Usd.cents(monthly).add(pc));
    }

}
