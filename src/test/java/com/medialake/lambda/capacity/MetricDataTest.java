package com.medialake.lambda.capacity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MetricDataTest {
    @TempDir
    Path dir;

    private static final List<String> IDS = List.of("conc_a", "inv_a");
    private static final List<Instant> TWO_WEEKS = MetricPages.hours(Instant.parse("2026-11-02T00:00:00Z"), 14 * 24);

    @Test
    void severalPagesNewestFirstWithGapsReadAsEveryHour() throws Exception {
        // Every third hour has no traffic: CloudWatch leaves those hours out.
        var pages = MetricPages.write(dir, IDS, TWO_WEEKS, (id, h) -> (h.getEpochSecond() / 3600) % 3 == 0 ? null : 2.0, 3,
                Map.of());
        var data = MetricData.read(pages, Set.copyOf(IDS));
        // From the first hour with a value to the last, every hour in between.
        assertEquals(java.time.Duration.between(data.first(), data.last()).toHours() + 1, data.hours().size());
        assertTrue(data.hours().size() > 13 * 24);
        assertEquals(Instant.parse("2026-11-02T01:00:00Z"), data.first());
        assertEquals(0.0, data.at("conc_a", Instant.parse("2026-11-02T03:00:00Z")));
        assertEquals(2.0, data.at("conc_a", Instant.parse("2026-11-02T04:00:00Z")));
    }

    @Test
    void incompleteResultsAreRefused() throws Exception {
        var pages = MetricPages.write(dir, IDS, TWO_WEEKS, (id, h) -> 1.0, 1, Map.of("conc_a", "PartialData"));
        var e = assertThrows(MetricData.Unreadable.class, () -> MetricData.read(pages, Set.copyOf(IDS)));
        assertTrue(e.getMessage().contains("page-1.json: conc_a] never completes"), e.getMessage());
        assertTrue(e.getMessage().contains("follows NextToken"), e.getMessage());
    }

    @Test
    void anIdOfAnotherStackIsRefused() throws Exception {
        var pages = MetricPages.write(dir, List.of("conc_a", "inv_a", "conc_zz"), TWO_WEEKS, (id, h) -> 1.0, 1, Map.of());
        var e = assertThrows(MetricData.Unreadable.class, () -> MetricData.read(pages, Set.copyOf(IDS)));
        assertTrue(e.getMessage().contains("the query id conc_zz is none of this stack's"), e.getMessage());
    }

    @Test
    void aQueryMissingFromTheExportIsRefused() throws Exception {
        var pages = MetricPages.write(dir, List.of("conc_a"), TWO_WEEKS, (id, h) -> 1.0, 1, Map.of());
        var e = assertThrows(MetricData.Unreadable.class, () -> MetricData.read(pages, Set.copyOf(IDS)));
        assertTrue(e.getMessage().startsWith("the export has no series for inv_a"), e.getMessage());
    }

    @Test
    void lessThanAWeekIsRefused() throws Exception {
        var pages = MetricPages.write(dir, IDS, TWO_WEEKS.subList(0, 6 * 24), (id, h) -> 1.0, 1, Map.of());
        var e = assertThrows(MetricData.Unreadable.class, () -> MetricData.read(pages, Set.copyOf(IDS)));
        assertTrue(e.getMessage().contains("covers 6 days"), e.getMessage());
    }

    @Test
    void aFileThatIsNotTheExportIsRefused() throws Exception {
        Path junk = dir.resolve("junk.json");
        Files.writeString(junk, "{\"Datapoints\": []}");
        var e = assertThrows(MetricData.Unreadable.class, () -> MetricData.read(List.of(junk), Set.copyOf(IDS)));
        assertTrue(e.getMessage().contains("is not what aws cloudwatch get-metric-data writes"), e.getMessage());
    }

    /** One part of an export as the AWS CLI writes it: timestamps newest first, with an offset. */
    private static String part(String id, String status, Instant from, int count, int periodMinutes,
                               java.util.function.IntToDoubleFunction value) {
        var timestamps = new StringBuilder();
        var values = new StringBuilder();
        for (int i = count - 1; i >= 0; i--) {
            String sep = timestamps.length() == 0 ? "" : ",";
            timestamps.append(sep).append('"').append(from.plusSeconds(60L * periodMinutes * i).toString()
                    .replace("Z", "+00:00")).append('"');
            values.append(sep).append(value.applyAsDouble(i));
        }
        return "{\"Id\":\"" + id + "\",\"Label\":\"" + id + "\",\"Timestamps\":[" + timestamps + "],\"Values\":["
                + values + "],\"StatusCode\":\"" + status + "\"}";
    }

    private Path export(String name, String messages, String... parts) throws Exception {
        Path file = dir.resolve(name);
        Files.writeString(file, "{\"MetricDataResults\":[" + String.join(",", parts) + "],\"Messages\":[" + messages
                + "]}");
        return file;
    }

    private static final Instant START = Instant.parse("2026-11-02T00:00:00Z");

    @Test
    void theCliSAutoPaginatedOutputRepeatsIdsAndCompletesOnTheLastPart() throws Exception {
        // The AWS CLI follows NextToken and concatenates the pages: each id once per page, PartialData until the last.
        int half = 7 * 24;
        var file = export("paginated.json", "",
                part("conc_a", "PartialData", START.plusSeconds(3600L * half), half, 60, i -> 3),
                part("inv_a", "PartialData", START.plusSeconds(3600L * half), half, 60, i -> 10),
                part("conc_a", "Complete", START, half, 60, i -> 1),
                part("inv_a", "Complete", START, half, 60, i -> 5));
        var data = MetricData.read(List.of(file), Set.copyOf(IDS));
        assertEquals(60, data.periodMinutes());
        assertEquals(14 * 24, data.hours().size());
        assertEquals(1.0, data.at("conc_a", START));
        assertEquals(3.0, data.at("conc_a", START.plusSeconds(3600L * half)));
    }

    @Test
    void fiveMinuteDataIsAggregatedConcurrencyByMaximumInvocationsBySum() throws Exception {
        int periods = 8 * 24 * 12;
        var file = export("five.json", "",
                part("conc_a", "Complete", START, periods, 5, i -> i % 12),
                part("inv_a", "Complete", START, periods, 5, i -> 2));
        var data = MetricData.read(List.of(file), Set.copyOf(IDS));
        assertEquals(5, data.periodMinutes());
        assertEquals(11.0, data.at("conc_a", START));
        assertEquals(24.0, data.at("inv_a", START));
        var demand = data.demand("a");
        assertEquals(periods, demand.concurrency().length);
        assertEquals(5, demand.periodMinutes());
    }

    @Test
    void aPeriodCloudWatchDoesNotKeepIsRefusedNamingTheQuery() throws Exception {
        var file = export("daily.json", "", part("conc_a", "Complete", START, 30, 24 * 60, i -> 1),
                part("inv_a", "Complete", START, 30, 24 * 60, i -> 1));
        var e = assertThrows(MetricData.Unreadable.class, () -> MetricData.read(List.of(file), Set.copyOf(IDS)));
        assertTrue(e.getMessage().startsWith("conc_a has points 1440 minutes apart"), e.getMessage());
        assertTrue(e.getMessage().contains("\"Period\": 60, 300 or 3600"), e.getMessage());
    }

    @Test
    void aCompleteSeriesWithoutPointsHadNoTraffic() throws Exception {
        var file = export("idle.json", "", part("conc_a", "Complete", START, 0, 60, i -> 0),
                part("inv_a", "Complete", START, 0, 60, i -> 0),
                part("conc_b", "Complete", START, 14 * 24, 60, i -> 1),
                part("inv_b", "Complete", START, 14 * 24, 60, i -> 1));
        var data = MetricData.read(List.of(file), Set.of("conc_a", "inv_a", "conc_b", "inv_b"));
        assertTrue(!data.hasTraffic("conc_a"));
        assertTrue(data.hasTraffic("conc_b"));
        assertEquals(0.0, data.at("conc_a", START));
    }

    @Test
    void awsMessagesAreQuotedWhereASeriesNeverCompletes() throws Exception {
        var file = export("limited.json", "{\"Code\":\"MaxMetricsExceeded\",\"Value\":\"too many\"}",
                part("conc_a", "PartialData", START, 14 * 24, 60, i -> 1),
                part("inv_a", "Complete", START, 14 * 24, 60, i -> 1));
        var e = assertThrows(MetricData.Unreadable.class, () -> MetricData.read(List.of(file), Set.copyOf(IDS)));
        assertTrue(e.getMessage().contains("limited.json: conc_a] never completes"), e.getMessage());
        assertTrue(e.getMessage().contains("MaxMetricsExceeded"), e.getMessage());
    }
}
