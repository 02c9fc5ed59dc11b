package com.medialake.lambda.preview;

import static com.medialake.lambda.plan.ResourceTypes.*;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.medialake.lambda.plan.Plan;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The versions AWS publishes, for the offline engine. A published function gets a new version when its code
 * or a versioned setting changed since the version that is live, and keeps it otherwise
 * (terraform-provider-aws, resourceFunctionUpdate: PublishVersion after a code or configuration update when
 * {@code publish} is set; tags and reserved concurrency are not part of a version). The live version is what
 * the saved plan's {@code live} alias points to.
 */
public final class FunctionVersions {
    /** Function inputs that AWS does not version. */
    static final Set<String> UNVERSIONED_INPUTS = Set.of("tags", "tagsAll", "publish", "reservedConcurrentExecutions");

    /** A published function in a saved plan: its live version and the inputs that version was published from. */
    record Published(int version, JsonObject versionedInputs) {
    }

    private FunctionVersions() {
    }

    /** The published functions of a plan saved with --json, by logical name. */
    static Map<String, Published> live(JsonObject savedPlan) {
        var functionsByUrn = new TreeMap<String, JsonObject>();
        var resources = savedPlan.getAsJsonArray("resources");
        for (JsonElement e : resources) {
            var r = e.getAsJsonObject();
            if (FUNCTION.equals(r.get("type").getAsString())) {
                functionsByUrn.put(r.get("name").getAsString(), r);
            }
        }
        var out = new TreeMap<String, Published>();
        for (JsonElement e : resources) {
            var r = e.getAsJsonObject();
            if (!ALIAS.equals(r.get("type").getAsString())) {
                continue;
            }
            String aliasName = r.get("name").getAsString();
            String function = aliasName.substring(0, aliasName.lastIndexOf('-'));
            var inputs = r.getAsJsonObject("inputs");
            var fn = functionsByUrn.get(function);
            if (fn != null && inputs.has("functionVersion") && inputs.get("functionVersion").getAsString().matches("\\d+")) {
                out.put(function, new Published(inputs.get("functionVersion").getAsInt(),
                        versioned(fn.getAsJsonObject("inputs"))));
            }
        }
        return out;
    }

    /**
     * The version each published function of {@code current} gets, given what was live: the same where its
     * versioned inputs are unchanged, the next one where they changed; functions new to the plan start at 1.
     */
    static Map<String, Integer> next(Map<String, Published> live, Plan current) {
        var out = new TreeMap<String, Integer>();
        for (var fn : current.ofType(FUNCTION)) {
            var before = live.get(fn.name());
            if (before == null || !"true".equals(fn.input("publish"))) {
                continue;
            }
            out.put(fn.name(), before.versionedInputs().equals(versioned(fn.inputs()))
                    ? before.version() : before.version() + 1);
        }
        return out;
    }

    /** The live versions as they are, for a first run that assumes nothing changed. */
    static Map<String, Integer> unchanged(Map<String, Published> live) {
        var out = new TreeMap<String, Integer>();
        live.forEach((name, published) -> out.put(name, published.version()));
        return out;
    }

    private static JsonObject versioned(JsonObject inputs) {
        var copy = JsonParser.parseString(inputs.toString()).getAsJsonObject();
        UNVERSIONED_INPUTS.forEach(copy::remove);
        return copy;
    }
}
