package com.medialake.lambda.tune;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.medialake.lambda.config.FunctionOverrides;
import com.medialake.lambda.config.StackFile;
import com.medialake.lambda.infra.Names;
import com.medialake.lambda.model.FunctionDefinition;
import com.medialake.lambda.model.FunctionProfile;
import com.medialake.lambda.model.FunctionTable;
import com.medialake.lambda.policy.PlanPolicies;
import com.medialake.lambda.preview.OfflineEngine;
import com.medialake.lambda.preview.OfflinePreview;
import com.medialake.lambda.preview.StackPlans;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * bin/tune on a generated Logs Insights export of us-east-1, with expectations computed by hand. The fleet is the
 * MediaLake table and two functions outside a VPC it does not have (every MediaLake function is in the VPC).
 */
class TuneCommandTest {
    static final FunctionTable TABLE = new FunctionTable(Stream.concat(FunctionTable.MEDIALAKE.rows().stream(), Stream.of(
            FunctionDefinition.of("thumbnails", FunctionProfile.BACKGROUND, "Thumbnails (no VPC)"),
            FunctionDefinition.of("reports", FunctionProfile.BACKGROUND, "Usage reports (no VPC)"))).toList());
    static final Instant START = Instant.parse("2026-11-23T00:00:00Z");
    static final int RECORDS = 1000;
    /** Seconds between records: 1,000 of them span 999 x 600 s. */
    static final int STEP = 600;

    /** One function's generated traffic: its memory, p99 memory used, every how many a cold start, and its init. */
    record Traffic(int memoryMb, int p99UsedMb, int coldEvery, double initMs, double durationMs) {
        List<ReportExports.Record> records(int count) {
            var out = new ArrayList<ReportExports.Record>();
            for (int i = 0; i < count; i++) {
                // 2% of the records at the p99 value, the rest a little under it: nearest-rank p99 is p99UsedMb.
                int used = i % 50 == 49 ? p99UsedMb : p99UsedMb - 1 - i % 7;
                var r = ReportExports.Record.warm(START.plusSeconds((long) i * STEP), durationMs, memoryMb, used);
                out.add(coldEvery > 0 && i % coldEvery == 0 ? r.cold(initMs) : r);
            }
            return out;
        }
    }

    static Map<String, Traffic> usEast1() {
        var t = new LinkedHashMap<String, Traffic>();
        t.put("collections_api", new Traffic(1024, 942, 200, 800, 200));   // 92% of memory, PC: cold 0.5%
        t.put("search_api", new Traffic(9000, 5400, 0, 0, 200));           // 60%
        t.put("assets_get", new Traffic(512, 154, 0, 0, 200));             // 30%, VPC with PC: 512 MB floor
        t.put("init_zip", new Traffic(512, 307, 50, 1400, 200));           // EFS, 1.4 s cold starts
        for (String fn : List.of("append_to_zip", "init_multipart", "upload_part", "complete_multipart")) {
            t.put(fn, new Traffic(1024, 614, 100, 600, 200));
        }
        t.put("thumbnails", new Traffic(2048, 614, 100, 300, 200));         // 30% outside a VPC
        t.put("reports", new Traffic(2048, 1229, 20, 2500, 200));           // 2.5 s cold starts, may have SnapStart
        return t;
    }

    static String logGroup(String stack, String function) {
        return Names.functionLogGroup(Names.function(stack, function));
    }

    static List<Path> export(Path dir, String stack, Map<String, Traffic> traffic) throws IOException {
        var files = new ArrayList<Path>();
        for (var e : traffic.entrySet()) {
            Path file = dir.resolve(e.getKey() + ".json");
            Files.writeString(file, ReportExports.of(logGroup(stack, e.getKey()), e.getValue().records(RECORDS), "Complete"));
            files.add(file);
        }
        return files;
    }

    static StackPlans.Cli tune(String... args) {
        return StackPlans.run((a, out, err) -> OfflinePreview.execute(TuneCommand.command(out, err).withTable(TABLE),
                a, out, err), args);
    }

    static String[] args(List<Path> files, String... options) {
        var all = new ArrayList<>(List.of("us-east-1", "--results"));
        files.forEach(f -> all.add(f.toString()));
        all.addAll(List.of(options));
        return all.toArray(String[]::new);
    }

