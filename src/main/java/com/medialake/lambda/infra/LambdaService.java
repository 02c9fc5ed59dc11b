package com.medialake.lambda.infra;

import com.medialake.lambda.model.FunctionSettings;
import com.medialake.lambda.model.Autoscaling;
import com.medialake.lambda.model.ScalingSchedule;
import com.medialake.lambda.rules.AwsCron;
import com.pulumi.aws.appautoscaling.Policy;
import com.pulumi.aws.appautoscaling.PolicyArgs;
import com.pulumi.aws.appautoscaling.ScheduledAction;
import com.pulumi.aws.appautoscaling.ScheduledActionArgs;
import com.pulumi.aws.appautoscaling.Target;
import com.pulumi.aws.appautoscaling.TargetArgs;
import com.pulumi.aws.appautoscaling.inputs.PolicyTargetTrackingScalingPolicyConfigurationArgs;
import com.pulumi.aws.appautoscaling.inputs.PolicyTargetTrackingScalingPolicyConfigurationPredefinedMetricSpecificationArgs;
import com.pulumi.aws.appautoscaling.inputs.ScheduledActionScalableTargetActionArgs;
import com.pulumi.aws.cloudwatch.EventRule;
import com.pulumi.aws.cloudwatch.EventRuleArgs;
import com.pulumi.aws.cloudwatch.EventTarget;
import com.pulumi.aws.cloudwatch.EventTargetArgs;
import com.pulumi.aws.lambda.Permission;
import com.pulumi.aws.lambda.PermissionArgs;
import com.pulumi.asset.FileArchive;
import com.pulumi.aws.cloudwatch.LogGroup;
import com.pulumi.aws.cloudwatch.LogGroupArgs;
import com.pulumi.aws.iam.Role;
import com.pulumi.aws.iam.RoleArgs;
import com.pulumi.aws.iam.RolePolicy;
import com.pulumi.aws.iam.RolePolicyArgs;
import com.pulumi.aws.lambda.Alias;
import com.pulumi.aws.lambda.AliasArgs;
import com.pulumi.aws.lambda.Function;
import com.pulumi.aws.lambda.FunctionArgs;
import com.pulumi.aws.lambda.ProvisionedConcurrencyConfig;
import com.pulumi.aws.lambda.ProvisionedConcurrencyConfigArgs;
import com.pulumi.aws.lambda.inputs.FunctionEnvironmentArgs;
import com.pulumi.aws.lambda.inputs.FunctionFileSystemConfigArgs;
import com.pulumi.aws.lambda.inputs.FunctionLoggingConfigArgs;
import com.pulumi.aws.lambda.inputs.FunctionSnapStartArgs;
import com.pulumi.aws.lambda.inputs.FunctionTracingConfigArgs;
import com.pulumi.aws.lambda.inputs.FunctionVpcConfigArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.resources.CustomTimeouts;
import com.pulumi.resources.Resource;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * One Lambda function and everything it owns: its role and policies, its log group, the function, and,
 * where it publishes, a version behind the {@code live} alias with provisioned concurrency on that version
 * (never on $LATEST), autoscaled where configured, and an optional warmer. Callers must invoke
 * {@link #invokeArn()}: the alias where there is one.
 */
public final class LambdaService extends ComponentResource {
    public static final String TYPE = "medialake:lambda:LambdaService";
    public static final String ALIAS_NAME = "live";
    public static final String HANDLER = "handler.handler";
    public static final String HANDLERS_DIR = "handlers";
    public static final String EFS_MOUNT_PATH = "/mnt/bulk-downloads";

    /** Where a VPC function runs. */
    public record VpcPlacement(Output<List<String>> subnetIds, Output<String> securityGroupId) {
    }

    /** The access point an EFS function mounts, and the mount targets it must wait for. */
    public record EfsMount(Output<String> fileSystemArn, Output<String> accessPointArn, List<? extends Resource> mountTargets) {
    }

    /**
     * @param stack                  the stack, part of every physical name
     * @param logRetentionDays       the log group's retention
     * @param pcTimeout              how long the PC config may take to become ready
     * @param vpc                    present for VPC functions
     * @param efs                    present for EFS functions
     * @param tags                   tags for every resource
     */
    public record Args(FunctionSettings function, String stack, int logRetentionDays,
                       Duration pcTimeout, Optional<VpcPlacement> vpc, Optional<EfsMount> efs,
                       Map<String, String> tags) {
    }

    public static final String SCALING_NAMESPACE = "lambda";
    public static final String SCALABLE_DIMENSION = "lambda:function:ProvisionedConcurrency";

    private final FunctionSettings settings;
    private final String physicalName;
    private final Role role;
    private final Function function;
    private final Optional<Alias> alias;
    private final Optional<String> qualifier;
    private final Output<String> invokeArn;

    public LambdaService(Args args, ComponentResourceOptions options) {
        super(TYPE, args.function().name(), options);
        FunctionSettings fn = args.function();
        settings = fn;
        String name = fn.name();
        physicalName = Names.function(args.stack(), name);
        var child = CustomResourceOptions.builder().parent(this).build();
        var tags = new TreeMap<>(args.tags());
        tags.put("function", name);

        role = new Role(name, RoleArgs.builder()
                .name(physicalName)
                .description("Execution role of " + physicalName)
                .assumeRolePolicy(Policies.assumeRole("lambda.amazonaws.com"))
                .tags(tags)
                .build(), child);

        var logGroup = new LogGroup(name, LogGroupArgs.builder()
                .name("/aws/lambda/" + physicalName)
                .retentionInDays(args.logRetentionDays())
                .tags(tags)
                .build(), child);

        // The function is created only once its role may do all it needs: Lambda checks the ENI
        // permissions of a VPC function's role at creation.
        var grants = new ArrayList<Resource>();
        grants.add(new RolePolicy(name + "-logs", RolePolicyArgs.builder()
                .role(role.id())
                .policy(logGroup.arn().applyValue(LambdaService::logsPolicy))
                .build(), child));
        grants.add(new RolePolicy(name + "-xray", RolePolicyArgs.builder()
                .role(role.id())
                .policy(xrayPolicy())
                .build(), child));
        if (args.vpc().isPresent()) {
            grants.add(new RolePolicy(name + "-vpc-access", RolePolicyArgs.builder()
                    .role(role.id())
                    .policy(vpcAccessPolicy())
                    .build(), child));
        }
        args.efs().ifPresent(efs -> grants.add(new RolePolicy(name + "-efs", RolePolicyArgs.builder()
                .role(role.id())
                .policy(Output.tuple(efs.fileSystemArn(), efs.accessPointArn())
                        .applyValue(t -> efsClientPolicy(t.t1, t.t2, fn.efsReadOnly())))
                .build(), child)));

        var environment = new TreeMap<String, String>();
        environment.put("MEDIALAKE_FUNCTION", name);
        var functionArgs = FunctionArgs.builder()
                .name(physicalName)
                .description(fn.description())
                .role(role.arn())
                .runtime(fn.runtime())
                .handler(HANDLER)
                .code(new FileArchive(HANDLERS_DIR + "/" + name))
                .memorySize(fn.memoryMb())
                .timeout(fn.timeoutSeconds())
                .architectures(fn.architecture().awsName())
                .publish(fn.publish())
                .tracingConfig(FunctionTracingConfigArgs.builder().mode("Active").build())
                .loggingConfig(FunctionLoggingConfigArgs.builder().logFormat("Text").logGroup(logGroup.name()).build())
                .tags(tags);
        if (fn.reservedConcurrency() != null) {
            functionArgs.reservedConcurrentExecutions(fn.reservedConcurrency());
        }
        if (fn.snapStart()) {
            functionArgs.snapStart(FunctionSnapStartArgs.builder().applyOn("PublishedVersions").build());
        }
        args.vpc().ifPresent(vpc -> functionArgs.vpcConfig(FunctionVpcConfigArgs.builder()
                .subnetIds(vpc.subnetIds())
                .securityGroupIds(vpc.securityGroupId().applyValue(List::of))
                .build()));
        var dependsOn = new ArrayList<Resource>(grants);
        args.efs().ifPresent(efs -> {
            environment.put("BULK_DOWNLOAD_DIR", EFS_MOUNT_PATH);
            functionArgs.fileSystemConfig(FunctionFileSystemConfigArgs.builder()
                    .arn(efs.accessPointArn())
                    .localMountPath(EFS_MOUNT_PATH)
                    .build());
            // Lambda rejects a mount until a mount target is available in each of the function's AZs.
            dependsOn.addAll(efs.mountTargets());
        });
        functionArgs.environment(FunctionEnvironmentArgs.builder().variables(environment).build());

        function = new Function(name, functionArgs.build(),
                CustomResourceOptions.builder().parent(this).dependsOn(dependsOn).build());

        if (fn.publish()) {
            // PC lives on the published version, and the alias moves to a new version only once that version's
            // PC is ready (the provider waits for READY on create): callers keep a warm pool throughout, Lambda
            // never shifts an alias that holds PC (which adds routing weights that fail a PC update in the same
            // deploy and show as drift on refresh: terraform-provider-aws #13329, hashicorp/terraform #24957),
            // and the old version's PC is deleted after the alias has moved (create-before-delete replacement).
            Optional<ProvisionedConcurrencyConfig> pc = Optional.empty();
            if (fn.hasProvisionedConcurrency()) {
                var pcOptions = CustomResourceOptions.builder()
                        .parent(this)
                        .customTimeouts(CustomTimeouts.builder()
                                .create(args.pcTimeout()).update(args.pcTimeout()).build());
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
            var aliasOptions = CustomResourceOptions.builder().parent(this);
            pc.ifPresent(aliasOptions::dependsOn);
            var live = new Alias(name + "-" + ALIAS_NAME, AliasArgs.builder()
                    .name(ALIAS_NAME)
                    .description(fn.hasProvisionedConcurrency()
                            ? "What callers invoke; moves to a new version once its provisioned concurrency is ready"
                            : "What callers invoke")
                    .functionName(function.name())
                    .functionVersion(function.version())
                    .build(), aliasOptions.build());
            alias = Optional.of(live);
            pc.ifPresent(config -> fn.autoscaling().ifPresent(a -> autoscale(name, physicalName, a, config)));
        } else {
            alias = Optional.empty();
        }
        invokeArn = alias.map(Alias::arn).orElse(function.arn());
        qualifier = alias.isPresent() ? Optional.of(ALIAS_NAME) : Optional.empty();
        fn.warmerRateMinutes().ifPresent(rate -> warm(name, physicalName, rate, tags));

        registerOutputs(Map.of(
                "functionName", function.name(),
                "functionArn", function.arn(),
                "invokeArn", invokeArn));
    }

    /** Target tracking on PC utilization of the published version, and the scheduled changes of its bounds. */
    private void autoscale(String name, String physicalName, Autoscaling a, ProvisionedConcurrencyConfig pc) {
        var targetOptions = CustomResourceOptions.builder().parent(this).dependsOn(pc);
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
        var afterTarget = CustomResourceOptions.builder().parent(this).dependsOn(target).build();
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
                    .schedule(AwsCron.parse(schedule.cron()).cron().orElseThrow().scheduleExpression())
                    .timezone(schedule.timezone())
                    .scalableTargetAction(ScheduledActionScalableTargetActionArgs.builder()
                            .minCapacity(schedule.min())
                            .maxCapacity(schedule.max())
                            .build())
                    .build(), afterTarget);
        }
    }

    /** A scheduled invocation of the invoke target, so that one environment stays initialized. */
    private void warm(String name, String physicalName, int rateMinutes, Map<String, String> tags) {
        var child = CustomResourceOptions.builder().parent(this).build();
        var rule = new EventRule(name + "-warmer", EventRuleArgs.builder()
                .name(Names.of(Names.Service.EVENT_RULE, physicalName + "-warmer"))
                .description("Keeps one environment of " + physicalName + " initialized")
                .scheduleExpression(rateMinutes == 1 ? "rate(1 minute)" : "rate(" + rateMinutes + " minutes)")
                .tags(tags)
                .build(), child);
        var permission = grantInvoke(name + "-warmer", "events.amazonaws.com", rule.arn());
        new EventTarget(name + "-warmer", EventTargetArgs.builder()
                .rule(rule.name())
                .arn(invokeArn)
                .input("{\"warmer\":true}")
                .build(), CustomResourceOptions.builder().parent(this).dependsOn(permission).build());
    }

    /**
     * Lets an AWS service invoke this function's invoke target: the permission is qualified with the alias
     * where there is one, as the caller invokes the alias.
     */
    public Permission grantInvoke(String name, String principal, Output<String> sourceArn) {
        var args = PermissionArgs.builder()
                .action("lambda:InvokeFunction")
                .function(function.name())
                .principal(principal)
                .sourceArn(sourceArn);
        // The alias's own name output: the permission then depends on the alias, which must exist first.
        alias.ifPresent(a -> args.qualifier(a.name()));
        return new Permission(name, args.build(), CustomResourceOptions.builder().parent(this).build());
    }

    static String logsPolicy(String logGroupArn) {
        return Policies.document(List.of(Policies.statement("WriteOwnLogGroup", "Allow", null,
                List.of("logs:CreateLogStream", "logs:PutLogEvents"), logGroupArn + ":*", null)));
    }

    /**
     * The network-interface actions Lambda needs to place a function in a VPC. EC2 cannot scope them to a
     * resource, hence "*"; AWSLambdaVPCAccessExecutionRole grants the same plus log permissions on "*".
     */
    static String vpcAccessPolicy() {
        return Policies.document(List.of(Policies.statement("ManageVpcNetworkInterfaces", "Allow", null,
                Policies.VPC_NETWORK_INTERFACE_ACTIONS, "*", null)));
    }

    /** X-Ray segments; X-Ray has no resource-level permissions, so "*" is the narrowest there is. */
    static String xrayPolicy() {
        return Policies.document(List.of(Policies.statement("WriteTraces", "Allow", null,
                Policies.XRAY_WRITE_ACTIONS, "*", null)));
    }

    /** Mounting (reading) through the access point only; writing too unless the function only reads. */
    static String efsClientPolicy(String fileSystemArn, String accessPointArn, boolean readOnly) {
        var actions = readOnly ? List.of("elasticfilesystem:ClientMount")
                : List.of("elasticfilesystem:ClientMount", "elasticfilesystem:ClientWrite");
        return Policies.document(List.of(Policies.statement("MountBulkDownloadsAccessPoint", "Allow", null, actions,
                fileSystemArn,
                Map.of("StringEquals", Map.of("elasticfilesystem:AccessPointArn", accessPointArn)))));
    }

    public FunctionSettings settings() {
        return settings;
    }

    /** The Lambda function's name, for metrics and dashboards. */
    public String physicalName() {
        return physicalName;
    }

    public Role role() {
        return role;
    }

    /** The alias callers invoke, where the function publishes. */
    public Optional<String> qualifier() {
        return qualifier;
    }

    /** The alias that holds provisioned concurrency, if the function has any. */
    public Optional<String> pcAlias() {
        return settings.hasProvisionedConcurrency() ? qualifier : Optional.empty();
    }

    /** The ARN callers must invoke: the live alias where PC or SnapStart lives, else the function. */
    public Output<String> invokeArn() {
        return invokeArn;
    }
}
