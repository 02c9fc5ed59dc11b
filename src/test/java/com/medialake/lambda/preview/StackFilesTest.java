package com.medialake.lambda.preview;

import static com.medialake.lambda.preview.StackPlans.policy;
import static com.medialake.lambda.preview.StackPlans.strings;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.medialake.lambda.plan.Plan;
import com.medialake.lambda.plan.PlannedResource;
import com.medialake.lambda.plan.ReplacementProperties;
import com.medialake.lambda.plan.ResourceTypes;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Each real stack file through the mock engine; asserts on what the program registered. */
class StackFilesTest {
    private static final String FUNCTION = ResourceTypes.FUNCTION;
    private static final String ALIAS = ResourceTypes.ALIAS;
    private static final String PC = ResourceTypes.PROVISIONED_CONCURRENCY_CONFIG;
    private static final Set<String> PC_FUNCTIONS = Set.of("collections_api", "search_api", "assets_get");
    /** Behind the HTTP API. */
    private static final Set<String> API_FUNCTIONS = PC_FUNCTIONS;
    private static final Set<String> EFS_FUNCTIONS =
            Set.of("init_zip", "append_to_zip", "init_multipart", "upload_part", "complete_multipart");

    static List<String> stacks() {
        return StackPlans.STACKS;
    }

    @ParameterizedTest
    @MethodSource("stacks")
    void registersTheExpectedResourcesPerType(String stack) {
        int nats = stack.equals("eu-west-2") ? 1 : 3;
        var expected = new TreeMap<String, Long>(Map.ofEntries(
                Map.entry(ResourceTypes.HTTP_API, 1L),
                Map.entry(ResourceTypes.API_INTEGRATION, 3L),
                Map.entry(ResourceTypes.API_ROUTE, 3L),
                Map.entry(ResourceTypes.API_STAGE, 1L),
                Map.entry(ResourceTypes.DASHBOARD, 1L),
                // 8 functions' and the VPC flow logs'
                Map.entry(ResourceTypes.LOG_GROUP, 9L),
                Map.entry(ResourceTypes.DEFAULT_SECURITY_GROUP, 1L),
                Map.entry(ResourceTypes.FLOW_LOG, 1L),
                // errors, throttles and p99 duration for 8 functions; spillover and utilization for 3
                Map.entry(ResourceTypes.METRIC_ALARM, 30L),
                Map.entry(ResourceTypes.EIP, (long) nats),
                Map.entry(ResourceTypes.INTERNET_GATEWAY, 1L),
                Map.entry(ResourceTypes.NAT_GATEWAY, (long) nats),
                Map.entry(ResourceTypes.EC2_ROUTE, 4L),
                Map.entry(ResourceTypes.ROUTE_TABLE, 4L),
                Map.entry(ResourceTypes.ROUTE_TABLE_ASSOCIATION, 6L),
                Map.entry(ResourceTypes.SECURITY_GROUP, 2L),
                Map.entry(ResourceTypes.SUBNET, 6L),
                Map.entry(ResourceTypes.VPC, 1L),
                Map.entry(ResourceTypes.VPC_ENDPOINT, 2L),
                Map.entry(ResourceTypes.ACCESS_POINT, 1L),
                Map.entry(ResourceTypes.FILE_SYSTEM, 1L),
                Map.entry(ResourceTypes.FILE_SYSTEM_POLICY, 1L),
                Map.entry(ResourceTypes.MOUNT_TARGET, 3L),
                // one per function and the flow logs'
                Map.entry(ResourceTypes.ROLE, 9L),
                // logs, X-Ray and VPC access for 8, EFS for 5, the queue consumer's, the flow logs'
                Map.entry(ResourceTypes.ROLE_POLICY, 31L),
                Map.entry(ALIAS, 3L),
                Map.entry(ResourceTypes.EVENT_SOURCE_MAPPING, 1L),
                Map.entry(FUNCTION, 8L),
                Map.entry(ResourceTypes.PERMISSION, stack.equals("eu-west-2") ? 4L : 3L),
                Map.entry(PC, 3L),
                Map.entry(ResourceTypes.SNS_TOPIC, 1L),
                Map.entry(ResourceTypes.SQS_QUEUE, 2L)));
        if (stack.equals("eu-west-1")) {
            expected.put(ResourceTypes.SCALING_TARGET, 1L);
            expected.put(ResourceTypes.SCALING_POLICY, 1L);
            expected.put(ResourceTypes.SCHEDULED_ACTION, 2L);
        }
        if (stack.equals("eu-west-2")) {
            expected.put(ResourceTypes.EVENT_RULE, 1L);
            expected.put(ResourceTypes.EVENT_TARGET, 1L);
        }
        assertEquals(expected, StackPlans.of(stack).countsByType());
    }

