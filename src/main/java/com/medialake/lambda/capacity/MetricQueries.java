package com.medialake.lambda.capacity;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.medialake.lambda.infra.Names;
import com.medialake.lambda.model.StackSettings;
import java.util.ArrayList;
import java.util.List;

/**
 * What capacity --print-query prints: the --metric-data-queries of aws cloudwatch get-metric-data, per
 * function its peak concurrency per period ({@code conc_<function>}, ConcurrentExecutions, Maximum) and its
 * invocations ({@code inv_<function>}, Invocations, Sum), and the time they ran ({@code dur_<function>}, Duration,
 * Sum, for the preview's bill), by the function's physical name. The period is an
 * hour by default; 5 minutes or 1 minute show bursts an hourly peak hides (CloudWatch keeps 1-minute data 15
 * days, 5-minute data 63 days, hourly data 455 days: "Data points with a period of 60 seconds are available
 * for 15 days", CloudWatch concepts, metrics retention).
 */
public final class MetricQueries {
    private MetricQueries() {
    }

    /** The query ids of a stack's functions, as --print-query writes them. */
    public static List<String> ids(StackSettings settings) {
        var ids = new ArrayList<String>();
        for (var fn : settings.functions()) {
            ids.add("conc_" + fn.name());
            ids.add("inv_" + fn.name());
        }
        return ids;
    }

    /** The ids of the functions' total duration: read where an export has them (one made before may not). */
    public static List<String> durationIds(StackSettings settings) {
        return settings.functions().stream().map(fn -> "dur_" + fn.name()).toList();
    }

    /** The --metric-data-queries of aws cloudwatch get-metric-data: per function its peak concurrency and invocations. */
    public static JsonArray queries(StackSettings settings, int periodSeconds) {
        var out = new JsonArray();
        for (var fn : settings.functions()) {
            String name = Names.function(settings.stack(), fn.name());
            out.add(query("conc_" + fn.name(), "ConcurrentExecutions", "Maximum", name, periodSeconds));
            out.add(query("inv_" + fn.name(), "Invocations", "Sum", name, periodSeconds));
            out.add(query("dur_" + fn.name(), "Duration", "Sum", name, periodSeconds));
        }
        return out;
    }

    private static JsonObject query(String id, String metric, String stat, String functionName, int periodSeconds) {
        var dimension = new JsonObject();
        dimension.addProperty("Name", "FunctionName");
        dimension.addProperty("Value", functionName);
        var dimensions = new JsonArray();
        dimensions.add(dimension);
        var m = new JsonObject();
        m.addProperty("Namespace", "AWS/Lambda");
        m.addProperty("MetricName", metric);
        m.add("Dimensions", dimensions);
        var metricStat = new JsonObject();
        metricStat.add("Metric", m);
        metricStat.addProperty("Period", periodSeconds);
        metricStat.addProperty("Stat", stat);
        var q = new JsonObject();
        q.addProperty("Id", id);
        q.add("MetricStat", metricStat);
        q.addProperty("ReturnData", true);
        return q;
    }
}
