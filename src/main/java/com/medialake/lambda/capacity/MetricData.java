package com.medialake.lambda.capacity;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * What {@code aws cloudwatch get-metric-data} wrote, one or more pages: per query id, hourly values by the
 * hour they start. The CLI writes {@code {"MetricDataResults": [{"Id", "Label", "Timestamps", "Values",
 * "StatusCode"}], "Messages": [...]}} with timestamps in ISO 8601 (with offsets), newest first; a long
 * export is several pages (NextToken), each saved as a file. Anything that would make a guess of the data
 * is refused with what to do.
 *
 * @param series  per query id, the value of each hour that has one
 * @param first   the first hour of the data
 * @param last    the last hour of the data
 */
public record MetricData(Map<String, Map<Instant, Double>> series, Instant first, Instant last) {
    /** Fewer days of data than this say too little about a week. */
    public static final int MIN_DAYS = 7;

    /** A file that cannot be read as the export, said so the reader can fix it. */
    public static final class Unreadable extends RuntimeException {
        public Unreadable(String message) {
            super(message);
        }
    }

    /** Reads the pages; {@code expectedIds} are the query ids of the stack (conc_* and inv_* per function). */
    public static MetricData read(List<Path> pages, Set<String> expectedIds) {
        var series = new TreeMap<String, Map<Instant, Double>>();
        for (Path page : pages) {
            JsonObject document;
            try {
                JsonElement parsed = JsonParser.parseString(Files.readString(page));
                if (!parsed.isJsonObject() || !parsed.getAsJsonObject().has("MetricDataResults")) {
                    throw new Unreadable(page + " is not what aws cloudwatch get-metric-data writes (no"
                            + " \"MetricDataResults\"); export with the command capacity --print-query shows");
                }
                document = parsed.getAsJsonObject();
            } catch (IOException e) {
                throw new Unreadable("cannot read " + page + ": " + e.getMessage());
            } catch (RuntimeException e) {
                if (e instanceof Unreadable u) {
                    throw u;
                }
                throw new Unreadable(page + " is not JSON; save the output of aws cloudwatch get-metric-data as it is");
            }
            for (JsonElement element : document.getAsJsonArray("MetricDataResults")) {
                readResult(page, element.getAsJsonObject(), expectedIds, series);
            }
        }
        var missing = expectedIds.stream().filter(id -> !series.containsKey(id) || series.get(id).isEmpty())
                .sorted().toList();
        if (!missing.isEmpty()) {
            throw new Unreadable("no data for " + String.join(", ", missing) + ": a function without data cannot be"
                    + " sized (was it invoked in the period, under its physical name?); export a period it ran in,"
                    + " or all pages of the export");
        }
        Instant first = series.values().stream().flatMap(s -> s.keySet().stream()).min(Instant::compareTo).orElseThrow();
        Instant last = series.values().stream().flatMap(s -> s.keySet().stream()).max(Instant::compareTo).orElseThrow();
        long days = Duration.between(first, last.plus(1, ChronoUnit.HOURS)).toDays();
        if (days < MIN_DAYS) {
            throw new Unreadable("the data covers " + days + " day" + (days == 1 ? "" : "s") + " (" + first + " to "
                    + last + "): fewer than " + MIN_DAYS + " say nothing about a whole week; export several weeks"
                    + " (--start-time four weeks back)");
        }
        var frozen = new TreeMap<String, Map<Instant, Double>>();
        series.forEach((id, values) -> frozen.put(id, Collections.unmodifiableMap(values)));
        return new MetricData(Collections.unmodifiableMap(frozen), first, last);
    }

    private static void readResult(Path page, JsonObject result, Set<String> expectedIds,
                                   Map<String, Map<Instant, Double>> series) {
        String id = string(result, "Id", page);
        String status = result.has("StatusCode") ? result.get("StatusCode").getAsString() : "";
        if (!status.equals("Complete")) {
            throw new Unreadable(page + ": " + id + " has StatusCode " + (status.isEmpty() ? "(none)" : status)
                    + ", so its values are incomplete; export again (all pages, following NextToken) until every"
                    + " result is Complete");
        }
        if (!expectedIds.contains(id)) {
            throw new Unreadable(page + ": the query id " + id + " is none of this stack's (conc_<function> and"
                    + " inv_<function> for " + String.join(", ", new java.util.TreeSet<>(expectedIds)) + "); was the"
                    + " export made for another stack or an older function table?");
        }
        var timestamps = result.getAsJsonArray("Timestamps");
        var values = result.getAsJsonArray("Values");
        if (timestamps == null || values == null || timestamps.size() != values.size()) {
            throw new Unreadable(page + ": " + id + " has no Timestamps and Values of the same length");
        }
        var hours = series.computeIfAbsent(id, k -> new TreeMap<>());
        for (int i = 0; i < timestamps.size(); i++) {
            Instant at;
            try {
                at = OffsetDateTime.parse(timestamps.get(i).getAsString()).toInstant();
            } catch (DateTimeParseException e) {
                throw new Unreadable(page + ": " + id + " has a timestamp that is not ISO 8601: "
                        + timestamps.get(i).getAsString());
            }
            double value = values.get(i).getAsDouble();
            if (!Double.isFinite(value) || value < 0) {
                throw new Unreadable(page + ": " + id + " has a value that is not a count: " + value);
            }
            // The same hour on two pages (overlapping exports): the larger value, as Maximum and Sum would.
            hours.merge(at.truncatedTo(ChronoUnit.HOURS), value, Math::max);
        }
    }

    private static String string(JsonObject o, String key, Path page) {
        if (!o.has(key) || !o.get(key).isJsonPrimitive()) {
            throw new Unreadable(page + ": a result without \"" + key + "\"");
        }
        return o.get(key).getAsString();
    }

    /** Every hour of the data, first to last; an hour without a value had no traffic. */
    public List<Instant> hours() {
        var out = new ArrayList<Instant>();
        for (Instant t = first; !t.isAfter(last); t = t.plus(1, ChronoUnit.HOURS)) {
            out.add(t);
        }
        return out;
    }

    /** The value of an hour, 0 where the export has none (CloudWatch leaves out hours without traffic). */
    public double at(String id, Instant hour) {
        return series.getOrDefault(id, Map.of()).getOrDefault(hour, 0.0);
    }
}
