package com.medialake.lambda.capacity;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/** Writes pages as aws cloudwatch get-metric-data writes them: newest first, timestamps with an offset. */
public final class MetricPages {
    private static final DateTimeFormatter CLI_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssXXX")
            .withZone(ZoneOffset.ofHours(0));

    private MetricPages() {
    }

    /**
     * @param values per query id, the value of an hour, or null to leave the hour out (no traffic)
     * @param pages  how many files to split the hours into
     */
    public static List<Path> write(Path dir, List<String> ids, List<Instant> hours, BiFunction<String, Instant, Double> values,
                            int pages, Map<String, String> status) throws IOException {
        var files = new ArrayList<Path>();
        int perPage = (hours.size() + pages - 1) / pages;
        for (int p = 0; p < pages; p++) {
            var newestFirst = new ArrayList<>(hours.subList(Math.min(hours.size(), p * perPage),
                    Math.min(hours.size(), (p + 1) * perPage)));
            java.util.Collections.reverse(newestFirst);
            var results = new JsonArray();
            for (String id : ids) {
                var timestamps = new JsonArray();
                var series = new JsonArray();
                for (Instant hour : newestFirst) {
                    Double value = values.apply(id, hour);
                    if (value != null) {
                        timestamps.add(CLI_TIME.format(hour));
                        series.add(value);
                    }
                }
                var result = new JsonObject();
                result.addProperty("Id", id);
                result.addProperty("Label", id);
                result.add("Timestamps", timestamps);
                result.add("Values", series);
                result.addProperty("StatusCode", status.getOrDefault(id, "Complete"));
                results.add(result);
            }
            var doc = new JsonObject();
            doc.add("MetricDataResults", results);
            doc.add("Messages", new JsonArray());
            Path file = dir.resolve("page-" + (p + 1) + ".json");
            Files.writeString(file, doc.toString());
            files.add(file);
        }
        return files;
    }

    static List<Instant> hours(Instant from, int count) {
        var out = new ArrayList<Instant>();
        for (int i = 0; i < count; i++) {
            out.add(from.plusSeconds(3600L * i));
        }
        return out;
    }
}
