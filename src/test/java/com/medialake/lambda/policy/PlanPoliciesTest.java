package com.medialake.lambda.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.medialake.lambda.plan.Plan;
import com.medialake.lambda.plan.PlannedResource;
import com.medialake.lambda.plan.ResourceTypes;
import com.medialake.lambda.preview.StackPlans;
import com.medialake.lambda.rules.Problem;
import com.medialake.lambda.rules.Severity;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The policy module over every real stack, and each rule against a plan broken on purpose. */
class PlanPoliciesTest {
    private static Plan plan(String stack) {
        return StackPlans.of(stack);
    }

    @ParameterizedTest
    @MethodSource("com.medialake.lambda.preview.StackPlans#stacks")
    void everyStackPassesEveryRule(String stack) {
        assertEquals(List.of(), PlanPolicies.evaluate(plan(stack)));
    }

    // ---- breaking the plan on purpose -----------------------------------------------------------------

    private static Plan change(Plan plan, String type, String name, UnaryOperator<PlannedResource> edit) {
        var resources = plan.resources().stream()
                .map(r -> r.type().equals(type) && r.name().equals(name) ? edit.apply(r) : r).toList();
        return new Plan(plan.settings(), resources, plan.outputs());
    }

    private static Plan without(Plan plan, String type) {
        return new Plan(plan.settings(), plan.resources().stream().filter(r -> !r.type().equals(type)).toList(),
                plan.outputs());
    }

    private static UnaryOperator<PlannedResource> inputs(Consumer<JsonObject> edit) {
        return r -> {
            var copy = r.inputs().deepCopy();
            edit.accept(copy);
            return new PlannedResource(r.urn(), r.id(), r.type(), r.name(), r.parent(), r.dependsOn(), r.protect(),
                    r.custom(), r.customTimeouts(), r.ignoreChanges(), copy);
        };
    }

    private static List<String> fired(Plan plan) {
        return evaluate(plan).stream().map(Problem::id).distinct().toList();
    }

    /** The policies' verdict, with the rules it fired recorded for everyRuleIsBrokenOnPurposeByATestHere. */
    private static List<Problem> evaluate(Plan plan) {
        var problems = PlanPolicies.evaluate(plan);
        problems.forEach(p -> FIRED.add(p.id()));
        return problems;
    }

    private static Plan base() {
        return plan("us-east-1");
    }

    @Test
    void anUnencryptedFileSystem() {
        assertEquals(List.of("efs-encrypted"), fired(change(base(), ResourceTypes.FILE_SYSTEM,
                "medialake-bulk-downloads", inputs(i -> i.addProperty("encrypted", false)))));
    }

    @Test
    void aFileSystemWithoutTheTlsPolicy() {
        assertEquals(List.of("efs-tls-only"), fired(without(base(), ResourceTypes.FILE_SYSTEM_POLICY)));
    }

    @Test
    void anAccessPointAtTheRoot() {
        assertEquals(List.of("efs-access-point-enforced"), fired(change(base(), ResourceTypes.ACCESS_POINT,
                "medialake-bulk-downloads", inputs(i -> i.getAsJsonObject("rootDirectory").addProperty("path", "/")))));
    }

    @Test
    void anUnprotectedFileSystem() {
        var unprotected = change(base(), ResourceTypes.FILE_SYSTEM, "medialake-bulk-downloads",
                r -> new PlannedResource(r.urn(), r.id(), r.type(), r.name(), r.parent(), r.dependsOn(), false,
                        r.custom(), r.customTimeouts(), r.ignoreChanges(), r.inputs()));
        assertEquals(List.of("efs-protected"), fired(unprotected));
    }

    @Test
    void ingressFromAnywhere() {
        var open = change(base(), ResourceTypes.SECURITY_GROUP, "medialake-functions", inputs(i -> {
            var rule = JsonParser.parseString("{\"protocol\":\"tcp\",\"fromPort\":443,\"toPort\":443,"
                    + "\"cidrBlocks\":[\"0.0.0.0/0\"]}");
            var ingress = new JsonArray();
            ingress.add(rule);
            i.add("ingress", ingress);
        }));
        assertEquals(List.of("no-world-ingress"), fired(open));
    }

