package com.medialake.lambda.capacity;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.medialake.lambda.json.Json;
import java.util.LinkedHashMap;
import java.util.Map;

/** The sizing as capacity prints it: a report ending with the YAML to paste, or one JSON document. */
public final class CapacityReport {
    private CapacityReport() {
    }

    /** The JSON document of --json. */
    public static JsonObject json(CapacityPlan.Result result) {
        var doc = new JsonObject();
        doc.addProperty("stack", result.stack());
        doc.addProperty("coverage", result.coverage());
        doc.addProperty("timezone", result.timezone());
        var functions = new JsonObject();
        for (var f : result.functions()) {
            var o = new JsonObject();
            var levels = new JsonArray();
            for (int level : f.hourlyLevels()) {
                levels.add(level);
            }
            o.add("hourlyLevels", levels);
            o.addProperty("timezone", f.timezone());
            o.add("autoscaling", f.proposed().map(p -> (JsonElement) p.getAsJsonObject("autoscaling"))
                    .orElse(com.google.gson.JsonNull.INSTANCE));
            f.proposed().ifPresent(p -> o.add("provisionedConcurrency", p.get("provisionedConcurrency")));
            o.addProperty("instanceHoursPerWeek", f.instanceHoursPerWeek());
            o.addProperty("monthlyUsd", f.monthlyUsd());
            o.addProperty("currentMonthlyUsd", f.currentMonthlyUsd());
            o.addProperty("alwaysOnPeakMonthlyUsd", f.alwaysOnPeakMonthlyUsd());
            o.addProperty("hoursAboveCurrentPc", f.hoursAboveCurrentPc());
            o.addProperty("invocationsPerMinute", f.invocationsPerMinute());
            var advice = new JsonArray();
            f.advice().forEach(advice::add);
            o.add("advice", advice);
            functions.add(f.function(), o);
        }
        doc.add("functions", functions);
        doc.addProperty("totalMonthlyUsd", result.totalMonthlyUsd());
        doc.addProperty("currentMonthlyUsd", result.currentMonthlyUsd());
        doc.addProperty("alwaysOnPeakMonthlyUsd", result.alwaysOnPeakMonthlyUsd());
        return doc;
    }

    /** The text report, ending with the YAML to paste under medialake-lambda:functions: in the stack file. */
    public static String text(CapacityPlan.Result result) {
        var out = new StringBuilder();
        out.append("PC sized from traffic for stack ").append(result.stack()).append(" (coverage ")
                .append(result.coverage()).append(" of each hour of the week, in ").append(result.timezone()).append(")\n\n");
        for (var f : result.functions()) {
            out.append("  ").append(f.function()).append(": ");
            if (f.proposed().isPresent()) {
                out.append(f.instanceHoursPerWeek()).append(" instance-hours a week, $").append(f.monthlyUsd())
                        .append(" a month (today $").append(f.currentMonthlyUsd()).append(", the observed peak always on $")
                        .append(f.alwaysOnPeakMonthlyUsd()).append(")");
            } else {
                out.append("no PC proposed (today $").append(f.currentMonthlyUsd()).append(")");
            }
            out.append(", ").append(f.invocationsPerMinute()).append(" invocations a minute, ")
                    .append(f.hoursAboveCurrentPc()).append(" hours above today's PC\n");
            f.advice().forEach(a -> out.append("      - ").append(a).append("\n"));
        }
        out.append("\n  total: $").append(result.totalMonthlyUsd()).append(" a month (today $")
                .append(result.currentMonthlyUsd()).append(", the observed peaks always on $")
                .append(result.alwaysOnPeakMonthlyUsd()).append(")\n\n");
        out.append("# Paste under medialake-lambda:functions: in Pulumi.").append(result.stack())
                .append(".yaml (it replaces each function's provisionedConcurrency and autoscaling):\n");
        var yaml = new LinkedHashMap<String, Object>();
        for (var f : result.functions()) {
            f.proposed().ifPresent(p -> yaml.put(f.function(), Json.COMPACT.fromJson(p, Map.class)));
        }
        var options = new org.yaml.snakeyaml.DumperOptions();
        options.setDefaultFlowStyle(org.yaml.snakeyaml.DumperOptions.FlowStyle.BLOCK);
        options.setIndent(2);
        options.setIndicatorIndent(2);
        options.setIndentWithIndicator(true);
        String dumped = new org.yaml.snakeyaml.Yaml(options).dump(integers(yaml));
        dumped.lines().forEach(line -> out.append("    ").append(line).append("\n"));
        return out.toString();
    }

    /** Gson reads numbers as doubles: whole ones print as integers. */
    private static Object integers(Object value) {
        return Json.rebuild(value, node -> node instanceof Double d && d == Math.rint(d) && !d.isInfinite()
                ? java.util.Optional.of(d.longValue()) : java.util.Optional.empty(), false);
    }
}
