package com.medialake.lambda.infra;

import com.medialake.lambda.model.FunctionSettings;
import com.medialake.lambda.model.ReportMetrics;
import com.pulumi.asset.AssetArchive;
import com.pulumi.asset.FileAsset;
import com.pulumi.aws.cloudwatch.LogGroup;
import com.pulumi.aws.cloudwatch.LogGroupArgs;
import com.pulumi.aws.cloudwatch.LogMetricFilter;
import com.pulumi.aws.cloudwatch.LogMetricFilterArgs;
import com.pulumi.aws.cloudwatch.inputs.LogMetricFilterMetricTransformationArgs;
import com.pulumi.aws.iam.Role;
import com.pulumi.aws.iam.RolePolicy;
import com.pulumi.aws.iam.RolePolicyArgs;
import com.pulumi.aws.lambda.Alias;
import com.pulumi.aws.lambda.Function;
import com.pulumi.aws.lambda.FunctionArgs;
import com.pulumi.aws.lambda.Permission;
import com.pulumi.aws.lambda.PermissionArgs;
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
import com.pulumi.resources.Resource;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * One Lambda function and everything it owns: its role and policies ({@link FunctionRole}), its log group,
 * the function, and, where it publishes, the {@code live} alias on its published version with provisioned
 * concurrency on that version, never $LATEST, autoscaled where configured ({@link VersionedConcurrency}), and
 * an optional warm-up ping ({@link Warmer}). Callers must invoke {@link #invokeArn()}: the alias where there
 * is one.
 */
public final class LambdaService extends ComponentResource {
    public static final String TYPE = "medialake:lambda:LambdaService";
    public static final String ALIAS_NAME = "live";
    public static final String HANDLER = "handler.handler";
    public static final String HANDLERS_DIR = "handlers";
    static final String HANDLER_FILE = "handler.py";
    static final String SHARED_MODULE = "medialake_shared.py";
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
     * @param extensions             more resources the service owns, added after its own (see {@link Extension})
     */
    public record Args(FunctionSettings function, String stack, int logRetentionDays,
                       Duration pcTimeout, Optional<VpcPlacement> vpc, Optional<EfsMount> efs,
                       Map<String, String> tags, List<Extension> extensions) {
        public Args(FunctionSettings function, String stack, int logRetentionDays, Duration pcTimeout,
                    Optional<VpcPlacement> vpc, Optional<EfsMount> efs, Map<String, String> tags) {
            this(function, stack, logRetentionDays, pcTimeout, vpc, efs, tags, List.of());
        }

        public Args {
            extensions = List.copyOf(extensions);
        }
    }

    /**
     * A resource (or several) a function owns beyond its own: a function URL, an event invoke config, another
     * grant. It is called once the service has its role, function and invoke target, with options that make
     * what it registers the service's children; it reaches the function through {@link #invokeArn()} (the warm
     * pool: the {@code callers-use-alias} policy refuses anything else on a PC function) and grants through
     * {@link #addToRolePolicy} and {@link #grantInvoke}.
     */
    @FunctionalInterface
    public interface Extension {
        void extend(LambdaService service, CustomResourceOptions asChild);
    }


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

        var logGroup = new LogGroup(name, LogGroupArgs.builder()
                .name(Names.functionLogGroup(physicalName))
                .retentionInDays(args.logRetentionDays())
                .tags(tags)
                .build(), child);
        reportMetricFilters(name, args.stack(), logGroup, child);

        // The function is created only once its role may do all it needs: Lambda checks the ENI
        // permissions of a VPC function's role at creation.
        var access = FunctionRole.create(this, name, physicalName, tags, logGroup, args.vpc().isPresent(),
                args.efs().map(efs -> new FunctionRole.EfsAccess(efs.fileSystemArn(), efs.accessPointArn(),
                        fn.efsReadOnly())));
        role = access.role();
        var grants = new ArrayList<Resource>(access.grants());

        var environment = new TreeMap<String, String>();
        environment.put("MEDIALAKE_FUNCTION", name);
        var functionArgs = FunctionArgs.builder()
                .name(physicalName)
                .description(fn.description())
                .role(role.arn())
                .runtime(fn.runtime())
                .handler(HANDLER)
                .code(code(fn))
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
        // One output for the whole block, not one per field: pulumi-java 1.36.1 collects a property's
        // dependencies into a plain HashSet (serialization/internal/Serializer.dependentResources) from
        // whichever thread completes each nested output, so the subnets' and the group's outputs completing
        // at once corrupted it ("Index 3 out of bounds for length 3" in DeploymentImpl.prepareResourceAsync,
        // seen once under StacksLanguageHostTest at a pool of several workers). A single output adds them in
        // one call.
        args.vpc().ifPresent(vpc -> functionArgs.vpcConfig(Output.tuple(vpc.subnetIds(), vpc.securityGroupId())
                .applyValue(ids -> FunctionVpcConfigArgs.builder()
                        .subnetIds(ids.t1)
                        .securityGroupIds(List.of(ids.t2))
                        .build())));
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

        alias = fn.publish()
                ? Optional.of(VersionedConcurrency.create(this, name, physicalName, fn, function, args.pcTimeout()))
                : Optional.empty();
        invokeArn = alias.map(Alias::arn).orElse(function.arn());
        qualifier = alias.isPresent() ? Optional.of(ALIAS_NAME) : Optional.empty();
        fn.warmerRateMinutes().ifPresent(rate -> Warmer.create(this, name, physicalName, rate, tags));
        args.extensions().forEach(extension -> extension.extend(this, child));

        registerOutputs(Map.of(
                "functionName", function.name(),
                "functionArn", function.arn(),
                "invokeArn", invokeArn));
    }

    /**
     * The function's archive: its handler and the module every handler shares (handlers/shared), side by side
     * so the handler imports it as a top-level module. A change to the shared module is a change to every
     * function's code, and publishes a new version of each published function.
     */
    static AssetArchive code(FunctionSettings fn) {
        return new AssetArchive(Map.of(
                HANDLER_FILE, new FileAsset(HANDLERS_DIR + "/" + fn.handlerFolder() + "/" + HANDLER_FILE),
                SHARED_MODULE, new FileAsset(HANDLERS_DIR + "/shared/" + SHARED_MODULE)));
    }

    /**
     * An inline policy on the function's role (CDK's addToRolePolicy): what a resource that feeds the function
     * lets it do, such as the queue it consumes. Registered with the caller's options, so it belongs to the
     * caller; whatever must wait for the grant depends on the returned policy.
     */
    public RolePolicy addToRolePolicy(String name, Output<String> policyDocument, CustomResourceOptions options) {
        return new RolePolicy(name, RolePolicyArgs.builder().role(role.id()).policy(policyDocument).build(), options);
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

    /** Cold starts and memory used, from each invocation's REPORT record (model.ReportMetrics says how). */
    private void reportMetricFilters(String name, String stack, LogGroup logGroup, CustomResourceOptions child) {
        for (var filter : ReportMetrics.filters(settings)) {
            new LogMetricFilter(name + "-" + filter.suffix(), LogMetricFilterArgs.builder()
                    .name(Names.of(Names.Service.METRIC_FILTER, physicalName + "-" + filter.suffix()))
                    .logGroupName(logGroup.name())
                    .pattern(filter.pattern())
                    .metricTransformation(LogMetricFilterMetricTransformationArgs.builder()
                            .namespace(ReportMetrics.namespace(stack))
                            .name(filter.quantity().metricName(name))
                            .value(filter.value())
                            .unit(filter.quantity().unit())
                            .build())
                    .build(), child);
        }
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

    /**
     * The published version that holds provisioned concurrency, if the function has any: Lambda emits the PC
     * metrics "for each function version and alias with provisioned concurrency configured"
     * (monitoring-concurrency.html), so they are on this version, not on the alias callers invoke.
     */
    public Optional<Output<String>> pcVersion() {
        return settings.hasProvisionedConcurrency() && alias.isPresent() ? Optional.of(function.version())
                : Optional.empty();
    }

    /** The ARN callers must invoke: the live alias where PC or SnapStart lives, else the function. */
    public Output<String> invokeArn() {
        return invokeArn;
    }
}
