package com.medialake.lambda.capacity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.medialake.lambda.preview.StackPlans;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Exports that cannot be right, through bin/capacity's entry point: each is a data error (exit 2) naming the
 * file, the query and what is wrong, with nothing on standard output, no stack trace, and bounded work.
 */
class CapacityDataErrorsTest {
    @TempDir
    Path dir;

    private static final Instant START = Instant.parse("2026-11-02T00:00:00Z");

    /** An export of every query of us-east-1, two weeks hourly, with one query's text replaced. */
    private Path export(String id, String replacement) throws Exception {
        var parts = new ArrayList<String>();
        for (String query : MetricQueries.ids(StackPlans.settings("us-east-1"))) {
            if (query.equals(id)) {
                parts.add(replacement);
                continue;
            }
            var timestamps = new StringBuilder();
            var values = new StringBuilder();
            for (int h = 14 * 24 - 1; h >= 0; h--) {
                String sep = timestamps.length() == 0 ? "" : ",";
                timestamps.append(sep).append('"').append(START.plusSeconds(3600L * h).toString().replace("Z", "+00:00"))
                        .append('"');
                values.append(sep).append(1);
            }
            parts.add("{\"Id\":\"" + query + "\",\"Timestamps\":[" + timestamps + "],\"Values\":[" + values
                    + "],\"StatusCode\":\"Complete\"}");
        }
        Path file = dir.resolve("metrics.json");
        Files.writeString(file, "{\"MetricDataResults\":[" + String.join(",", parts) + "],\"Messages\":[]}");
        return file;
    }

    private static StackPlans.Cli capacity(Path file) {
        return StackPlans.run(CapacityCommand::run, "us-east-1", "--metrics", file.toString());
    }

    private static void refused(StackPlans.Cli run, String... says) {
        assertEquals(CapacityCommand.EXIT_UNUSABLE, run.status(), run.err());
        assertEquals("", run.out());
        assertFalse(run.err().contains("\tat "), run.err());
        for (String text : says) {
            assertTrue(run.err().contains(text), run.err());
        }
    }

    @Test
    void valuesOfTheWrongTypeNameTheFileTheQueryAndTheField() throws Exception {
        refused(capacity(export("conc_search_api", "{\"Id\":\"conc_search_api\",\"Timestamps\":[\"2026-11-02T00:00:00+00:00\"],"
                + "\"Values\":[null],\"StatusCode\":\"Complete\"}")), "metrics.json: conc_search_api has a value (Values)"
                + " that is not a number: null");
        refused(capacity(export("conc_search_api", "{\"Id\":\"conc_search_api\",\"Timestamps\":[\"2026-11-02T00:00:00+00:00\"],"
                + "\"Values\":[\"many\"],\"StatusCode\":\"Complete\"}")), "(Values) that is not a number: \"many\"");
        refused(capacity(export("conc_search_api", "{\"Id\":\"conc_search_api\",\"Timestamps\":[null],"
                + "\"Values\":[1],\"StatusCode\":\"Complete\"}")), "conc_search_api has a timestamp (Timestamps)");
        refused(capacity(export("conc_search_api", "{\"Id\":\"conc_search_api\",\"Timestamps\":\"2026\","
                + "\"Values\":[1],\"StatusCode\":\"Complete\"}")), "conc_search_api has no Timestamps and Values lists");
    }

    @Test
    void aTimestampWithoutAnOffsetIsSaidSo() throws Exception {
        refused(capacity(export("conc_search_api", "{\"Id\":\"conc_search_api\",\"Timestamps\":[\"2026-11-02T00:00:00\"],"
                + "\"Values\":[1],\"StatusCode\":\"Complete\"}")), "without a UTC offset: \"2026-11-02T00:00:00\"");
    }

    @Test
    void aPointDecadesAwayIsADataErrorNotYearsOfWork() throws Exception {
        // Refused before the hours are laid out: nothing sizes 37 years of empty hours.
        var run = capacity(export("conc_search_api", "{\"Id\":\"conc_search_api\",\"Timestamps\":[\"1990-01-01T00:00:00+00:00\","
                + "\"2026-11-02T00:00:00+00:00\"],\"Values\":[1,1],\"StatusCode\":\"Complete\"}"));
        refused(run, "the data spans", "1990-01-01T00:00:00Z in conc_search_api", "more than CloudWatch keeps at a"
                + " 60-minute period (455 days)");
    }

    @Test
    void aConcurrencyNoFunctionCouldReachIsADataError() throws Exception {
        var timestamps = new StringBuilder();
        var values = new StringBuilder();
        for (int h = 0; h < 14 * 24; h++) {
            String sep = h == 0 ? "" : ",";
            timestamps.append(sep).append('"').append(START.plusSeconds(3600L * h).toString().replace("Z", "+00:00"))
                    .append('"');
            values.append(sep).append(h == 5 ? 1_000_000 : 1);
        }
        refused(capacity(export("conc_search_api", "{\"Id\":\"conc_search_api\",\"Timestamps\":[" + timestamps
                + "],\"Values\":[" + values + "],\"StatusCode\":\"Complete\"}")),
                "conc_search_api has 1000000 concurrent executions at 2026-11-02T05:00:00Z, more than the account's"
                        + " concurrency quota of 1000");
    }
}
