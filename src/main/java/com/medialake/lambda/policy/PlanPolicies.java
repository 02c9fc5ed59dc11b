package com.medialake.lambda.policy;

import com.medialake.lambda.plan.Plan;
import com.medialake.lambda.plan.PlannedResource;
import com.medialake.lambda.rules.Problem;
import com.medialake.lambda.rules.Severity;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * Policy checks on the resources the program registered, in the spirit of Pulumi CrossGuard (which has no
 * Java policy packs): each rule looks only at the plan, so it holds whatever code produced the plan.
 */
public final class PlanPolicies {
    /** A rule: its id, severity, the Checkov checks it matches, and the check itself. */
    public record Rule(String id, Severity severity, String checkov, String description,
                       BiConsumer<Plan, Reporter> check) {
    }

    /** Collects one rule's violations. */
    public static final class Reporter {
        private final Rule rule;
        private final List<Problem> out;

        private Reporter(Rule rule, List<Problem> out) {
            this.rule = rule;
            this.out = out;
        }

        void report(PlannedResource r, String message, String fix) {
            out.add(Problem.onResource(rule.id(), rule.severity(), rule.checkov(), r.type() + " " + r.name(), message,
                    fix));
        }
    }

    /** Actions that AWS does not let a policy scope to a resource: "*" is the narrowest grant. */
    static final Set<String> UNSCOPABLE_ACTIONS = IamDocumentReader.UNSCOPABLE_ACTIONS;

    public static final List<Rule> RULES = List.of(
            new Rule("efs-encrypted", Severity.MANDATORY, "CKV_AWS_42", "EFS encrypted at rest", StoragePolicies::efsEncrypted),
            new Rule("efs-tls-only", Severity.MANDATORY, "", "EFS refuses access without TLS", StoragePolicies::efsTlsOnly),
            new Rule("efs-access-point-enforced", Severity.MANDATORY, "CKV_AWS_329, CKV_AWS_330",
                    "EFS access points enforce a POSIX user and a root directory", StoragePolicies::accessPointEnforced),
            new Rule("efs-protected", Severity.MANDATORY, "",
                    "the file system is protected from deletion", StoragePolicies::efsProtected),
            new Rule("no-world-ingress", Severity.MANDATORY, "CKV_AWS_24, CKV_AWS_25, CKV_AWS_260, CKV_AWS_277",
                    "no security group admits 0.0.0.0/0 or ::/0", NetworkPolicies::noWorldIngress),
            new Rule("nfs-from-functions-only", Severity.MANDATORY, "",
                    "NFS (TCP 2049) is admitted only from the functions' security groups", NetworkPolicies::nfsFromFunctions),
            new Rule("default-sg-closed", Severity.MANDATORY, "CKV2_AWS_12",
                    "every VPC's default security group has no rules", NetworkPolicies::defaultGroupClosed),
            new Rule("vpc-flow-logs", Severity.MANDATORY, "CKV2_AWS_11", "every VPC has flow logs", NetworkPolicies::flowLogs),
            new Rule("private-subnets", Severity.MANDATORY, "CKV_AWS_117",
                    "functions with EFS or PC run in private subnets only", NetworkPolicies::privateSubnets),
            new Rule("xray-tracing", Severity.ADVISORY, "CKV_AWS_50", "functions trace with X-Ray", LambdaPolicies::tracing),
            new Rule("log-retention", Severity.MANDATORY, "CKV_AWS_66", "log groups expire their logs",
                    StoragePolicies::logRetention),
            new Rule("role-per-function", Severity.MANDATORY, "", "each function has its own role",
                    IamPolicies::rolePerFunction),
            new Rule("no-wildcard-admin", Severity.MANDATORY, "CKV_AWS_1, CKV_AWS_62, CKV_AWS_63",
                    "no IAM statement allows a wildcard action on a wildcard resource", IamPolicies::noWildcardAdmin),
            new Rule("wildcard-resource", Severity.ADVISORY, "CKV_AWS_355",
                    "\"*\" resources only for actions that cannot be scoped", IamPolicies::wildcardResource),
            new Rule("pc-not-on-latest", Severity.MANDATORY, "",
                    "provisioned concurrency is on an alias or a version, never $LATEST", LambdaPolicies::pcNotOnLatest),
            new Rule("callers-use-alias", Severity.MANDATORY, "",
                    "every caller of a PC function invokes the version that holds its PC, or an alias of it",
                    LambdaPolicies::callersUseAlias),
            new Rule("no-pc-on-efs", Severity.ADVISORY, "",
                    "EFS functions go without PC (the strategy: very expensive)", LambdaPolicies::noPcOnEfs));

    private PlanPolicies() {
    }

    /** Every violation, mandatory first, then by rule and resource. */
    public static List<Problem> evaluate(Plan plan) {
        var out = new ArrayList<Problem>();
        for (Rule rule : RULES) {
            rule.check().accept(plan, new Reporter(rule, out));
        }
        out.sort(Comparator.comparing(Problem::severity).thenComparing(Problem::id)
                .thenComparing(Problem::where));
        return List.copyOf(out);
    }
}
