package com.medialake.lambda.plan;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.medialake.lambda.cost.Usd;
import com.medialake.lambda.json.Json;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What a change adds to the monthly bill: the "bill" of a plan saved with --json against the current one, resource by
 * resource (by URN) and for the stack. Read from the two documents only, so any saved plan with a bill compares.
 *
 * @param unavailable why there is no delta (the saved plan has no bill), if so
 * @param lines       each resource whose monthly cost changes, with what it is
 */
public record CostDelta(Optional<String> unavailable, BigDecimal before, BigDecimal after, BigDecimal usageDelta,
                        List<Line> lines) {
    public record Line(String urn, String type, String what, BigDecimal delta) {
    }

    public BigDecimal delta() {
        return after.subtract(before);
    }

    public static CostDelta between(String oldPlanJson, String newPlanJson) {
        var old = JsonParser.parseString(oldPlanJson).getAsJsonObject();
        var now = JsonParser.parseString(newPlanJson).getAsJsonObject();
        var zero = Usd.ZERO;
        if (!old.has("bill") || !now.has("bill")) {
            return new CostDelta(Optional.of("the saved plan has no bill (saved before the preview priced plans): save"
                    + " the base again with --json to see the cost of a change"), zero, zero, zero, List.of());
        }
        var before = old.getAsJsonObject("bill");
        var after = now.getAsJsonObject("bill");
        var was = costs(before);
        var is = costs(after);
        var urns = new TreeMap<String, Boolean>();
        was.keySet().forEach(u -> urns.put(u, true));
        is.keySet().forEach(u -> urns.put(u, true));
        var labels = labels(before);
        labels.putAll(labels(after));
        var lines = new ArrayList<Line>();
        for (String urn : urns.keySet()) {
            var delta = is.getOrDefault(urn, zero).subtract(was.getOrDefault(urn, zero));
            if (delta.signum() != 0) {
                lines.add(new Line(urn, type(urn), labels.getOrDefault(urn, type(urn)), delta));
            }
        }
        return new CostDelta(Optional.empty(), amount(before, "totalMonthlyUsd"), amount(after, "totalMonthlyUsd"),
                amount(after, "usageMonthlyUsd").subtract(amount(before, "usageMonthlyUsd")), lines);
    }

    private static Map<String, BigDecimal> costs(JsonObject bill) {
        var out = new TreeMap<String, BigDecimal>();
        bill.getAsJsonObject("byResource").entrySet().forEach(e -> out.put(e.getKey(), e.getValue().getAsBigDecimal()));
        return out;
    }

    private static Map<String, String> labels(JsonObject bill) {
        var out = new TreeMap<String, String>();
        for (var line : bill.getAsJsonArray("resources")) {
            out.put(line.getAsJsonObject().get("urn").getAsString(), line.getAsJsonObject().get("what").getAsString());
        }
        return out;
    }

    private static BigDecimal amount(JsonObject bill, String key) {
        return bill.get(key).getAsBigDecimal().setScale(2, RoundingMode.HALF_UP);
    }

    /** The type token within a URN (urn:pulumi:STACK::PROJECT::PARENT$TYPE::NAME). */
    private static String type(String urn) {
        String qualified = urn.split("::")[2];
        return qualified.substring(qualified.lastIndexOf('$') + 1);
    }

    public JsonObject json(Map<String, String> kindByUrn) {
        if (unavailable.isPresent()) {
            return Json.object("unavailable", unavailable.get());
        }
        var array = new JsonArray();
        for (var line : lines) {
            array.add(Json.object("urn", line.urn(), "type", line.type(), "what", line.what(),
                    "kind", kindByUrn.getOrDefault(line.urn(), "repriced"), "monthlyUsdDelta", line.delta()));
        }
        return Json.object("beforeMonthlyUsd", before, "afterMonthlyUsd", after, "deltaMonthlyUsd", delta(),
                "usageDeltaMonthlyUsd", usageDelta, "resources", array,
                "text", "$" + before.toPlainString() + " -> $" + after.toPlainString() + " (" + Usd.signed(delta()) + "/month)");
    }
}
