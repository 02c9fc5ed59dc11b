package com.medialake.lambda.tune;

import java.util.Arrays;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What one function's REPORT records say, at the memory size the stack gives it. Percentiles are nearest-rank: the
 * smallest recorded value with at least that share of the records at or below it, so every figure is one an
 * invocation really had.
 *
 * @param invocations    records at the configured memory size
 * @param coldStarts     of them, those that initialized or restored an environment
 * @param init           p50, p90, p99 of Init Duration (ms), if any invocation initialized
 * @param restore        p50, p90, p99 of Restore Duration (ms), if any restored a SnapStart snapshot
 * @param duration       p50, p99 of Duration (ms)
 * @param memoryUsed     p50, p99, max of Max Memory Used (MB)
 * @param billedSeconds  the sum of Billed Duration, in seconds
 * @param coldBilledSeconds of it, the cold invocations' (on a PC function: spillover, billed on demand)
 * @param spanSeconds    from the first record to the last
 * @param p50ByMemory    p50 Duration at every memory size in the records (an export spanning a memory change)
 */
public record FunctionStats(String function, int memoryMb, int invocations, int coldStarts,
                            Optional<Percentiles> init, Optional<Percentiles> restore, Percentiles duration,
                            Percentiles memoryUsed, double billedSeconds, double coldBilledSeconds, double spanSeconds,
                            SortedMap<Integer, Stat> p50ByMemory) {

    /** p50, p90 and p99 (and the maximum) of some values. */
    public record Percentiles(double p50, double p90, double p99, double max) {
        static Percentiles of(double[] values, int n) {
            var sorted = Arrays.copyOf(values, n);
            Arrays.sort(sorted);
            return new Percentiles(rank(sorted, 0.5), rank(sorted, 0.9), rank(sorted, 0.99), sorted[n - 1]);
        }

        private static double rank(double[] sorted, double share) {
            return sorted[Math.max(0, (int) Math.ceil(share * sorted.length) - 1)];
        }
    }

    /** p50 Duration at one memory size, and how many records it is of. */
    public record Stat(double p50DurationMs, int invocations) {
    }

    public double coldStartRate() {
        return invocations == 0 ? 0 : (double) coldStarts / invocations;
    }

    /** The p99 of what measures a cold start here: restore duration if any restored, else init duration. */
    public OptionalDouble coldStartP99() {
        return restore.or(() -> init).map(p -> OptionalDouble.of(p.p99())).orElse(OptionalDouble.empty());
    }

    /** The statistics of the records at {@code memoryMb}; p50 Duration of every size the records ran at. */
    public static FunctionStats of(String function, int memoryMb, ReportSeries series) {
        int n = series.size();
        var durations = new double[n];
        var used = new double[n];
        var init = new double[n];
        var restore = new double[n];
        int count = 0;
        int coldCount = 0;
        int inits = 0;
        int restores = 0;
        double billed = 0;
        double coldBilled = 0;
        var bySize = new TreeMap<Integer, double[]>();
        var countBySize = new TreeMap<Integer, Integer>();
        for (int i = 0; i < n; i++) {
            int size = series.memorySize(i);
            int k = countBySize.merge(size, 1, Integer::sum) - 1;
            var sizeDurations = bySize.computeIfAbsent(size, s -> new double[n]);
            sizeDurations[k] = series.duration(i);
            if (size != memoryMb) {
                continue;
            }
            durations[count] = series.duration(i);
            used[count] = series.maxUsed(i);
            billed += series.billed(i);
            boolean cold = false;
            if (!Double.isNaN(series.init(i))) {
                init[inits++] = series.init(i);
                cold = true;
            }
            if (!Double.isNaN(series.restore(i))) {
                restore[restores++] = series.restore(i);
                cold = true;
            }
            if (cold) {
                coldBilled += series.billed(i);
                coldCount++;
            }
            count++;
        }
        var p50ByMemory = new TreeMap<Integer, Stat>();
        bySize.forEach((size, values) -> p50ByMemory.put(size,
                new Stat(Percentiles.of(values, countBySize.get(size)).p50(), countBySize.get(size))));
        return new FunctionStats(function, memoryMb, count, coldCount,
                inits == 0 ? Optional.empty() : Optional.of(Percentiles.of(init, inits)),
                restores == 0 ? Optional.empty() : Optional.of(Percentiles.of(restore, restores)),
                count == 0 ? new Percentiles(0, 0, 0, 0) : Percentiles.of(durations, count),
                count == 0 ? new Percentiles(0, 0, 0, 0) : Percentiles.of(used, count),
                billed / 1000, coldBilled / 1000, series.spanSeconds(), p50ByMemory);
    }
}
