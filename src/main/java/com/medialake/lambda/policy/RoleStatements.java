package com.medialake.lambda.policy;

import static com.medialake.lambda.plan.ResourceTypes.*;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.medialake.lambda.plan.Plan;
import com.medialake.lambda.plan.PlannedResource;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Each role's effective permissions, one statement a line, for review: who may assume it, its inline
 * policies (by logical name) and managed policy attachments.
 */
public final class RoleStatements {
    private RoleStatements() {
    }

    public static String render(Plan plan) {
        return logical(plan, statements(plan));
    }

    /**
     * Ids that AWS (offline: the mock) generates stand as the resource that owns them, "{FileSystem
     * medialake-bulk-downloads}": a change of id scheme is then no permissions diff, and the report reads.
     * An id that echoes one of the resource's own inputs (a role's name, the file system id of its
     * FileSystemPolicy) is not generated and stays as it is.
     */
    private static String logical(Plan plan, String text) {
        var byId = new TreeMap<String, String>(Comparator.comparingInt(String::length).reversed()
                .thenComparing(Comparator.naturalOrder()));
        for (var r : plan.resources()) {
            if (r.id() != null && GENERATED_ID.matcher(r.id()).matches() && !echoesAnInput(r)) {
                byId.putIfAbsent(r.id(), "{" + r.type().substring(r.type().lastIndexOf(':') + 1) + " " + r.name() + "}");
            }
        }
        String out = text;
        for (var e : byId.entrySet()) {
            out = out.replace(e.getKey(), e.getValue());
        }
        return out;
    }

    /** The shape of EC2 and EFS ids: a prefix, a dash, hex (vpc-0a1b..., fs-0123..., fsap-...). */
    private static final Pattern GENERATED_ID = Pattern.compile("[a-z]+-[0-9a-f]{8,}");

    private static boolean echoesAnInput(PlannedResource r) {
        return r.inputs().entrySet().stream().anyMatch(e -> e.getValue().isJsonPrimitive()
                && r.id().equals(e.getValue().getAsString()));
    }

    private static String statements(Plan plan) {
        var out = new StringBuilder();
        var roles = new ArrayList<>(plan.ofType(ROLE));
        roles.sort(Comparator.comparing(r -> r.input("name")));
        for (var role : roles) {
            out.append("role ").append(role.input("name")).append('\n');
            for (var s : IamDocumentReader.statements(role.input("assumeRolePolicy"))) {
                out.append("  trusted by ").append(s.get("Principal")).append(" to ").append(list(s.get("Action")))
                        .append('\n');
            }
            var inline = new TreeMap<String, PlannedResource>();
            plan.ofType(ROLE_POLICY).stream().filter(p -> role.id().equals(p.input("role")))
                    .forEach(p -> inline.put(p.name(), p));
            inline.forEach((name, policy) -> {
                out.append("  policy ").append(name).append('\n');
                for (var s : IamDocumentReader.statements(policy.input("policy"))) {
                    out.append("    ").append(statement(s)).append('\n');
                }
            });
            plan.ofType(ROLE_POLICY_ATTACHMENT).stream()
                    .filter(a -> role.input("name").equals(a.input("role"))).map(a -> a.input("policyArn")).sorted()
                    .forEach(arn -> out.append("  managed ").append(arn).append('\n'));
            out.append('\n');
        }
        return out.toString();
    }

    private static String statement(JsonObject s) {
        var line = new StringBuilder(s.get("Effect").getAsString()).append(' ').append(list(s.get("Action")))
                .append(" on ").append(list(s.get("Resource")));
        if (s.has("Condition")) {
            for (Map.Entry<String, JsonElement> operator : new TreeMap<>(s.getAsJsonObject("Condition").asMap()).entrySet()) {
                new TreeMap<>(operator.getValue().getAsJsonObject().asMap()).forEach((key, value) ->
                        line.append(" if ").append(key).append(' ').append(operator.getKey()).append(' ').append(list(value)));
            }
        }
        return line.toString();
    }

    private static String list(JsonElement e) {
        if (e == null) {
            return "-";
        }
        if (e.isJsonPrimitive()) {
            return e.getAsString();
        }
        if (e.isJsonObject()) {
            return e.toString();
        }
        var items = new ArrayList<String>();
        e.getAsJsonArray().forEach(i -> items.add(i.getAsString()));
        return String.join(", ", items);
    }
}
