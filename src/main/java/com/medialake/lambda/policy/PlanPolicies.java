package com.medialake.lambda.policy;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.medialake.lambda.infra.Names;
import com.medialake.lambda.plan.Plan;
import com.medialake.lambda.plan.PlannedResource;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.stream.Collectors;

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
        private final List<PolicyViolation> out;

        private Reporter(Rule rule, List<PolicyViolation> out) {
            this.rule = rule;
            this.out = out;
        }

        void report(PlannedResource r, String message, String fix) {
            out.add(new PolicyViolation(rule.id(), rule.severity(), rule.checkov(), r.type() + " " + r.name(), message,
                    fix));
        }
    }

    private static final String FUNCTION = "aws:lambda/function:Function";
    private static final String PC = "aws:lambda/provisionedConcurrencyConfig:ProvisionedConcurrencyConfig";
    /** Actions that AWS does not let a policy scope to a resource: "*" is the narrowest grant. */
    static final Set<String> UNSCOPABLE_ACTIONS = Set.of(
            "ec2:CreateNetworkInterface", "ec2:DescribeNetworkInterfaces", "ec2:DescribeSubnets",
            "ec2:DeleteNetworkInterface", "ec2:AssignPrivateIpAddresses", "ec2:UnassignPrivateIpAddresses",
            "xray:PutTraceSegments", "xray:PutTelemetryRecords");

    public static final List<Rule> RULES = List.of(
            new Rule("efs-encrypted", Severity.MANDATORY, "CKV_AWS_42", "EFS encrypted at rest", PlanPolicies::efsEncrypted),
            new Rule("efs-tls-only", Severity.MANDATORY, "", "EFS refuses access without TLS", PlanPolicies::efsTlsOnly),
            new Rule("efs-access-point-enforced", Severity.MANDATORY, "CKV_AWS_329, CKV_AWS_330",
                    "EFS access points enforce a POSIX user and a root directory", PlanPolicies::accessPointEnforced),
            new Rule("efs-protected", Severity.MANDATORY, "",
                    "the file system is protected from deletion", PlanPolicies::efsProtected),
            new Rule("no-world-ingress", Severity.MANDATORY, "CKV_AWS_24, CKV_AWS_25, CKV_AWS_260, CKV_AWS_277",
                    "no security group admits 0.0.0.0/0 or ::/0", PlanPolicies::noWorldIngress),
            new Rule("nfs-from-functions-only", Severity.MANDATORY, "",
                    "NFS (TCP 2049) is admitted only from the functions' security groups", PlanPolicies::nfsFromFunctions),
            new Rule("default-sg-closed", Severity.MANDATORY, "CKV2_AWS_12",
                    "every VPC's default security group has no rules", PlanPolicies::defaultGroupClosed),
            new Rule("vpc-flow-logs", Severity.MANDATORY, "CKV2_AWS_11", "every VPC has flow logs", PlanPolicies::flowLogs),
            new Rule("private-subnets", Severity.MANDATORY, "CKV_AWS_117",
                    "functions with EFS or PC run in private subnets only", PlanPolicies::privateSubnets),
            new Rule("xray-tracing", Severity.ADVISORY, "CKV_AWS_50", "functions trace with X-Ray", PlanPolicies::tracing),
            new Rule("log-retention", Severity.MANDATORY, "CKV_AWS_66", "log groups expire their logs",
                    PlanPolicies::logRetention),
            new Rule("role-per-function", Severity.MANDATORY, "", "each function has its own role",
                    PlanPolicies::rolePerFunction),
            new Rule("no-wildcard-admin", Severity.MANDATORY, "CKV_AWS_1, CKV_AWS_62, CKV_AWS_63",
                    "no IAM statement allows a wildcard action on a wildcard resource", PlanPolicies::noWildcardAdmin),
            new Rule("wildcard-resource", Severity.ADVISORY, "CKV_AWS_355",
                    "\"*\" resources only for actions that cannot be scoped", PlanPolicies::wildcardResource),
            new Rule("pc-not-on-latest", Severity.MANDATORY, "",
                    "provisioned concurrency is on an alias or a version, never $LATEST", PlanPolicies::pcNotOnLatest),
            new Rule("callers-use-alias", Severity.MANDATORY, "",
                    "every caller of a PC function invokes the version that holds its PC, or an alias of it",
                    PlanPolicies::callersUseAlias),
            new Rule("no-pc-on-efs", Severity.ADVISORY, "",
                    "EFS functions go without PC (the strategy: very expensive)", PlanPolicies::noPcOnEfs));

    private PlanPolicies() {
    }

    /** Every violation, mandatory first, then by rule and resource. */
    public static List<PolicyViolation> evaluate(Plan plan) {
        var out = new ArrayList<PolicyViolation>();
        for (Rule rule : RULES) {
            rule.check().accept(plan, new Reporter(rule, out));
        }
        out.sort(Comparator.comparing(PolicyViolation::severity).thenComparing(PolicyViolation::ruleId)
                .thenComparing(PolicyViolation::resource));
        return List.copyOf(out);
    }

    // ---- the rules ----------------------------------------------------------------------------------

    private static void efsEncrypted(Plan plan, Reporter r) {
        for (var fs : plan.ofType("aws:efs/fileSystem:FileSystem")) {
            if (!"true".equals(fs.input("encrypted"))) {
                r.report(fs, "the file system is not encrypted at rest", "set encrypted: true (this replaces it: move the data)");
            }
        }
    }

    private static void efsTlsOnly(Plan plan, Reporter r) {
        for (var fs : plan.ofType("aws:efs/fileSystem:FileSystem")) {
            boolean denied = plan.ofType("aws:efs/fileSystemPolicy:FileSystemPolicy").stream()
                    .filter(p -> fs.id().equals(p.input("fileSystemId")))
                    .flatMap(p -> statements(p.input("policy")).stream())
                    .anyMatch(s -> "Deny".equals(text(s, "Effect")) && "false".equals(secureTransport(s)));
            if (!denied) {
                r.report(fs, "no file system policy denies requests without TLS",
                        "add a FileSystemPolicy denying all actions when aws:SecureTransport is false");
            }
        }
    }

    private static void accessPointEnforced(Plan plan, Reporter r) {
        for (var ap : plan.ofType("aws:efs/accessPoint:AccessPoint")) {
            var user = ap.inputs().getAsJsonObject("posixUser");
            var root = ap.inputs().getAsJsonObject("rootDirectory");
            if (user == null || !user.has("uid") || !user.has("gid")) {
                r.report(ap, "the access point does not enforce a POSIX user", "set posixUser uid and gid");
            }
            if (root == null || !root.has("path") || root.get("path").getAsString().equals("/")) {
                r.report(ap, "the access point does not confine clients to a root directory",
                        "set rootDirectory.path below / with creationInfo");
            }
        }
    }

    private static void efsProtected(Plan plan, Reporter r) {
        for (var fs : plan.ofType("aws:efs/fileSystem:FileSystem")) {
            if (!fs.protect()) {
                r.report(fs, "deleting the file system deletes its data, and it is not protected",
                        "register it with protect(true)");
            }
        }
    }

    private static void noWorldIngress(Plan plan, Reporter r) {
        for (var group : securityGroups(plan)) {
            for (var rule : array(group.inputs(), "ingress")) {
                var cidrs = new ArrayList<String>();
                cidrs.addAll(strings(rule.getAsJsonObject(), "cidrBlocks"));
                cidrs.addAll(strings(rule.getAsJsonObject(), "ipv6CidrBlocks"));
                if (cidrs.contains("0.0.0.0/0") || cidrs.contains("::/0")) {
                    r.report(group, "admits " + describeRule(rule.getAsJsonObject()) + " from anywhere",
                            "admit the security groups of the callers instead of an address range");
                }
            }
        }
    }

    private static void nfsFromFunctions(Plan plan, Reporter r) {
        Set<String> functionGroups = plan.ofType(FUNCTION).stream()
                .flatMap(f -> f.inputs().has("vpcConfig")
                        ? strings(f.inputs().getAsJsonObject("vpcConfig"), "securityGroupIds").stream() : java.util.stream.Stream.empty())
                .collect(Collectors.toSet());
        for (var group : securityGroups(plan)) {
            for (var element : array(group.inputs(), "ingress")) {
                var rule = element.getAsJsonObject();
                if (!coversPort(rule, 2049)) {
                    continue;
                }
                var sources = strings(rule, "securityGroups");
                if (!strings(rule, "cidrBlocks").isEmpty() || sources.isEmpty()
                        || !functionGroups.containsAll(sources)) {
                    r.report(group, "admits NFS from " + (sources.isEmpty() ? "address ranges" : "groups " + sources)
                                    + ", not only from the functions' security groups " + functionGroups.stream().sorted().toList(),
                            "admit TCP 2049 only from the security group the EFS functions use");
                }
            }
        }
    }

    private static void defaultGroupClosed(Plan plan, Reporter r) {
        for (var vpc : plan.ofType("aws:ec2/vpc:Vpc")) {
            var defaults = plan.ofType("aws:ec2/defaultSecurityGroup:DefaultSecurityGroup").stream()
                    .filter(d -> vpc.id().equals(d.input("vpcId"))).toList();
            if (defaults.isEmpty()) {
                r.report(vpc, "the default security group keeps AWS's rules (all traffic between its members)",
                        "manage it with a DefaultSecurityGroup without ingress or egress");
            }
            for (var d : defaults) {
                if (!array(d.inputs(), "ingress").isEmpty() || !array(d.inputs(), "egress").isEmpty()) {
                    r.report(d, "the default security group has rules", "remove its ingress and egress");
                }
            }
        }
    }

    private static void flowLogs(Plan plan, Reporter r) {
        for (var vpc : plan.ofType("aws:ec2/vpc:Vpc")) {
            boolean logged = plan.ofType("aws:ec2/flowLog:FlowLog").stream()
                    .anyMatch(f -> vpc.id().equals(f.input("vpcId")) && "ALL".equals(f.input("trafficType")));
            if (!logged) {
                r.report(vpc, "no flow log records the VPC's traffic", "add a FlowLog of ALL traffic on the VPC");
            }
        }
    }

    private static void privateSubnets(Plan plan, Reporter r) {
        Set<String> gateways = plan.ofType("aws:ec2/internetGateway:InternetGateway").stream()
                .map(PlannedResource::id).collect(Collectors.toSet());
        Set<String> publicTables = plan.ofType("aws:ec2/route:Route").stream()
                .filter(route -> gateways.contains(route.input("gatewayId")))
                .map(route -> route.input("routeTableId")).collect(Collectors.toSet());
        Set<String> publicSubnets = plan.ofType("aws:ec2/routeTableAssociation:RouteTableAssociation").stream()
                .filter(a -> publicTables.contains(a.input("routeTableId")))
                .map(a -> a.input("subnetId")).collect(Collectors.toSet());
        plan.ofType("aws:ec2/subnet:Subnet").stream().filter(s -> "true".equals(s.input("mapPublicIpOnLaunch")))
                .forEach(s -> publicSubnets.add(s.id()));
        Set<String> withPc = functionsWithPc(plan);
        for (var fn : plan.ofType(FUNCTION)) {
            boolean efs = fn.inputs().has("fileSystemConfig");
            if (!efs && !withPc.contains(fn.input("name"))) {
                continue;
            }
            var vpc = fn.inputs().getAsJsonObject("vpcConfig");
            var subnets = vpc == null ? List.<String>of() : strings(vpc, "subnetIds");
            if (subnets.isEmpty() || subnets.stream().anyMatch(publicSubnets::contains)) {
                r.report(fn, (efs ? "an EFS" : "a PC") + " function runs " + (subnets.isEmpty() ? "outside the VPC"
                                : "in public subnets " + subnets.stream().filter(publicSubnets::contains).toList()),
                        "place it in the private subnets only");
            }
        }
    }

    private static void tracing(Plan plan, Reporter r) {
        for (var fn : plan.ofType(FUNCTION)) {
            var tracing = fn.inputs().getAsJsonObject("tracingConfig");
            if (tracing == null || !"Active".equals(text(tracing, "mode"))) {
                r.report(fn, "X-Ray tracing is not active", "set tracingConfig.mode to Active");
            }
        }
    }

    private static void logRetention(Plan plan, Reporter r) {
        for (var group : plan.ofType("aws:cloudwatch/logGroup:LogGroup")) {
            String days = group.input("retentionInDays");
            if (days == null || days.equals("0")) {
                r.report(group, "logs are kept forever", "set retentionInDays (logRetentionDays in the stack config)");
            }
        }
    }

    private static void rolePerFunction(Plan plan, Reporter r) {
        var byRole = new HashMap<String, List<PlannedResource>>();
        plan.ofType(FUNCTION).forEach(fn -> byRole.computeIfAbsent(fn.input("role"), k -> new ArrayList<>()).add(fn));
        byRole.values().stream().filter(fns -> fns.size() > 1).forEach(fns -> fns.forEach(fn -> r.report(fn,
                "shares its role with " + fns.stream().filter(o -> o != fn).map(PlannedResource::name).toList(),
                "give each function its own role, so that one function's grants are not another's")));
    }

    private static void noWildcardAdmin(Plan plan, Reporter r) {
        forEachAllowStatement(plan, (policy, statement) -> {
            boolean anyResource = strings(statement, "Resource").contains("*");
            var wildActions = strings(statement, "Action").stream().filter(a -> a.equals("*") || a.endsWith(":*")).toList();
            if (anyResource && !wildActions.isEmpty()) {
                r.report(policy, "allows " + wildActions + " on every resource", "name the actions and the resources");
            }
        });
    }

    private static void wildcardResource(Plan plan, Reporter r) {
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

    private static void pcNotOnLatest(Plan plan, Reporter r) {
        for (var pc : plan.ofType(PC)) {
            String qualifier = pc.input("qualifier");
            boolean alias = plan.ofType("aws:lambda/alias:Alias").stream().anyMatch(a ->
                    a.input("name").equals(qualifier) && a.input("functionName").equals(pc.input("functionName")));
            if (qualifier == null || qualifier.equals("$LATEST") || !(alias || qualifier.matches("\\d+"))) {
                r.report(pc, "provisioned concurrency on '" + qualifier + "', which is not a published version or an"
                        + " alias of " + pc.input("functionName"), "put it on the live alias");
            }
        }
    }

    private static void callersUseAlias(Plan plan, Reporter r) {
        Map<String, String> pcQualifier = new HashMap<>();
        plan.ofType(PC).forEach(pc -> pcQualifier.put(pc.input("functionName"), pc.input("qualifier")));
        // The qualifiers that reach the warm pool: the PC's own, and every alias pointing at the version with PC.
        Map<String, Set<String>> warmQualifiers = new HashMap<>();
        pcQualifier.forEach((fn, q) -> warmQualifiers.computeIfAbsent(fn, k -> new java.util.TreeSet<>()).add(q));
        for (var alias : plan.ofType("aws:lambda/alias:Alias")) {
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
            String target = switch (caller.type()) {
                case "aws:apigatewayv2/integration:Integration" -> caller.input("integrationUri");
                case "aws:lambda/eventSourceMapping:EventSourceMapping" -> caller.input("functionName");
                case "aws:cloudwatch/eventTarget:EventTarget" -> caller.input("arn");
                case "aws:lambda/permission:Permission" -> {
                    String fn = caller.input("function");
                    String qualifier = caller.input("qualifier");
                    if (pcQualifier.containsKey(fn) && (qualifier == null || !warmQualifiers.get(fn).contains(qualifier))) {
                        r.report(caller, "grants invocation of " + fn + (qualifier == null ? " ($LATEST)" : ":" + qualifier)
                                + ", but its PC is reached only through " + String.join(" or ", warmQualifiers.get(fn)),
                                "qualify the permission with the alias callers invoke");
                    }
                    yield null;
                }
                default -> null;
            };
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

    private static void noPcOnEfs(Plan plan, Reporter r) {
        Set<String> withPc = functionsWithPc(plan);
        for (var fn : plan.ofType(FUNCTION)) {
            if (fn.inputs().has("fileSystemConfig") && withPc.contains(fn.input("name"))) {
                r.report(fn, "keeps provisioned concurrency on an EFS function, each instance holding an EFS connection",
                        "drop PC (the strategy's advice) or accept the cost knowingly");
            }
        }
    }

    // ---- helpers ------------------------------------------------------------------------------------

    private static Set<String> functionsWithPc(Plan plan) {
        return plan.ofType(PC).stream().map(pc -> pc.input("functionName")).collect(Collectors.toSet());
    }

    /** The unqualified ARN of a function, as callers would write it. */
    private static String functionArn(Plan plan, PlannedResource fn) {
        // The account is the role's: both live in the account the stack deploys to.
        String account = fn.input("role").split(":")[4];
        String region = plan.settings().region();
        return "arn:" + Names.partition(region) + ":lambda:" + region + ":" + account + ":function:" + fn.input("name");
    }

    private static List<PlannedResource> securityGroups(Plan plan) {
        var groups = new ArrayList<>(plan.ofType("aws:ec2/securityGroup:SecurityGroup"));
        groups.addAll(plan.ofType("aws:ec2/defaultSecurityGroup:DefaultSecurityGroup"));
        return groups;
    }

    private static void forEachAllowStatement(Plan plan, BiConsumer<PlannedResource, JsonObject> visit) {
        var policies = new ArrayList<>(plan.ofType("aws:iam/rolePolicy:RolePolicy"));
        policies.addAll(plan.ofType("aws:iam/policy:Policy"));
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
        JsonElement statement = JsonParser.parseString(document).getAsJsonObject().get("Statement");
        if (statement == null) {
            return List.of();
        }
        if (statement.isJsonObject()) {
            return List.of(statement.getAsJsonObject());
        }
        var out = new ArrayList<JsonObject>();
        statement.getAsJsonArray().forEach(s -> out.add(s.getAsJsonObject()));
        return out;
    }

    private static String secureTransport(JsonObject statement) {
        var condition = statement.getAsJsonObject("Condition");
        var bool = condition == null ? null : condition.getAsJsonObject("Bool");
        return bool == null ? null : text(bool, "aws:SecureTransport");
    }

    private static boolean coversPort(JsonObject rule, int port) {
        String protocol = text(rule, "protocol");
        if ("-1".equals(protocol) || "all".equals(protocol)) {
            return true;
        }
        return "tcp".equals(protocol) && rule.get("fromPort").getAsInt() <= port && rule.get("toPort").getAsInt() >= port;
    }

    private static String describeRule(JsonObject rule) {
        String protocol = text(rule, "protocol");
        return "-1".equals(protocol) ? "all traffic" : protocol + " " + rule.get("fromPort") + "-" + rule.get("toPort");
    }

    private static List<JsonElement> array(JsonObject object, String key) {
        JsonElement e = object.get(key);
        return e == null || !e.isJsonArray() ? List.of() : ((JsonArray) e).asList();
    }

    /** A string or a list of strings, as IAM allows both. */
    private static List<String> strings(JsonObject object, String key) {
        JsonElement e = object.get(key);
        if (e == null || e.isJsonNull()) {
            return List.of();
        }
        if (e.isJsonPrimitive()) {
            return List.of(e.getAsString());
        }
        var out = new ArrayList<String>();
        e.getAsJsonArray().forEach(item -> out.add(item.getAsString()));
        return out;
    }

    private static String text(JsonObject object, String key) {
        JsonElement e = object.get(key);
        return e == null || e.isJsonNull() ? null : e.getAsString();
    }
}
