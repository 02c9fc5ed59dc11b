package com.medialake.lambda.langhost;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonElement;
import com.medialake.lambda.config.ConfigSource;
import com.medialake.lambda.config.SettingsParser;
import com.medialake.lambda.config.StackFile;
import com.medialake.lambda.plan.Plan;
import com.medialake.lambda.plan.PlanJson;
import com.medialake.lambda.plan.PlannedResource;
import com.medialake.lambda.plan.RegisteredValues;
import com.medialake.lambda.preview.OfflineEngine;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import pulumirpc.EngineOuterClass.LogSeverity;

/**
 * Every stack, run as the Pulumi CLI runs the program: the jar in its own process, talking gRPC to an engine
 * stand-in. What it registers must be exactly the offline preview's plan.
 */
class StacksLanguageHostTest {
    static final Duration TIMEOUT = Duration.ofSeconds(120);

    static Stream<String> stacks() {
        return com.medialake.lambda.preview.StackPlans.STACKS.stream();
    }

    static ConfigSource config(String stack) {
        return StackFile.load(stack, Path.of(StackFile.fileName(stack)));
    }

    static String region(ConfigSource config) {
        return config.get("aws:region").orElseThrow();
    }

    static Map<String, JsonElement> outputs(EngineStandIn engine) {
        return new TreeMap<>(RegisteredValues.toJson(engine.stackOutputs().orElseThrow()).asMap());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("stacks")
    void anUpdateRegistersExactlyTheOfflinePlan(String stack) throws Exception {
        var config = config(stack);
        var offline = OfflineEngine.run(SettingsParser.parse(config));
        var run = LanguageHost.run(stack, region(config), config, false, List.of(), TIMEOUT);
        assertEquals(0, run.exitCode(), run.stderr() + run.engine().logs());
        var viaGrpc = new Plan(offline.settings(), OfflineEngine.plannedResources(run.engine().registrations()),
                outputs(run.engine()));
        assertEquals(PlanJson.render(offline), PlanJson.render(viaGrpc));
        assertEquals(offline.outputs().keySet(), viaGrpc.outputs().keySet());
        // Two lookups (the AZs and the concurrency quota); no debug messages; nothing printed by the program.
        assertEquals(2, run.engine().invokes());
        assertTrue(run.engine().logs().stream().noneMatch(l -> l.severity() == LogSeverity.DEBUG), run.engine().logs().toString());
        assertTrue(run.engine().logs().stream().noneMatch(l -> l.severity() == LogSeverity.ERROR), run.engine().logs().toString());
        assertEquals("", run.stdout());
        assertEquals("", run.stderr());
    }

    @ParameterizedTest(name = "preview {0}")
    @org.junit.jupiter.params.provider.ValueSource(booleans = {true, false})
    void previewAndUpdateCompleteWithACommonPoolOfTwo(boolean preview) throws Exception {
        // Two pool workers (a 3-CPU machine): the first version hung there forever, one worker blocked on the AZ
        // lookup and the other spinning in the SDK's wait loop. The program must never block a pool thread.
        String stack = stacks().findFirst().orElseThrow();
        var config = config(stack);
        var offline = OfflineEngine.run(SettingsParser.parse(config));
        var run = LanguageHost.run(stack, region(config), config, preview,
                List.of("-Djava.util.concurrent.ForkJoinPool.common.parallelism=2"), TIMEOUT);
        assertEquals(0, run.exitCode(), run.stderr() + run.engine().logs());
        // The same resources, whatever is unknown in a preview.
        assertEquals(offline.resources().stream().map(PlannedResource::urn).toList(),
                OfflineEngine.plannedResources(run.engine().registrations()).stream().map(PlannedResource::urn).toList());
        assertFalse(run.stderr().contains("\tat "), run.stderr());
    }

    @org.junit.jupiter.api.Test
    void theDeployPathLoadsNothingOfTheOfflinePreview() throws Exception {
        // Under the CLI the program is config, settings, rules, components: no mock engine, no offline AWS, no
        // plan policies (they run in the offline preview, the tests and CI). -verbose:class lists every class.
        String stack = stacks().findFirst().orElseThrow();
        var config = config(stack);
        var run = LanguageHost.run(stack, region(config), config, false, List.of("-verbose:class"), TIMEOUT);
        assertEquals(0, run.exitCode(), run.stderr() + run.engine().logs());
        var loaded = run.stdout().lines().filter(l -> l.contains("[class,load]")).toList();
        assertTrue(loaded.stream().anyMatch(l -> l.contains(" com.medialake.lambda.infra.LambdaService ")),
                "the listing names the program's own classes");
        var offline = loaded.stream().filter(l -> l.contains(" com.medialake.lambda.preview.")
                || l.contains(" com.medialake.lambda.policy.") || l.contains(" com.pulumi.test.")).toList();
        assertEquals(List.of(), offline);
    }

    @org.junit.jupiter.api.Test
    void aPreviewRegistersFewerDependenciesThanAnUpdate() throws Exception {
        String stack = stacks().findFirst().orElseThrow();
        // Pinned SDK behaviour, to report upstream (docs/sdk-issues.md): in a preview the engine
        // strips unknown outputs from its answers (the SDK does not set supportsPartialValues) and the SDK
        // resolves an output it was not sent without the resource that produced it
        // (OutputCompletionSource.trySetDefaultResult), so an input computed from such an output arrives
        // without that dependency. Every preview dependency is still one of the update's.
        var config = config(stack);
        var update = OfflineEngine.plannedResources(LanguageHost.run(stack, region(config), config, false, List.of(), TIMEOUT)
                .engine().registrations());
        var preview = OfflineEngine.plannedResources(LanguageHost.run(stack, region(config), config, true, List.of(), TIMEOUT)
                .engine().registrations());
        int fewer = 0;
        for (int i = 0; i < update.size(); i++) {
            assertEquals(update.get(i).urn(), preview.get(i).urn());
            assertTrue(update.get(i).dependsOn().containsAll(preview.get(i).dependsOn()), update.get(i).urn());
            fewer += update.get(i).dependsOn().size() > preview.get(i).dependsOn().size() ? 1 : 0;
        }
        assertTrue(fewer > 0, "the SDK has been fixed: drop this test and the README note");
    }
}
