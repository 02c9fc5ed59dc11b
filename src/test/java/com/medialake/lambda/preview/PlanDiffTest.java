package com.medialake.lambda.preview;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonParser;
import com.medialake.lambda.plan.PlanDiff;
import com.medialake.lambda.plan.ResourceTypes;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** preview --diff-against: what a reviewer sees for real scenarios, through the command line. */
class PlanDiffTest {
    @TempDir
    Path dir;

    private static final String BASE = StackPlans.stackFile("eu-west-2", """
            network:
              availabilityZones: 3
            functions:
              search_api:
                memoryMb: 9000
            """);

    private String preview(String yaml, String... extra) throws IOException {
        Path file = dir.resolve("Pulumi.eu-west-2." + Math.abs(yaml.hashCode()) + ".yaml");
        Files.writeString(file, yaml);
        var args = new java.util.ArrayList<>(List.of("eu-west-2", "--config-file", file.toString()));
        args.addAll(List.of(extra));
        var run = StackPlans.preview(args.toArray(String[]::new));
        assertEquals(0, run.status(), run.err());
        return run.out();
    }

    private Path saved(String json) throws IOException {
        Path file = dir.resolve("old-" + Math.abs(json.hashCode()) + ".json");
        Files.writeString(file, json);
        return file;
    }

    @Test
    void aMemoryChangePublishesANewVersionAndMovesPcAndTheAliasToIt() throws IOException {
        Path old = saved(preview(BASE, "--json"));
        String diff = preview(BASE.replace("memoryMb: 9000", "memoryMb: 8192"), "--diff-against", old.toString());
        // Memory is versioned: AWS publishes version 2, its PC is created before the alias moves to it (the
        // replacement), and the old version's PC goes last. The PC alarms and the dashboard move to version 2,
        // where Lambda emits its PC metrics; the memory alarm's threshold stays at 80% of the memory.
        String expected = """
                ~  update   aws:lambda/alias:Alias  search_api-live
                       functionVersion: "1" => "2"
                ~  update   aws:lambda/function:Function  search_api
                       memorySize: 9000 => 8192
                +- replace  aws:lambda/provisionedConcurrencyConfig:ProvisionedConcurrencyConfig  search_api  [replaced because of qualifier]
                       qualifier: "1" => "2"
                ~  update   aws:cloudwatch/dashboard:Dashboard  medialake-monitoring
                       dashboardBody: ...api: provisioned concurrency on version 1\\",\\"region\\":\\"eu-west-2\\",\\"stat\\":\\"Maximum\\",\\"period\\":300,\\"view\\":\\"timeSeries\\",\\"metrics\\":[[\\"AWS/Lambd... => ...api: provisioned concurrency on version 2\\",\\"region\\":\\"eu-west-2\\",\\"stat\\":\\"Maximum\\",\\"period\\":300,\\"view\\":\\"timeSeries\\",\\"metrics\\":[[\\"AWS/Lambd...
                ~  update   aws:cloudwatch/metricAlarm:MetricAlarm  search_api-memory-p99
                       alarmDescription: "search_api: p99 memory used above 80% of its 9000 MB for 3 hours: raise memorySize (bin/tune)" => "search_api: p99 memory used above 80% of its 8192 MB for 3 hours: raise memorySize (bin/tune)"
                       threshold: 7200 => 6553.6
                ~  update   aws:cloudwatch/metricAlarm:MetricAlarm  search_api-pc-spillover
                       dimensions: {"FunctionName":"medialake-eu-west-2-search_api","Resource":"medialake-eu-west-2-search_api:1"} => {"FunctionName":"medialake-eu-west-2-search_api","Resource":"medialake-eu-west-2-search_api:2"}
                ~  update   aws:cloudwatch/metricAlarm:MetricAlarm  search_api-pc-utilization
                       dimensions: {"FunctionName":"medialake-eu-west-2-search_api","Resource":"medialake-eu-west-2-search_api:1"} => {"FunctionName":"medialake-eu-west-2-search_api","Resource":"medialake-eu-west-2-search_api:2"}
                0 to create, 6 to update, 1 to replace, 0 to delete
                Monthly cost: $396.47 -> $376.44 (-$20.03/month)
                  -$20.03/month: provisioned concurrency of search_api replaced
                  (a replaced PC config is created on the new version before the old one is deleted: both are held for the minutes the deploy takes, billed in 5-minute steps; that is not a monthly cost)
                """;
        // 2 instances of 9000 MB against 2 of 8192 MB, 730 h at eu-west-2's PC price of $0.0000048304 per GB-second:
        // 2 x (9000 - 8192) / 1024 x 730 x 3600 x 0.0000048304 = $20.03 less a month.
        assertEquals(new java.math.BigDecimal("20.03"), java.math.BigDecimal.valueOf(
                2 * (9000 - 8192) / 1024.0 * 730 * 3600 * 0.0000048304).setScale(2, java.math.RoundingMode.HALF_UP));
        assertEquals(expected, diff);
        assertTrue(java.nio.file.Files.readString(Path.of("README.md")).contains("```text\n" + expected + "```\n"),
                "README's diff example is what the preview prints");
    }

