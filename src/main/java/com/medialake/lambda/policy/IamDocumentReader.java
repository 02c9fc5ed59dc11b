package com.medialake.lambda.policy;

import static com.medialake.lambda.plan.ResourceTypes.*;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.medialake.lambda.infra.Names;
import com.medialake.lambda.plan.Plan;
import com.medialake.lambda.plan.PlannedResource;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.stream.Collectors;

/** What the rule families share: the plan's policy documents, security groups and functions, read one way. */
final class IamDocumentReader {
    /**
     * Actions that AWS does not let a policy scope to a resource, so "*" is the narrowest grant: the same list
     * the role builder grants them from (infra.IamDocuments), so the check and the grant cannot drift apart.
     */
    static final Set<String> UNSCOPABLE_ACTIONS = java.util.stream.Stream.concat(
            com.medialake.lambda.infra.IamDocuments.VPC_NETWORK_INTERFACE_ACTIONS.stream(),
            com.medialake.lambda.infra.IamDocuments.XRAY_WRITE_ACTIONS.stream()).collect(java.util.stream.Collectors.toUnmodifiableSet());

    private IamDocumentReader() {
    }

    static Set<String> functionsWithPc(Plan plan) {
        return plan.ofType(PROVISIONED_CONCURRENCY_CONFIG).stream().map(pc -> pc.input("functionName")).collect(Collectors.toSet());
    }

    /** The unqualified ARN of a function, as callers would write it. */
    static String functionArn(Plan plan, PlannedResource fn) {
        // The account is the role's: both live in the account the stack deploys to.
        String account = fn.input("role").split(":")[4];
        String region = plan.settings().region();
        return "arn:" + Names.partition(region) + ":lambda:" + region + ":" + account + ":function:" + fn.input("name");
    }

    static List<PlannedResource> securityGroups(Plan plan) {
        var groups = new ArrayList<>(plan.ofType(SECURITY_GROUP));
        groups.addAll(plan.ofType(DEFAULT_SECURITY_GROUP));
        return groups;
    }

    static void forEachAllowStatement(Plan plan, BiConsumer<PlannedResource, JsonObject> visit) {
        var policies = new ArrayList<>(plan.ofType(ROLE_POLICY));
        policies.addAll(plan.ofType(IAM_POLICY));
        for (var policy : policies) {
            for (var statement : statements(policy.input("policy"))) {
                if ("Allow".equals(text(statement, "Effect"))) {
                    visit.accept(policy, statement);
                }
            }
        }
    }

    static List<JsonObject> statements(String document) {
        if (document == null) {
            return List.of();
        }
        return oneOrMany(JsonParser.parseString(document).getAsJsonObject().get("Statement")).stream()
                .map(JsonElement::getAsJsonObject).toList();
    }

    /** IAM takes one value or a list wherever it takes a list (Statement, Action, Resource, Principal...). */
    private static List<JsonElement> oneOrMany(JsonElement e) {
        if (e == null || e.isJsonNull()) {
            return List.of();
        }
        return e.isJsonArray() ? e.getAsJsonArray().asList() : List.of(e);
    }

    static String secureTransport(JsonObject statement) {
        var condition = statement.getAsJsonObject("Condition");
        var bool = condition == null ? null : condition.getAsJsonObject("Bool");
        return bool == null ? null : text(bool, "aws:SecureTransport");
    }

    static boolean coversPort(JsonObject rule, int port) {
        String protocol = text(rule, "protocol");
        if ("-1".equals(protocol) || "all".equals(protocol)) {
            return true;
        }
        return "tcp".equals(protocol) && rule.get("fromPort").getAsInt() <= port && rule.get("toPort").getAsInt() >= port;
    }

    static String describeRule(JsonObject rule) {
        String protocol = text(rule, "protocol");
        return "-1".equals(protocol) ? "all traffic" : protocol + " " + rule.get("fromPort") + "-" + rule.get("toPort");
    }

    static List<JsonElement> array(JsonObject object, String key) {
        JsonElement e = object.get(key);
        return e == null || !e.isJsonArray() ? List.of() : ((JsonArray) e).asList();
    }

    /** A string or a list of strings, as IAM allows both. */
    static List<String> strings(JsonObject object, String key) {
        return oneOrMany(object.get(key)).stream().map(JsonElement::getAsString).toList();
    }

    static String text(JsonObject object, String key) {
        JsonElement e = object.get(key);
        return e == null || e.isJsonNull() ? null : e.getAsString();
    }
}
