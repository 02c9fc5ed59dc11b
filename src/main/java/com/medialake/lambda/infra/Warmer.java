package com.medialake.lambda.infra;

import com.pulumi.aws.cloudwatch.EventRule;
import com.pulumi.aws.cloudwatch.EventRuleArgs;
import com.pulumi.aws.cloudwatch.EventTarget;
import com.pulumi.aws.cloudwatch.EventTargetArgs;
import com.pulumi.resources.CustomResourceOptions;
import java.util.Map;

/** A scheduled warm-up ping of a function without PC: {"warmer": true}, which every handler answers at once. */
final class Warmer {
    private Warmer() {
    }

    /** A scheduled invocation of the invoke target, so that one environment stays initialized. */
    static void create(LambdaService service, String name, String physicalName, int rateMinutes, Map<String, String> tags) {
        var child = CustomResourceOptions.builder().parent(service).build();
        var rule = new EventRule(name + "-warmer", EventRuleArgs.builder()
                .name(Names.of(Names.Service.EVENT_RULE, physicalName + "-warmer"))
                .description("Keeps one environment of " + physicalName + " initialized")
                .scheduleExpression(rateMinutes == 1 ? "rate(1 minute)" : "rate(" + rateMinutes + " minutes)")
                .tags(tags)
                .build(), child);
        var permission = service.grantInvoke(name + "-warmer", "events.amazonaws.com", rule.arn());
        new EventTarget(name + "-warmer", EventTargetArgs.builder()
                .rule(rule.name())
                .arn(service.invokeArn())
                .input("{\"warmer\":true}")
                .build(), CustomResourceOptions.builder().parent(service).dependsOn(permission).build());
    }
}
