package com.medialake.lambda.preview;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.medialake.lambda.plan.ArchiveDigest;
import com.medialake.lambda.plan.PlanDiff;
import com.medialake.lambda.plan.PlanJson;
import com.medialake.lambda.plan.ResourceTypes;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A small change makes a small plan, and nothing that holds data or is slow to recreate is replaced by a
 * change that could update it in place. Each scenario diffs the plan of a changed config against the base.
 */
class ChangeSafetyTest {
    private static final String BASE = StackPlans.stackFile("eu-west-2", """
            network:
              cidr: 10.2.0.0/16
              availabilityZones: 3
              natGateways: onePerAz
            functions:
              search_api:
                memoryMb: 9000
              upload_part:
                timeoutSeconds: 300
              collections_api:
                provisionedConcurrency: 2
            """);
    /**
     * Data, or minutes to recreate. Not the PC configs: each new version gets its own, ready before the alias
     * moves to it (LambdaService), so their replacement is how a new version goes live.
     */
    private static final Set<String> PRECIOUS = Set.of(ResourceTypes.FILE_SYSTEM, ResourceTypes.NAT_GATEWAY,
            ResourceTypes.MOUNT_TARGET);

    private static com.medialake.lambda.model.StackSettings settings(String yaml) {
        return StackPlans.settings("eu-west-2", yaml);
    }

    private static final String BASE_JSON = PlanJson.render(OfflineEngine.run(settings(BASE)));

    /** The change from the base plan, with the versions AWS would publish after it. */
    private static List<PlanDiff.Change> diff(String from, String to) {
        assertTrue(BASE.contains(from), from);
        var after = OfflineEngine.runAfter(settings(BASE.replace(from, to)),
                com.google.gson.JsonParser.parseString(BASE_JSON).getAsJsonObject());
        return PlanDiff.between(BASE_JSON, PlanJson.render(after));
    }

    private static Set<String> touched(List<PlanDiff.Change> changes) {
        return changes.stream().map(c -> c.kind().name().toLowerCase() + " " + c.type() + " " + c.name())
                .collect(Collectors.toSet());
    }

    private static void nothingPreciousReplaced(List<PlanDiff.Change> changes) {
        for (var c : changes) {
            assertTrue(!(PRECIOUS.contains(c.type()) && c.kind() == PlanDiff.Kind.REPLACE),
                    c.type() + " " + c.name() + " would be replaced because of " + c.forcedBy());
        }
    }

    @Test
    void changingOneFunctionsMemoryPublishesANewVersionOfThatFunctionOnly() {
        var changes = diff("memoryMb: 9000", "memoryMb: 8192");
        // The PC alarms and the dashboard follow the version that holds PC, where Lambda emits its metrics; the
        // memory alarm's threshold is 80% of the memory.
        assertEquals(Set.of("update aws:lambda/function:Function search_api",
                "update aws:cloudwatch/metricAlarm:MetricAlarm search_api-memory-p99",
                "update aws:lambda/alias:Alias search_api-live",
                "replace aws:lambda/provisionedConcurrencyConfig:ProvisionedConcurrencyConfig search_api",
                "update aws:cloudwatch/metricAlarm:MetricAlarm search_api-pc-spillover",
                "update aws:cloudwatch/metricAlarm:MetricAlarm search_api-pc-utilization",
                "update aws:cloudwatch/dashboard:Dashboard medialake-monitoring"), touched(changes));
    }

    @Test
    void changingATimeoutUpdatesTheFunctionAndWhatIsSizedByIt() {
        var changes = diff("timeoutSeconds: 300", "timeoutSeconds: 600");
        assertEquals(Set.of("update aws:lambda/function:Function upload_part",
                "update aws:cloudwatch/metricAlarm:MetricAlarm upload_part-duration-p99",
                "update aws:sqs/queue:Queue medialake-bulk-downloads",
                "update aws:cloudwatch/dashboard:Dashboard medialake-monitoring"), touched(changes));
    }

    @Test
    void changingPcUpdatesTheConfigInPlace() {
        var changes = diff("provisionedConcurrency: 2", "provisionedConcurrency: 3");
        assertEquals(Set.of("update aws:lambda/provisionedConcurrencyConfig:ProvisionedConcurrencyConfig collections_api"),
                touched(changes));
    }

    @Test
    void fewerNatGatewaysDeletesTheOthersAndReroutesWithoutReplacingTheFirst() {
        var changes = diff("natGateways: onePerAz", "natGateways: single");
        nothingPreciousReplaced(changes);
        assertEquals(Set.of(
                "delete aws:ec2/natGateway:NatGateway medialake-nat-eu-west-2b",
                "delete aws:ec2/natGateway:NatGateway medialake-nat-eu-west-2c",
                "delete aws:ec2/eip:Eip medialake-nat-eu-west-2b",
                "delete aws:ec2/eip:Eip medialake-nat-eu-west-2c",
                "update aws:ec2/route:Route medialake-private-eu-west-2b-default",
                "update aws:ec2/route:Route medialake-private-eu-west-2c-default"), touched(changes));
    }

