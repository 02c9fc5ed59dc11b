package com.medialake.lambda.policy;

import static com.medialake.lambda.plan.ResourceTypes.*;
import static com.medialake.lambda.policy.IamDocumentReader.*;

import com.medialake.lambda.plan.Plan;
import com.medialake.lambda.plan.PlannedResource;
import com.medialake.lambda.policy.PlanPolicies.Reporter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;

/** IAM: a role per function, no wildcard administration, "*" resources only where nothing narrower exists. */
final class IamPolicies {
    private IamPolicies() {
    }

    static void rolePerFunction(Plan plan, Reporter r) {
        var byRole = new HashMap<String, List<PlannedResource>>();
        plan.ofType(FUNCTION).forEach(fn -> byRole.computeIfAbsent(fn.input("role"), k -> new ArrayList<>()).add(fn));
        byRole.values().stream().filter(fns -> fns.size() > 1).forEach(fns -> fns.forEach(fn -> r.report(fn,
                "shares its role with " + fns.stream().filter(o -> o != fn).map(PlannedResource::name).toList(),
                "give each function its own role, so that one function's grants are not another's")));
    }

    static void noWildcardAdmin(Plan plan, Reporter r) {
        forEachAllowStatement(plan, (policy, statement) -> {
            boolean anyResource = strings(statement, "Resource").contains("*");
            var wildActions = strings(statement, "Action").stream().filter(a -> a.equals("*") || a.endsWith(":*")).toList();
            if (anyResource && !wildActions.isEmpty()) {
                r.report(policy, "allows " + wildActions + " on every resource", "name the actions and the resources");
            }
        });
    }

    static void wildcardResource(Plan plan, Reporter r) {
        forEachAllowStatement(plan, (policy, statement) -> {
            if (!strings(statement, "Resource").contains("*")) {
                return;
            }
            var scopable = strings(statement, "Action").stream().filter(a -> !UNSCOPABLE_ACTIONS.contains(a)).toList();
            if (!scopable.isEmpty()) {
                r.report(policy, "grants " + scopable + " on \"*\" although they can be scoped to resources",
                        "list the ARNs the function needs");
            }
        });
    }
}
