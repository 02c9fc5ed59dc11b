package com.medialake.lambda.capacity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.medialake.lambda.preview.StackPlans;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * README's four-week example of bin/capacity for eu-west-1, exported as the AWS CLI writes it by default (pages
 * followed and concatenated: each id twice, PartialData then Complete): the report README shows is what the
 * command prints; the proposal replayed as AWS runs it costs what the report says, and the stack previewed with
 * the proposal pasted in prints the same; the charts are written.
 */
class ReadmeCapacityExampleTest {
    private static final ZoneId DUBLIN = ZoneId.of("Europe/Dublin");
    private static final Instant START = Instant.parse("2026-11-02T00:00:00Z");
    private static final int HOURS = 28 * 24;

    @TempDir
    Path dir;

    /** Business hours 08:00-20:00 on weekdays (Dublin, GMT in November); search peaks at 3 from 10:00 to 16:00. */
    static double concurrency(String function, Instant hour) {
        var local = hour.atZone(DUBLIN);
        boolean busy = local.getDayOfWeek().getValue() <= 5 && local.getHour() >= 8 && local.getHour() < 20;
        return switch (function) {
            case "collections_api", "assets_get" -> busy ? 2 : 1;
            case "search_api" -> busy && local.getHour() >= 10 && local.getHour() < 16 ? 3 : busy ? 2 : 1;
            default -> local.getHour() == 3 ? 1 : 0;
        };
    }

    static double invocations(String function, Instant hour) {
        double c = concurrency(function, hour);
        return function.endsWith("_api") || function.equals("assets_get") ? (c >= 2 ? 3000 : 900) : c * 6;
    }

    /** The export as `aws cloudwatch get-metric-data` writes it with its default pagination. */
    static Path export(Path dir, List<String> functions) throws Exception {
        var results = new JsonArray();
        for (int page = 0; page < 2; page++) {
            // The first page holds the newest two weeks and says PartialData; the second the oldest, Complete.
            int from = page == 0 ? HOURS / 2 : 0;
            for (String fn : functions) {
                for (String kind : List.of("conc", "inv")) {
                    var timestamps = new JsonArray();
                    var values = new JsonArray();
                    for (int h = from + HOURS / 2 - 1; h >= from; h--) {
                        Instant hour = START.plusSeconds(3600L * h);
                        double v = kind.equals("conc") ? concurrency(fn, hour) : invocations(fn, hour);
                        if (v > 0) {
                            timestamps.add(hour.toString().replace("Z", "+00:00"));
                            values.add(v);
                        }
                    }
                    var result = new JsonObject();
                    result.addProperty("Id", kind + "_" + fn);
                    result.addProperty("Label", kind + "_" + fn);
                    result.add("Timestamps", timestamps);
                    result.add("Values", values);
                    result.addProperty("StatusCode", page == 0 ? "PartialData" : "Complete");
                    results.add(result);
                }
            }
        }
        var doc = new JsonObject();
        doc.add("MetricDataResults", results);
        doc.add("Messages", new JsonArray());
        Path file = dir.resolve("metrics.json");
        Files.writeString(file, doc.toString());
        return file;
    }

    private static List<String> functions() {
        return StackPlans.settings("eu-west-1").functions().stream().map(f -> f.name()).toList();
    }

    /** The text of README's block that follows the line holding {@code marker}. */
    private static String readmeBlock(String marker) throws Exception {
        var lines = Files.readAllLines(Path.of("README.md"));
        int at = 0;
        while (!lines.get(at).contains(marker)) {
            at++;
        }
        while (!lines.get(at).startsWith("```")) {
            at++;
        }
        var out = new StringBuilder();
        for (int i = at + 1; !lines.get(i).startsWith("```"); i++) {
            out.append(lines.get(i)).append('\n');
        }
        return out.toString();
    }

