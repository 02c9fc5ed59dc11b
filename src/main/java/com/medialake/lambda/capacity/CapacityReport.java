package com.medialake.lambda.capacity;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.medialake.lambda.json.Json;
import java.util.LinkedHashMap;
import java.util.Map;

/** The sizing as capacity prints it: a report ending with the YAML to paste, or one JSON document. */
public final class CapacityReport {
    private CapacityReport() {
    }

    /** The JSON document of --json. */
    public static JsonObject json(CapacitySizing.Result result, boolean replay) {
        var doc = Json.object("stack", result.stack(), "coverage", result.coverage(), "timezone", result.timezone());
        var functions = new JsonObject();
        for (var f : result.functions()) {
            var levels = new JsonArray();
            for (int level : f.hourlyLevels()) {
                levels.add(level);
            }
            var o = Json.object("hourlyLevels", levels, "timezone", f.timezone(),
                    "autoscaling", f.proposed().map(p -> p.getAsJsonObject("autoscaling")).orElse(null));
            f.proposed().ifPresent(p -> o.add("provisionedConcurrency", p.get("provisionedConcurrency")));
            Json.put(o, "instanceHoursPerWeek", f.instanceHoursPerWeek(), "monthlyUsd", f.monthlyUsd(),
                    "currentMonthlyUsd", f.currentMonthlyUsd(), "alwaysOnPeakMonthlyUsd", f.alwaysOnPeakMonthlyUsd(),
                    "hoursAboveCurrentPc", f.hoursAboveCurrentPc(), "invocationsPerMinute", f.invocationsPerMinute(),
                    "advice", f.advice());
            if (replay) {
                var r = Json.object("today", replayJson(f.current(), result));
                f.proposal().ifPresent(p -> r.add("proposal", replayJson(p, result)));
                o.add("replay", r);
            }
            functions.add(f.function(), o);
        }
        doc.add("functions", functions);
        Json.put(doc, "totalMonthlyUsd", result.totalMonthlyUsd(), "currentMonthlyUsd", result.currentMonthlyUsd(),
                "alwaysOnPeakMonthlyUsd", result.alwaysOnPeakMonthlyUsd());
        return doc;
    }

    private static JsonObject replayJson(CapacitySizing.Replay replay, CapacitySizing.Result result) {
        var r = replay.result();
        var levels = new JsonArray();
        for (int level : r.levelByHour()) {
            levels.add(level);
        }
        var hours = new JsonArray();
        for (int h = 0; h < r.spilloverByHour().length; h++) {
            if (r.spilloverByHour()[h] > 0) {
                hours.add(result.first().plusSeconds(3600L * h).toString());
            }
        }
        return Json.object("monthlyUsd", replay.monthlyUsd(), "instanceHours", round(r.instanceMinutes() / 60),
                "averageLevel", round(r.averageLevel()), "spilloverInvocations", round(r.spillover()),
                "spilloverShare", round(r.spilloverShare()), "hoursWithSpillover", hours, "levelByHour", levels);
    }

    private static double round(double value) {
        return Math.round(value * 10000) / 10000.0;
    }

    private static String replayLine(String what, CapacitySizing.Replay replay) {
        var r = replay.result();
        int low = java.util.Arrays.stream(r.levelByHour()).min().orElse(0);
        int high = java.util.Arrays.stream(r.levelByHour()).max().orElse(0);
        return String.format(java.util.Locale.ROOT, "      replayed %s: PC %d-%d (average %.2f), %.0f instance-hours,"
                        + " $%s a month; %.0f invocations spilled to on-demand (%.2f%%) in %d hours%n", what, low, high,
                r.averageLevel(), r.instanceMinutes() / 60, replay.monthlyUsd(), r.spillover(), r.spilloverShare() * 100,
                r.hoursWithSpillover());
    }

    /** The text report, ending with the YAML to paste under medialake-lambda:functions: in the stack file. */
    public static String text(CapacitySizing.Result result, boolean replay) {
        var out = new StringBuilder();
        out.append("PC sized from traffic for stack ").append(result.stack()).append(" (coverage ")
                .append(result.coverage()).append(" of each hour of the week, in ").append(result.timezone()).append(")\n\n");
        for (var f : result.functions()) {
            out.append("  ").append(f.function()).append(": ");
            if (f.proposed().isPresent()) {
                out.append(f.instanceHoursPerWeek()).append(" instance-hours a week, $").append(f.monthlyUsd())
                        .append(" a month (today $").append(f.currentMonthlyUsd())
                        .append(" at rest, always on for the observed peak $")
                        .append(f.alwaysOnPeakMonthlyUsd()).append(")");
            } else {
                out.append("no PC proposed (today $").append(f.currentMonthlyUsd()).append(")");
            }
            out.append(", ").append(f.invocationsPerMinute()).append(" invocations a minute, ")
                    .append(f.hoursAboveCurrentPc()).append(" hours above today's PC\n");
            f.advice().forEach(a -> out.append("      - ").append(a).append("\n"));
            if (replay && (f.current().result().instanceMinutes() > 0 || f.proposal().isPresent())) {
                out.append(replayLine("today", f.current()));
                f.proposal().ifPresent(p -> out.append(replayLine("proposal", p)));
            }
        }
        out.append("\n  total: $").append(result.totalMonthlyUsd()).append(" a month (today $")
                .append(result.currentMonthlyUsd()).append(", always on for the observed peaks $")
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