    @Test
    void nfsFromAnAddressRange() {
        var open = change(base(), ResourceTypes.SECURITY_GROUP, "medialake-efs", inputs(i ->
                i.getAsJsonArray("ingress").get(0).getAsJsonObject().add("cidrBlocks",
                        JsonParser.parseString("[\"10.0.0.0/16\"]"))));
        assertEquals(List.of("nfs-from-functions-only"), fired(open));
    }

    @Test
    void aDefaultSecurityGroupLeftAsAwsMadeIt() {
        assertEquals(List.of("default-sg-closed"),
                fired(without(base(), ResourceTypes.DEFAULT_SECURITY_GROUP)));
    }

    @Test
    void aVpcWithoutFlowLogs() {
        assertEquals(List.of("vpc-flow-logs"), fired(without(base(), ResourceTypes.FLOW_LOG)));
    }

    @Test
    void aPcFunctionInAPublicSubnet() {
        var plan = base();
        String publicSubnet = plan.byName(ResourceTypes.SUBNET, "medialake-public-us-east-1a").id();
        var exposed = change(plan, ResourceTypes.FUNCTION, "search_api", inputs(i ->
                i.getAsJsonObject("vpcConfig").add("subnetIds", JsonParser.parseString("[\"" + publicSubnet + "\"]"))));
        assertEquals(List.of("private-subnets"), fired(exposed));
    }

    @Test
    void tracingOff() {
        var violations = evaluate(change(base(), ResourceTypes.FUNCTION, "init_zip",
                inputs(i -> i.remove("tracingConfig"))));
        assertEquals(List.of("xray-tracing"), violations.stream().map(Problem::id).toList());
        assertEquals(Severity.ADVISORY, violations.get(0).severity());
        assertTrue(violations.get(0).render().startsWith("[xray-tracing, CKV_AWS_50] aws:lambda/function:Function init_zip"));
    }

    @Test
    void logsKeptForever() {
        assertEquals(List.of("log-retention"), fired(change(base(), ResourceTypes.LOG_GROUP, "search_api",
                inputs(i -> i.remove("retentionInDays")))));
    }

    @Test
    void twoFunctionsSharingARole() {
        var plan = base();
        String role = plan.byName(ResourceTypes.FUNCTION, "search_api").input("role");
        assertEquals(List.of("role-per-function"), fired(change(plan, ResourceTypes.FUNCTION, "assets_get",
                inputs(i -> i.addProperty("role", role)))));
    }

    @Test
    void aWildcardGrant() {
        var admin = change(base(), ResourceTypes.ROLE_POLICY, "init_zip-logs", inputs(i -> i.addProperty("policy",
                "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"s3:*\",\"Resource\":\"*\"}]}")));
        assertEquals(List.of("no-wildcard-admin", "wildcard-resource"), fired(admin));
    }

    @Test
    void networkInterfaceAndTracePermissionsMayUseAWildcardResource() {
        var violations = PlanPolicies.evaluate(base());
        assertTrue(base().ofType(ResourceTypes.ROLE_POLICY).stream()
                .anyMatch(p -> p.input("policy").contains("ec2:CreateNetworkInterface")));
        assertEquals(List.of(), violations);
    }

    @Test
    void pcOnLatest() {
        // Callers of the alias then miss the warm pool too.
        assertEquals(List.of("callers-use-alias", "pc-not-on-latest"), fired(change(base(),
                ResourceTypes.PROVISIONED_CONCURRENCY_CONFIG, "search_api",
                inputs(i -> i.addProperty("qualifier", "$LATEST")))));
    }

    @Test
    void aRouteToTheBareFunction() {
        var plan = base();
        String bare = "arn:aws:lambda:us-east-1:123456789012:function:medialake-us-east-1-search_api";
        assertEquals(List.of("callers-use-alias"), fired(change(plan, ResourceTypes.API_INTEGRATION,
                "search_api", inputs(i -> i.addProperty("integrationUri", bare)))));
    }

    @Test
    void aPermissionWithoutTheAlias() {
        assertEquals(List.of("callers-use-alias"), fired(change(base(), ResourceTypes.PERMISSION,
                "assets_get-http-api", inputs(i -> i.remove("qualifier")))));
    }

    /** The plan with one more resource of any type, parented to the stack, with these inputs. */
    private static Plan with(Plan plan, Class<? extends com.pulumi.resources.Resource> type, String name, String inputs) {
        String token = ResourceTypes.of(type);
        var added = new PlannedResource("urn:pulumi:us-east-1::medialake-lambda::" + token + "::" + name, name + "-id",
                token, name, null, List.of(), false, true, List.of(), List.of(), JsonParser.parseString(inputs).getAsJsonObject());
        var resources = new java.util.ArrayList<>(plan.resources());
        resources.add(added);
        return new Plan(plan.settings(), resources, plan.outputs());
    }

