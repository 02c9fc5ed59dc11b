package com.medialake.lambda.bench;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.medialake.lambda.config.SettingsParser;
import com.medialake.lambda.config.StackFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Random;

/**
 * Writes the exports bench/run.sh gives bin/capacity for eu-west-1's eight functions, as the AWS CLI writes them
 * (one document, newest first, offsets on the timestamps): a year of hourly data, and 15 days of 1-minute data
 * (the most CloudWatch keeps at that period). Business hours in Dublin, night traffic, and seeded random bursts,
 * so the replay has work to do. Not a unit test.
 *
 * <pre>CapacityExports DIR</pre>
 */
public final class CapacityExports {
    private static final ZoneId DUBLIN = ZoneId.of("Europe/Dublin");

    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args[0]);
        Files.createDirectories(dir);
        var functions = SettingsParser.parse(StackFile.load("eu-west-1", Path.of("Pulumi.eu-west-1.yaml")))
                .functions().stream().map(f -> f.name()).toList();
        write(dir.resolve("year-hourly.json"), functions, Instant.parse("2025-12-01T00:00:00Z"), 365 * 24, 60);
        write(dir.resolve("fifteen-days-minutely.json"), functions, Instant.parse("2026-11-16T00:00:00Z"),
                15 * 24 * 60, 1);
    }

    static void write(Path file, java.util.List<String> functions, Instant start, int periods, int periodMinutes)
            throws IOException {
        var results = new JsonArray();
        var random = new Random(42);
        for (String fn : functions) {
            var conc = new JsonArray();
            var inv = new JsonArray();
            var timestamps = new JsonArray();
            for (int p = periods - 1; p >= 0; p--) {
                Instant at = start.plusSeconds(60L * periodMinutes * p);
                var local = at.atZone(DUBLIN);
                boolean busy = local.getDayOfWeek().getValue() <= 5 && local.getHour() >= 8 && local.getHour() < 20;
                double c = (busy ? 2 : 1) + (random.nextInt(100) == 0 ? 3 : 0);
                timestamps.add(at.toString().replace("Z", "+00:00"));
                conc.add(c);
                inv.add(c * 25 * periodMinutes);
            }
            results.add(result("conc_" + fn, timestamps, conc));
            results.add(result("inv_" + fn, timestamps, inv));
        }
        var doc = new JsonObject();
        doc.add("MetricDataResults", results);
        doc.add("Messages", new JsonArray());
        Files.writeString(file, doc.toString());
    }

    private static JsonObject result(String id, JsonArray timestamps, JsonArray values) {
        var o = new JsonObject();
        o.addProperty("Id", id);
        o.addProperty("Label", id);
        o.add("Timestamps", timestamps);
        o.add("Values", values);
        o.addProperty("StatusCode", "Complete");
        return o;
    }
}
