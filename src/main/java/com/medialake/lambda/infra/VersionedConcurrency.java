package com.medialake.lambda.infra;

import com.medialake.lambda.model.Autoscaling;
import com.medialake.lambda.model.FunctionSettings;
import com.medialake.lambda.model.WeeklyCapacity;
import com.pulumi.aws.appautoscaling.Policy;
import com.pulumi.aws.appautoscaling.PolicyArgs;
import com.pulumi.aws.appautoscaling.ScheduledAction;
import com.pulumi.aws.appautoscaling.ScheduledActionArgs;
import com.pulumi.aws.appautoscaling.Target;
import com.pulumi.aws.appautoscaling.TargetArgs;
import com.pulumi.aws.appautoscaling.inputs.PolicyTargetTrackingScalingPolicyConfigurationArgs;
import com.pulumi.aws.appautoscaling.inputs.PolicyTargetTrackingScalingPolicyConfigurationCustomizedMetricSpecificationArgs;
import com.pulumi.aws.appautoscaling.inputs.PolicyTargetTrackingScalingPolicyConfigurationCustomizedMetricSpecificationDimensionArgs;
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
import java.util.List;
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
            // No ignoreChanges, even where autoscaling moves the number: a new version replaces this config, and
            // the engine fills an ignored input of a replacement from the old resource's state ("Set inputs back to
            // their old values (if any) for any 'ignored' properties", pulumi/pulumi step_generator.go), so the new
            // version would start at whatever the old one last held. It starts at provisionedConcurrency, the
            // highest schedule floor (AutoscalingRules), and the hourly actions take it to the hour's level.
            var pcOptions = CustomResourceOptions.builder()
                    .parent(parent)
                    .customTimeouts(CustomTimeouts.builder()
                            .create(pcTimeout).update(pcTimeout).build());
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
        pc.ifPresent(config -> fn.autoscaling().ifPresent(a -> autoscale(parent, name, physicalName, fn, a, config)));
        return live;
    }

    /**
     * Target tracking on the published version's PC utilization, and the weekly actions that hold the scheduled
     * levels (WeeklyCapacity: a clamp and a reopen where a floor is below the start, every hour of the week).
     */
    private static void autoscale(Resource parent, String name, String physicalName, FunctionSettings fn,
                                  Autoscaling a, ProvisionedConcurrencyConfig pc) {
        var capacity = fn.weeklyCapacity();
        // No ignoreChanges on the bounds, for the same reason as on the PC config: a new version's target is a
        // replacement and must not inherit the old one's. Between deploys the hourly actions own the bounds; a
        // deploy after a refresh resets them to the start bounds, which the next hour's action corrects.
        var target = new Target(name, TargetArgs.builder()
                .serviceNamespace(SCALING_NAMESPACE)
                .scalableDimension(SCALABLE_DIMENSION)
                .resourceId(pc.qualifier().applyValue(version -> "function:" + physicalName + ":" + version))
                .minCapacity(capacity.startBounds().min())
                .maxCapacity(capacity.startBounds().max())
                .build(), CustomResourceOptions.builder().parent(parent).dependsOn(pc).build());
        var afterTarget = CustomResourceOptions.builder().parent(parent).dependsOn(target).build();
        new Policy(name, PolicyArgs.builder()
                .name(Names.of(Names.Service.SCALING_POLICY, physicalName + "-pc-utilization"))
                .policyType("TargetTrackingScaling")
                .serviceNamespace(target.serviceNamespace())
                .scalableDimension(target.scalableDimension())
                .resourceId(target.resourceId())
                .targetTrackingScalingPolicyConfiguration(PolicyTargetTrackingScalingPolicyConfigurationArgs.builder()
                        .targetValue(a.targetUtilization())
                        .customizedMetricSpecification(utilizationMetric(physicalName, pc.qualifier()))
                        .build())
                .build(), afterTarget);
        for (WeeklyCapacity.Action action : capacity.actions()) {
            new ScheduledAction(name + "-" + action.name(), ScheduledActionArgs.builder()
                    .name(Names.of(Names.Service.SCHEDULED_ACTION, physicalName + "-" + action.name()))
                    .serviceNamespace(target.serviceNamespace())
                    .scalableDimension(target.scalableDimension())
                    .resourceId(target.resourceId())
                    .schedule("cron(" + action.cron() + ")")
                    .timezone(capacity.zone().getId())
                    .scalableTargetAction(ScheduledActionScalableTargetActionArgs.builder()
                            .minCapacity(action.bounds().min())
                            .maxCapacity(action.bounds().max())
                            .build())
                    .build(), afterTarget);
        }
    }

    /**
     * The version's own {@code ProvisionedConcurrencyUtilization}, {@code Maximum}: the dimension Lambda emits it
     * on where PC is configured ("for each function version and alias with provisioned concurrency configured",
     * lambda/latest/dg/monitoring-concurrency.html), the one the alarms and the dashboard read (Monitoring), and
     * the statistic AWS's examples use: with {@code Average} a pool can sit at 100% without scaling out
     * (aws-cdk issue 23088).
     */
    private static PolicyTargetTrackingScalingPolicyConfigurationCustomizedMetricSpecificationArgs utilizationMetric(
            String physicalName, com.pulumi.core.Output<String> version) {
        return PolicyTargetTrackingScalingPolicyConfigurationCustomizedMetricSpecificationArgs.builder()
                .namespace(Monitoring.NAMESPACE)
                .metricName(Monitoring.PC_UTILIZATION)
                .statistic("Maximum")
                .dimensions(version.applyValue(v -> List.of(
                        dimension("FunctionName", physicalName),
                        dimension("Resource", physicalName + ":" + v))))
                .build();
    }

    private static PolicyTargetTrackingScalingPolicyConfigurationCustomizedMetricSpecificationDimensionArgs dimension(
            String name, String value) {
        return PolicyTargetTrackingScalingPolicyConfigurationCustomizedMetricSpecificationDimensionArgs.builder()
                .name(name).value(value).build();
    }
}
