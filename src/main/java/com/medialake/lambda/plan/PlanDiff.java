package com.medialake.lambda.plan;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.medialake.lambda.cost.AmountGroups;
import com.medialake.lambda.cost.Usd;
import com.medialake.lambda.json.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What would change between a plan saved earlier ({@code preview --json}) and the current one: resources
 * created, deleted, updated in place or replaced, with the inputs that changed. A change to an input in
 * {@link ReplacementProperties} is a replacement.
 */
public final class PlanDiff {
    public enum Kind { CREATE, UPDATE, REPLACE, DELETE }

    /**
     * @param changed       top-level inputs whose values differ, sorted
     * @param forcedBy      the changed inputs that force a replacement
     */
    public record Change(Kind kind, String urn, String type, String name, List<String> changed, List<String> forcedBy,
                         Map<String, JsonElement> before, Map<String, JsonElement> after) {
    }

    private PlanDiff() {
    }

    public static List<Change> between(String oldPlanJson, String newPlanJson) {
        var before = resources(oldPlanJson);
        var after = resources(newPlanJson);
        var urns = new TreeSet<String>();
        urns.addAll(before.keySet());
        urns.addAll(after.keySet());
        var changes = new ArrayList<Change>();
        for (String urn : urns) {
            var old = before.get(urn);
            var now = after.get(urn);
            if (old == null) {
                changes.add(new Change(Kind.CREATE, urn, type(now), name(now), List.of(), List.of(), Map.of(), Map.of()));
            } else if (now == null) {
                changes.add(new Change(Kind.DELETE, urn, type(old), name(old), List.of(), List.of(), Map.of(), Map.of()));
            } else {
                compare(urn, old, now).ifPresent(changes::add);
            }
        }
        return changes;
    }

    private static java.util.Optional<Change> compare(String urn, JsonObject old, JsonObject now) {
        var oldInputs = old.getAsJsonObject("inputs");
        var newInputs = now.getAsJsonObject("inputs");
        var keys = new TreeSet<String>();
        keys.addAll(oldInputs.keySet());
        keys.addAll(newInputs.keySet());
        var changed = new ArrayList<String>();
        var was = new TreeMap<String, JsonElement>();
        var is = new TreeMap<String, JsonElement>();
        for (String key : keys) {
            var a = oldInputs.get(key);
            var b = newInputs.get(key);
            if (a == null ? b != null : !a.equals(b)) {
                changed.add(key);
                was.put(key, a);
                is.put(key, b);
            }
        }
        if (!old.get("protect").equals(now.get("protect"))) {
            changed.add("(protect)");
        }
        if (changed.isEmpty()) {
            return java.util.Optional.empty();
        }
        Set<String> forcing = ReplacementProperties.BY_TYPE.getOrDefault(type(now), Set.of());
        var forcedBy = changed.stream().filter(forcing::contains).toList();
        return java.util.Optional.of(new Change(forcedBy.isEmpty() ? Kind.UPDATE : Kind.REPLACE, urn, type(now),
                name(now), changed, forcedBy, was, is));
    }

    private static Map<String, JsonObject> resources(String planJson) {
        var out = new TreeMap<String, JsonObject>();
        for (var r : JsonParser.parseString(planJson).getAsJsonObject().getAsJsonArray("resources")) {
            out.put(r.getAsJsonObject().get("urn").getAsString(), r.getAsJsonObject());
        }
        return out;
    }

    private static String type(JsonObject r) {
        return r.get("type").getAsString();
    }

    private static String name(JsonObject r) {
        return r.get("name").getAsString();
    }

    /** For a reviewer: one line a resource, the changed inputs below it, counts at the end. */
    public static String renderText(List<Change> changes) {
        var out = new StringBuilder();
        var counts = new TreeMap<Kind, Integer>();
        for (var c : changes) {
            counts.merge(c.kind(), 1, Integer::sum);
            String sign = switch (c.kind()) {
                case CREATE -> "+";
                case UPDATE -> "~";
                case REPLACE -> "+-";
                case DELETE -> "-";
            };
            out.append(String.format("%-2s %-8s %s  %s", sign, c.kind().name().toLowerCase(), c.type(), c.name()));
            if (!c.forcedBy().isEmpty()) {
                out.append("  [replaced because of ").append(String.join(", ", c.forcedBy())).append("]");
            }
            out.append('\n');
            for (String key : c.changed()) {
                if (c.before().containsKey(key) || c.after().containsKey(key)) {
                    // Long values (a dashboard body) are shown from just before where they first differ.
                    int from = firstDifference(c.before().get(key), c.after().get(key));
                    out.append("       ").append(key).append(": ").append(brief(c.before().get(key), from))
                            .append(" => ").append(brief(c.after().get(key), from)).append('\n');
                } else {
                    out.append("       ").append(key).append('\n');
                }
            }
        }
        if (changes.isEmpty()) {
            out.append("no changes\n");
        } else {
            out.append(String.format("%d to create, %d to update, %d to replace, %d to delete%n",
                    counts.getOrDefault(Kind.CREATE, 0), counts.getOrDefault(Kind.UPDATE, 0),
                    counts.getOrDefault(Kind.REPLACE, 0), counts.getOrDefault(Kind.DELETE, 0)));
        }
        return out.toString();
    }