    @ParameterizedTest
    @MethodSource("stacks")
    void functionsCarryTheirSettingsAfterOverrides(String stack) {
        var plan = StackPlans.of(stack);
        var memory = plan.ofType(FUNCTION).stream()
                .collect(Collectors.toMap(PlannedResource::name, r -> Integer.parseInt(r.input("memorySize"))));
        assertEquals(Map.of("collections_api", 1024, "search_api", 9000, "assets_get", 512, "init_zip", 512,
                "append_to_zip", 1024, "init_multipart", 1024, "upload_part", 1024, "complete_multipart", 1024), memory);
        for (var fn : plan.ofType(FUNCTION)) {
            assertEquals("medialake-" + stack + "-" + fn.name(), fn.input("name"));
            // The API functions fit the HTTP API's 30 s; the others run up to the profile default.
            assertEquals(API_FUNCTIONS.contains(fn.name()) ? "29" : "300", fn.input("timeout"));
            assertEquals("python3.12", fn.input("runtime"));
            assertEquals(List.of("x86_64"), strings(fn.inputs().get("architectures")));
            assertEquals("handlers/" + fn.name(), fn.inputs().getAsJsonObject("code").get("archive").getAsString());
            assertEquals("Active", fn.inputs().getAsJsonObject("tracingConfig").get("mode").getAsString());
            assertEquals(String.valueOf(PC_FUNCTIONS.contains(fn.name())), fn.input("publish"));
            assertNull(fn.inputs().get("snapStart"), fn.name() + " must not enable SnapStart");
            var vpc = fn.inputs().getAsJsonObject("vpcConfig");
            assertEquals(strings(plan.outputs().get("privateSubnetIds")), strings(vpc.get("subnetIds")));
            assertEquals(List.of(securityGroupId(plan, "medialake-functions")), strings(vpc.get("securityGroupIds")));
        }
        var reserved = plan.byName(FUNCTION, "upload_part").input("reservedConcurrentExecutions");
        assertEquals(stack.equals("eu-west-2") ? "50" : null, reserved);
    }

    @ParameterizedTest
    @MethodSource("stacks")
    void aliasesAndProvisionedConcurrencyExactlyOnThePcFunctions(String stack) {
        var plan = StackPlans.of(stack);
        var aliases = plan.ofType(ALIAS);
        assertEquals(PC_FUNCTIONS, aliases.stream().map(a -> a.parent()).map(plan::byUrn)
                .map(PlannedResource::name).collect(Collectors.toSet()));
        for (var alias : aliases) {
            assertEquals("live", alias.input("name"));
            assertEquals("1", alias.input("functionVersion"), "the alias must point at the published version");
        }
        var pcs = plan.ofType(PC);
        assertEquals(PC_FUNCTIONS, pcs.stream().map(PlannedResource::name).collect(Collectors.toSet()));
        for (var pc : pcs) {
            var fn = plan.byName(FUNCTION, pc.name());
            assertEquals(fn.input("name"), pc.input("functionName"));
            // PC on the published version the alias points to (never $LATEST); the alias moves only after it.
            var alias = plan.byName(ALIAS, pc.name() + "-live");
            assertEquals(alias.input("functionVersion"), pc.input("qualifier"));
            assertTrue(alias.dependsOn().contains(pc.urn()), "the alias waits for the version's PC");
            int expected = stack.equals("eu-west-2") && pc.name().equals("search_api") ? 1 : 2;
            assertEquals(String.valueOf(expected), pc.input("provisionedConcurrentExecutions"));
            String timeout = stack.equals("us-east-1") ? "900000000000ns" : "1800000000000ns";
            assertEquals(List.of(timeout, timeout, ""), pc.customTimeouts());
        }
    }

    @ParameterizedTest
    @MethodSource("stacks")
    void callersAreToldToInvokeTheAliasOfEveryPcFunction(String stack) {
        var plan = StackPlans.of(stack);
        var invokeArns = plan.outputs().get("invokeArns").getAsJsonObject();
        assertEquals(8, invokeArns.size());
        for (var fn : plan.ofType(FUNCTION)) {
            String arn = invokeArns.get(fn.name()).getAsString();
            String functionArn = "arn:aws:lambda:" + stack + ":123456789012:function:" + fn.input("name");
            assertEquals(PC_FUNCTIONS.contains(fn.name()) ? functionArn + ":live" : functionArn, arn);
        }
    }

