package com.medialake.lambda.infra;

import com.medialake.lambda.model.Autoscaling;
import com.medialake.lambda.model.FunctionSettings;
import com.medialake.lambda.model.ScalingSchedule;
import com.pulumi.aws.appautoscaling.Policy;
import com.pulumi.aws.appautoscaling.PolicyArgs;
import com.pulumi.aws.appautoscaling.ScheduledAction;
import com.pulumi.aws.appautoscaling.ScheduledActionArgs;
import com.pulumi.aws.appautoscaling.Target;
import com.pulumi.aws.appautoscaling.TargetArgs;
import com.pulumi.aws.appautoscaling.inputs.PolicyTargetTrackingScalingPolicyConfigurationArgs;
import com.pulumi.aws.appautoscaling.inputs.PolicyTargetTrackingScalingPolicyConfigurationPredefinedMetricSpecificationArgs;
import com.pulumi.aws.appautoscaling.inputs.ScheduledActionScalableTargetActionArgs;
import com.pulumi.aws.lambda.Alias;
import com.pulumi.aws.lambda.AliasArgs;
import com.pulumi.aws.lambda.Function;
import com.pulumi.aws.lambda.ProvisionedConcurrencyConfig;
import com.pulumi.aws.lambda.ProvisionedConcurrencyConfigArgs;
import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.resources.CustomTimeouts;
import com.pulumi.resources.Resource;
import java.time.Duration;
import java.util.Optional;

/**
 * A published function's {@code live} alias and, where it has provisioned concurrency, the PC on the version
 * the alias points to, autoscaled where configured (see README, "Provisioned concurrency across a new
 * version").
 */
final class VersionedConcurrency {
    static final String SCALING_NAMESPACE = "lambda";
    static final String SCALABLE_DIMENSION = "lambda:function:ProvisionedConcurrency";
    private static final String ALIAS_NAME = LambdaService.ALIAS_NAME;

    private VersionedConcurrency() {
    }

    /** Registers the PC (if any) and the alias, parented to the function's service; returns the alias. */
    static Alias create(Resource parent, String name, String physicalName, FunctionSettings fn, Function function,
                        Duration pcTimeout) {
        // PC lives on the published version, and the alias moves to a new version only once that version's
        // PC is ready (the provider waits for READY on create): callers keep a warm pool throughout, Lambda
        // never shifts an alias that holds PC (which adds routing weights that fail a PC update in the same
        // deploy and show as drift on refresh: terraform-provider-aws #13329, hashicorp/terraform #24957),
        // and the old version's PC is deleted after the alias has moved (create-before-delete replacement).
        Optional<ProvisionedConcurrencyConfig> pc = Optional.empty();
        if (fn.hasProvisionedConcurrency()) {
            var pcOptions = CustomResourceOptions.builder()
                    .parent(parent)
                    .customTimeouts(CustomTimeouts.builder()
                            .create(pcTimeout).update(pcTimeout).build());
            if (fn.autoscaling().isPresent()) {
                // Autoscaling owns the number from now on: a deploy must not reset what it set.
                pcOptions.ignoreChanges("provisionedConcurrentExecutions");
            }
            pc = Optional.of(new ProvisionedConcurrencyConfig(name, ProvisionedConcurrencyConfigArgs.builder()
                    .functionName(function.name())
                    .qualifier(function.version())
                    .provisionedConcurrentExecutions(fn.provisionedConcurrency())
                    .build(), pcOptions.build()));
        }
        var aliasOptions = CustomResourceOptions.builder().parent(parent);
        pc.ifPresent(aliasOptions::dependsOn);
        var live = new Alias(name + "-" + ALIAS_NAME, AliasArgs.builder()
                .name(ALIAS_NAME)
                .description(fn.hasProvisionedConcurrency()
                        ? "What callers invoke; moves to a new version once its provisioned concurrency is ready"
                        : "What callers invoke")
                .functionName(function.name())
                .functionVersion(function.version())
                .build(), aliasOptions.build());
        pc.ifPresent(config -> fn.autoscaling().ifPresent(a -> autoscale(parent, name, physicalName, a, config)));
        return live;
    }

    /** Target tracking on PC utilization of the published version, and the scheduled changes of its bounds. */
    private static void autoscale(Resource parent, String name, String physicalName, Autoscaling a,
                                  ProvisionedConcurrencyConfig pc) {
        var targetOptions = CustomResourceOptions.builder().parent(parent).dependsOn(pc);
        if (!a.schedules().isEmpty()) {
            // The schedules own the bounds between deploys: a deploy must not reset what the last one set.
            targetOptions.ignoreChanges("minCapacity", "maxCapacity");
        }
        var target = new Target(name, TargetArgs.builder()
                .serviceNamespace(SCALING_NAMESPACE)
                .scalableDimension(SCALABLE_DIMENSION)
                .resourceId(pc.qualifier().applyValue(version -> "function:" + physicalName + ":" + version))
                .minCapacity(a.initialMin())
                .maxCapacity(a.initialMax())
                .build(), targetOptions.build());
        var afterTarget = CustomResourceOptions.builder().parent(parent).dependsOn(target).build();
        new Policy(name, PolicyArgs.builder()
                .name(Names.of(Names.Service.SCALING_POLICY, physicalName + "-pc-utilization"))
                .policyType("TargetTrackingScaling")
                .serviceNamespace(target.serviceNamespace())
                .scalableDimension(target.scalableDimension())
                .resourceId(target.resourceId())
                .targetTrackingScalingPolicyConfiguration(PolicyTargetTrackingScalingPolicyConfigurationArgs.builder()
                        .targetValue(a.targetUtilization())
                        .predefinedMetricSpecification(
                                PolicyTargetTrackingScalingPolicyConfigurationPredefinedMetricSpecificationArgs.builder()
                                        .predefinedMetricType("LambdaProvisionedConcurrencyUtilization")
                                        .build())
                        .build())
                .build(), afterTarget);
        for (ScalingSchedule schedule : a.schedules()) {
            new ScheduledAction(name + "-" + schedule.name(), ScheduledActionArgs.builder()
                    .name(Names.of(Names.Service.SCHEDULED_ACTION, physicalName + "-" + schedule.name()))
                    .serviceNamespace(target.serviceNamespace())
                    .scalableDimension(target.scalableDimension())
                    .resourceId(target.resourceId())
                    .schedule(schedule.expression().scheduleExpression())
                    .timezone(schedule.timezone())
                    .scalableTargetAction(ScheduledActionScalableTargetActionArgs.builder()
                            .minCapacity(schedule.min())
                            .maxCapacity(schedule.max())
                            .build())
                    .build(), afterTarget);
        }
    }
}
