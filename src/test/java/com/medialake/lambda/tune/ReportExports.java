package com.medialake.lambda.tune;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * get-query-results output as the AWS CLI writes it for LogsQuery's query: indented by four spaces (the CLI's
 * json.dumps), every value a string, a field without a value left out of its row, a {@code @ptr} in every row, and
 * {@code statistics} and {@code status} after the results (API_GetQueryResults' response order).
 */
public final class ReportExports {
    public static final String ACCOUNT = "123456789012";
    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS")
            .withZone(ZoneOffset.UTC);

    /** One invocation's REPORT record; init and restore NaN where the invocation was warm. */
    public record Record(Instant at, double durationMs, double billedMs, int memorySizeMb, int maxUsedMb, double initMs,
                         double restoreMs) {
        public static Record warm(Instant at, double durationMs, int memorySizeMb, int maxUsedMb) {
            return new Record(at, durationMs, Math.ceil(durationMs), memorySizeMb, maxUsedMb, Double.NaN, Double.NaN);
        }

        public Record cold(double initMs) {
            return new Record(at, durationMs, billedMs, memorySizeMb, maxUsedMb, initMs, Double.NaN);
        }

        public Record restored(double restoreMs) {
            return new Record(at, durationMs, billedMs, memorySizeMb, maxUsedMb, Double.NaN, restoreMs);
        }
    }

    private ReportExports() {
    }

    /** The file get-query-results writes for one query over one log group. */
    public static String of(String logGroup, List<Record> records, String status) {
        var out = new StringBuilder(records.size() * 700 + 200);
        out.append("{\n    \"results\": [");
        for (int i = 0; i < records.size(); i++) {
            var r = records.get(i);
            out.append(i == 0 ? "\n" : ",\n").append("        [");
            field(out, "@timestamp", TIMESTAMP.format(r.at()), true);
            field(out, "@log", ACCOUNT + ":" + logGroup, false);
            field(out, "@duration", number(r.durationMs()), false);
            field(out, "@billedDuration", number(r.billedMs()), false);
            field(out, "memorySizeMB", String.valueOf(r.memorySizeMb()), false);
            field(out, "maxMemoryUsedMB", String.valueOf(r.maxUsedMb()), false);
            if (!Double.isNaN(r.initMs())) {
                field(out, "initDuration", number(r.initMs()), false);
            }
            if (!Double.isNaN(r.restoreMs())) {
                field(out, "restoreDuration", number(r.restoreMs()), false);
            }
            field(out, "@ptr", "CmAKJwojMTIzNDU2Nzg5MDEyOi9hd3MvbGFtYmRhL" + Integer.toHexString(logGroup.hashCode())
                    + "EAUSNRoYAgYXBOMfAAAAAB4hbCgAAAZNhrzQAAAAYyABKNrQ" + r.at().toEpochMilli() + "ogMwhrSq3YczOAFAB0gPUHwQWB"
                    + i, false);
            out.append("\n        ]");
        }
        out.append(records.isEmpty() ? "],\n" : "\n    ],\n");
        out.append("    \"statistics\": {\n        \"recordsMatched\": ").append(records.size())
                .append(".0,\n        \"recordsScanned\": ").append(records.size() * 4)
                .append(".0,\n        \"bytesScanned\": ").append(records.size() * 900).append(".0\n    },\n")
                .append("    \"status\": \"").append(status).append("\"\n}\n");
        return out.toString();
    }

    private static void field(StringBuilder out, String field, String value, boolean first) {
        out.append(first ? "\n" : ",\n").append("            {\n                \"field\": \"").append(field)
                .append("\",\n                \"value\": \"").append(value).append("\"\n            }");
    }

    private static String number(double value) {
        return value == Math.rint(value) ? String.valueOf((long) value) : String.format(Locale.ROOT, "%.2f", value);
    }
}
