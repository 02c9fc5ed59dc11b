package com.medialake.lambda.infra;

import com.medialake.lambda.json.Json;
import com.pulumi.aws.lambda.EventSourceMapping;
import com.pulumi.aws.lambda.EventSourceMappingArgs;
import com.pulumi.aws.lambda.inputs.EventSourceMappingScalingConfigArgs;
import com.pulumi.aws.sqs.Queue;
import com.pulumi.aws.sqs.QueueArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The bulk-download work queue: SQS with a dead-letter queue, consumed by its function through an event
 * source mapping on the function's invoke target.
 */
public final class BulkDownloadQueue extends ComponentResource {
    public static final String TYPE = "medialake:queue:BulkDownloadQueue";
    /** AWS's advice: at least six times the function timeout, so retries of a slow batch do not overlap. */
    public static final int VISIBILITY_TIMEOUT_FACTOR = 6;
    public static final int MAX_RECEIVE_COUNT = 5;
    /**
     * A message keeps its first enqueue time when it is moved to the dead-letter queue, so the dead-letter
     * queue must keep messages longer than the source does (SQS developer guide, dead-letter queues: "the
     * retention period of a dead-letter queue ... longer than the retention period of the original queue").
     */
    public static final int SOURCE_RETENTION_SECONDS = 4 * 24 * 3600;
    public static final int DEAD_LETTER_RETENTION_SECONDS = 14 * 24 * 3600;
    /** SQS's default batch for Lambda; failures are reported per record, so a batch costs no retries. */
    public static final int BATCH_SIZE = 10;

    private final Queue queue;

    public BulkDownloadQueue(String name, String stack, LambdaService consumer, Map<String, String> tags,
                             ComponentResourceOptions options) {
        super(TYPE, name, options);
        var child = CustomResourceOptions.builder().parent(this).build();
        String queueName = Names.PREFIX + "-" + stack + "-bulk-downloads";
        var deadLetters = new Queue(name + "-dlq", QueueArgs.builder()
                .name(Names.of(Names.Service.SQS_QUEUE, queueName + "-dlq"))
                .messageRetentionSeconds(DEAD_LETTER_RETENTION_SECONDS)
                .sqsManagedSseEnabled(true)
                .tags(tags)
                .build(), child);
        queue = new Queue(name, QueueArgs.builder()
                .name(Names.of(Names.Service.SQS_QUEUE, queueName))
                .visibilityTimeoutSeconds(VISIBILITY_TIMEOUT_FACTOR * consumer.settings().timeoutSeconds())
                .messageRetentionSeconds(SOURCE_RETENTION_SECONDS)
                .sqsManagedSseEnabled(true)
                // Sorted keys: Map.of's order changes from one JVM to the next, and so would the plan.
                .redrivePolicy(deadLetters.arn().applyValue(arn -> Json.COMPACT.toJson(new TreeMap<>(Map.of(
                        "deadLetterTargetArn", arn, "maxReceiveCount", MAX_RECEIVE_COUNT)))))
                .tags(tags)
                .build(), child);
        var consume = consumer.addToRolePolicy(name + "-consume", queue.arn().applyValue(arn -> IamDocuments.document(
                List.of(IamDocuments.statement("ConsumeBulkDownloadQueue", "Allow", null, List.of("sqs:ReceiveMessage",
                        "sqs:DeleteMessage", "sqs:GetQueueAttributes", "sqs:ChangeMessageVisibility"), arn, null)))),
                child);
        var mapping = EventSourceMappingArgs.builder()
                .eventSourceArn(queue.arn())
                .functionName(consumer.invokeArn())
                .batchSize(BATCH_SIZE)
                // The handler answers {"batchItemFailures": [...]}: only the records it names are retried.
                .functionResponseTypes("ReportBatchItemFailures");
        // "Event source mappings don't account for reserved concurrency" (services-sqs-scaling): without this
        // bound a burst starts more invocations than reserved concurrency allows, and they are throttled.
        consumer.settings().maximumConcurrency().ifPresent(max -> mapping.scalingConfig(
                EventSourceMappingScalingConfigArgs.builder().maximumConcurrency(max).build()));
        new EventSourceMapping(name, mapping.build(), CustomResourceOptions.builder().parent(this).dependsOn(consume).build());
        registerOutputs(Map.of("queueUrl", queue.url()));
    }

    public Output<String> url() {
        return queue.url();
    }
}
