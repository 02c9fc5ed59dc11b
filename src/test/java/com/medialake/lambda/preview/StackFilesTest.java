package com.medialake.lambda.preview;

import static com.medialake.lambda.preview.StackPlans.policy;
import static com.medialake.lambda.preview.StackPlans.strings;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.medialake.lambda.config.SettingsParser;
import com.medialake.lambda.config.StackFile;
import com.medialake.lambda.model.FunctionSettings;
import com.medialake.lambda.model.StackSettings;
import com.medialake.lambda.model.Trigger;
import com.medialake.lambda.plan.Plan;
import com.medialake.lambda.plan.PlannedResource;
import com.medialake.lambda.plan.ReplacementProperties;
import com.medialake.lambda.plan.ResourceTypes;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.BiConsumer;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each real stack file through the mock engine; asserts on what the program registered. What to expect
 * follows from the function table and the stack's own settings, never from the stack's name, so a new stack
 * file is covered as it is.
 */
class StackFilesTest {
    private static final String FUNCTION = ResourceTypes.FUNCTION;
    private static final String ALIAS = ResourceTypes.ALIAS;
    private static final String PC = ResourceTypes.PROVISIONED_CONCURRENCY_CONFIG;

    static List<String> stacks() {
        return StackPlans.STACKS;
    }

    private static long count(StackSettings s, Predicate<FunctionSettings> which) {
        return s.functions().stream().filter(which).count();
    }

    private static Set<String> names(StackSettings s, Predicate<FunctionSettings> which) {
        return s.functions().stream().filter(which).map(FunctionSettings::name).collect(Collectors.toSet());
    }

    private static FunctionSettings function(StackSettings s, String name) {
        return s.functions().stream().filter(f -> f.name().equals(name)).findFirst().orElseThrow();
    }

