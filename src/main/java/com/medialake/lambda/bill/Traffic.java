package com.medialake.lambda.bill;

import com.medialake.lambda.capacity.MetricData;
import com.medialake.lambda.capacity.MetricQueries;
import com.medialake.lambda.model.StackSettings;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Each function's invocations and duration a month, from the CloudWatch export bin/capacity reads (inv_ and dur_
 * per function, Invocations and Duration by their Sum), scaled from the export's span to a 730-hour month.
 *
 * @param invocationsPerMonth by function
 * @param durationSecondsPerMonth by function; empty for an export made before dur_ was part of the query
 */
public record Traffic(Map<String, Double> invocationsPerMonth, Optional<Map<String, Double>> durationSecondsPerMonth,
                      double spanDays) {

    /** @throws MetricData.Unreadable as bin/capacity refuses an export */
    public static Traffic read(List<Path> files, StackSettings settings) {
        var required = new HashSet<String>();
        var accepted = new HashSet<>(MetricQueries.ids(settings));
        accepted.addAll(MetricQueries.durationIds(settings));
        settings.functions().forEach(fn -> required.add("inv_" + fn.name()));
        var data = MetricData.read(files, required, accepted);
        double spanSeconds = java.time.Duration.between(data.first(), data.last()).toSeconds() + data.periodMinutes() * 60.0;
        double scale = 730 * 3600 / spanSeconds;
        var invocations = new TreeMap<String, Double>();
        var durations = new TreeMap<String, Double>();
        boolean withDuration = settings.functions().stream().allMatch(fn -> data.series().containsKey("dur_" + fn.name()));
        for (var fn : settings.functions()) {
            invocations.put(fn.name(), sum(data, "inv_" + fn.name()) * scale);
            if (withDuration) {
                // Duration's Sum is in milliseconds.
                durations.put(fn.name(), sum(data, "dur_" + fn.name()) / 1000 * scale);
            }
        }
        return new Traffic(invocations, withDuration ? Optional.of(durations) : Optional.empty(), spanSeconds / 86400);
    }

    private static double sum(MetricData data, String id) {
        return data.series().getOrDefault(id, Map.of()).values().stream().mapToDouble(Double::doubleValue).sum();
    }
}
