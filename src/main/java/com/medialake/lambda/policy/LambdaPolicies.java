package com.medialake.lambda.policy;

import static com.medialake.lambda.plan.ResourceTypes.*;
import static com.medialake.lambda.policy.IamDocumentReader.*;

import com.medialake.lambda.plan.Plan;
import com.medialake.lambda.policy.PlanPolicies.Reporter;
import com.google.gson.JsonElement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Lambda: X-Ray, PC never on $LATEST, every caller on the warm pool, no PC on EFS functions. */
final class LambdaPolicies {
    private LambdaPolicies() {
    }

    static void tracing(Plan plan, Reporter r) {
        for (var fn : plan.ofType(FUNCTION)) {
            var tracing = fn.inputs().getAsJsonObject("tracingConfig");
            if (tracing == null || !"Active".equals(text(tracing, "mode"))) {
                r.report(fn, "X-Ray tracing is not active", "set tracingConfig.mode to Active");
            }
        }
    }

    static void pcNotOnLatest(Plan plan, Reporter r) {
        for (var pc : plan.ofType(PROVISIONED_CONCURRENCY_CONFIG)) {
            String qualifier = pc.input("qualifier");
            boolean alias = plan.ofType(ALIAS).stream().anyMatch(a ->
                    a.input("name").equals(qualifier) && a.input("functionName").equals(pc.input("functionName")));
            if (qualifier == null || qualifier.equals("$LATEST") || !(alias || qualifier.matches("\\d+"))) {
                r.report(pc, "provisioned concurrency on '" + qualifier + "', which is not a published version or an"
                        + " alias of " + pc.input("functionName"), "put it on the live alias");
            }
        }
    }

    /**
     * Every resource of any type that names a PC function must name the warm pool: a qualifier input that is
     * the version holding PC or an alias of it, or its ARN qualified so, wherever that ARN stands in its inputs
     * (an integration URI, an event target, a subscription endpoint, a policy document). A function URL, an event
     * source, a subscription or a grant added later cannot slip past, whatever its type. Only the function's
     * aliases and PC configs, which configure it, may name it bare.
     */
    static void callersUseAlias(Plan plan, Reporter r) {
        Map<String, String> pcQualifier = new HashMap<>();
        plan.ofType(PROVISIONED_CONCURRENCY_CONFIG).forEach(pc -> pcQualifier.put(pc.input("functionName"), pc.input("qualifier")));
        // The qualifiers that reach the warm pool: the PC's own, and every alias pointing at the version with PC.
        Map<String, Set<String>> warmQualifiers = new HashMap<>();
        pcQualifier.forEach((fn, q) -> warmQualifiers.computeIfAbsent(fn, k -> new java.util.TreeSet<>()).add(q));
        for (var alias : plan.ofType(ALIAS)) {
            String fn = alias.input("functionName");
            if (pcQualifier.containsKey(fn) && pcQualifier.get(fn).equals(alias.input("functionVersion"))) {
                warmQualifiers.get(fn).add(alias.input("name"));
            }
        }
        for (var fn : plan.ofType(FUNCTION)) {
            String name = fn.input("name");
            if (!pcQualifier.containsKey(name)) {
                continue;
            }
            String arn = functionArn(plan, fn);
            Set<String> warm = warmQualifiers.get(name);
            for (var caller : plan.resources()) {
                if (CONFIGURES.contains(caller.type())) {
                    continue;
                }
                var values = strings(caller.inputs());
                // Lambda's own resources name a function by name or ARN in "function" or "functionName", with
                // any qualifier apart (Permission, FunctionUrl, FunctionEventInvokeConfig, EventSourceMapping).
                boolean named = java.util.stream.Stream.of(caller.input("function"), caller.input("functionName"))
                        .anyMatch(v -> name.equals(v) || arn.equals(v));
                String qualifier = caller.input("qualifier");
                if (named && (qualifier == null || !warm.contains(qualifier))) {
                    r.report(caller, (qualifier == null ? "invokes " + name + " unqualified ($LATEST)"
                                    : "invokes " + name + ":" + qualifier) + ": cold starts while PC on "
                                    + pcQualifier.get(name) + " is billed; its PC is reached only through "
                                    + String.join(" or ", warm),
                            "qualify it with the alias callers invoke (" + arn + ":" + LIVE + ")");
                    continue;
                }
                for (String value : values) {
                    var bad = qualifiedArns(value, arn).stream().filter(q -> !warm.contains(q)).findFirst();
                    if (bad.isPresent()) {
                        r.report(caller, "invokes " + arn + (bad.get().isEmpty() ? " unqualified ($LATEST)" : ":"
                                        + bad.get()) + ", but its PC is reached only through " + String.join(" or ", warm),
                                "invoke " + arn + ":" + LIVE);
                        break;
                    }
                }
            }
        }
    }

    /** The alias callers invoke (LambdaService.ALIAS_NAME; the policies read only the plan). */
    private static final String LIVE = "live";

    /** Types that configure a function rather than invoke it: they may name it bare. */
    private static final Set<String> CONFIGURES = Set.of(ALIAS, PROVISIONED_CONCURRENCY_CONFIG);

    /** Every text in an input tree. */
    private static List<String> strings(JsonElement element) {
        var out = new ArrayList<String>();
        if (element == null || element.isJsonNull()) {
            return out;
        }
        if (element.isJsonPrimitive()) {
            if (element.getAsJsonPrimitive().isString()) {
                out.add(element.getAsString());
            }
        } else if (element.isJsonArray()) {
            element.getAsJsonArray().forEach(e -> out.addAll(strings(e)));
        } else {
            element.getAsJsonObject().entrySet().forEach(e -> out.addAll(strings(e.getValue())));
        }
        return out;
    }

    /**
     * The qualifiers with which a text names the function's ARN, anywhere in it (a policy document, a URI):
     * "" for the bare ARN, else what follows its colon. "arn:...:function:name-2" is another function.
     */
    static List<String> qualifiedArns(String text, String arn) {
        var out = new ArrayList<String>();
        for (int at = text.indexOf(arn); at >= 0; at = text.indexOf(arn, at + 1)) {
            int end = at + arn.length();
            if (end == text.length() || !isNamePart(text.charAt(end)) && text.charAt(end) != ':') {
                out.add("");
            } else if (text.charAt(end) == ':') {
                int q = end + 1;
                while (q < text.length() && (isNamePart(text.charAt(q)) || text.charAt(q) == '$')) {
                    q++;
                }
                out.add(text.substring(end + 1, q));
            }
        }
        return out;
    }

    private static boolean isNamePart(char c) {
        return Character.isLetterOrDigit(c) || c == '-' || c == '_';
    }

    static void noPcOnEfs(Plan plan, Reporter r) {
        Set<String> withPc = functionsWithPc(plan);
        for (var fn : plan.ofType(FUNCTION)) {
            if (fn.inputs().has("fileSystemConfig") && withPc.contains(fn.input("name"))) {
                r.report(fn, "keeps provisioned concurrency on an EFS function, each instance holding an EFS connection",
                        "drop PC (the strategy's advice) or accept the cost knowingly");
            }
        }
    }
}