    /** What the components register for these settings, type by type (the components' structure, restated). */
    static Map<String, Long> expectedCounts(StackSettings s) {
        long functions = s.functions().size();
        long zones = s.network().availabilityZones();
        long nats = s.network().natGateways().gatewayCount((int) zones);
        long pc = count(s, FunctionSettings::hasProvisionedConcurrency);
        long api = s.httpApiEnabled() ? count(s, f -> f.trigger() == Trigger.HTTP_API) : 0;
        long consumers = count(s, f -> f.trigger() == Trigger.BULK_QUEUE);
        long warmers = count(s, f -> f.warmerRateMinutes().isPresent());
        long autoscaled = count(s, f -> f.autoscaling().isPresent());
        long schedules = s.functions().stream().filter(f -> f.autoscaling().isPresent())
                .mapToLong(f -> com.medialake.lambda.cost.CostModel.capacity(f).actions().size()).sum();
        var expected = new TreeMap<String, Long>();
        BiConsumer<String, Long> put = (type, n) -> {
            if (n > 0) {
                expected.put(type, n);
            }
        };
        // the network: a public and a private subnet per AZ, NATs by strategy, private routes through them
        put.accept(ResourceTypes.VPC, 1L);
        put.accept(ResourceTypes.DEFAULT_SECURITY_GROUP, 1L);
        put.accept(ResourceTypes.FLOW_LOG, 1L);
        put.accept(ResourceTypes.INTERNET_GATEWAY, 1L);
        put.accept(ResourceTypes.SUBNET, 2 * zones);
        put.accept(ResourceTypes.ROUTE_TABLE, 1 + zones);
        put.accept(ResourceTypes.ROUTE_TABLE_ASSOCIATION, 2 * zones);
        put.accept(ResourceTypes.EC2_ROUTE, 1 + (nats > 0 ? zones : 0));
        put.accept(ResourceTypes.EIP, nats);
        put.accept(ResourceTypes.NAT_GATEWAY, nats);
        put.accept(ResourceTypes.VPC_ENDPOINT, 2L);
        put.accept(ResourceTypes.SECURITY_GROUP, 2L);
        // the shared file system, with a mount target per AZ
        if (s.anyEfsFunction()) {
            put.accept(ResourceTypes.FILE_SYSTEM, 1L);
            put.accept(ResourceTypes.FILE_SYSTEM_POLICY, 1L);
            put.accept(ResourceTypes.ACCESS_POINT, 1L);
            put.accept(ResourceTypes.MOUNT_TARGET, zones);
        }
        // a function, its role and log group (and the flow logs' own), its version behind the alias, its PC
        put.accept(FUNCTION, functions);
        put.accept(ResourceTypes.LOG_GROUP, functions + 1);
        put.accept(ResourceTypes.ROLE, functions + 1);
        // logs and X-Ray for each, VPC access and EFS where attached, the consumer's queue, the flow logs'
        put.accept(ResourceTypes.ROLE_POLICY, 2 * functions + count(s, f -> f.attachment().inVpc())
                + count(s, f -> f.attachment().mountsEfs()) + consumers + 1);
        put.accept(ALIAS, count(s, FunctionSettings::publish));
        put.accept(PC, pc);
        put.accept(ResourceTypes.SCALING_TARGET, autoscaled);
        put.accept(ResourceTypes.SCALING_POLICY, autoscaled);
        put.accept(ResourceTypes.SCHEDULED_ACTION, schedules);
        // what invokes them: the HTTP API's routes, the queue, the warmers
        if (api > 0) {
            put.accept(ResourceTypes.HTTP_API, 1L);
            put.accept(ResourceTypes.API_STAGE, 1L);
        }
        put.accept(ResourceTypes.API_INTEGRATION, api);
        put.accept(ResourceTypes.API_ROUTE, api);
        put.accept(ResourceTypes.PERMISSION, api + warmers);
        put.accept(ResourceTypes.SQS_QUEUE, 2 * consumers);
        put.accept(ResourceTypes.EVENT_SOURCE_MAPPING, consumers);
        put.accept(ResourceTypes.EVENT_RULE, warmers);
        put.accept(ResourceTypes.EVENT_TARGET, warmers);
        // errors, throttles and p99 duration for each function; spillover and utilization for each with PC
        put.accept(ResourceTypes.METRIC_ALARM, 3 * functions + 2 * pc);
        put.accept(ResourceTypes.DASHBOARD, 1L);
        put.accept(ResourceTypes.SNS_TOPIC, 1L);
        put.accept(ResourceTypes.SNS_SUBSCRIPTION, s.alarmEmail().isPresent() ? 1L : 0L);
        return expected;
    }

    @ParameterizedTest
    @MethodSource("stacks")
    void registersTheExpectedResourcesPerType(String stack) {
        assertEquals(expectedCounts(StackPlans.settings(stack)), StackPlans.of(stack).countsByType());
    }

    /** The stack files at every limit: other AZ counts, NAT strategies and options than the real stacks'. */
    static List<Path> validCorpus() throws java.io.IOException {
        try (var files = java.nio.file.Files.list(Path.of("src/test/resources/valid"))) {
            return files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList();
        }
    }

    @ParameterizedTest
    @MethodSource("validCorpus")
    void theCountsFollowTheSettingsOfEveryValidStackFile(Path file) {
        String stack = StackFile.load("limits", file).get("aws:region").orElseThrow();
        var settings = SettingsParser.parse(StackFile.load(stack, file));
        assertEquals(expectedCounts(settings), OfflineEngine.run(settings).countsByType());
    }

