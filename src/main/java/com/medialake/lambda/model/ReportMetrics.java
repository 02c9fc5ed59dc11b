package com.medialake.lambda.model;

import java.util.ArrayList;
import java.util.List;

/**
 * Cold starts and memory as metrics. Lambda publishes neither: both are only in the platform {@code REPORT} record
 * it writes to the function's log group after every invocation (aws-lambda-facts.md, "Logs"). The functions log in
 * Lambda's Text format (LambdaService), where the record is one line of tab-separated fields:
 *
 * <pre>REPORT RequestId: ID	Duration: 2.45 ms	Billed Duration: 3 ms	Memory Size: 512 MB	Max Memory Used: 81 MB	Init Duration: 421.07 ms</pre>
 *
 * ("REPORT line data fields", the runtimes' logging pages of the Lambda developer guide), with {@code Init Duration}
 * only on the invocation that started an environment, and {@code Restore Duration: N ms	Billed Restore Duration: N ms}
 * in its place when a SnapStart snapshot was restored. CloudWatch Logs metric filters with space-delimited patterns
 * name these fields by position ("Using metric filters to extract values from space-delimited log events": fields
 * are separated by white space, {@code ...} stands for any number of them). Text, not JSON: the functions' own log
 * lines stay as they are, and Logs Insights discovers the same record's fields ({@code @type = "REPORT"},
 * {@code @initDuration}) for bin/tune.
 *
 * <p>A metric filter's dimensions can only be fields of the matched event (MetricTransformation.Dimensions: "The
 * fields to use as dimensions"), and the REPORT line does not name the function: each function gets its own metric
 * names instead, {@code search_api/InitDuration}, in the stack's namespace {@code MediaLake/STACK}. No default
 * value is set: CloudWatch would emit it for every log line the pattern does not match, and the percentiles would
 * be of zeros.
 */
public final class ReportMetrics {
    /** The metrics, with the CloudWatch unit each is published in. */
    public enum Quantity {
        INIT_DURATION("InitDuration", "Milliseconds"),
        RESTORE_DURATION("RestoreDuration", "Milliseconds"),
        COLD_STARTS("ColdStarts", "Count"),
        MAX_MEMORY_USED("MaxMemoryUsed", "Megabytes");

        private final String metric;
        private final String unit;

        Quantity(String metric, String unit) {
            this.metric = metric;
            this.unit = unit;
        }

        public String unit() {
            return unit;
        }

        /** The metric's name for one function: search_api/InitDuration. */
        public String metricName(String function) {
            return function + "/" + metric;
        }
    }

    /**
     * One metric filter on a function's log group.
     *
     * @param suffix   its name after the function's, for example {@code init-duration}
     * @param value    a field of the pattern ({@code $init_duration}) or a constant ({@code 1}, one per match)
     */
    public record Filter(String suffix, String pattern, Quantity quantity, String value) {
    }

    /** The 19 fields every REPORT line starts with, through "Max Memory Used: N MB". */
    private static final String REPORT_FIELDS = "report=\"REPORT\", request_id_label, request_id, duration_label,"
            + " duration, duration_unit, billed_label, billed_duration_label, billed_duration, billed_unit, memory_label,"
            + " memory_size_label, memory_size, memory_size_unit, max_label, max_memory_label, max_memory_used_label,"
            + " max_memory_used, max_memory_used_unit=\"MB\"";
    /** Every REPORT line, warm or cold, timed out or not. */
    public static final String ANY_REPORT = "[" + REPORT_FIELDS + ", ...]";
    /** A REPORT line of an invocation that initialized its environment. */
    public static final String COLD_START_REPORT = "[" + REPORT_FIELDS
            + ", init_label=\"Init\", init_duration_label=\"Duration:\", init_duration, init_duration_unit=\"ms\", ...]";
    /** A REPORT line of an invocation that restored a SnapStart snapshot. */
    public static final String RESTORE_REPORT = "[" + REPORT_FIELDS
            + ", restore_label=\"Restore\", restore_duration_label=\"Duration:\", restore_duration,"
            + " restore_duration_unit=\"ms\", ...]";

    private ReportMetrics() {
    }

    /** The stack's namespace for these metrics: the project's, and one stack's never mixes with another's. */
    public static String namespace(String stack) {
        return "MediaLake/" + stack;
    }

    /**
     * A function's filters: memory used on every invocation, init duration and a count of cold starts, and for a
     * SnapStart function restore duration, its restores counted as cold starts too (its unpublished $LATEST still
     * initializes).
     */
    public static List<Filter> filters(FunctionSettings fn) {
        var filters = new ArrayList<Filter>();
        filters.add(new Filter("max-memory-used", ANY_REPORT, Quantity.MAX_MEMORY_USED, "$max_memory_used"));
        filters.add(new Filter("init-duration", COLD_START_REPORT, Quantity.INIT_DURATION, "$init_duration"));
        filters.add(new Filter("cold-starts", COLD_START_REPORT, Quantity.COLD_STARTS, "1"));
        if (fn.snapStart()) {
            filters.add(new Filter("restore-duration", RESTORE_REPORT, Quantity.RESTORE_DURATION, "$restore_duration"));
            filters.add(new Filter("restores", RESTORE_REPORT, Quantity.COLD_STARTS, "1"));
        }
        return filters;
    }

    /** What a cold start of this function is measured by: restore duration with SnapStart, else init duration. */
    public static Quantity coldStartDuration(FunctionSettings fn) {
        return fn.snapStart() ? Quantity.RESTORE_DURATION : Quantity.INIT_DURATION;
    }
}