    @ParameterizedTest
    @MethodSource("stacks")
    void efsFunctionsMountTheAccessPointUnderMntAfterEveryMountTarget(String stack) {
        var plan = StackPlans.of(stack);
        var mountTargets = plan.ofType(ResourceTypes.MOUNT_TARGET).stream().map(PlannedResource::urn).toList();
        assertEquals(3, mountTargets.size());
        String accessPointArn = plan.outputs().get("accessPointArn").getAsString();
        for (var fn : plan.ofType(FUNCTION)) {
            JsonObject fs = fn.inputs().getAsJsonObject("fileSystemConfig");
            if (!EFS_FUNCTIONS.contains(fn.name())) {
                assertNull(fs, fn.name() + " must not mount EFS");
                continue;
            }
            assertTrue(fs.get("localMountPath").getAsString().matches("^/mnt/[a-zA-Z0-9-_.]+$"));
            assertEquals(accessPointArn, fs.get("arn").getAsString());
            assertTrue(fn.dependsOn().containsAll(mountTargets), fn.name() + " must wait for every mount target");
        }
        var subnets = plan.ofType(ResourceTypes.MOUNT_TARGET).stream().map(m -> m.input("subnetId"))
                .collect(Collectors.toSet());
        assertEquals(Set.copyOf(strings(plan.outputs().get("privateSubnetIds"))), subnets);
    }

    @ParameterizedTest
    @MethodSource("stacks")
    void theFileSystemIsEncryptedProtectedTlsOnlyAndPinnedToOneDirectory(String stack) {
        var plan = StackPlans.of(stack);
        var fs = plan.ofType(ResourceTypes.FILE_SYSTEM).get(0);
        assertTrue(fs.protect(), "deleting the file system deletes its data");
        assertEquals("true", fs.input("encrypted"));
        var statement = policy(plan.ofType(ResourceTypes.FILE_SYSTEM_POLICY).get(0), "policy")
                .getAsJsonObject().getAsJsonArray("Statement").get(0).getAsJsonObject();
        assertEquals("Deny", statement.get("Effect").getAsString());
        assertEquals("false", statement.getAsJsonObject("Condition").getAsJsonObject("Bool")
                .get("aws:SecureTransport").getAsString());
        var ap = plan.ofType(ResourceTypes.ACCESS_POINT).get(0);
        assertEquals("/bulk-downloads", ap.inputs().getAsJsonObject("rootDirectory").get("path").getAsString());
        var creation = ap.inputs().getAsJsonObject("rootDirectory").getAsJsonObject("creationInfo");
        assertEquals("750", creation.get("permissions").getAsString());
        assertEquals(1001, creation.get("ownerUid").getAsInt());
        assertEquals(1001, ap.inputs().getAsJsonObject("posixUser").get("uid").getAsInt());
        assertEquals(1001, ap.inputs().getAsJsonObject("posixUser").get("gid").getAsInt());
    }

    @ParameterizedTest
    @MethodSource("stacks")
    void nfsIsOpenOnlyFromTheFunctionsSecurityGroup(String stack) {
        var plan = StackPlans.of(stack);
        var efsGroup = plan.byName(ResourceTypes.SECURITY_GROUP, "medialake-efs");
        var ingress = efsGroup.inputs().getAsJsonArray("ingress");
        assertEquals(1, ingress.size());
        var rule = ingress.get(0).getAsJsonObject();
        assertEquals("tcp", rule.get("protocol").getAsString());
        assertEquals(2049, rule.get("fromPort").getAsInt());
        assertEquals(2049, rule.get("toPort").getAsInt());
        assertEquals(List.of(securityGroupId(plan, "medialake-functions")), strings(rule.get("securityGroups")));
        assertNull(rule.get("cidrBlocks"));
        assertNull(efsGroup.inputs().get("egress"));
        var functionsGroup = plan.byName(ResourceTypes.SECURITY_GROUP, "medialake-functions");
        assertNull(functionsGroup.inputs().get("ingress"), "nothing may connect to the functions");
    }

