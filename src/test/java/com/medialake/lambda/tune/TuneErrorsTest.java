package com.medialake.lambda.tune;

import static com.medialake.lambda.tune.TuneCommandTest.RECORDS;
import static com.medialake.lambda.tune.TuneCommandTest.args;
import static com.medialake.lambda.tune.TuneCommandTest.logGroup;
import static com.medialake.lambda.tune.TuneCommandTest.tune;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.medialake.lambda.preview.StackPlans;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What bin/tune refuses, each as the command reports it: exit 2 (1 for a usage error), nothing on standard output, one
 * message naming the file or the function and what to do. Never a guess around missing or partial data.
 */
class TuneErrorsTest {
    @TempDir
    Path dir;

    private static final TuneCommandTest.Traffic NORMAL = new TuneCommandTest.Traffic(1024, 614, 100, 600, 200);

    private Path write(String name, String text) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, text);
        return file;
    }

    private Path collections(int records, String status) throws IOException {
        return write("collections-" + records + "-" + status + ".json", ReportExports.of(logGroup("us-east-1",
                "collections_api"), NORMAL.records(records), status));
    }

    private static void refused(StackPlans.Cli cli, int status, String... fragments) {
        assertEquals(status, cli.status(), cli.err());
        assertEquals("", cli.out());
        assertTrue(cli.err().startsWith("error: "), cli.err());
        for (String fragment : fragments) {
            assertTrue(cli.err().contains(fragment), "'" + fragment + "' in: " + cli.err());
        }
        assertTrue(!cli.err().contains("\tat "), "no stack trace: " + cli.err());
    }

    private static StackPlans.Cli only(List<Path> files) {
        return tune(args(files, "--function", "collections_api"));
    }

    @Test
    void filesThatAreNotQueryResults() throws IOException {
        Path metrics = write("metrics.json", "{\"MetricDataResults\": [], \"Messages\": []}");
        refused(only(List.of(metrics)), 2, metrics.toString(), "not what aws logs get-query-results writes");
        Path text = write("notes.txt", "REPORT RequestId: 1\tDuration: 2 ms");
        refused(only(List.of(text)), 2, text.toString(), "not what aws logs get-query-results writes");
        Path rows = write("rows.json", "{\"results\": [{\"field\": \"@log\"}], \"status\": \"Complete\"}");
        refused(only(List.of(rows)), 2, rows.toString(), "result 1 is not a list of fields and values");
    }

    @Test
    void aQueryThatHasNotFinished() throws IOException {
        refused(only(List.of(collections(500, "Running"))), 2, "still Running", "once its status is Complete");
        refused(only(List.of(collections(500, "Timeout"))), 2, "ended Timeout", "shorter window");
    }

    @Test
    void aWindowCutOffAtTheQueryLimit() throws IOException {
        refused(only(List.of(collections(ReportRecords.QUERY_LIMIT, "Complete"))), 2, "holds 10000 records",
                "--window-hours");
    }

    @Test
    void recordsOfAnotherStackOrGivenTwice() throws IOException {
        Path other = write("eu.json", ReportExports.of(logGroup("eu-west-1", "collections_api"), NORMAL.records(200),
                "Complete"));
        refused(only(List.of(other)), 2, "/aws/lambda/medialake-eu-west-1-collections_api", "another stack");
        Path once = collections(500, "Complete");
        refused(only(List.of(once, once)), 2, "repeats the records of " + once);
    }

    @Test
    void aRecordWithoutTheQuerysFields() throws IOException {
        String text = ReportExports.of(logGroup("us-east-1", "collections_api"), NORMAL.records(200), "Complete")
                .replace("maxMemoryUsedMB", "maxMemoryUsed");
        refused(only(List.of(write("other-query.json", text))), 2, "record 1 has no maxMemoryUsedMB", "--print-query");
        String bad = ReportExports.of(logGroup("us-east-1", "collections_api"), NORMAL.records(200), "Complete")
                .replaceFirst("\"value\": \"2026-11-23 00:00:00.000\"", "\"value\": \"1700000000000\"");
        refused(only(List.of(write("epoch.json", bad))), 2, "record 1 has a @timestamp");
    }

    @Test
    void functionsWithoutRecordsOrTooFew() throws IOException {
        var files = TuneCommandTest.export(dir, "us-east-1", Map.of("collections_api", NORMAL, "search_api",
                new TuneCommandTest.Traffic(9000, 5400, 0, 0, 200)));
        var all = tune(args(files));
        refused(all, 2, "assets_get: no REPORT records", "init_zip: no REPORT records", "--function");
        assertTrue(!all.err().contains("search_api"), all.err());
        assertEquals(0, tune(args(files, "--function", "collections_api", "--function", "search_api")).status());
        refused(only(List.of(collections(99, "Complete"))), 2, "collections_api: 99 invocations", "fewer than the 100");
        // Records at the memory the function had before a deploy are not records of today's configuration.
        Path before = write("before.json", ReportExports.of(logGroup("us-east-1", "collections_api"),
                new TuneCommandTest.Traffic(512, 300, 0, 0, 200).records(RECORDS), "Complete"));
        refused(only(List.of(before)), 2, "0 invocations at its 1024 MB", "another memory size");
    }

    @Test
    void usageErrors() throws IOException {
        refused(tune("us-east-1"), 1, "give either --print-query or --results");
        refused(tune("us-east-1", "--print-query", "--function", "nope"), 1, "--function nope is not a function of"
                + " stack us-east-1");
        refused(tune("us-east-1", "--print-query", "--window-hours", "0"), 1, "--window-hours is 1 to");
        refused(tune("us-east-1", "--results", dir.resolve("missing.json").toString()), 1, "no results file");
        refused(tune("no-such-stack", "--print-query"), 1, "no stack file");
    }

    @Test
    void thePrintedExportIsAScriptBashAcceptsOverEveryLogGroup() throws Exception {
        var cli = tune("us-east-1", "--print-query", "--days", "14", "--window-hours", "6");
        assertEquals(0, cli.status(), cli.err());
        for (String fn : List.of("collections_api", "search_api", "init_zip", "thumbnails")) {
            assertTrue(cli.out().contains(logGroup("us-east-1", fn)), fn);
        }
        assertTrue(cli.out().contains("for ((w = 0; w < 56; w++))"), cli.out());
        assertTrue(cli.out().contains("filter @type = \"REPORT\""));
        Path script = write("export.sh", cli.out());
        var bash = new ProcessBuilder("bash", "-n", script.toString()).redirectErrorStream(true).start();
        String output = new String(bash.getInputStream().readAllBytes());
        assertEquals(0, bash.waitFor(), output);
    }

    /**
     * The query's parse patterns against the REPORT lines of AWS's documented shape (model.ReportMetricsTest): the
     * sizes and the init and restore durations come out as the line prints them.
     */
    @Test
    void theQueryParsesTheReportLine() {
        var patterns = new ArrayList<Pattern>();
        var m = Pattern.compile("parse @message /(.*?)/").matcher(LogsQuery.QUERY);
        while (m.find()) {
            patterns.add(Pattern.compile(m.group(1)));
        }
        assertEquals(3, patterns.size());
        String cold = "REPORT RequestId: 3604209a-e9a3-11e6-939a-754dd98c7be3\tDuration: 45.61 ms\tBilled Duration: 46 ms"
                + "\tMemory Size: 512 MB\tMax Memory Used: 84 MB\tInit Duration: 421.07 ms\t";
        String restored = "REPORT RequestId: 3604209a-e9a3-11e6-939a-754dd98c7be3\tDuration: 20.10 ms\tBilled Duration:"
                + " 160 ms\tMemory Size: 512 MB\tMax Memory Used: 93 MB\tRestore Duration: 474.16 ms\tBilled Restore"
                + " Duration: 139 ms\t";
        var sizes = patterns.get(0).matcher(cold);
        assertTrue(sizes.find());
        assertEquals(List.of("512", "84"), List.of(sizes.group("memorySizeMB"), sizes.group("maxMemoryUsedMB")));
        var init = patterns.get(1).matcher(cold);
        assertTrue(init.find());
        assertEquals("421.07", init.group("initDuration"));
        assertTrue(!patterns.get(1).matcher(restored).find(), "a restore is no init");
        var restore = patterns.get(2).matcher(restored);
        assertTrue(restore.find());
        assertEquals("474.16", restore.group("restoreDuration"));
    }
}
