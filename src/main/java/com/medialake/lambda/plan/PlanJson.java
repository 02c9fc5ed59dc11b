package com.medialake.lambda.plan;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import com.medialake.lambda.cost.CostModel;
import com.medialake.lambda.json.Json;

/** The plan as one JSON document, byte-identical for the same configuration. */
public final class PlanJson {
    private PlanJson() {
    }

    public static String render(Plan plan) {
        return render(plan, null);
    }

    /** With the stack's monthly bill as "bill" (the preview computes it; the plan model does not price). */
    public static String render(Plan plan, JsonObject bill) {
        var doc = Json.object("project", plan.settings().project(), "stack", plan.settings().stack());
        var resources = new JsonArray();
        for (var r : plan.resources()) {
            var item = Json.object("urn", r.urn(), "type", r.type(), "name", r.name(), "parent", r.parent(),
                    "dependsOn", r.dependsOn(), "protect", r.protect());
            if (!r.customTimeouts().isEmpty()) {
                item.add("customTimeouts", Json.object("create", r.customTimeouts().get(0),
                        "update", r.customTimeouts().get(1), "delete", r.customTimeouts().get(2)));
            }
            if (!r.ignoreChanges().isEmpty()) {
                item.add("ignoreChanges", Json.array(r.ignoreChanges()));
            }
            item.add("inputs", r.inputs());
            resources.add(item);
        }
        doc.add("resources", resources);
        var outputs = new JsonObject();
        plan.outputs().forEach(outputs::add);
        doc.add("outputs", outputs);
        var cost = CostModel.of(plan.settings());
        if (cost.missingPrice().isEmpty()) {
            var byFunction = new JsonObject();
            cost.byFunction().forEach(c -> byFunction.add(c.function(), new JsonPrimitive(c.monthlyUsd())));
            doc.add("cost", Json.object("provisionedConcurrencyMonthlyUsd", cost.monthlyUsd(),
                    "alwaysOnMonthlyUsd", cost.alwaysOnMonthlyUsd(), "byFunction", byFunction));
        }
        if (bill != null) {
            doc.add("bill", bill);
        }
        return Json.PRETTY.toJson(doc) + "\n";
    }
}