    private static final int BRIEF = 160;
    private static final int CONTEXT = 40;

    private static int firstDifference(JsonElement before, JsonElement after) {
        if (before == null || after == null) {
            return 0;
        }
        String a = before.toString();
        String b = after.toString();
        int same = 0;
        while (same < a.length() && same < b.length() && a.charAt(same) == b.charAt(same)) {
            same++;
        }
        return same > BRIEF - CONTEXT ? same - CONTEXT : 0;
    }

    private static String brief(JsonElement e, int from) {
        if (e == null) {
            return "(none)";
        }
        String text = e.toString();
        String shown = from > 0 ? "..." + text.substring(Math.min(from, text.length())) : text;
        return shown.length() > BRIEF ? shown.substring(0, BRIEF - 3) + "..." : shown;
    }

    /** The diff and what it adds to the monthly bill. */
    public static String renderText(List<Change> changes, CostDelta cost) {
        var out = new StringBuilder(renderText(changes));
        if (cost.unavailable().isPresent()) {
            out.append("Monthly cost: not compared: ").append(cost.unavailable().get()).append('\n');
            return out.toString();
        }
        if (cost.delta().signum() == 0 && cost.lines().isEmpty() && cost.usageDelta().signum() == 0) {
            out.append("Monthly cost: $").append(cost.after().toPlainString()).append(", unchanged\n");
            return out.toString();
        }
        out.append("Monthly cost: $").append(cost.before().toPlainString()).append(" -> $")
                .append(cost.after().toPlainString()).append(" (").append(Usd.signed(cost.delta())).append("/month)\n");
        var kinds = kinds(changes);
        // One line per kind of thing and what happens to it: "-$65.70/month: 2 x NAT gateway deleted".
        var groups = new AmountGroups();
        for (var line : cost.lines()) {
            groups.add(line.what() + " " + kinds.getOrDefault(line.urn(), "repriced"), line.delta(), "");
        }
        groups.largestFirst().forEach(g -> out.append("  ").append(Usd.signed(g.total()))
                .append("/month: ").append(g.counted(g.key())).append('\n'));
        if (cost.usageDelta().signum() != 0) {
            out.append("  ").append(Usd.signed(cost.usageDelta())).append("/month: usage (traffic or costAssumptions)\n");
        }
        if (changes.stream().anyMatch(c -> c.kind() == Kind.REPLACE && c.type().equals(ResourceTypes.PROVISIONED_CONCURRENCY_CONFIG))) {
            out.append("  (a replaced PC config is created on the new version before the old one is deleted: both are"
                    + " held for the minutes the deploy takes, billed in 5-minute steps; that is not a monthly cost)\n");
        }
        return out.toString();
    }

    public static String renderJson(List<Change> changes, CostDelta cost) {
        var doc = JsonParser.parseString(renderJson(changes)).getAsJsonObject();
        doc.add("cost", cost.json(kinds(changes)));
        return Json.PRETTY.toJson(doc) + "\n";
    }

    private static Map<String, String> kinds(List<Change> changes) {
        var out = new TreeMap<String, String>();
        changes.forEach(c -> out.put(c.urn(), switch (c.kind()) {
            case CREATE -> "created";
            case UPDATE -> "updated";
            case REPLACE -> "replaced";
            case DELETE -> "deleted";
        }));
        return out;
    }

    public static String renderJson(List<Change> changes) {
        var array = new JsonArray();
        for (var c : changes) {
            var changed = new JsonObject();
            for (String key : c.changed()) {
                changed.add(key, Json.object("before", c.before().get(key), "after", c.after().get(key)));
            }
            array.add(Json.object("kind", c.kind().name().toLowerCase(), "urn", c.urn(), "type", c.type(),
                    "name", c.name(), "changed", changed, "replacedBecauseOf", c.forcedBy()));
        }
        var doc = new JsonObject();
        doc.add("changes", array);
        return Json.PRETTY.toJson(doc) + "\n";
    }
}