    private static JsonObject function(JsonObject report, String name) {
        for (var f : report.getAsJsonArray("functions")) {
            if (f.getAsJsonObject().get("function").getAsString().equals(name)) {
                return f.getAsJsonObject();
            }
        }
        throw new AssertionError(name);
    }

    private static String advice(JsonObject fn) {
        return fn.getAsJsonArray("coldStartAdvice").toString();
    }

    @Test
    void sizesUsEast1ByTheStrategysRules(@TempDir Path dir) throws IOException {
        var cli = tune(args(export(dir, "us-east-1", usEast1()), "--json"));
        assertEquals("", cli.err());
        assertEquals(0, cli.status());
        var report = JsonParser.parseString(cli.out()).getAsJsonObject();

        // 942 of 1024 MB is 92%: the least 64 MB step with 942 at most 70% is ceil(942 / 0.7 / 64) x 64 = 1408.
        var collections = function(report, "collections_api");
        assertEquals(942, collections.getAsJsonObject("memoryUsedMb").get("p99").getAsInt());
        assertEquals(1408, collections.getAsJsonObject("changes").get("memoryMb").getAsInt());
        assertTrue(advice(collections).contains("PC keeps them within 1%"), advice(collections));
        assertEquals(5, collections.get("coldStarts").getAsInt());
        // 614 of 2048 MB outside a VPC is 30%: ceil(614 / 0.7 / 64) x 64 = 896.
        var thumbnails = function(report, "thumbnails");
        assertEquals(896, thumbnails.getAsJsonObject("changes").get("memoryMb").getAsInt());
        assertEquals("UNKNOWN", thumbnails.getAsJsonObject("cpu").get("verdict").getAsString());
        // 154 of 512 MB is 30%, but 512 MB is the floor of a VPC function (and of one with PC).
        var assets = function(report, "assets_get");
        assertEquals(new JsonObject(), assets.getAsJsonObject("changes"));
        assertTrue(assets.get("memory").getAsString().startsWith("keep 512 MB: p99 use 154 MB is 30% of 512 MB, under"
                + " 50%, but 512 MB is the strategy's floor for a VPC function"), assets.get("memory").getAsString());
        // EFS rules SnapStart out: PC advice, and nothing in the proposal.
        var initZip = function(report, "init_zip");
        assertEquals(1400.0, initZip.getAsJsonObject("initMs").get("p99").getAsDouble());
        assertTrue(advice(initZip).contains("[snapstart-with-efs]") && advice(initZip).contains("set provisionedConcurrency"
                + " and size it with bin/capacity us-east-1"), advice(initZip));
        assertEquals(new JsonObject(), initZip.getAsJsonObject("changes"));
        // 2.5 s cold starts, no VPC, no PC, python3.12 in us-east-1 (snapStartAllowed): SnapStart, published.
        var reports = function(report, "reports");
        assertTrue(advice(reports).contains("turn SnapStart on"), advice(reports));
        assertEquals(JsonParser.parseString("{\"snapStart\":true,\"publish\":true}"), reports.get("changes"));
        assertEquals(JsonParser.parseString("{\"collections_api\":{\"memoryMb\":1408},"
                + "\"reports\":{\"snapStart\":true,\"publish\":true},\"thumbnails\":{\"memoryMb\":896}}"),
                report.get("proposal"));

        // Monthly: billed GB-seconds of the records (200 ms each) scaled from their span (999 x 600 s) to 730 hours,
        // at aws-lambda-facts.md's us-east-1 prices; for collections_api the 5 cold ones on demand, the rest at the
        // price while provisioned, plus 2 PC instances of 1.375 GB instead of 1 GB.
        double scale = 730 * 3600.0 / (999 * STEP);
        double thumbnailsUsd = (896 - 2048) / 1024.0 * RECORDS * 0.2 * 0.0000166667 * scale;
        double collectionsUsd = (1408 - 1024) / 1024.0 * (995 * 0.2 * 0.0000097222 + 5 * 0.2 * 0.0000166667) * scale;
        BigDecimal pcHeld = cents(2 * 1.375 * 730 * 3600 * 0.0000041667).subtract(cents(2 * 1.0 * 730 * 3600 * 0.0000041667));
        assertEquals(cents(thumbnailsUsd), thumbnails.get("monthlyCostDeltaUsd").getAsBigDecimal());
        assertEquals(cents(collectionsUsd).add(pcHeld), collections.get("monthlyCostDeltaUsd").getAsBigDecimal());
        assertEquals(new BigDecimal("8.21"), pcHeld);
    }