    @ParameterizedTest
    @MethodSource("stacks")
    void functionsCarryTheirSettingsAfterOverrides(String stack) {
        var plan = StackPlans.of(stack);
        var settings = StackPlans.settings(stack);
        assertEquals(names(settings, f -> true), plan.ofType(FUNCTION).stream().map(PlannedResource::name)
                .collect(Collectors.toSet()));
        for (var fn : plan.ofType(FUNCTION)) {
            var want = function(settings, fn.name());
            assertEquals("medialake-" + stack + "-" + fn.name(), fn.input("name"));
            assertEquals(String.valueOf(want.memoryMb()), fn.input("memorySize"), fn.name());
            assertEquals(String.valueOf(want.timeoutSeconds()), fn.input("timeout"), fn.name());
            assertEquals(want.runtime(), fn.input("runtime"));
            assertEquals(List.of(want.architecture().awsName()), strings(fn.inputs().get("architectures")));
            // Its handler and the module every handler shares, side by side in the archive.
            var archive = fn.inputs().getAsJsonObject("code").getAsJsonObject("archive");
            assertEquals("handlers/" + want.handlerFolder() + "/handler.py", archive.get("handler.py").getAsString());
            assertEquals("handlers/shared/medialake_shared.py", archive.get("medialake_shared.py").getAsString());
            assertEquals(2, archive.size());
            assertEquals("Active", fn.inputs().getAsJsonObject("tracingConfig").get("mode").getAsString());
            assertEquals(String.valueOf(want.publish()), fn.input("publish"));
            assertEquals(want.snapStart(), fn.inputs().get("snapStart") != null, fn.name() + ": SnapStart as configured");
            assertEquals(want.reservedConcurrency() == null ? null : String.valueOf(want.reservedConcurrency()),
                    fn.input("reservedConcurrentExecutions"), fn.name());
            var vpc = fn.inputs().getAsJsonObject("vpcConfig");
            if (!want.attachment().inVpc()) {
                assertNull(vpc, fn.name());
                continue;
            }
            assertEquals(strings(plan.outputs().get("privateSubnetIds")), strings(vpc.get("subnetIds")));
            assertEquals(List.of(securityGroupId(plan, "medialake-functions")), strings(vpc.get("securityGroupIds")));
        }
    }

    @ParameterizedTest
    @MethodSource("stacks")
    void aliasesAndProvisionedConcurrencyExactlyOnThePcFunctions(String stack) {
        var plan = StackPlans.of(stack);
        var settings = StackPlans.settings(stack);
        var aliases = plan.ofType(ALIAS);
        assertEquals(names(settings, FunctionSettings::publish), aliases.stream().map(a -> a.parent()).map(plan::byUrn)
                .map(PlannedResource::name).collect(Collectors.toSet()));
        for (var alias : aliases) {
            assertEquals("live", alias.input("name"));
            assertEquals("1", alias.input("functionVersion"), "the alias must point at the published version");
        }
        var pcs = plan.ofType(PC);
        assertEquals(names(settings, FunctionSettings::hasProvisionedConcurrency),
                pcs.stream().map(PlannedResource::name).collect(Collectors.toSet()));
        String timeout = settings.provisionedConcurrencyTimeout().toNanos() + "ns";
        for (var pc : pcs) {
            var fn = plan.byName(FUNCTION, pc.name());
            assertEquals(fn.input("name"), pc.input("functionName"));
            // PC on the published version the alias points to (never $LATEST); the alias moves only after it.
            var alias = plan.byName(ALIAS, pc.name() + "-live");
            assertEquals(alias.input("functionVersion"), pc.input("qualifier"));
            assertTrue(alias.dependsOn().contains(pc.urn()), "the alias waits for the version's PC");
            assertEquals(String.valueOf(function(settings, pc.name()).provisionedConcurrency()),
                    pc.input("provisionedConcurrentExecutions"));
            assertEquals(List.of(timeout, timeout, ""), pc.customTimeouts());
        }
    }

    @ParameterizedTest
    @MethodSource("stacks")
    void callersAreToldToInvokeTheAliasOfEveryPcFunction(String stack) {
        var plan = StackPlans.of(stack);
        var invokeArns = plan.outputs().get("invokeArns").getAsJsonObject();
        assertEquals(StackPlans.settings(stack).functions().size(), invokeArns.size());
        for (var fn : plan.ofType(FUNCTION)) {
            String arn = invokeArns.get(fn.name()).getAsString();
            String functionArn = "arn:aws:lambda:" + plan.settings().region() + ":123456789012:function:" + fn.input("name");
            assertEquals(Boolean.parseBoolean(fn.input("publish")) ? functionArn + ":live" : functionArn, arn);
        }
    }

