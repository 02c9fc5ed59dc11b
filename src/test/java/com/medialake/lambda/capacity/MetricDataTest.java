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
        assertTrue(e.getMessage().contains("conc_a has StatusCode PartialData"), e.getMessage());
        assertTrue(e.getMessage().contains("following NextToken"), e.getMessage());
    }

    @Test
    void anIdOfAnotherStackIsRefused() throws Exception {
        var pages = MetricPages.write(dir, List.of("conc_a", "inv_a", "conc_zz"), TWO_WEEKS, (id, h) -> 1.0, 1, Map.of());
        var e = assertThrows(MetricData.Unreadable.class, () -> MetricData.read(pages, Set.copyOf(IDS)));
        assertTrue(e.getMessage().contains("the query id conc_zz is none of this stack's"), e.getMessage());
    }

    @Test
    void aFunctionWithoutDataIsRefused() throws Exception {
        var pages = MetricPages.write(dir, List.of("conc_a"), TWO_WEEKS, (id, h) -> 1.0, 1, Map.of());
        var e = assertThrows(MetricData.Unreadable.class, () -> MetricData.read(pages, Set.copyOf(IDS)));
        assertTrue(e.getMessage().startsWith("no data for inv_a"), e.getMessage());
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
}