    private static BigDecimal cents(double usd) {
        return BigDecimal.valueOf(usd).setScale(2, RoundingMode.HALF_UP);
    }

    @Test
    void theProposalPastedInPreviewsCleanly(@TempDir Path dir) throws IOException {
        var cli = tune(args(export(dir, "us-east-1", usEast1()), "--json"));
        var proposal = JsonParser.parseString(cli.out()).getAsJsonObject().getAsJsonObject("proposal");
        var config = StackFile.load("us-east-1", Path.of("Pulumi.us-east-1.yaml"));
        var functions = FunctionOverrides.of(config);
        proposal.entrySet().forEach(e -> FunctionOverrides.set(functions, e.getKey(), e.getValue().getAsJsonObject()));
        var plan = OfflineEngine.run(FunctionOverrides.parse(config, functions, TABLE));
        assertEquals(List.of(), PlanPolicies.evaluate(plan));
        assertEquals(1408, plan.ofType(com.medialake.lambda.plan.ResourceTypes.FUNCTION).stream()
                .filter(f -> f.name().equals("collections_api")).findFirst().orElseThrow().inputs().get("memorySize")
                .getAsInt());
        // The text report prints the same proposal as YAML to paste.
        var text = tune(args(export(dir, "us-east-1", usEast1()))).out();
        assertTrue(text.contains("""
                    collections_api:
                      memoryMb: 1408
                    reports:
                      snapStart: true
                      publish: true
                    thumbnails:
                      memoryMb: 896
                """), text);
    }

    @Test
    void aFunctionTheDataShowsCpuBoundKeepsItsMemory(@TempDir Path dir) throws IOException {
        var traffic = new LinkedHashMap<String, Traffic>();
        traffic.put("thumbnails", new Traffic(2048, 614, 100, 300, 200));
        Path file = dir.resolve("thumbnails.json");
        // The week before, at 1024 MB, p50 took 390 ms: 1.95x faster with 2x the memory (CPU-bound from 1.5x).
        var records = new ArrayList<>(new Traffic(1024, 600, 0, 0, 390).records(RECORDS));
        records.addAll(traffic.get("thumbnails").records(RECORDS).stream().map(r -> new ReportExports.Record(
                r.at().plusSeconds(RECORDS * STEP), r.durationMs(), r.billedMs(), r.memorySizeMb(), r.maxUsedMb(),
                r.initMs(), r.restoreMs())).toList());
        Files.writeString(file, ReportExports.of(logGroup("us-east-1", "thumbnails"), records, "Complete"));
        var report = JsonParser.parseString(tune(args(List.of(file), "--function", "thumbnails", "--json")).out())
                .getAsJsonObject();
        var thumbnails = function(report, "thumbnails");
        assertEquals("BOUND", thumbnails.getAsJsonObject("cpu").get("verdict").getAsString());
        assertEquals(new JsonObject(), thumbnails.getAsJsonObject("changes"));
        // At 210 ms instead, memory barely mattered: not CPU-bound, and the lower size is proposed.
        records = new ArrayList<>(new Traffic(1024, 600, 0, 0, 210).records(RECORDS));
        records.addAll(traffic.get("thumbnails").records(RECORDS).stream().map(r -> new ReportExports.Record(
                r.at().plusSeconds(RECORDS * STEP), r.durationMs(), r.billedMs(), r.memorySizeMb(), r.maxUsedMb(),
                r.initMs(), r.restoreMs())).toList());
        Files.writeString(file, ReportExports.of(logGroup("us-east-1", "thumbnails"), records, "Complete"));
        report = JsonParser.parseString(tune(args(List.of(file), "--function", "thumbnails", "--json")).out())
                .getAsJsonObject();
        thumbnails = function(report, "thumbnails");
        assertEquals("NOT_BOUND", thumbnails.getAsJsonObject("cpu").get("verdict").getAsString());
        assertEquals(896, thumbnails.getAsJsonObject("changes").get("memoryMb").getAsInt());
    }
}
