package com.medialake.lambda.preview;

import com.google.gson.JsonElement;
import com.medialake.lambda.FleetProgram;
import com.medialake.lambda.config.InvalidConfigException;
import com.medialake.lambda.model.StackSettings;
import com.medialake.lambda.plan.Plan;
import com.medialake.lambda.plan.PlannedResource;
import com.medialake.lambda.plan.RegisteredValues;
import com.medialake.lambda.plan.Registration;
import com.medialake.lambda.runtime.CountingRunner;
import com.pulumi.Context;
import com.pulumi.core.Output;
import com.pulumi.deployment.internal.DeploymentImpl;
import com.pulumi.resources.Resource;
import com.pulumi.test.Mocks;
import com.pulumi.test.PulumiTest;
import com.pulumi.test.TestOptions;
import com.pulumi.test.internal.MockMonitor;
import com.pulumi.test.internal.PulumiTestInternal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.logging.Level;
import pulumirpc.Resource.RegisterResourceRequest;
import pulumirpc.Resource.RegisterResourceResponse;

/**
 * Runs the real program for validated settings on the SDK's in-process mock engine, with {@link AwsMocks}
 * answering as AWS would, and returns what it registered. The offline engine's every use of the SDK's
 * internals (com.pulumi.*.internal) is in this file; the production path's are in the runtime package.
 */
public final class OfflineEngine {
    private static final String STACK_TYPE = "pulumi:pulumi:Stack";

    private OfflineEngine() {
    }

    /**
     * @throws InvalidConfigException when only AWS's answers show the config cannot work (too many AZs)
     * @throws IllegalStateException  when the program fails on the engine
     */
    public static Plan run(StackSettings settings) {
        return run(settings, new AwsMocks(settings.region(), settings.accountConcurrencyLimit()));
    }

    /**
     * The plan that would follow a plan saved earlier: AWS keeps each function's live version where its code
     * and versioned settings are unchanged and publishes the next one where they changed, so the plan shows
     * the whole cascade of a new version (the alias moving, PC and autoscaling on the new version).
     */
    public static Plan runAfter(StackSettings settings, com.google.gson.JsonObject savedPlan) {
        var live = FunctionVersions.live(savedPlan);
        var aws = new AwsMocks(settings.region(), settings.accountConcurrencyLimit());
        var unchanged = FunctionVersions.unchanged(live);
        var first = run(settings, aws.withFunctionVersions(unchanged));
        var next = FunctionVersions.next(live, first);
        return next.equals(unchanged) ? first : run(settings, aws.withFunctionVersions(next));
    }

    private static Plan run(StackSettings settings, AwsMocks aws) {
        var run = run(settings.project(), settings.stack(), new RecordingMonitor(aws), Map.of(),
                ctx -> FleetProgram.deploy(settings).forEach(ctx::export));
        return new Plan(settings, run.resources(), run.outputs());
    }

    /** What one run registered and exported. */
    public record Run(List<PlannedResource> resources, Map<String, JsonElement> outputs) {
    }

    /**
     * Runs any program on the engine; {@code config} is what the Pulumi CLI would pass (full keys to text),
     * for running the production config path.
     */
    static Run run(String project, String stack, String region, Map<String, String> config, Consumer<Context> program) {
        return run(project, stack, new RecordingMonitor(new AwsMocks(region, AwsMocks.configuredQuota(config))),
                config, program);
    }

    static Run run(String project, String stack, RecordingMonitor monitor, Map<String, String> config,
                   Consumer<Context> program) {
        var options = TestOptions.builder()
                .projectName(project)
                .stackName(stack)
                .preview(false)
                .build();
        try {
            var test = PulumiTestInternal.builder()
                    .options(options)
                    // Failures come back in the result and are reported once, by the caller.
                    .standardLogger(PulumiTestInternal.logger(Level.OFF))
                    .mocks(monitor.mocks())
                    .config(config)
                    .monitorDecorator(ignored -> monitor)
                    .deploymentFactory(state -> {
                        state.runner = new CountingRunner(state.logger);
                        return new DeploymentImpl(state);
                    })
                    .build();
            var result = test.runTest(program);
            if (result.exitCode() != 0 || !result.exceptions().isEmpty()) {
                for (Throwable e : result.exceptions()) {
                    var configError = findConfigError(e);
                    if (configError != null) {
                        throw configError;
                    }
                }
                // The engine logs each exception as an error too: report the causes once.
                var causes = result.exceptions().stream().map(OfflineEngine::describe).distinct().toList();
                throw new IllegalStateException("the program failed on the offline engine: "
                        + String.join("; ", causes.isEmpty() ? result.errors() : causes));
            }
            var outputs = new TreeMap<String, JsonElement>();
            for (Map.Entry<String, Output<?>> e : result.outputs().entrySet()) {
                outputs.put(e.getKey(), RegisteredValues.fromJava(PulumiTest.extractValue(e.getValue())));
            }
            return new Run(plannedResources(monitor.registrations()), outputs);
        } finally {
            PulumiTest.cleanup();
        }
    }

