package com.medialake.lambda.capacity;

import com.google.gson.JsonObject;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** One entry of an export's MetricDataResults, read and checked field by field for {@link MetricData}. */
final class MetricResults {
    private MetricResults() {
    }

    static String status(JsonObject result) {
        var status = result.get("StatusCode");
        return status != null && status.isJsonPrimitive() ? status.getAsString() : "";
    }

    /** Reads one entry into {@code series}, parsing each timestamp once ({@code instants}); returns its id. */
    static String read(Path file, JsonObject result, Set<String> expectedIds, Map<String, Map<Instant, Double>> series,
                       Map<String, Instant> instants) {
        String id = string(result, "Id", file);
        String status = status(result);
        if (!status.equals("Complete") && !status.equals("PartialData")) {
            throw new MetricData.Unreadable(file + ": " + id + " has StatusCode " + (status.isEmpty() ? "(none)" : status)
                    + ", so its values cannot be trusted; export again");
        }
        if (!expectedIds.contains(id)) {
            throw new MetricData.Unreadable(file + ": the query id " + id + " is none of this stack's (conc_<function> and"
                    + " inv_<function> for " + String.join(", ", new java.util.TreeSet<>(expectedIds)) + "); was the"
                    + " export made for another stack or an older function table?");
        }
        var timestamps = result.get("Timestamps");
        var values = result.get("Values");
        if (timestamps == null || values == null || !timestamps.isJsonArray() || !values.isJsonArray()
                || timestamps.getAsJsonArray().size() != values.getAsJsonArray().size()) {
            throw new MetricData.Unreadable(file + ": " + id + " has no Timestamps and Values lists of the same length");
        }
        var points = series.computeIfAbsent(id, k -> new TreeMap<>());
        for (int i = 0; i < timestamps.getAsJsonArray().size(); i++) {
            Instant at;
            try {
                // Every query of an export has the same timestamps: each is parsed once.
                at = instants.computeIfAbsent(timestamps.getAsJsonArray().get(i).getAsString(),
                        text -> OffsetDateTime.parse(text).toInstant());
            } catch (RuntimeException e) {
                var text = timestamps.getAsJsonArray().get(i);
                boolean local = text.isJsonPrimitive() && isLocalTime(text.getAsString());
                throw new MetricData.Unreadable(file + ": " + id + " has a timestamp (Timestamps) " + (local
                        ? "without a UTC offset: " + text + " (the AWS CLI writes one, such as 2026-11-02T00:00:00+00:00)"
                        : "that is not ISO 8601 with an offset: " + text));
            }
            double value;
            try {
                value = values.getAsJsonArray().get(i).getAsDouble();
            } catch (RuntimeException e) {
                throw new MetricData.Unreadable(file + ": " + id + " has a value (Values) that is not a number: "
                        + values.getAsJsonArray().get(i));
            }
            if (!Double.isFinite(value) || value < 0) {
                throw new MetricData.Unreadable(file + ": " + id + " has a value (Values) that is not a count: " + value);
            }
            // The same period on two pages (overlapping exports): the larger value, as Maximum and Sum would.
            points.merge(at, value, Math::max);
        }
        return id;
    }

    private static String string(JsonObject o, String key, Path file) {
        if (!o.has(key) || !o.get(key).isJsonPrimitive()) {
            throw new MetricData.Unreadable(file + ": a result without \"" + key + "\"");
        }
        return o.get(key).getAsString();
    }

    private static boolean isLocalTime(String text) {
        try {
            java.time.LocalDateTime.parse(text);
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }
}