    @Test
    void readmeShowsWhatTheCommandPrints() throws Exception {
        Path metrics = export(dir, functions());
        var run = StackPlans.run(CapacityCommand::run, "eu-west-1", "--replay", "--metrics", metrics.toString());
        assertEquals(0, run.status(), run.err());
        Files.writeString(Path.of("target/capacity-example.txt"), run.out());
        assertEquals(readmeBlock("<!-- capacity example: ReadmeCapacityExampleTest -->"), run.out());
    }

    @Test
    void theReplayedProposalCostsWhatTheReportAndThePreviewSay() throws Exception {
        Path metrics = export(dir, functions());
        var json = StackPlans.run(CapacityCommand::run, "eu-west-1", "--replay", "--json", "--metrics",
                metrics.toString());
        assertEquals(0, json.status(), json.err());
        var doc = JsonParser.parseString(json.out()).getAsJsonObject();
        var replayed = java.math.BigDecimal.ZERO;
        for (var e : doc.getAsJsonObject("functions").entrySet()) {
            var f = e.getValue().getAsJsonObject();
            if (f.get("autoscaling").isJsonNull()) {
                continue;
            }
            var proposal = f.getAsJsonObject("replay").getAsJsonObject("proposal");
            assertEquals(f.get("monthlyUsd").getAsBigDecimal(), proposal.get("monthlyUsd").getAsBigDecimal(), e.getKey());
            assertEquals(0.0, proposal.get("spilloverInvocations").getAsDouble(), e.getKey());
            replayed = replayed.add(proposal.get("monthlyUsd").getAsBigDecimal());
        }
        assertEquals(doc.get("totalMonthlyUsd").getAsBigDecimal(), replayed);

        var text = StackPlans.run(CapacityCommand::run, "eu-west-1", "--metrics", metrics.toString());
        String pasted = text.out().substring(text.out().indexOf("# Paste under"));
        pasted = pasted.substring(pasted.indexOf('\n') + 1);
        Path stackFile = dir.resolve("Pulumi.eu-west-1.yaml");
        Files.writeString(stackFile, Files.readString(Path.of("Pulumi.eu-west-1.yaml"))
                .replaceAll("(?s)  medialake-lambda:functions:.*", "") + "  medialake-lambda:functions:\n" + pasted);
        var preview = StackPlans.preview("eu-west-1", "--config-file", stackFile.toString(), "--json");
        assertEquals(0, preview.status(), preview.err() + Files.readString(stackFile));
        var cost = JsonParser.parseString(preview.out()).getAsJsonObject().getAsJsonObject("cost");
        assertEquals(replayed, cost.get("provisionedConcurrencyMonthlyUsd").getAsBigDecimal());
    }

    static void copyTree(Path from, Path to) throws Exception {
        Files.createDirectories(to);
        try (var files = Files.list(from)) {
            for (Path f : files.toList()) {
                Files.copy(f, to.resolve(f.getFileName()), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }

    @Test
    void theChartsAreSvgOnePerFunction() throws Exception {
        Path metrics = export(dir, functions());
        Path charts = dir.resolve("charts");
        var run = StackPlans.run(CapacityCommand::run, "eu-west-1", "--metrics", metrics.toString(), "--plot",
                charts.toString());
        assertEquals(0, run.status(), run.err());
        copyTree(charts, Path.of("target/capacity-charts"));
        var written = new ArrayList<String>();
        try (var files = Files.list(charts)) {
            files.forEach(f -> written.add(f.getFileName().toString()));
        }
        assertEquals(functions().stream().map(f -> f + ".svg").sorted().toList(), written.stream().sorted().toList());
        var factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        var svg = factory.newDocumentBuilder().parse(charts.resolve("collections_api.svg").toFile());
        assertEquals("svg", svg.getDocumentElement().getTagName());
        String text = Files.readString(charts.resolve("collections_api.svg"));
        assertTrue(text.contains("PC proposed (replayed)") && text.contains("PC today (replayed)"), "the legend");
    }
}
