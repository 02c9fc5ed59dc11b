package com.medialake.lambda.capacity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonParser;
import com.medialake.lambda.config.SettingsParser;
import com.medialake.lambda.config.StackFile;
import com.medialake.lambda.model.FunctionTable;
import com.medialake.lambda.preview.OfflinePreview;
import com.medialake.lambda.preview.StackPlans;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The proof: four weeks of a business-hours profile (2 concurrent 08:00-20:00 Europe/Dublin on weekdays, 1
 * otherwise) for the three PC functions of us-east-1 give the proposal worked out by hand; replayed as AWS runs
 * it the proposal costs what the report and the preview say, with no spillover; and previewing the stack with it
 * pasted in prints the same cost.
 */
class CapacitySizingTest {
    private static final Set<String> PC = Set.of("collections_api", "search_api", "assets_get");
    private static final ZoneId DUBLIN = ZoneId.of("Europe/Dublin");

    @TempDir
    Path dir;

    private List<Path> businessHours(List<String> ids) throws Exception {
        // Four weeks from Monday 2026-11-02 00:00 Dublin (GMT in November).
        var hours = MetricPages.hours(Instant.parse("2026-11-02T00:00:00Z"), 28 * 24);
        return MetricPages.write(dir, ids, hours, (id, hour) -> {
            String fn = id.substring(id.indexOf('_') + 1);
            var local = hour.atZone(DUBLIN);
            boolean busy = local.getDayOfWeek().getValue() <= 5 && local.getHour() >= 8 && local.getHour() < 20;
            Double quiet = local.getHour() == 3 ? Double.valueOf(id.startsWith("conc_") ? 1 : 6) : null;
            if (!PC.contains(fn)) {
                return quiet;
            }
            return id.startsWith("conc_") ? (busy ? 2.0 : 1.0) : (busy ? 3000.0 : 900.0);
        }, 2, Map.of());
    }

    private static StackPlans.Cli capacity(String... args) {
        return StackPlans.run(CapacityCommand::run, args);
    }

    private static List<String> ids() {
        var settings = StackPlans.settings("us-east-1");
        return MetricQueries.ids(settings);
    }

    @Test
    void theQueryAsksForEachFunctionsPeakConcurrencyInvocationsAndDurationByHour() {
        var run = capacity("us-east-1", "--print-query");
        assertEquals(0, run.status(), run.err());
        var queries = JsonParser.parseString(run.out()).getAsJsonArray();
        // concurrency, invocations and duration (for the preview's bill), for each function of the table
        assertEquals(3 * FunctionTable.MEDIALAKE.rows().size(), queries.size());
        var duration = queries.get(2).getAsJsonObject();
        assertEquals("dur_append_to_zip", duration.get("Id").getAsString());
        assertEquals("Duration", duration.getAsJsonObject("MetricStat").getAsJsonObject("Metric").get("MetricName")
                .getAsString());
        assertEquals("Sum", duration.getAsJsonObject("MetricStat").get("Stat").getAsString());
        var first = queries.get(0).getAsJsonObject();
        assertEquals("conc_append_to_zip", first.get("Id").getAsString());
        var stat = first.getAsJsonObject("MetricStat");
        assertEquals(3600, stat.get("Period").getAsInt());
        assertEquals("Maximum", stat.get("Stat").getAsString());
        assertEquals("ConcurrentExecutions", stat.getAsJsonObject("Metric").get("MetricName").getAsString());
        assertEquals("medialake-us-east-1-append_to_zip", stat.getAsJsonObject("Metric").getAsJsonArray("Dimensions")
                .get(0).getAsJsonObject().get("Value").getAsString());
        assertEquals("Sum", queries.get(1).getAsJsonObject().getAsJsonObject("MetricStat").get("Stat").getAsString());
    }

