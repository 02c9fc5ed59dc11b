package com.medialake.lambda.policy;

import static com.medialake.lambda.plan.ResourceTypes.*;
import static com.medialake.lambda.policy.PolicyDocuments.*;

import com.medialake.lambda.plan.Plan;
import com.medialake.lambda.policy.PlanPolicies.Reporter;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/** Lambda: X-Ray, PC never on $LATEST, every caller on the warm pool, no PC on EFS functions. */
final class LambdaPolicies {
    /** The callers of a function, by type, and the input that names what they invoke. */
    private static final Map<String, String> TARGET_INPUT = Map.of(
            API_INTEGRATION, "integrationUri",
            EVENT_SOURCE_MAPPING, "functionName",
            EVENT_TARGET, "arn");

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
        Map<String, String> arnToName = new HashMap<>();
        for (var fn : plan.ofType(FUNCTION)) {
            arnToName.put(functionArn(plan, fn), fn.input("name"));
        }
        for (var caller : plan.resources()) {
            if (caller.type().equals(PERMISSION)) {
                String fn = caller.input("function");
                String qualifier = caller.input("qualifier");
                if (pcQualifier.containsKey(fn) && (qualifier == null || !warmQualifiers.get(fn).contains(qualifier))) {
                    r.report(caller, "grants invocation of " + fn + (qualifier == null ? " ($LATEST)" : ":" + qualifier)
                            + ", but its PC is reached only through " + String.join(" or ", warmQualifiers.get(fn)),
                            "qualify the permission with the alias callers invoke");
                }
                continue;
            }
            String targetInput = TARGET_INPUT.get(caller.type());
            String target = targetInput == null ? null : caller.input(targetInput);
            if (target == null) {
                continue;
            }
            String name = arnToName.get(target);
            if (name != null && pcQualifier.containsKey(name)) {
                r.report(caller, "invokes " + name + " unqualified ($LATEST): cold starts while PC on "
                        + pcQualifier.get(name) + " is billed", "invoke " + target + ":" + pcQualifier.get(name));
            }
        }
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
