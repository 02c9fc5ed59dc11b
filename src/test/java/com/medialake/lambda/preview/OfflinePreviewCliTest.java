package com.medialake.lambda.preview;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.medialake.lambda.plan.ResourceTypes;
import com.medialake.lambda.policy.PlanPolicies;
import com.medialake.lambda.rules.Problem;
import com.medialake.lambda.rules.Severity;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mockito.Mockito;

/** The command line: exit statuses, the text plan and the JSON document. */
class OfflinePreviewCliTest {
    static StackPlans.Cli run(String... args) {
        return StackPlans.preview(args);
    }

    @Test
    void usageErrorsExitOne() {
        assertEquals(OfflinePreview.EXIT_USAGE, run().status());
        assertEquals(OfflinePreview.EXIT_USAGE, run("us-east-1", "--jsn").status());
        var missing = run("ap-south-2");
        assertEquals(OfflinePreview.EXIT_USAGE, missing.status());
        assertTrue(missing.err().contains("no stack file Pulumi.ap-south-2.yaml in this directory; stacks here: "
                + String.join(", ", StackPlans.STACKS) + "\n"), missing.err());
        assertEquals("", missing.out());
    }

    @Test
    void mandatoryPolicyViolationsExitThreeWithoutAPlan() {
        // No configuration can produce one (config validation stops it first), so the rules are stubbed.
        var violation = Problem.onResource("efs-encrypted", Severity.MANDATORY, "CKV_AWS_42",
                "aws:efs/fileSystem:FileSystem medialake-bulk-downloads", "the file system is not encrypted at rest",
                "set encrypted: true");
        try (var policies = Mockito.mockStatic(PlanPolicies.class)) {
            policies.when(() -> PlanPolicies.evaluate(Mockito.any())).thenReturn(List.of(violation));
            var result = run("us-east-1");
            assertEquals(OfflinePreview.EXIT_POLICY_VIOLATION, result.status());
            assertEquals("", result.out());
            assertTrue(result.err().contains("error: 1 mandatory policy violation in stack us-east-1; nothing was deployed:\n"
                    + "  [efs-encrypted, CKV_AWS_42] aws:efs/fileSystem:FileSystem medialake-bulk-downloads: the file"
                    + " system is not encrypted at rest\n    fix: set encrypted: true"), result.err());
        }
    }

    @Test
    void advisoryViolationsAreWarningsAndThePlanIsPrinted(@TempDir Path dir) throws Exception {
        var file = dir.resolve("Pulumi.us-east-1.yaml");
        java.nio.file.Files.writeString(file, """
                config:
                  aws:region: us-east-1
                  medialake-lambda:functions:
                    init_zip:
                      provisionedConcurrency: 1
                """);
        var result = run("us-east-1", "--config-file", file.toString());
        assertEquals(0, result.status(), result.err());
        assertTrue(result.err().startsWith("warning: us-east-1: [no-pc-on-efs] aws:lambda/function:Function init_zip:"),
                result.err());
        assertTrue(result.out().contains("Functions (" + com.medialake.lambda.model.FunctionTable.MEDIALAKE.rows().size()
                + "):"), result.out());
    }

    @Test
    void severalStacksPreviewInOneProcess() {
        var text = run("us-east-1", "eu-west-2");
        assertEquals(0, text.status(), text.err());
        assertTrue(text.out().contains("Offline preview of medialake-lambda/us-east-1"));
        assertTrue(text.out().contains("Offline preview of medialake-lambda/eu-west-2"));
        var json = run("us-east-1", "eu-west-2", "--json");
        var plans = JsonParser.parseString(json.out()).getAsJsonArray();
        assertEquals(List.of("us-east-1", "eu-west-2"),
                plans.asList().stream().map(p -> p.getAsJsonObject().get("stack").getAsString()).toList());
        assertEquals(OfflinePreview.EXIT_USAGE, run("us-east-1", "eu-west-2", "--config-file", "x.yaml").status());
    }

