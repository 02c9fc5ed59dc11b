package com.medialake.lambda.preview;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.medialake.lambda.model.FunctionSettings;
import com.medialake.lambda.model.ReportMetrics;
import com.medialake.lambda.plan.Plan;
import com.medialake.lambda.plan.PlannedResource;
import com.medialake.lambda.plan.ResourceTypes;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What the stack registers to watch cold starts and memory: each function's metric filters on its own log group,
 * publishing into the stack's namespace, and alarms whose thresholds follow the function's settings.
 */
class ColdStartAndMemoryTest {
    /** Each filter's metric (after the function's name) and the value it publishes. */
    private static final Map<String, Map.Entry<String, String>> PUBLISHED = Map.of(
            "max-memory-used", Map.entry("MaxMemoryUsed", "$max_memory_used"),
            "init-duration", Map.entry("InitDuration", "$init_duration"),
            "cold-starts", Map.entry("ColdStarts", "1"),
            "restore-duration", Map.entry("RestoreDuration", "$restore_duration"),
            "restores", Map.entry("ColdStarts", "1"));

    static List<String> stacks() {
        return StackPlans.STACKS;
    }

    private static Map<String, PlannedResource> byName(Plan plan, String type) {
        return plan.ofType(type).stream().collect(Collectors.toMap(PlannedResource::name, r -> r));
    }

    private static void watchesEveryFunction(Plan plan) {
        var settings = plan.settings();
        var filters = byName(plan, ResourceTypes.LOG_METRIC_FILTER);
        var logGroups = byName(plan, ResourceTypes.LOG_GROUP);
        var functions = byName(plan, ResourceTypes.FUNCTION);
        var alarms = byName(plan, ResourceTypes.METRIC_ALARM);
        String namespace = "MediaLake/" + settings.stack();
        int expectedFilters = 0;
        for (FunctionSettings fn : settings.functions()) {
            for (var filter : ReportMetrics.filters(fn)) {
                var registered = filters.get(fn.name() + "-" + filter.suffix());
                assertEquals(logGroups.get(fn.name()).input("name"), registered.input("logGroupName"), fn.name());
                assertEquals(filter.pattern(), registered.input("pattern"));
                var transformation = registered.inputs().getAsJsonObject("metricTransformation");
                assertEquals(namespace, transformation.get("namespace").getAsString());
                var expected = PUBLISHED.get(filter.suffix());
                assertEquals(fn.name() + "/" + expected.getKey(), transformation.get("name").getAsString());
                assertEquals(expected.getValue(), transformation.get("value").getAsString());
                assertEquals(false, transformation.has("defaultValue"), "a default would be published for every line");
                expectedFilters++;
            }
            int memory = Integer.parseInt(functions.get(fn.name()).input("memorySize"));
            var memoryAlarm = alarms.get(fn.name() + "-memory-p99");
            assertEquals(namespace, memoryAlarm.input("namespace"));
            assertEquals(fn.name() + "/MaxMemoryUsed", memoryAlarm.input("metricName"));
            assertEquals(memory * 0.8, Double.parseDouble(memoryAlarm.input("threshold")), 1e-9);
            assertEquals("p99", memoryAlarm.input("extendedStatistic"));
            assertEquals("ignore", memoryAlarm.input("treatMissingData"));
            assertEquals(false, memoryAlarm.inputs().has("dimensions"));
            var coldStart = alarms.get(fn.name() + "-cold-start-p99");
            assertEquals(fn.name() + (fn.snapStart() ? "/RestoreDuration" : "/InitDuration"), coldStart.input("metricName"));
            assertEquals(1000.0, Double.parseDouble(coldStart.input("threshold")));
            assertEquals("notBreaching", coldStart.input("treatMissingData"));
            assertEquals("3600", coldStart.input("period"));
        }
        assertEquals(expectedFilters, filters.size());
    }

    @ParameterizedTest
    @MethodSource("stacks")
    void everyFunctionsReportRecordIsWatched(String stack) {
        watchesEveryFunction(StackPlans.of(stack));
    }

    @Test
    void aSnapStartFunctionIsWatchedByItsRestoresAndAMemoryChangeMovesTheAlarm() {
        var plan = StackPlans.plan("us-east-1", StackPlans.stackFile("us-east-1", StackPlans.SNAPSTART_SEARCH_API + """
                  assets_get:
                    memoryMb: 2048
                """));
        watchesEveryFunction(plan);
        var filters = byName(plan, ResourceTypes.LOG_METRIC_FILTER);
        assertEquals("search_api/RestoreDuration", filters.get("search_api-restore-duration").inputs()
                .getAsJsonObject("metricTransformation").get("name").getAsString());
        assertEquals("search_api/ColdStarts", filters.get("search_api-restores").inputs()
                .getAsJsonObject("metricTransformation").get("name").getAsString());
        assertEquals(1638.4, Double.parseDouble(byName(plan, ResourceTypes.METRIC_ALARM).get("assets_get-memory-p99")
                .input("threshold")), 1e-9);
    }
}
