package com.medialake.lambda.preview;

import static com.medialake.lambda.preview.StackPlans.strings;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonParser;
import com.medialake.lambda.cost.CostModel;
import com.medialake.lambda.infra.Names;
import com.medialake.lambda.model.Trigger;
import com.medialake.lambda.plan.Plan;
import com.medialake.lambda.plan.PlannedResource;
import com.medialake.lambda.plan.ResourceTypes;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Over every stack: every integration, permission, event source mapping and warmer targets the alias that
 * holds PC, never the unqualified function; the queue, alarms and dashboard are wired as documented.
 */
class CallersReachTheWarmPoolTest {
    static List<String> stacks() {
        return StackPlans.STACKS;
    }

    /** Function name (table key) to the ARN callers must invoke, read from the stack outputs. */
    private static Map<String, String> invokeArns(Plan plan) {
        return plan.outputs().get("invokeArns").getAsJsonObject().entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().getAsString()));
    }

    private static boolean publishes(Plan plan, String function) {
        return Boolean.parseBoolean(plan.byName(ResourceTypes.FUNCTION, function).input("publish"));
    }

    @ParameterizedTest
    @MethodSource("stacks")
    void httpRoutesIntegrateWithTheLiveAlias(String stack) {
        var plan = StackPlans.of(stack);
        var targets = invokeArns(plan);
        var integrations = plan.ofType(ResourceTypes.API_INTEGRATION);
        assertEquals(StackPlans.settings(stack).functions().stream().filter(f -> f.trigger() == Trigger.HTTP_API)
                        .map(f -> f.name()).collect(Collectors.toSet()),
                integrations.stream().map(PlannedResource::name).collect(Collectors.toSet()));
        for (var integration : integrations) {
            assertEquals(targets.get(integration.name()), integration.input("integrationUri"));
            assertEquals(publishes(plan, integration.name()), integration.input("integrationUri").endsWith(":live"),
                    "a function with PC is reached on its alias, where the PC lives");
            assertEquals("AWS_PROXY", integration.input("integrationType"));
            var route = plan.byName(ResourceTypes.API_ROUTE, integration.name());
            assertEquals("integrations/" + integration.id(), route.input("target"));
        }
        assertEquals("ANY /search", plan.byName(ResourceTypes.API_ROUTE, "search_api").input("routeKey"));
    }

    @ParameterizedTest
    @MethodSource("stacks")
    void everyInvokePermissionIsQualifiedByTheAliasWhereThereIsOne(String stack) {
        var plan = StackPlans.of(stack);
        var permissions = plan.ofType(ResourceTypes.PERMISSION);
        assertFalse(permissions.isEmpty());
        for (var permission : permissions) {
            String function = plan.byUrn(permission.parent()).name();
            var fn = plan.byName(ResourceTypes.FUNCTION, function);
            assertEquals(fn.input("name"), permission.input("function"));
            assertEquals("lambda:InvokeFunction", permission.input("action"));
            assertEquals(publishes(plan, function) ? "live" : null, permission.input("qualifier"), permission.name());
        }
        var api = plan.ofType(ResourceTypes.HTTP_API).get(0);
        var viaApi = plan.byName(ResourceTypes.PERMISSION, "search_api-http-api");
        assertEquals("apigateway.amazonaws.com", viaApi.input("principal"));
        assertEquals("arn:aws:execute-api:" + stack + ":123456789012:" + api.id() + "/*/*", viaApi.input("sourceArn"));
    }

    @ParameterizedTest
    @MethodSource("stacks")
    void theQueueFeedsUploadPartThroughItsInvokeTarget(String stack) {
        var plan = StackPlans.of(stack);
        var mapping = plan.ofType(ResourceTypes.EVENT_SOURCE_MAPPING).get(0);
        assertEquals(invokeArns(plan).get("upload_part"), mapping.input("functionName"));
        var queue = plan.byName(ResourceTypes.SQS_QUEUE, "medialake-bulk-downloads");
        var dlq = plan.byName(ResourceTypes.SQS_QUEUE, "medialake-bulk-downloads-dlq");
        assertEquals("arn:aws:sqs:" + stack + ":123456789012:" + queue.input("name"), mapping.input("eventSourceArn"));
        int timeout = Integer.parseInt(plan.byName(ResourceTypes.FUNCTION, "upload_part").input("timeout"));
        assertEquals(6 * timeout, Integer.parseInt(queue.input("visibilityTimeoutSeconds")));
        var redrive = JsonParser.parseString(queue.input("redrivePolicy")).getAsJsonObject();
        assertEquals("arn:aws:sqs:" + stack + ":123456789012:" + dlq.input("name"),
                redrive.get("deadLetterTargetArn").getAsString());
        assertEquals(5, redrive.get("maxReceiveCount").getAsInt());
        var consume = plan.byName(ResourceTypes.ROLE_POLICY, "medialake-bulk-downloads-consume");
        assertTrue(mapping.dependsOn().contains(consume.urn()), "the role may read the queue before the mapping exists");
        assertEquals(plan.byName(ResourceTypes.ROLE, "upload_part").id(), consume.input("role"));
    }

    @ParameterizedTest
    @MethodSource("stacks")
    void warmersInvokeTheInvokeTargetAndNeverAPcFunction(String stack) {
        var plan = StackPlans.of(stack);
        var targets = plan.ofType(ResourceTypes.EVENT_TARGET);
        assertEquals(StackPlans.settings(stack).functions().stream().filter(f -> f.warmerRateMinutes().isPresent())
                .count(), targets.size());
        for (var target : targets) {
            String function = plan.byUrn(target.parent()).name();
            assertEquals(invokeArns(plan).get(function), target.input("arn"));
            // The ping every handler answers at once without side effects (handlers/tests).
            assertEquals("{\"warmer\":true}", target.input("input"));
            assertTrue(plan.ofType(ResourceTypes.PROVISIONED_CONCURRENCY_CONFIG).stream()
                    .noneMatch(pc -> pc.name().equals(function)), "a warmer on a PC function only adds invocations");
            var rule = plan.byName(ResourceTypes.EVENT_RULE, function + "-warmer");
            int rate = StackPlans.settings(stack).functions().stream().filter(f -> f.name().equals(function))
                    .findFirst().orElseThrow().warmerRateMinutes().orElseThrow();
            assertEquals("rate(" + rate + " minute" + (rate == 1 ? "" : "s") + ")", rule.input("scheduleExpression"));
            assertEquals("events.amazonaws.com",
                    plan.byName(ResourceTypes.PERMISSION, function + "-warmer").input("principal"));
        }
    }

    @ParameterizedTest
    @MethodSource("stacks")
    void alarmsWatchEveryFunctionAndTheWarmPoolOfEachPcFunction(String stack) {
        var plan = StackPlans.of(stack);
        String topic = plan.outputs().get("alarmTopicArn").getAsString();
        assertEquals("arn:aws:sns:" + stack + ":123456789012:medialake-" + stack + "-alarms", topic);
        var alarms = plan.ofType(ResourceTypes.METRIC_ALARM).stream()
                .collect(Collectors.toMap(PlannedResource::name, a -> a));
        for (var fn : plan.ofType(ResourceTypes.FUNCTION)) {
            String name = fn.input("name");
            for (String kind : List.of("errors", "throttles", "duration-p99")) {
                var alarm = alarms.get(fn.name() + "-" + kind);
                assertEquals(Map.of("FunctionName", name), dimensions(alarm));
                assertEquals(List.of(topic), strings(alarm.inputs().get("alarmActions")));
                assertEquals("notBreaching", alarm.input("treatMissingData"));
            }
            var duration = alarms.get(fn.name() + "-duration-p99");
            assertEquals("p99", duration.input("extendedStatistic"));
            assertEquals(Integer.parseInt(fn.input("timeout")) * 800, Integer.parseInt(duration.input("threshold")));
            boolean pc = publishes(plan, fn.name());
            var spillover = alarms.get(fn.name() + "-pc-spillover");
            assertEquals(pc, spillover != null, fn.name());
            if (pc) {
                assertEquals("ProvisionedConcurrencySpilloverInvocations", spillover.input("metricName"));
                // On the version that holds PC, where Lambda emits the PC metrics (not the alias, which holds none).
                String version = plan.ofType(ResourceTypes.PROVISIONED_CONCURRENCY_CONFIG).stream()
                        .filter(c -> c.name().equals(fn.name())).findFirst().orElseThrow().input("qualifier");
                assertEquals(Map.of("FunctionName", name, "Resource", name + ":" + version), dimensions(spillover));
                assertEquals("0", spillover.input("threshold"));
                var utilization = alarms.get(fn.name() + "-pc-utilization");
                assertEquals(Map.of("FunctionName", name, "Resource", name + ":" + version), dimensions(utilization));
            }
        }
        var dashboard = JsonParser.parseString(plan.ofType(ResourceTypes.DASHBOARD).get(0)
                .input("dashboardBody")).getAsJsonObject().getAsJsonArray("widgets");
        var functions = plan.ofType(ResourceTypes.FUNCTION);
        long withPc = functions.stream().filter(f -> publishes(plan, f.name())).count();
        assertEquals(functions.size() * 5 + withPc, dashboard.size(),
                "two widgets a function, a third for each PC function, and cold starts, their p99 and memory used");
        assertEquals(functions.size() * 2, dashboard.asList().stream().map(w -> w.getAsJsonObject().get("y").getAsInt())
                .distinct().count(), "two rows per function");
    }

    @ParameterizedTest
    @MethodSource("stacks")
    void aNewVersionInheritsNothingAndTheScheduledActionsHoldEveryHour(String stack) {
        var plan = StackPlans.of(stack);
        // No ignoreChanges anywhere on PC: the engine would fill a replacement's ignored inputs from the old
        // version's state (pulumi/pulumi step_generator.go), so a new version would start at stale levels.
        for (var pc : plan.ofType(ResourceTypes.PROVISIONED_CONCURRENCY_CONFIG)) {
            assertEquals(List.of(), pc.ignoreChanges(), pc.name());
        }
        var settings = StackPlans.settings(stack);
        var scaled = settings.functions().stream().filter(f -> f.autoscaling().isPresent()).toList();
        assertEquals(scaled.size(), plan.ofType(ResourceTypes.SCALING_TARGET).size());
        for (var fn : scaled) {
            var capacity = fn.weeklyCapacity();
            var target = plan.byName(ResourceTypes.SCALING_TARGET, fn.name());
            String version = plan.byName(ResourceTypes.PROVISIONED_CONCURRENCY_CONFIG, fn.name()).input("qualifier");
            String physical = Names.function(stack, fn.name());
            assertEquals("function:" + physical + ":" + version, target.input("resourceId"));
            assertEquals("lambda:function:ProvisionedConcurrency", target.input("scalableDimension"));
            assertEquals(String.valueOf(capacity.startBounds().min()), target.input("minCapacity"));
            assertEquals(String.valueOf(capacity.startBounds().max()), target.input("maxCapacity"));
            assertEquals(String.valueOf(fn.provisionedConcurrency()),
                    plan.byName(ResourceTypes.PROVISIONED_CONCURRENCY_CONFIG, fn.name()).input("provisionedConcurrentExecutions"));
            assertEquals(List.of(), target.ignoreChanges());
            assertTrue(target.dependsOn().contains(plan.byName(
                    ResourceTypes.PROVISIONED_CONCURRENCY_CONFIG, fn.name()).urn()));
            // Target tracking reads what the alarms read: Maximum of the version's utilization.
            var tracking = plan.byName(ResourceTypes.SCALING_POLICY, fn.name()).inputs()
                    .getAsJsonObject("targetTrackingScalingPolicyConfiguration");
            assertEquals(fn.autoscaling().get().targetUtilization(), tracking.get("targetValue").getAsDouble());
            var metric = tracking.getAsJsonObject("customizedMetricSpecification");
            assertEquals("ProvisionedConcurrencyUtilization", metric.get("metricName").getAsString());
            assertEquals("AWS/Lambda", metric.get("namespace").getAsString());
            assertEquals("Maximum", metric.get("statistic").getAsString());
            assertEquals(Map.of("FunctionName", physical, "Resource", physical + ":" + version),
                    metric.getAsJsonArray("dimensions").asList().stream().map(d -> d.getAsJsonObject())
                            .collect(Collectors.toMap(d -> d.get("name").getAsString(), d -> d.get("value").getAsString())));
            var actions = plan.ofType(ResourceTypes.SCHEDULED_ACTION).stream()
                    .filter(a -> a.name().startsWith(fn.name() + "-")).toList();
            assertEquals(capacity.actions().size(), actions.size());
            for (var action : capacity.actions()) {
                var registered = plan.byName(ResourceTypes.SCHEDULED_ACTION, fn.name() + "-" + action.name());
                assertEquals("cron(" + action.cron() + ")", registered.input("schedule"));
                assertEquals(capacity.zone().getId(), registered.input("timezone"));
                assertEquals(target.input("resourceId"), registered.input("resourceId"));
                var bounds = registered.inputs().getAsJsonObject("scalableTargetAction");
                assertEquals(action.bounds().min(), bounds.get("minCapacity").getAsInt());
                assertEquals(action.bounds().max(), bounds.get("maxCapacity").getAsInt());
            }
        }
    }

    @ParameterizedTest
    @MethodSource("stacks")
    void theStackExportsItsPcCost(String stack) {
        var plan = StackPlans.of(stack);
        var settings = StackPlans.settings(stack);
        assertTrue(plan.outputs().containsKey("apiUrl"), "the stack exports the API's URL");
        if (CostModel.of(settings).missingPrice().isPresent()) {
            // No published price for the region: no number rather than a wrong one.
            assertFalse(plan.outputs().containsKey("provisionedConcurrencyMonthlyUsd"), stack);
            return;
        }
        var byFunction = plan.outputs().get("provisionedConcurrencyMonthlyUsdByFunction").getAsJsonObject();
        assertEquals(settings.functions().stream().filter(f -> f.hasProvisionedConcurrency())
                .map(f -> f.name()).collect(java.util.stream.Collectors.toSet()), byFunction.keySet());
        double total = byFunction.entrySet().stream().mapToDouble(e -> e.getValue().getAsDouble()).sum();
        assertEquals(total, plan.outputs().get("provisionedConcurrencyMonthlyUsd").getAsDouble(), 0.001);
    }

    private static Map<String, String> dimensions(PlannedResource alarm) {
        return alarm.inputs().getAsJsonObject("dimensions").entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().getAsString()));
    }
}