    @Test
    void aBusinessHoursProfileGivesTheProposalWorkedOutByHand() throws Exception {
        var pages = businessHours(ids());
        var args = new ArrayList<>(List.of("us-east-1", "--timezone", "Europe/Dublin", "--json", "--metrics"));
        pages.forEach(p -> args.add(p.toString()));
        var run = capacity(args.toArray(String[]::new));
        assertEquals(0, run.status(), run.err());
        var doc = JsonParser.parseString(run.out()).getAsJsonObject();
        assertEquals("Europe/Dublin", doc.get("timezone").getAsString());
        for (String fn : PC) {
            var f = doc.getAsJsonObject("functions").getAsJsonObject(fn);
            // The need: 2 concurrent in business hours, 1 otherwise.
            assertEquals(168, f.getAsJsonArray("hourlyLevels").size());
            assertEquals(2, f.getAsJsonArray("hourlyLevels").get(8).getAsInt(), "Monday 08:00");
            assertEquals(1, f.getAsJsonArray("hourlyLevels").get(20).getAsInt(), "Monday 20:00");
            // Held at 70% utilization, as target tracking would scale them: ceil(2 / 0.7) = 3 and ceil(1 / 0.7) = 2.
            // 12 h x 5 weekdays x 3 instances + the other 108 hours x 2.
            assertEquals(396, f.get("instanceHoursPerWeek").getAsInt(), fn);
            assertEquals(3, f.get("provisionedConcurrency").getAsInt(), "a new version starts at the highest floor");
            var autoscaling = f.getAsJsonObject("autoscaling");
            assertEquals(2, autoscaling.get("min").getAsInt());
            assertEquals(5, autoscaling.get("max").getAsInt(), "room above 3 at 70% target utilization");
            assertEquals(0.7, autoscaling.get("targetUtilization").getAsDouble());
            var schedules = autoscaling.getAsJsonArray("schedules");
            assertEquals(2, schedules.size());
            assertEquals("0 8 ? * MON-FRI *", schedules.get(0).getAsJsonObject().get("cron").getAsString());
            assertEquals(3, schedules.get(0).getAsJsonObject().get("min").getAsInt());
            assertEquals("0 20 ? * MON-FRI *", schedules.get(1).getAsJsonObject().get("cron").getAsString());
            assertEquals(2, schedules.get(1).getAsJsonObject().get("min").getAsInt());
            // 396 of 504 instance-hours: 78.6% of holding the peak of 2 at 70% (3 instances) always on.
            var ratio = f.get("monthlyUsd").getAsBigDecimal()
                    .divide(f.get("alwaysOnPeakMonthlyUsd").getAsBigDecimal(), 3, RoundingMode.HALF_UP);
            assertEquals(new BigDecimal("0.786"), ratio, fn);
            assertEquals(0, f.get("hoursAboveCurrentPc").getAsInt(), "today's 2 always cover a peak of 2");
        }
        var quiet = doc.getAsJsonObject("functions").getAsJsonObject("init_zip");
        assertTrue(quiet.get("autoscaling").isJsonNull(), "no PC for a function called 6 times a day");
        assertTrue(quiet.getAsJsonArray("advice").get(0).getAsString().contains("PC is not worth it"));
    }