    @Test
    void fewerAzsDeletesThatAzsSubnetsAndMountTargetAndKeepsTheRest() {
        var changes = diff("availabilityZones: 3", "availabilityZones: 2");
        nothingPreciousReplaced(changes);
        assertTrue(changes.stream().allMatch(c -> c.kind() != PlanDiff.Kind.REPLACE || !PRECIOUS.contains(c.type())));
        var deleted = changes.stream().filter(c -> c.kind() == PlanDiff.Kind.DELETE).map(PlanDiff.Change::name)
                .collect(Collectors.toSet());
        assertTrue(deleted.containsAll(Set.of("medialake-public-eu-west-2c", "medialake-private-eu-west-2c",
                "medialake-bulk-downloads-eu-west-2c", "medialake-nat-eu-west-2c")), deleted.toString());
        assertTrue(deleted.stream().allMatch(n -> n.contains("eu-west-2c")), "only AZ c goes: " + deleted);
        // Functions lose the subnet and the mount target they depended on: updated, not replaced.
        assertTrue(changes.stream().filter(c -> c.type().equals(ResourceTypes.FUNCTION))
                .allMatch(c -> c.kind() == PlanDiff.Kind.UPDATE && c.changed().equals(List.of("vpcConfig"))));
    }

    @Test
    void aNewCidrReplacesTheNetworkButNeverTheFileSystem() {
        var changes = diff("cidr: 10.2.0.0/16", "cidr: 10.9.0.0/16");
        var replaced = changes.stream().filter(c -> c.kind() == PlanDiff.Kind.REPLACE).map(PlanDiff.Change::type)
                .collect(Collectors.toSet());
        assertTrue(replaced.contains(ResourceTypes.VPC));
        assertTrue(replaced.contains(ResourceTypes.SUBNET), "new VPC id, new subnets");
        assertTrue(replaced.contains(ResourceTypes.MOUNT_TARGET), "mount targets follow their subnets");
        assertTrue(!replaced.contains(ResourceTypes.FILE_SYSTEM), "the data stays");
    }

    @Test
    void valueChangesNeverRenameAnything() {
        for (var change : List.of(List.of("memoryMb: 9000", "memoryMb: 4096"), List.of("timeoutSeconds: 300",
                "timeoutSeconds: 30"), List.of("provisionedConcurrency: 2", "provisionedConcurrency: 5"))) {
            var changes = diff(change.get(0), change.get(1));
            // A name never changes; the only replacement is a new version's PC config, by its qualifier.
            assertTrue(changes.stream().noneMatch(c -> c.kind() == PlanDiff.Kind.CREATE || c.kind() == PlanDiff.Kind.DELETE
                    || c.kind() == PlanDiff.Kind.REPLACE && !c.forcedBy().equals(List.of("qualifier"))),
                    change + " -> " + touched(changes));
        }
    }

    @Test
    void theSameConfigPlansNoChange() {
        assertEquals(List.of(), diff("memoryMb: 9000", "memoryMb: 9000"));
    }

    @Test
    void codeIsIdentifiedByItsContentSoANewVersionIsPublishedOnlyWhenItChanges(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("handler.py"), "def handler(e, c):\n    return 1\n");
        Files.writeString(dir.resolve("util.py"), "X = 1\n");
        String first = ArchiveDigest.of(dir);
        assertEquals(first, ArchiveDigest.of(dir), "same code, same digest: no update, no new version");
        Files.writeString(dir.resolve("util.py"), "X = 2\n");
        assertNotEquals(first, ArchiveDigest.of(dir), "changed code: the function updates and publishes");
        // The plan's digest of a function's archive is over its files by name: the handler and the shared module.
        var files = new java.util.TreeMap<String, Path>(java.util.Map.of(
                "handler.py", Path.of("handlers/api/handler.py"),
                "medialake_shared.py", Path.of("handlers/shared/medialake_shared.py")));
        assertTrue(BASE_JSON.contains("\"digest\": \"" + ArchiveDigest.of(files) + "\""));
        files.put("medialake_shared.py", dir.resolve("util.py"));
        assertNotEquals(ArchiveDigest.of(new java.util.TreeMap<>(java.util.Map.of(
                "handler.py", Path.of("handlers/api/handler.py"),
                "medialake_shared.py", Path.of("handlers/shared/medialake_shared.py")))), ArchiveDigest.of(files),
                "a change of the shared module changes every function's code");
    }
}