    @Test
    void aMissingStackAmongSeveralPrintsNoPlanAtAll() {
        var result = run("us-east-1", "nowhere-1");
        assertEquals(OfflinePreview.EXIT_USAGE, result.status());
        assertEquals("", result.out(), "not us-east-1's plan either");
    }

    @Test
    void aRegionTheOfflineEngineDoesNotKnowIsAConfigurationErrorThatSaysWhatToDo(@TempDir Path dir) throws Exception {
        var file = dir.resolve("Pulumi.xx-north-9.yaml");
        java.nio.file.Files.writeString(file, "config:\n  aws:region: xx-north-9\n");
        var result = run("xx-north-9", "--config-file", file.toString());
        assertEquals(OfflinePreview.EXIT_INVALID_CONFIG, result.status());
        assertEquals("", result.out());
        assertTrue(result.err().contains("'xx-north-9' is not a region the offline engine knows"), result.err());
        assertTrue(result.err().contains("add its AZ letters to offline-regions.properties"), result.err());
        assertTrue(!result.err().contains("\tat "), "no stack trace");
    }

    @Test
    void aStackFileThatIsNotUtf8SaysSo(@TempDir Path dir) throws Exception {
        var file = dir.resolve("Pulumi.us-east-1.yaml");
        java.nio.file.Files.write(file, "config:\n  aws:region: us-east-1\n  medialake-lambda:alarmEmail: caf\u00e9@example.com\n"
                .getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
        var result = run("us-east-1", "--config-file", file.toString());
        assertEquals(OfflinePreview.EXIT_INVALID_CONFIG, result.status());
        assertTrue(result.err().contains("is not UTF-8 text"), result.err());
        assertTrue(result.err().contains("fix: save the stack file as UTF-8"), result.err());
    }

    @Test
    void runFromAnotherFolderItSaysWhereToRunInsteadOfPlanningMissingCode(@TempDir Path dir) throws Exception {
        var command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                System.getProperty("java.class.path"), com.medialake.lambda.App.class.getName(), "preview", "us-east-1",
                "--config-file", Path.of("Pulumi.us-east-1.yaml").toAbsolutePath().toString());
        var process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(OfflinePreview.EXIT_USAGE, process.waitFor(), output);
        assertTrue(output.startsWith("error: run the offline preview from the project folder"), output);
    }

    @Test
    void versionPrintsTheVersion() {
        var version = run("--version");
        assertEquals(0, version.status());
        assertTrue(version.out().startsWith("medialake-lambda "), version.out());
    }

    @Test
    void helpExitsZero() {
        var help = run("--help");
        assertEquals(0, help.status());
        assertTrue(help.out().contains("--config-file"));
    }

    @Test
    void theTextPlanShowsEachFunctionsSettingsAndInvokeTarget() {
        var result = run("eu-west-2");
        assertEquals(0, result.status(), result.err());
        assertEquals("", result.err());
        var lines = result.out().lines().toList();
        String search = lines.stream().filter(l -> l.startsWith("  search_api ")).findFirst().orElseThrow();
        assertEquals(List.of("search_api", "Search/Analytics", "9000", "MB", "29", "s", "VPC", "off", "1", "-",
                        "x86_64", "arn:aws:lambda:eu-west-2:123456789012:function:medialake-eu-west-2-search_api:live"),
                List.of(search.trim().split("\\s+")));
        String upload = lines.stream().filter(l -> l.startsWith("  upload_part ")).findFirst().orElseThrow();
        assertTrue(upload.matches(".*VPC\\+EFS\\s+off\\s+-\\s+50\\s+x86_64\\s+arn:\\S+:function:medialake-eu-west-2-upload_part$"),
                upload);
        assertTrue(result.out().contains("NAT gateways single (1)"));
        assertTrue(result.out().contains("2 on version 1, ready within 30m"), result.out());
        assertTrue(result.out().contains("aws:efs/fileSystem:FileSystem  medialake-bulk-downloads  encrypted=true  [protected]"));
    }