    @Test
    void previewingTheStackWithTheProposalPastedInPrintsTheSameCost() throws Exception {
        var pages = businessHours(ids());
        var args = new ArrayList<>(List.of("us-east-1", "--timezone", "Europe/Dublin", "--metrics"));
        pages.forEach(p -> args.add(p.toString()));
        var text = capacity(args.toArray(String[]::new));
        assertEquals(0, text.status(), text.err());
        var json = capacity(new ArrayList<>(args) {{ add("--json"); }}.toArray(String[]::new));
        var proposed = JsonParser.parseString(json.out()).getAsJsonObject().get("totalMonthlyUsd").getAsBigDecimal();

        String pasted = text.out().substring(text.out().indexOf("# Paste under"));
        pasted = pasted.substring(pasted.indexOf('\n') + 1);
        Path stackFile = dir.resolve("Pulumi.us-east-1.yaml");
        Files.writeString(stackFile, "config:\n  aws:region: us-east-1\n  medialake-lambda:functions:\n" + pasted);
        var out = new ByteArrayOutputStream();
        var err = new ByteArrayOutputStream();
        int status = OfflinePreview.run(new String[] {"us-east-1", "--config-file", stackFile.toString(), "--json"},
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        assertEquals(0, status, err.toString(StandardCharsets.UTF_8) + "\n" + Files.readString(stackFile));
        var cost = JsonParser.parseString(out.toString(StandardCharsets.UTF_8)).getAsJsonObject().getAsJsonObject("cost");
        assertEquals(proposed, cost.get("provisionedConcurrencyMonthlyUsd").getAsBigDecimal());
    }

    @Test
    void aProposalTheStackFileWouldRefuseIsNotPrinted() throws Exception {
        // eu-west-2 asserts a quota of 400; a profile of 200 instances for search_api cannot fit twice over.
        var settings = SettingsParser.parse(StackFile.load("eu-west-2", Path.of("Pulumi.eu-west-2.yaml")));
        var hours = MetricPages.hours(Instant.parse("2026-11-02T00:00:00Z"), 14 * 24);
        var pages = MetricPages.write(dir, MetricQueries.ids(settings), hours,
                (id, h) -> id.equals("conc_search_api") ? 200.0 : id.startsWith("inv_") ? 6000.0 : 1.0, 1, Map.of());
        var args = new ArrayList<>(List.of("eu-west-2", "--metrics"));
        pages.forEach(p -> args.add(p.toString()));
        var run = capacity(args.toArray(String[]::new));
        assertEquals(CapacityCommand.EXIT_UNUSABLE, run.status());
        assertEquals("", run.out());
        assertTrue(run.err().contains("concurrency.accountLimit"), run.err());
    }

    @Test
    void theProposalReplayedAsAwsRunsItCostsWhatTheReportAndThePreviewSay() throws Exception {
        var pages = businessHours(ids());
        var args = new ArrayList<>(List.of("us-east-1", "--timezone", "Europe/Dublin", "--replay", "--json",
                "--metrics"));
        pages.forEach(p -> args.add(p.toString()));
        var run = capacity(args.toArray(String[]::new));
        assertEquals(0, run.status(), run.err());
        var functions = JsonParser.parseString(run.out()).getAsJsonObject().getAsJsonObject("functions");
        for (String fn : PC) {
            var f = functions.getAsJsonObject(fn);
            var proposal = f.getAsJsonObject("replay").getAsJsonObject("proposal");
            // No bursts above what the proposal was sized for: target tracking stays idle, nothing spills, and the
            // replay holds exactly the scheduled levels (the same cost as the report's, which is the preview's).
            assertEquals(0.0, proposal.get("spilloverInvocations").getAsDouble(), fn);
            assertEquals(f.get("monthlyUsd").getAsBigDecimal(), proposal.get("monthlyUsd").getAsBigDecimal(), fn);
            assertEquals(396.0 * 4, proposal.get("instanceHours").getAsDouble(), 1e-6, fn);
            assertEquals(28 * 24, proposal.getAsJsonArray("levelByHour").size());
            // Today: 2 always on, which the traffic never exceeds.
            var today = f.getAsJsonObject("replay").getAsJsonObject("today");
            assertEquals(f.get("currentMonthlyUsd").getAsBigDecimal(), today.get("monthlyUsd").getAsBigDecimal(), fn);
            assertEquals(0, today.getAsJsonArray("hoursWithSpillover").size());
        }
    }

    @Test
    void todaysScheduleReplayedOverTrafficAtItsFloorScalesOutAndSaysSo() throws Exception {
        // eu-west-1's collections_api holds 2 in business hours with a 70% target: traffic of 2 concurrent drives
        // utilization to 100%, and target tracking adds a third instance within minutes. The preview prices the
        // schedule at rest; the replay shows what the traffic costs on top, and the minutes before it was ready.
        var settings = StackPlans.settings("eu-west-1");
        var pages = businessHours(MetricQueries.ids(settings));
        var args = new ArrayList<>(List.of("eu-west-1", "--replay", "--json", "--metrics"));
        pages.forEach(p -> args.add(p.toString()));
        var run = capacity(args.toArray(String[]::new));
        assertEquals(0, run.status(), run.err());
        var f = JsonParser.parseString(run.out()).getAsJsonObject().getAsJsonObject("functions")
                .getAsJsonObject("collections_api");
        assertEquals("Europe/Dublin", f.get("timezone").getAsString(), "the schedules' zone");
        var today = f.getAsJsonObject("replay").getAsJsonObject("today");
        assertTrue(today.get("monthlyUsd").getAsBigDecimal().compareTo(f.get("currentMonthlyUsd").getAsBigDecimal()) > 0,
                today + " against " + f.get("currentMonthlyUsd"));
        var levels = today.getAsJsonArray("levelByHour");
        assertEquals(3, levels.get(9).getAsInt(), "Monday 09:00: scaled out to ceil(2 x 1.0 / 0.7)");
        // Monday 22:00: the hourly clamp takes it to the off-hours floor of 1, and the night's 1 concurrent (100% of
        // 1) has target tracking add a second within minutes: the most held that hour is 2.
        assertEquals(2, levels.get(22).getAsInt());
    }
}
