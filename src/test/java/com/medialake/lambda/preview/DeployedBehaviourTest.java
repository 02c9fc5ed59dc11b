package com.medialake.lambda.preview;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonParser;
import com.medialake.lambda.config.InvalidConfigException;
import com.medialake.lambda.infra.BulkDownloadQueue;
import com.medialake.lambda.plan.PlanJson;
import com.medialake.lambda.plan.ResourceTypes;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** What the deployed fleet does at run time: the queue, the API and the quota within AWS's limits. */
class DeployedBehaviourTest {
    private static final String MAPPING = ResourceTypes.EVENT_SOURCE_MAPPING;

    @ParameterizedTest
    @MethodSource("com.medialake.lambda.preview.StackPlans#stacks")
    void theQueueReportsPartialBatchFailuresAndStaysWithinReservedConcurrency(String stack) {
        var plan = StackPlans.of(stack);
        var mapping = plan.ofType(MAPPING).get(0);
        assertEquals(List.of("ReportBatchItemFailures"), StackPlans.strings(mapping.inputs().get("functionResponseTypes")));
        assertEquals(String.valueOf(BulkDownloadQueue.BATCH_SIZE), mapping.input("batchSize"));
        var scaling = mapping.inputs().getAsJsonObject("scalingConfig");
        // The consumer's maximumConcurrency (by default its reserved concurrency) bounds what the event source
        // starts; without either there is no bound.
        var consumer = StackPlans.settings(stack).functions().stream()
                .filter(f -> f.trigger() == com.medialake.lambda.model.Trigger.BULK_QUEUE).findFirst().orElseThrow();
        if (consumer.maximumConcurrency().isPresent()) {
            assertEquals(consumer.maximumConcurrency().get().intValue(), scaling.get("maximumConcurrency").getAsInt());
        } else {
            assertNull(scaling, "no reserved concurrency, no bound");
        }
    }

    @ParameterizedTest
    @MethodSource("com.medialake.lambda.preview.StackPlans#stacks")
    void theDeadLetterQueueKeepsMessagesLongerThanTheSource(String stack) {
        var queues = StackPlans.of(stack).ofType(ResourceTypes.SQS_QUEUE);
        int source = queues.stream().filter(q -> !q.name().endsWith("-dlq")).mapToInt(q -> Integer.parseInt(
                q.input("messageRetentionSeconds"))).findFirst().orElseThrow();
        int deadLetters = queues.stream().filter(q -> q.name().endsWith("-dlq")).mapToInt(q -> Integer.parseInt(
                q.input("messageRetentionSeconds"))).findFirst().orElseThrow();
        assertTrue(source < deadLetters, source + " vs " + deadLetters);
    }

    @ParameterizedTest
    @MethodSource("com.medialake.lambda.preview.StackPlans#stacks")
    void theApiWaitsExactlyAsLongAsItsFunctionsMayRun(String stack) {
        var plan = StackPlans.of(stack);
        for (var integration : plan.ofType(ResourceTypes.API_INTEGRATION)) {
            var fn = plan.byName(ResourceTypes.FUNCTION, integration.name());
            assertEquals(Integer.parseInt(fn.input("timeout")) * 1000, Integer.parseInt(integration.input("timeoutMilliseconds")));
            assertTrue(Integer.parseInt(integration.input("timeoutMilliseconds")) <= 30_000);
        }
    }

    @ParameterizedTest
    @MethodSource("com.medialake.lambda.preview.StackPlans#stacks")
    void permissionsQualifiedByTheAliasDependOnIt(String stack) {
        var plan = StackPlans.of(stack);
        for (var permission : plan.ofType(ResourceTypes.PERMISSION)) {
            if (permission.input("qualifier") != null) {
                var fnName = plan.byUrn(permission.parent()).name();
                assertTrue(permission.dependsOn().contains(plan.byName(ResourceTypes.ALIAS, fnName + "-live").urn()),
                        permission.name());
            }
        }
    }

    private static OfflineEngine.Run production(String yaml, long realQuota) {
        return StackPlans.production("eu-west-2", yaml, realQuota);
    }

    private static final String BIG_RESERVATION = StackPlans.stackFile("eu-west-2", """
            concurrency:
              accountLimit: 400
            functions:
              upload_part:
                reservedConcurrency: 350
            """);

    @Test
    void theRegionsRealQuotaDecidesUnderTheCli() {
        // The stack file says 400 (too little for 350 reserved plus PC), but the account's quota is 1000.
        var run = production(BIG_RESERVATION, 1000);
        var quota = run.outputs().get("accountConcurrencyQuota").getAsJsonObject();
        assertEquals(1000, quota.get("quota").getAsInt());
        assertEquals(400, quota.get("configured").getAsInt());
        assertEquals("lambda/L-B99A9384", quota.get("source").getAsString());
    }

    @Test
    void aQuotaTooSmallForTheFleetStopsItBeforeAnythingIsRegistered() {
        var error = assertThrows(InvalidConfigException.class, () -> production(BIG_RESERVATION.replace("400", "1000"), 400));
        assertTrue(error.getMessage().contains("of the region's concurrency quota 400 (Service Quotas lambda/L-B99A9384;"
                + " concurrency.accountLimit says 1000)"), error.getMessage());
    }

    @Test
    void offlineTheConfiguredLimitStandsInForTheQuota() {
        var plan = StackPlans.of("eu-west-2");
        var quota = plan.outputs().get("accountConcurrencyQuota").getAsJsonObject();
        assertEquals(400, quota.get("quota").getAsInt());
        assertTrue(JsonParser.parseString(PlanJson.render(plan)).isJsonObject());
    }
}
