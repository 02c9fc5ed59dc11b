package com.medialake.lambda.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The metric filters against REPORT records of AWS's documented shape: the Text format's tab-separated line (the
 * runtimes' "REPORT line data fields"), Init Duration on a cold start, Restore Duration and Billed Restore Duration in
 * its place after a SnapStart restore (snapstart-monitoring.html: "the REPORT doesn't include the Init Duration
 * field"), Status: timeout, and the X-Ray fields the functions' active tracing adds.
 */
class ReportMetricsTest {
    private static final String ID = "RequestId: 3604209a-e9a3-11e6-939a-754dd98c7be3";
    private static final String XRAY = "XRAY TraceId: 1-5e1b4151-43a0913a12345678901234\tSegmentId: 4d4c2d1c7f4b6e4a"
            + "\tSampled: true";
    static final String WARM = "REPORT " + ID + "\tDuration: 12.34 ms\tBilled Duration: 13 ms\tMemory Size: 512 MB"
            + "\tMax Memory Used: 81 MB\t";
    static final String COLD = "REPORT " + ID + "\tDuration: 45.61 ms\tBilled Duration: 46 ms\tMemory Size: 512 MB"
            + "\tMax Memory Used: 84 MB\tInit Duration: 421.07 ms\t";
    static final String COLD_TRACED = "REPORT " + ID + "\tDuration: 45.61 ms\tBilled Duration: 46 ms\tMemory Size: 512 MB"
            + "\tMax Memory Used: 84 MB\tInit Duration: 1203.50 ms\t" + XRAY;
    static final String RESTORED = "REPORT " + ID + "\tDuration: 20.10 ms\tBilled Duration: 160 ms\tMemory Size: 512 MB"
            + "\tMax Memory Used: 93 MB\tRestore Duration: 474.16 ms\tBilled Restore Duration: 139 ms\t";
    static final String TIMED_OUT = "REPORT " + ID + "\tDuration: 29000.00 ms\tBilled Duration: 29000 ms"
            + "\tMemory Size: 512 MB\tMax Memory Used: 212 MB\tStatus: timeout";
    static final String COLD_TIMED_OUT = "REPORT " + ID + "\tDuration: 29000.00 ms\tBilled Duration: 29000 ms"
            + "\tMemory Size: 512 MB\tMax Memory Used: 70 MB\tInit Duration: 1503.12 ms\tStatus: timeout";
    /** Lines of the same log group that are not REPORT records. */
    static final List<String> OTHERS = List.of(
            "START " + ID + " Version: 3",
            "END " + ID,
            "INIT_START Runtime Version: python:3.12.v38\tRuntime Version ARN: arn:aws:lambda:us-east-1::runtime:abc",
            "[INFO]\t2026-11-30T10:00:00.000Z\t3604209a-e9a3-11e6-939a-754dd98c7be3\tREPORT of 5 assets ready",
            "REPORT of 5 assets ready",
            "REPORT RequestId: 1 Duration: 2 ms Billed Duration: 2 ms Memory Size: 512 MB Max Memory Used: 81 KB");

    private static FunctionSettings function(boolean snapStart) {
        return FunctionSettings.builder("reports", FunctionProfile.BACKGROUND).snapStart(snapStart).publish(snapStart)
                .build();
    }

    /** What each filter of the function publishes for one event, by metric name (several filters may share one). */
    private static Map<String, List<Double>> published(FunctionSettings fn, String event) {
        var out = new TreeMap<String, List<Double>>();
        for (var filter : ReportMetrics.filters(fn)) {
            new SpaceDelimitedFilter(filter.pattern()).value(event, filter.value()).ifPresent(v -> out.computeIfAbsent(
                    filter.quantity().metricName(fn.name()), k -> new java.util.ArrayList<>()).add(v));
        }
        return out;
    }

    @Test
    void aWarmInvocationPublishesItsMemoryOnly() {
        assertEquals(Map.of("reports/MaxMemoryUsed", List.of(81.0)), published(function(false), WARM));
        assertEquals(Map.of("reports/MaxMemoryUsed", List.of(212.0)), published(function(false), TIMED_OUT));
    }

    @Test
    void aColdStartPublishesItsInitDurationAndCountsOnce() {
        var expected = Map.of("reports/MaxMemoryUsed", List.of(84.0), "reports/InitDuration", List.of(421.07),
                "reports/ColdStarts", List.of(1.0));
        assertEquals(expected, published(function(false), COLD));
        assertEquals(Map.of("reports/MaxMemoryUsed", List.of(84.0), "reports/InitDuration", List.of(1203.5),
                "reports/ColdStarts", List.of(1.0)), published(function(false), COLD_TRACED));
        assertEquals(Map.of("reports/MaxMemoryUsed", List.of(70.0), "reports/InitDuration", List.of(1503.12),
                "reports/ColdStarts", List.of(1.0)), published(function(false), COLD_TIMED_OUT));
    }

    @Test
    void aSnapStartRestoreIsAColdStartMeasuredByItsRestoreDuration() {
        assertEquals(Map.of("reports/MaxMemoryUsed", List.of(93.0), "reports/RestoreDuration", List.of(474.16),
                "reports/ColdStarts", List.of(1.0)), published(function(true), RESTORED));
        // Without SnapStart there is no restore filter: a restore line only reports memory.
        assertEquals(Map.of("reports/MaxMemoryUsed", List.of(93.0)), published(function(false), RESTORED));
        assertEquals(ReportMetrics.Quantity.RESTORE_DURATION, ReportMetrics.coldStartDuration(function(true)));
        assertEquals(ReportMetrics.Quantity.INIT_DURATION, ReportMetrics.coldStartDuration(function(false)));
    }

    @Test
    void linesThatAreNotReportRecordsPublishNothing() {
        for (String line : OTHERS) {
            assertEquals(Map.of(), published(function(true), line), line);
        }
    }

    @Test
    void patternsFitWhatCloudWatchAccepts() {
        for (var filter : ReportMetrics.filters(function(true))) {
            // PutMetricFilter filterPattern: at most 1024 characters.
            assertTrue(filter.pattern().length() <= 1024, filter.suffix());
            assertEquals(Optional.empty(), new SpaceDelimitedFilter(filter.pattern()).match(""));
        }
    }
}