    /** A saved plan in which a function's code was different: the code has changed since. */
    private Path savedWithOtherCode(String json, String function) throws IOException {
        var plan = JsonParser.parseString(json).getAsJsonObject();
        for (var r : plan.getAsJsonArray("resources")) {
            var resource = r.getAsJsonObject();
            if (resource.get("type").getAsString().equals(ResourceTypes.FUNCTION)
                    && resource.get("name").getAsString().equals(function)) {
                resource.getAsJsonObject("inputs").getAsJsonObject("code").addProperty("digest", "sha256:0000");
            }
        }
        return saved(plan.toString());
    }

    @Test
    void aCodeChangePublishesANewVersion() throws IOException {
        Path old = savedWithOtherCode(preview(BASE, "--json"), "assets_get");
        String diff = preview(BASE, "--diff-against", old.toString());
        assertTrue(diff.contains("~  update   aws:lambda/alias:Alias  assets_get-live\n       functionVersion: \"1\" => \"2\""), diff);
        assertTrue(diff.contains("+- replace  aws:lambda/provisionedConcurrencyConfig:ProvisionedConcurrencyConfig  assets_get"), diff);
        assertTrue(diff.contains("~  update   aws:cloudwatch/metricAlarm:MetricAlarm  assets_get-pc-spillover"), diff);
        assertTrue(diff.contains("0 to create, 5 to update, 1 to replace, 0 to delete\n"), diff);
    }

    @Test
    void aPcChangeTogetherWithACodeChangeLandsOnTheNewVersion() throws IOException {
        Path old = savedWithOtherCode(preview(BASE, "--json"), "collections_api");
        String diff = preview(BASE + "    collections_api:\n      provisionedConcurrency: 3\n", "--diff-against", old.toString());
        // One replacement carries both: the new version's PC is created with the new count, never an update
        // of a PC whose alias is moving.
        assertTrue(diff.contains("""
                +- replace  aws:lambda/provisionedConcurrencyConfig:ProvisionedConcurrencyConfig  collections_api  [replaced because of qualifier]
                       provisionedConcurrentExecutions: 2 => 3
                       qualifier: "1" => "2"
                """), diff);
        assertTrue(diff.contains("functionVersion: \"1\" => \"2\""), diff);
    }

    @Test
    void aChangeAwsDoesNotVersionKeepsTheVersion() throws IOException {
        Path old = saved(preview(BASE, "--json"));
        String diff = preview(BASE.replace("    search_api:\n      memoryMb: 9000", "    search_api:\n      memoryMb: 9000\n      reservedConcurrency: 10"),
                "--diff-against", old.toString());
        assertEquals("""
                ~  update   aws:lambda/function:Function  search_api
                       reservedConcurrentExecutions: (none) => 10
                0 to create, 1 to update, 0 to replace, 0 to delete
                Monthly cost: $396.47, unchanged
                """, diff);
    }

