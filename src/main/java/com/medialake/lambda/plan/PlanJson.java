package com.medialake.lambda.plan;

import com.google.gson.JsonArray;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import com.medialake.lambda.cost.CostModel;
import com.medialake.lambda.json.Json;

/** The plan as one JSON document, byte-identical for the same configuration. */
public final class PlanJson {
    private PlanJson() {
    }

    public static String render(Plan plan) {
        var doc = new JsonObject();
        doc.addProperty("project", plan.settings().project());
        doc.addProperty("stack", plan.settings().stack());
        var resources = new JsonArray();
        for (var r : plan.resources()) {
            var item = new JsonObject();
            item.addProperty("urn", r.urn());
            item.addProperty("type", r.type());
            item.addProperty("name", r.name());
            item.add("parent", r.parent() == null ? JsonNull.INSTANCE : new JsonPrimitive(r.parent()));
            var dependsOn = new JsonArray();
            r.dependsOn().forEach(dependsOn::add);
            item.add("dependsOn", dependsOn);
            item.addProperty("protect", r.protect());
            if (!r.customTimeouts().isEmpty()) {
                var timeouts = new JsonObject();
                timeouts.addProperty("create", r.customTimeouts().get(0));
                timeouts.addProperty("update", r.customTimeouts().get(1));
                timeouts.addProperty("delete", r.customTimeouts().get(2));
                item.add("customTimeouts", timeouts);
            }
            if (!r.ignoreChanges().isEmpty()) {
                var ignore = new JsonArray();
                r.ignoreChanges().forEach(ignore::add);
                item.add("ignoreChanges", ignore);
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
            var costJson = new JsonObject();
            costJson.add("provisionedConcurrencyMonthlyUsd", new JsonPrimitive(cost.monthlyUsd()));
            costJson.add("alwaysOnMonthlyUsd", new JsonPrimitive(cost.alwaysOnMonthlyUsd()));
            var byFunction = new JsonObject();
            cost.byFunction().forEach(c -> byFunction.add(c.function(), new JsonPrimitive(c.monthlyUsd())));
            costJson.add("byFunction", byFunction);
            doc.add("cost", costJson);
        }
        return Json.PRETTY.toJson(doc) + "\n";
    }
}
