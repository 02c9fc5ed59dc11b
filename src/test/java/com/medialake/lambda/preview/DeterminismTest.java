package com.medialake.lambda.preview;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import com.medialake.lambda.App;
import com.medialake.lambda.config.PulumiConfigSource;
import com.medialake.lambda.config.SettingsParser;
import com.medialake.lambda.config.StackFile;
import com.medialake.lambda.model.FunctionTable;
import com.medialake.lambda.model.StackSettings;
import com.medialake.lambda.plan.Plan;
import com.medialake.lambda.plan.PlanJson;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Same config, same plan, byte for byte; order of rows and keys never matters. */
class DeterminismTest {
    private static final String EU_WEST_2 = StackPlans.stackFile("eu-west-2", """
            network:
              cidr: 10.2.0.0/16
              availabilityZones: 3
              natGateways: single
            concurrency:
              accountLimit: 400
            functions:
              search_api:
                provisionedConcurrency: 1
                memoryMb: 8192
              upload_part:
                reservedConcurrency: 50
                timeoutSeconds: 600
            """);
    /** The same settings with every map written in another order. */
    private static final String EU_WEST_2_REORDERED = """
            config:
              medialake-lambda:functions:
                upload_part:
                  timeoutSeconds: 600
                  reservedConcurrency: 50
                search_api:
                  memoryMb: 8192
                  provisionedConcurrency: 1
              medialake-lambda:concurrency:
                accountLimit: 400
              medialake-lambda:network:
                natGateways: single
                availabilityZones: 3
                cidr: 10.2.0.0/16
              aws:region: eu-west-2
            """;

    private static String json(String yaml, FunctionTable table) {
        return PlanJson.render(OfflineEngine.run(StackPlans.settings("eu-west-2", yaml, table)));
    }

    @ParameterizedTest
    @MethodSource("com.medialake.lambda.preview.StackPlans#stacks")
    void theSameStackFileGivesTheSameBytes(String stack) {
        var settings = StackPlans.settings(stack);
        var first = OfflineEngine.run(settings);
        var second = OfflineEngine.run(settings);
        assertEquals(PlanJson.render(first), PlanJson.render(second));
        assertEquals(PlanText.render(first), PlanText.render(second));
    }

    @Test
    void twoProcessesPrintTheSameBytes() throws Exception {
        // Hash seeds differ between JVMs (Map.of, HashMap of strings): only separate processes show that.
        assertEquals(previewInNewJvm(), previewInNewJvm());
    }

    private static String previewInNewJvm() throws Exception {
        var command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                System.getProperty("java.class.path"), App.class.getName(), "preview", "us-east-1", "eu-west-1",
                "eu-west-2", "--json");
        var stderr = java.nio.file.Files.createTempFile("preview", ".err");
        try {
            var process = new ProcessBuilder(command).redirectError(stderr.toFile()).start();
            String out = new String(process.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            assertEquals(0, process.waitFor());
            // Nothing on standard error either: no warnings from logging libraries or the SDK.
            assertEquals("", java.nio.file.Files.readString(stderr));
            return out;
        } finally {
            java.nio.file.Files.deleteIfExists(stderr);
        }
    }

    @Test
    void reorderingConfigKeysChangesNothing() {
        assertEquals(json(EU_WEST_2, FunctionTable.MEDIALAKE), json(EU_WEST_2_REORDERED, FunctionTable.MEDIALAKE));
    }

    @Test
    void reorderingTheProfileTableChangesNothing() {
        var rows = new ArrayList<>(FunctionTable.MEDIALAKE.rows());
        Collections.reverse(rows);
        assertEquals(json(EU_WEST_2, FunctionTable.MEDIALAKE), json(EU_WEST_2, new FunctionTable(rows)));
    }

    @Test
    void aChangedSettingChangesThePlan() {
        // Guards the two tests above against comparing something that never changes.
        assertNotEquals(json(EU_WEST_2, FunctionTable.MEDIALAKE),
                json(EU_WEST_2.replace("memoryMb: 8192", "memoryMb: 4096"), FunctionTable.MEDIALAKE));
    }

    @ParameterizedTest
    @MethodSource("com.medialake.lambda.preview.StackPlans#stacks")
    void theProductionConfigPathPlansExactlyWhatTheOfflinePreviewPlans(String stack) {
        // App.program takes the config as the Pulumi CLI passes it (after its merge with Pulumi.yaml).
        var file = StackFile.load(stack, Path.of(StackFile.fileName(stack)));
        var offline = OfflineEngine.run(SettingsParser.parse(file));
        var program = App.program(PulumiConfigSource.of(stack, file.values(), file.secretKeys()));
        var production = OfflineEngine.run(StackSettings.PROJECT, stack, stack, file.values(), program);
        assertEquals(PlanJson.render(offline),
                PlanJson.render(new Plan(offline.settings(), production.resources(), production.outputs())));
    }
}