    @ParameterizedTest
    @MethodSource("stacks")
    void eachFunctionHasItsOwnRoleWithScopedPolicies(String stack) {
        var plan = StackPlans.of(stack);
        var roles = plan.ofType(ResourceTypes.ROLE).stream().filter(r -> !r.name().endsWith("flow-logs")).toList();
        assertEquals(8, roles.stream().map(r -> r.input("name")).distinct().count());
        assertTrue(plan.ofType(ResourceTypes.ROLE_POLICY_ATTACHMENT).isEmpty(),
                "no managed policies: none AWS publishes is exactly what a function needs");
        for (var role : roles) {
            assertTrue(role.input("name").length() <= 64);
            assertTrue(role.input("name").contains(stack), "role names are account-global: they carry the stack");
            assertEquals("arn:aws:iam::123456789012:role/" + role.input("name"),
                    plan.byName(FUNCTION, role.name()).input("role"));
            var policies = plan.ofType(ResourceTypes.ROLE_POLICY).stream()
                    .filter(p -> p.input("role").equals(role.id()) && p.name().startsWith(role.name() + "-"))
                    .collect(Collectors.toMap(p -> p.name().substring(role.name().length()), p -> p));
            boolean efs = EFS_FUNCTIONS.contains(role.name());
            assertEquals(efs ? Set.of("-logs", "-xray", "-vpc-access", "-efs") : Set.of("-logs", "-xray", "-vpc-access"),
                    policies.keySet(), role.name());
            var logs = policy(policies.get("-logs"), "policy").getAsJsonObject().getAsJsonArray("Statement").get(0)
                    .getAsJsonObject();
            String logGroupArn = "arn:aws:logs:" + stack + ":123456789012:log-group:/aws/lambda/" + role.input("name");
            assertEquals(logGroupArn + ":*", logs.get("Resource").getAsString(), "logs only to its own group");
            var eni = policy(policies.get("-vpc-access"), "policy").getAsJsonObject().getAsJsonArray("Statement").get(0)
                    .getAsJsonObject();
            assertEquals("*", eni.get("Resource").getAsString(), "EC2 cannot scope ENI actions");
            if (efs) {
                var statement = policy(policies.get("-efs"), "policy").getAsJsonObject().getAsJsonArray("Statement")
                        .get(0).getAsJsonObject();
                assertEquals(plan.outputs().get("accessPointArn").getAsString(), statement.getAsJsonObject("Condition")
                        .getAsJsonObject("StringEquals").get("elasticfilesystem:AccessPointArn").getAsString());
                boolean readsOnly = Set.of("init_multipart", "upload_part").contains(role.name());
                assertEquals(readsOnly ? List.of("elasticfilesystem:ClientMount")
                                : List.of("elasticfilesystem:ClientMount", "elasticfilesystem:ClientWrite"),
                        statement.get("Action").isJsonArray() ? strings(statement.get("Action"))
                                : List.of(statement.get("Action").getAsString()), role.name());
            }
        }
    }

    @ParameterizedTest
    @MethodSource("stacks")
    void theNetworkSpansTheRegionsOwnAzsWithNatByStrategy(String stack) {
        var plan = StackPlans.of(stack);
        assertEquals(List.of(stack + "a", stack + "b", stack + "c"), strings(plan.outputs().get("availabilityZones")));
        var privateRoutes = plan.ofType(ResourceTypes.EC2_ROUTE).stream()
                .filter(r -> r.name().startsWith("medialake-private-")).toList();
        assertEquals(3, privateRoutes.size());
        long distinctNats = privateRoutes.stream().map(r -> r.input("natGatewayId")).distinct().count();
        assertEquals(stack.equals("eu-west-2") ? 1 : 3, distinctNats);
        String cidr = Map.of("us-east-1", "10.0.0.0/16", "eu-west-1", "10.1.0.0/16", "eu-west-2", "10.2.0.0/16").get(stack);
        assertEquals(cidr, plan.ofType(ResourceTypes.VPC).get(0).input("cidrBlock"));
        for (var endpoint : plan.ofType(ResourceTypes.VPC_ENDPOINT)) {
            assertTrue(endpoint.input("serviceName").startsWith("com.amazonaws." + stack + "."));
            assertEquals(3, endpoint.inputs().getAsJsonArray("routeTableIds").size());
        }
        for (var subnet : plan.ofType(ResourceTypes.SUBNET)) {
            assertFalse(Boolean.parseBoolean(subnet.input("mapPublicIpOnLaunch")));
        }
    }

    @ParameterizedTest
    @MethodSource("stacks")
    void everyRegisteredTypeHasItsReplacementPropertiesRecorded(String stack) {
        // The plan diff can only call a change a replacement for types in the table.
        for (var type : StackPlans.of(stack).countsByType().keySet()) {
            assertTrue(ReplacementProperties.BY_TYPE.containsKey(type), type);
        }
    }

    private static String securityGroupId(Plan plan, String name) {
        return plan.byName(ResourceTypes.SECURITY_GROUP, name).id();
    }
}