    private static final String SEARCH = "medialake-us-east-1-search_api";
    private static final String SEARCH_ARN = "arn:aws:lambda:us-east-1:123456789012:function:" + SEARCH;

    @Test
    void anyResourceThatNamesAPcFunctionMustNameItsWarmPoolWhateverItsType() {
        // Types the program does not register today: the rule holds them too.
        assertEquals(List.of("callers-use-alias"), fired(with(base(), com.pulumi.aws.lambda.FunctionUrl.class, "url",
                "{\"functionName\": \"" + SEARCH + "\", \"authorizationType\": \"NONE\"}")));
        assertEquals(List.of(), fired(with(base(), com.pulumi.aws.lambda.FunctionUrl.class, "url",
                "{\"functionName\": \"" + SEARCH + "\", \"qualifier\": \"live\", \"authorizationType\": \"NONE\"}")));
        assertEquals(List.of("callers-use-alias"), fired(with(base(), com.pulumi.aws.sns.TopicSubscription.class, "sub",
                "{\"protocol\": \"lambda\", \"endpoint\": \"" + SEARCH_ARN + "\"}")));
        assertEquals(List.of(), fired(with(base(), com.pulumi.aws.sns.TopicSubscription.class, "sub",
                "{\"protocol\": \"lambda\", \"endpoint\": \"" + SEARCH_ARN + ":live\"}")));
        // A grant to invoke $LATEST in another role's policy document, and a version that holds no PC.
        assertEquals(List.of("callers-use-alias"), fired(with(base(), com.pulumi.aws.iam.RolePolicy.class, "invoker",
                "{\"policy\": \"{\\\"Statement\\\": [{\\\"Action\\\": \\\"lambda:InvokeFunction\\\","
                        + " \\\"Resource\\\": \\\"" + SEARCH_ARN + "\\\"}]}\"}")));
        assertEquals(List.of("callers-use-alias"), fired(with(base(), com.pulumi.aws.lambda.FunctionEventInvokeConfig.class,
                "retries", "{\"functionName\": \"" + SEARCH + "\", \"qualifier\": \"7\"}")));
        // Another function whose name only begins like it is not it.
        assertEquals(List.of(), fired(with(base(), com.pulumi.aws.sns.TopicSubscription.class, "sub",
                "{\"protocol\": \"lambda\", \"endpoint\": \"" + SEARCH_ARN + "-v2\"}")));
    }

    @Test
    void pcOnAnEfsFunctionIsAdvised() {
        var plan = StackPlans.plan("us-east-1", """
                config:
                  aws:region: us-east-1
                  medialake-lambda:functions:
                    init_zip:
                      provisionedConcurrency: 1
                """);
        var violations = evaluate(plan);
        assertEquals(List.of("no-pc-on-efs"), violations.stream().map(Problem::id).toList());
        assertEquals(Severity.ADVISORY, violations.get(0).severity());
    }

    /** The rules the tests here made fire, and the tests that ran. */
    private static final java.util.Set<String> FIRED = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private static final java.util.Set<String> RAN = java.util.concurrent.ConcurrentHashMap.newKeySet();

    @org.junit.jupiter.api.AfterEach
    void recordTheTest(org.junit.jupiter.api.TestInfo test) {
        test.getTestMethod().ifPresent(m -> RAN.add(m.getName()));
    }

    /**
     * Each rule must be made to fire by some test above: a new rule without a test that breaks the plan for it
     * fails here, by name. Checked once every test of the class has run (a single test run says nothing of it).
     */
    @org.junit.jupiter.api.AfterAll
    static void everyRuleIsBrokenOnPurposeByATestHere() {
        var tests = java.util.Arrays.stream(PlanPoliciesTest.class.getDeclaredMethods())
                .filter(m -> m.isAnnotationPresent(Test.class) || m.isAnnotationPresent(ParameterizedTest.class))
                .map(java.lang.reflect.Method::getName).toList();
        if (!RAN.containsAll(tests)) {
            return;
        }
        for (var rule : PlanPolicies.RULES) {
            assertTrue(FIRED.contains(rule.id()), "no test breaks the plan for " + rule.id());
        }
    }
}
