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
import com.medialake.lambda.plan.Plan;
import com.medialake.lambda.plan.PlannedResource;
import com.medialake.lambda.plan.ReplacementProperties;
import com.medialake.lambda.plan.ResourceTypes;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
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

    private static Set<String> names(StackSettings s, Predicate<FunctionSettings> which) {
        return s.functions().stream().filter(which).map(FunctionSettings::name).collect(Collectors.toSet());
    }

    private static FunctionSettings function(StackSettings s, String name) {
        return s.functions().stream().filter(f -> f.name().equals(name)).findFirst().orElseThrow();
    }

    /**
     * What a plan must hold, from the components' own declarations rather than restated: the network is its
     * subnet layout (model.SubnetLayout: per AZ a public and a private subnet at their CIDRs, a NAT where the
     * layout puts one, a private route table each, a mount target in each private subnet); every function is
     * one service with its function, role and log group; and functions with the same features register the
     * same kinds of resources, so one more resource per function changes no expectation here.
     */
    static void followsItsDeclarations(Plan plan) {
        var s = plan.settings();
        var zones = StackPlans.strings(plan.outputs().get("availabilityZones"));
        var layout = com.medialake.lambda.model.SubnetLayout.of(s.network(), zones);
        var cidrs = plan.ofType(ResourceTypes.SUBNET).stream().map(r -> r.input("cidrBlock")).collect(Collectors.toSet());
        var declared = new java.util.HashSet<String>();
        layout.zones().forEach(z -> {
            declared.add(z.publicCidr().toString());
            declared.add(z.privateCidr().toString());
        });
        assertEquals(declared, cidrs);
        assertEquals(2 * layout.zones().size(), plan.ofType(ResourceTypes.SUBNET).size());
        long nats = layout.zones().stream().filter(z -> z.hasNatGateway()).count();
        assertEquals(nats, plan.ofType(ResourceTypes.NAT_GATEWAY).size());
        assertEquals(nats, plan.ofType(ResourceTypes.EIP).size());
        assertEquals(1 + layout.zones().size(), plan.ofType(ResourceTypes.ROUTE_TABLE).size(), "public + one per AZ");
        var privateSubnets = plan.ofType(ResourceTypes.SUBNET).stream()
                .filter(r -> layout.zones().stream().anyMatch(z -> z.privateCidr().toString().equals(r.input("cidrBlock"))))
                .map(PlannedResource::id).collect(Collectors.toSet());
        var mounted = plan.ofType(ResourceTypes.MOUNT_TARGET).stream().map(r -> r.input("subnetId")).collect(Collectors.toSet());
        assertEquals(s.anyEfsFunction() ? privateSubnets : Set.of(), mounted);

        var services = plan.ofType(com.medialake.lambda.infra.LambdaService.TYPE);
        assertEquals(s.functions().size(), services.size());
        var byFeatures = new TreeMap<String, Map<String, Long>>();
        for (var service : services) {
            var fn = function(s, service.name());
            var kinds = plan.childrenOf(service).stream().collect(Collectors.groupingBy(PlannedResource::type,
                    TreeMap::new, Collectors.counting()));
            for (String one : List.of(FUNCTION, ResourceTypes.ROLE, ResourceTypes.LOG_GROUP)) {
                assertEquals(1L, kinds.get(one), fn.name() + " has one " + one);
            }
            String features = String.join(",", String.valueOf(fn.publish()), String.valueOf(fn.hasProvisionedConcurrency()),
                    String.valueOf(fn.attachment()), fn.trigger().name(), String.valueOf(fn.warmerRateMinutes().isPresent()), String.valueOf(fn.snapStart()),
                    String.valueOf(fn.autoscaling().map(a -> fn.weeklyCapacity().actions().size())
                            .orElse(-1)));
            var same = byFeatures.putIfAbsent(features, kinds);
            assertEquals(same == null ? kinds : same, kinds, fn.name() + " registers what functions like it do");
        }
    }

    /** The stack files at every limit: other AZ counts, NAT strategies and options than the real stacks'. */
    static List<Path> validCorpus() throws java.io.IOException {
        try (var files = java.nio.file.Files.list(Path.of("src/test/resources/valid"))) {
            return files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList();
        }
    }

    @ParameterizedTest
    @MethodSource("validCorpus")
    void everyValidStackFileFollowsTheComponentsDeclarations(Path file) {
        String stack = StackFile.load("limits", file).get("aws:region").orElseThrow();
        followsItsDeclarations(OfflineEngine.run(SettingsParser.parse(StackFile.load(stack, file))));
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
