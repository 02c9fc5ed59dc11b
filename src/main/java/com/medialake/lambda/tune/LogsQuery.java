package com.medialake.lambda.tune;

import com.medialake.lambda.infra.Names;
import com.medialake.lambda.model.FunctionSettings;
import com.medialake.lambda.model.StackSettings;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The CloudWatch Logs Insights query that exports each invocation's REPORT record, and the AWS CLI commands that run
 * it over a window. {@code @type = "REPORT"}, {@code @duration} and {@code @billedDuration} are the fields Logs
 * Insights discovers in Lambda's Text logs (CWL_AnalyzeLogData-discoverable-fields); sizes, init and restore duration
 * are parsed from the line itself, in the MB and ms it prints, as AWS's own SnapStart query parses
 * {@code Restore Duration} (snapstart-monitoring.html). One query per function and window: Logs Insights returns at
 * most 10,000 records a query (CWL_QuerySyntax-Limit), and a full window is refused rather than read short.
 */
public final class LogsQuery {
    /** The fields of every exported row, as ReportRecords reads them. */
    public static final List<String> FIELDS = List.of("@timestamp", "@log", "@duration", "@billedDuration",
            "memorySizeMB", "maxMemoryUsedMB", "initDuration", "restoreDuration");

    public static final String QUERY = "filter @type = \"REPORT\""
            + " | parse @message /Memory Size: (?<memorySizeMB>\\d+) MB\\s+Max Memory Used: (?<maxMemoryUsedMB>\\d+) MB/"
            + " | parse @message /Init Duration: (?<initDuration>[0-9.]+) ms/"
            + " | parse @message /Restore Duration: (?<restoreDuration>[0-9.]+) ms/"
            + " | fields " + String.join(", ", FIELDS)
            + " | limit " + ReportRecords.QUERY_LIMIT;

    private LogsQuery() {
    }

    /** Each function's log group, by function name. */
    public static Map<String, String> logGroups(StackSettings settings) {
        var groups = new TreeMap<String, String>();
        for (FunctionSettings fn : settings.functions()) {
            groups.put(fn.name(), Names.functionLogGroup(Names.function(settings.stack(), fn.name())));
        }
        return groups;
    }

    /** The log group of each function, the other way round: how an exported row's {@code @log} is read. */
    public static Map<String, String> functionByLogGroup(StackSettings settings) {
        var byGroup = new TreeMap<String, String>();
        logGroups(settings).forEach((fn, group) -> byGroup.put(group, fn));
        return byGroup;
    }

    /**
     * A bash script that exports {@code days} days before now, one query per function and window of {@code windowHours}
     * hours, each into its own file: start-query, get-query-results until Complete.
     */
    public static String script(StackSettings settings, List<String> functions, int days, int windowHours) {
        var out = new StringBuilder();
        out.append("#!/usr/bin/env bash\n")
                .append("# The REPORT records of stack ").append(settings.stack()).append(" for bin/tune: ").append(days)
                .append(" days, one Logs Insights query per function and ").append(windowHours).append("-hour window.\n")
                .append("# A window with 10,000 records is cut off and bin/tune refuses it: export again with a smaller")
                .append(" --window-hours.\n")
                .append("set -euo pipefail\n")
                .append("region=").append(settings.region()).append("\n")
                .append("query='").append(QUERY.replace("'", "'\\''")).append("'\n")
                .append("end=$(date -u +%s)\n")
                .append("mkdir -p tune-export\n")
                .append("for group in");
        var groups = logGroups(settings);
        for (String fn : functions) {
            out.append(" \\\n    ").append(groups.get(fn));
        }
        out.append("; do\n")
                .append("  for ((w = 0; w < ").append((days * 24 + windowHours - 1) / windowHours).append("; w++)); do\n")
                .append("    to=$((end - w * ").append(windowHours * 3600).append("))\n")
                .append("    from=$((to - ").append(windowHours * 3600).append("))\n")
                .append("    id=$(aws logs start-query --region \"$region\" --log-group-name \"$group\"")
                .append(" --start-time \"$from\" --end-time \"$((to - 1))\" --query-string \"$query\"")
                .append(" --query queryId --output text)\n")
                .append("    until [[ $(aws logs get-query-results --region \"$region\" --query-id \"$id\"")
                .append(" --query status --output text) =~ ^(Complete|Failed|Cancelled|Timeout|Unknown)$ ]]; do sleep 2; done\n")
                .append("    aws logs get-query-results --region \"$region\" --query-id \"$id\"")
                .append(" > \"tune-export/${group##*/}-$w.json\"\n")
                .append("  done\n")
                .append("done\n")
                .append("echo \"then: bin/tune ").append(settings.stack()).append(" --results tune-export/*.json\"\n");
        return out.toString();
    }
}