    @Test
    void fewerAzsDeleteThatAzsSubnetsAndMountTargetAndUpdateWhatUsedThem() throws IOException {
        Path old = saved(preview(BASE, "--json"));
        var changes = PlanDiff.between(Files.readString(old), preview(BASE.replace("availabilityZones: 3",
                "availabilityZones: 2"), "--json"));
        var deleted = changes.stream().filter(c -> c.kind() == PlanDiff.Kind.DELETE)
                .map(c -> c.type() + " " + c.name()).collect(Collectors.toSet());
        assertTrue(deleted.containsAll(Set.of("aws:ec2/subnet:Subnet medialake-private-eu-west-2c",
                "aws:ec2/subnet:Subnet medialake-public-eu-west-2c",
                "aws:efs/mountTarget:MountTarget medialake-bulk-downloads-eu-west-2c")), deleted.toString());
        // Resources are named by AZ, not by position: the other AZs' subnets and mount targets stay.
        assertTrue(changes.stream().noneMatch(c -> c.kind() == PlanDiff.Kind.REPLACE
                && Set.of(ResourceTypes.SUBNET, ResourceTypes.MOUNT_TARGET).contains(c.type())));
        assertTrue(changes.stream().anyMatch(c -> c.kind() == PlanDiff.Kind.UPDATE
                && c.type().equals(ResourceTypes.FUNCTION) && c.changed().equals(List.of("vpcConfig"))));
    }

    @Test
    void aNewCidrReplacesSubnetsAndMountTargetsAndSaysWhy() throws IOException {
        Path old = saved(preview(BASE, "--json"));
        String diff = preview(BASE.replace("availabilityZones: 3", "availabilityZones: 3\n    cidr: 10.7.0.0/16"),
                "--diff-against", old.toString());
        assertTrue(diff.contains("+- replace  aws:ec2/vpc:Vpc  medialake-vpc  [replaced because of cidrBlock]"), diff);
        assertTrue(diff.contains("+- replace  aws:ec2/subnet:Subnet  medialake-private-eu-west-2a  [replaced because of"
                + " cidrBlock, vpcId]"), diff);
        assertTrue(diff.contains("+- replace  aws:efs/mountTarget:MountTarget  medialake-bulk-downloads-eu-west-2a"
                + "  [replaced because of subnetId]"), diff);
    }

    @Test
    void aFunctionRenameIsAReplace() throws IOException {
        // The plan saved before the functions (and their roles, which share the name) were named
        // medialake-<stack>-<key>.
        String before = preview(BASE, "--json").replace("\"name\": \"medialake-eu-west-2-search_api\"",
                "\"name\": \"search-api-eu-west-2\"");
        String diff = preview(BASE, "--diff-against", saved(before).toString());
        assertTrue(diff.contains("+- replace  aws:lambda/function:Function  search_api  [replaced because of name]\n"
                + "       name: \"search-api-eu-west-2\" => \"medialake-eu-west-2-search_api\"\n"), diff);
    }

    @Test
    void theSameConfigDiffsToNothing() throws IOException {
        Path old = saved(preview(BASE, "--json"));
        assertEquals("no changes\nMonthly cost: $396.47, unchanged\n", preview(BASE, "--diff-against", old.toString()));
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.CsvSource(delimiter = '|', value = {
            "not json|is not JSON",
            "{}|is not a saved plan: it has no \"project\"",
            "{\"project\": \"medialake-lambda\", \"stack\": \"eu-west-2\", \"resources\": [{\"urn\"|is not JSON",
            "{\"changes\": []}|is a diff (preview --diff-against --json), not a plan",
            "[{\"project\": \"x\"}]|a plan is one JSON object",
            "{\"project\": \"medialake-lambda\", \"stack\": \"eu-west-2\", \"resources\": [{}]}|resources[0] has no valid \"urn\"",
            "{\"project\": \"medialake-lambda\", \"stack\": \"eu-west-2\", \"resources\": 3}|\"resources\" is not a list",
            "{\"project\": \"medialake-lambda\", \"stack\": \"us-east-1\", \"resources\": []}|is the plan of stack us-east-1, not of eu-west-2"})
    void aFileThatIsNotThisStacksPlanIsAUsageErrorThatSaysWhy(String content, String expected) throws IOException {
        Path junk = saved(content);
        var run = StackPlans.preview("eu-west-2", "--diff-against", junk.toString());
        String message = run.err();
        assertEquals(OfflinePreview.EXIT_USAGE, run.status(), message);
        assertEquals("", run.out());
        assertTrue(message.contains(expected), message);
        assertTrue(!message.contains("com.google") && !message.contains("Exception") && !message.contains("\tat "), message);
    }
}