    @ParameterizedTest
    @MethodSource("stacks")
    void efsFunctionsMountTheAccessPointUnderMntAfterEveryMountTarget(String stack) {
        var plan = StackPlans.of(stack);
        var settings = StackPlans.settings(stack);
        var mountTargets = plan.ofType(ResourceTypes.MOUNT_TARGET).stream().map(PlannedResource::urn).toList();
        assertEquals(settings.network().availabilityZones(), mountTargets.size());
        String accessPointArn = plan.outputs().get("accessPointArn").getAsString();
        for (var fn : plan.ofType(FUNCTION)) {
            JsonObject fs = fn.inputs().getAsJsonObject("fileSystemConfig");
            if (!function(settings, fn.name()).attachment().mountsEfs()) {
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
        var settings = StackPlans.settings(stack);
        var roles = plan.ofType(ResourceTypes.ROLE).stream().filter(r -> !r.name().endsWith("flow-logs")).toList();
        assertEquals(settings.functions().size(), roles.stream().map(r -> r.input("name")).distinct().count());
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
            var fn = function(settings, role.name());
            boolean efs = fn.attachment().mountsEfs();
            var expected = new java.util.TreeSet<>(Set.of("-logs", "-xray"));
            if (fn.attachment().inVpc()) {
                expected.add("-vpc-access");
            }
            if (efs) {
                expected.add("-efs");
            }
            assertEquals(expected, new java.util.TreeSet<>(policies.keySet()), role.name());
            var logs = policy(policies.get("-logs"), "policy").getAsJsonObject().getAsJsonArray("Statement").get(0)
                    .getAsJsonObject();
            String logGroupArn = "arn:aws:logs:" + settings.region() + ":123456789012:log-group:/aws/lambda/" + role.input("name");
            assertEquals(logGroupArn + ":*", logs.get("Resource").getAsString(), "logs only to its own group");
            if (fn.attachment().inVpc()) {
                var eni = policy(policies.get("-vpc-access"), "policy").getAsJsonObject().getAsJsonArray("Statement")
                        .get(0).getAsJsonObject();
                assertEquals("*", eni.get("Resource").getAsString(), "EC2 cannot scope ENI actions");
            }
            if (efs) {
                var statement = policy(policies.get("-efs"), "policy").getAsJsonObject().getAsJsonArray("Statement")
                        .get(0).getAsJsonObject();
                assertEquals(plan.outputs().get("accessPointArn").getAsString(), statement.getAsJsonObject("Condition")
                        .getAsJsonObject("StringEquals").get("elasticfilesystem:AccessPointArn").getAsString());
                boolean readsOnly = fn.efsReadOnly();
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
        var settings = StackPlans.settings(stack);
        int zones = settings.network().availabilityZones();
        int nats = settings.network().natGateways().gatewayCount(zones);
        // the region's own AZ names, as AWS answers them (offline: OfflineRegions), the first by name
        assertEquals(AwsMocks.zones(settings.region()).stream().sorted().limit(zones).toList(),
                strings(plan.outputs().get("availabilityZones")));
        var privateRoutes = plan.ofType(ResourceTypes.EC2_ROUTE).stream()
                .filter(r -> r.name().startsWith("medialake-private-")).toList();
        assertEquals(nats > 0 ? zones : 0, privateRoutes.size());
        assertEquals(nats, privateRoutes.stream().map(r -> r.input("natGatewayId")).distinct().count());
        assertEquals(settings.network().cidr().toString(), plan.ofType(ResourceTypes.VPC).get(0).input("cidrBlock"));
        for (var endpoint : plan.ofType(ResourceTypes.VPC_ENDPOINT)) {
            assertTrue(endpoint.input("serviceName").startsWith("com.amazonaws." + settings.region() + "."));
            assertEquals(zones, endpoint.inputs().getAsJsonArray("routeTableIds").size());
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
