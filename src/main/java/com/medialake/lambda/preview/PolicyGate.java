package com.medialake.lambda.preview;

import com.medialake.lambda.plan.Plan;
import com.medialake.lambda.policy.PlanPolicies;
import com.medialake.lambda.rules.Problem;
import com.medialake.lambda.rules.Severity;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The plan policies' verdict on a plan: the offline preview refuses to print a plan with mandatory
 * violations (exit 3), which fails CI, and so the deploy workflow that waits for it.
 *
 * @param advisories one line per advisory violation, printed as warnings
 * @param mandatory  one message for all mandatory violations, if any
 */
public record PolicyGate(List<String> advisories, Optional<String> mandatory) {

    public static PolicyGate of(Plan plan) {
        var violations = PlanPolicies.evaluate(plan);
        var advisories = violations.stream().filter(v -> v.severity() == Severity.ADVISORY)
                .map(v -> plan.settings().stack() + ": " + v.render()).toList();
        var blocking = violations.stream().filter(v -> v.severity() == Severity.MANDATORY).toList();
        if (blocking.isEmpty()) {
            return new PolicyGate(advisories, Optional.empty());
        }
        return new PolicyGate(advisories, Optional.of(blocking.size() + " mandatory policy violation"
                + (blocking.size() == 1 ? "" : "s") + " in stack " + plan.settings().stack() + "; nothing was deployed:\n"
                + blocking.stream().map(Problem::render).map(v -> "  " + v).collect(Collectors.joining("\n"))));
    }
}