    /**
     * Registrations as plan resources: the stack itself left out, its children without a parent, dependencies
     * on the stack dropped, everything sorted by URN. The one normalisation of what was registered, offline
     * and through the engine's gRPC protocol alike.
     */
    public static List<PlannedResource> plannedResources(List<Registration> registrations) {
        String stackUrn = registrations.stream().filter(r -> r.request().getType().equals(STACK_TYPE))
                .map(Registration::urn).findFirst().orElse("");
        var out = new ArrayList<PlannedResource>();
        for (var registration : registrations) {
            var request = registration.request();
            if (request.getType().equals(STACK_TYPE)) {
                continue;
            }
            String parent = request.getParent().isEmpty() || request.getParent().equals(stackUrn)
                    ? null : request.getParent();
            var t = request.getCustomTimeouts();
            var timeouts = (t.getCreate() + t.getUpdate() + t.getDelete()).isEmpty()
                    ? List.<String>of() : List.of(t.getCreate(), t.getUpdate(), t.getDelete());
            out.add(new PlannedResource(registration.urn(), registration.id(), request.getType(), request.getName(), parent,
                    request.getDependenciesList().stream().filter(d -> !d.equals(stackUrn)).distinct().sorted().toList(),
                    request.getProtect(), request.getCustom(), timeouts,
                    request.getIgnoreChangesList().stream().sorted().toList(), RegisteredValues.toJson(request.getObject())));
        }
        out.sort(Comparator.comparing(PlannedResource::urn));
        return List.copyOf(out);
    }

    private static InvalidConfigException findConfigError(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof InvalidConfigException config) {
                return config;
            }
        }
        return null;
    }

    private static String describe(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() != null ? root.getMessage() : root.getClass().getSimpleName();
    }

    /**
     * The mock engine's resource monitor, keeping every registration as the engine receives it: type, name,
     * parent, dependencies, options and inputs. This is what {@code pulumi preview} would show; the public test
     * API sees less (no parents or implicit dependencies, pulumi/pulumi#14421).
     */
    static final class RecordingMonitor extends MockMonitor {

        private final List<Registration> registrations = new ArrayList<>();

        private final Mocks mocks;

        RecordingMonitor(Mocks mocks) {
            super(mocks, PulumiTestInternal.mockLog());
            this.mocks = mocks;
        }

        Mocks mocks() {
            return mocks;
        }

        @Override
        public CompletableFuture<RegisterResourceResponse> registerResourceAsync(Resource resource,
                                                                                 RegisterResourceRequest request) {
            return super.registerResourceAsync(resource, request).thenApply(mocked -> {
                var response = mocked.toBuilder().setUrn(engineUrn(mocked.getUrn(), request.getParent())).build();
                synchronized (registrations) {
                    registrations.add(new Registration(response.getUrn(), response.getId(), request));
                }
                return response;
            });
        }

        /**
         * The URN the engine gives: the SDK's mock puts the stack's type in the type chain of the stack's children
         * ("pulumi:pulumi:Stack$aws:ec2/vpc:Vpc"), which the engine leaves out (pulumi/pulumi
         * pkg/resource/deploy/deployment.go, generateURN: "don't use the root stack type"). Children of
         * components take their parent's URN, so fixing each URN fixes every chain below it.
         */
        public static String engineUrn(String mockUrn, String parentUrn) {
            String stackPrefix = STACK_TYPE + "$";
            int typeStart = mockUrn.indexOf("::", mockUrn.indexOf("::") + 2) + 2;
            if (parentUrn.isEmpty() || !typeOf(parentUrn).equals(STACK_TYPE) || !mockUrn.startsWith(stackPrefix, typeStart)) {
                return mockUrn;
            }
            return mockUrn.substring(0, typeStart) + mockUrn.substring(typeStart + stackPrefix.length());
        }

        /** The qualified type of a URN: urn:pulumi:STACK::PROJECT::TYPE::NAME. */
        static String typeOf(String urn) {
            String[] parts = urn.split("::", 4);
            return parts.length < 3 ? "" : parts[2];
        }


        List<Registration> registrations() {
            synchronized (registrations) {
                return List.copyOf(registrations);
            }
        }
    }
}