    @Test
    void jsonIsOneDocumentOfTheDocumentedShape() {
        var result = run("us-east-1", "--json");
        assertEquals(0, result.status(), result.err());
        JsonObject doc = JsonParser.parseString(result.out()).getAsJsonObject();
        assertEquals(Set.of("project", "stack", "resources", "outputs", "cost", "bill"), doc.keySet());
        assertEquals("medialake-lambda", doc.get("project").getAsString());
        assertEquals("us-east-1", doc.get("stack").getAsString());
        var resources = doc.getAsJsonArray("resources");
        // Every registered resource, components included: one per LambdaService, network, file system, ...
        assertEquals(StackPlans.of("us-east-1").resources().size(), resources.size());
        assertEquals(StackPlans.of("us-east-1").resources().stream().filter(r -> !r.custom()).count(),
                resources.asList().stream().filter(r -> r.getAsJsonObject().get("type").getAsString()
                        .startsWith("medialake:")).count(), "the components");
        for (var element : resources) {
            var r = element.getAsJsonObject();
            assertTrue(r.keySet().containsAll(Set.of("urn", "type", "name", "parent", "dependsOn", "protect", "inputs")),
                    r.keySet().toString());
            String urn = r.get("urn").getAsString();
            String tail = r.get("type").getAsString() + "::" + r.get("name").getAsString();
            // The engine's URNs: a component's children carry its type in their chain, the stack's do not.
            assertTrue(urn.startsWith("urn:pulumi:us-east-1::medialake-lambda::"), urn);
            assertTrue(r.get("parent").isJsonNull() ? urn.endsWith("::" + tail) : urn.endsWith("$" + tail), urn);
            assertFalse(urn.contains("pulumi:pulumi:Stack"), urn);
        }
        var search = resources.asList().stream().map(e -> e.getAsJsonObject())
                .filter(r -> r.get("type").getAsString().equals(ResourceTypes.FUNCTION)
                        && r.get("name").getAsString().equals("search_api")).findFirst().orElseThrow();
        var memory = search.getAsJsonObject("inputs").getAsJsonPrimitive("memorySize");
        assertTrue(memory.isNumber());
        assertEquals("9000", memory.toString(), "numbers are numbers, whole numbers without a fraction");
        assertTrue(search.get("parent").getAsString().endsWith("medialake:lambda:LambdaService::search_api"));
        assertTrue(doc.getAsJsonObject("outputs").has("invokeArns"));
        var cost = doc.getAsJsonObject("cost");
        var byFunction = cost.getAsJsonObject("byFunction");
        assertEquals(byFunction.entrySet().stream().mapToDouble(e -> e.getValue().getAsDouble()).sum(),
                cost.get("provisionedConcurrencyMonthlyUsd").getAsDouble(), 0.01);
        // the strategy's three PC functions: $225.33 a month in us-east-1 (CostModelTest works it out by hand)
        assertEquals(225.33, byFunction.get("assets_get").getAsDouble() + byFunction.get("collections_api").getAsDouble()
                + byFunction.get("search_api").getAsDouble(), 0.02);
    }

    @Test
    void fiveThousandUnknownFunctionsAreCountedNotPrintedOneByOne(@TempDir Path dir) throws Exception {
        var yaml = new StringBuilder("config:\n  aws:region: us-east-1\n  medialake-lambda:functions:\n");
        for (int i = 0; i < 5000; i++) {
            yaml.append("    f").append(i).append(":\n      memoryMb: 512\n");
        }
        var file = dir.resolve("Pulumi.us-east-1.yaml");
        java.nio.file.Files.writeString(file, yaml);
        var run = run("us-east-1", "--config-file", file.toString());
        assertEquals(OfflinePreview.EXIT_INVALID_CONFIG, run.status());
        assertEquals("", run.out());
        assertTrue(run.err().length() < 10_000, run.err().length() + " characters");
        assertTrue(run.err().contains("and 4980 more unknown functions (5000 in all)"), run.err());
        assertTrue(run.err().contains("fix: the fleet's functions are append_to_zip, assets_get"), run.err());
    }
}
