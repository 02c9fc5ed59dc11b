package com.medialake.lambda.tune;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.medialake.lambda.cost.Usd;
import com.medialake.lambda.json.Json;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** bin/tune's report: text for a person, one JSON document for a script; the same figures in both. */
final class TuneReport {
    static final String COST_ASSUMPTION = "at the invocations and billed durations of the records, scaled from their"
            + " span to a 730-hour month, with duration unchanged: AWS allocates CPU in proportion to memory, so less"
            + " memory can lengthen a CPU-bound function and more can shorten it; PC held priced as the preview prices it;"
            + " requests unchanged";

    private TuneReport() {
    }

    static String text(Tuning.Result result) {
        var out = new StringBuilder();
        out.append("Cold starts and memory of stack ").append(result.stack()).append(", from REPORT records ")
                .append(result.first()).append(" to ").append(result.last()).append(" UTC\n");
        for (var f : result.functions()) {
            var s = f.stats();
            var fn = f.settings();
            out.append("\n").append(fn.name()).append(" (").append(fn.memoryMb()).append(" MB, ")
                    .append(fn.attachment().label())
                    .append(fn.hasProvisionedConcurrency() ? ", PC " + fn.provisionedConcurrency() : "")
                    .append(fn.snapStart() ? ", SnapStart" : "").append(")\n");
            line(out, "invocations", String.format(Locale.ROOT, "%d, cold starts %d (%.2f%%)", s.invocations(),
                    s.coldStarts(), 100 * s.coldStartRate()));
            s.init().ifPresent(p -> line(out, "init ms", three(p)));
            s.restore().ifPresent(p -> line(out, "restore ms", three(p)));
            line(out, "duration ms", String.format(Locale.ROOT, "p50 %s, p99 %s", number(s.duration().p50()),
                    number(s.duration().p99())));
            line(out, "memory MB", String.format(Locale.ROOT, "p50 %s, p99 %s, max %s of %d", number(s.memoryUsed().p50()),
                    number(s.memoryUsed().p99()), number(s.memoryUsed().max()), s.memoryMb()));
            line(out, "memory", f.memory());
            f.coldStarts().forEach(c -> line(out, "cold starts", c));
            f.monthlyCostDelta().filter(d -> f.changes().has("memoryMb"))
                    .ifPresent(d -> line(out, "cost", Usd.signed(d) + " a month"));
        }
        out.append("\n");
        if (result.proposal().size() == 0) {
            out.append("Nothing to change: every function is within the strategy's targets.\n");
            return out.toString();
        }
        out.append("# Paste under medialake-lambda:functions: in Pulumi.").append(result.stack())
                .append(".yaml (validated as that file; the keys shown replace the function's, others stay):\n");
        var options = new org.yaml.snakeyaml.DumperOptions();
        options.setDefaultFlowStyle(org.yaml.snakeyaml.DumperOptions.FlowStyle.BLOCK);
        options.setIndent(2);
        String yaml = new org.yaml.snakeyaml.Yaml(options).dump(plain(result.proposal()));
        yaml.lines().forEach(l -> out.append("    ").append(l).append("\n"));
        out.append("\nMonthly cost of the memory changes: ").append(result.monthlyCostDelta().map(Usd::signed)
                .orElse("not estimated (no Lambda prices for " + result.region() + " in PriceTable)"))
                .append(" (").append(COST_ASSUMPTION).append(")\n");
        return out.toString();
    }

    static JsonObject json(Tuning.Result result) {
        var functions = new JsonArray();
        for (var f : result.functions()) {
            var s = f.stats();
            var fn = f.settings();
            var o = Json.object("function", fn.name(), "memoryMb", fn.memoryMb(), "network", fn.attachment().label(),
                    "provisionedConcurrency", fn.provisionedConcurrency(), "snapStart", fn.snapStart(),
                    "invocations", s.invocations(), "coldStarts", s.coldStarts(), "coldStartRate", s.coldStartRate());
            s.init().ifPresent(p -> o.add("initMs", percentiles(p)));
            s.restore().ifPresent(p -> o.add("restoreMs", percentiles(p)));
            o.add("durationMs", Json.object("p50", s.duration().p50(), "p99", s.duration().p99()));
            o.add("memoryUsedMb", Json.object("p50", s.memoryUsed().p50(), "p99", s.memoryUsed().p99(),
                    "max", s.memoryUsed().max()));
            o.add("cpu", Json.object("verdict", f.cpu().verdict().name(), "reason", f.cpu().reason()));
            o.addProperty("memory", f.memory());
            var cold = new JsonArray();
            f.coldStarts().forEach(cold::add);
            o.add("coldStartAdvice", cold);
            o.add("changes", f.changes());
            f.monthlyCostDelta().ifPresent(d -> o.addProperty("monthlyCostDeltaUsd", d));
            functions.add(o);
        }
        var doc = Json.object("stack", result.stack(), "region", result.region(), "from", result.first(),
                "to", result.last());
        doc.add("functions", functions);
        doc.add("proposal", result.proposal());
        result.monthlyCostDelta().ifPresent(d -> doc.addProperty("monthlyCostDeltaUsd", d));
        doc.addProperty("costAssumption", COST_ASSUMPTION);
        return doc;
    }

    private static JsonObject percentiles(FunctionStats.Percentiles p) {
        return Json.object("p50", p.p50(), "p90", p.p90(), "p99", p.p99());
    }

    private static void line(StringBuilder out, String label, String text) {
        out.append(String.format(Locale.ROOT, "  %-12s %s%n", label, text));
    }

    private static String three(FunctionStats.Percentiles p) {
        return "p50 " + number(p.p50()) + ", p90 " + number(p.p90()) + ", p99 " + number(p.p99());
    }

    private static String number(double value) {
        return value == Math.rint(value) ? String.valueOf((long) value) : String.format(Locale.ROOT, "%.1f", value);
    }

    /** The proposal as plain maps and values for the YAML writer, integers as integers. */
    private static Map<String, Object> plain(JsonObject proposal) {
        var out = new LinkedHashMap<String, Object>();
        proposal.entrySet().forEach(e -> out.put(e.getKey(), value(e.getValue())));
        return out;
    }

    private static Object value(JsonElement e) {
        if (e.isJsonObject()) {
            return plain(e.getAsJsonObject());
        }
        var p = e.getAsJsonPrimitive();
        return p.isBoolean() ? (Object) p.getAsBoolean() : (Object) p.getAsInt();
    }
}
