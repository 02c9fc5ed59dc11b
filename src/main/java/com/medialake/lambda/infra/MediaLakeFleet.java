package com.medialake.lambda.infra;

import com.medialake.lambda.cost.CostModel;
import com.medialake.lambda.model.FunctionSettings;
import com.medialake.lambda.model.StackSettings;
import com.medialake.lambda.model.SubnetLayout;
import com.medialake.lambda.model.Trigger;
import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResourceOptions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The whole stack from validated settings and the region's answers: network, shared file system, one
 * service per function. Returns the stack outputs; it never reads config, and asks AWS nothing.
 */
public final class MediaLakeFleet {
    private MediaLakeFleet() {
    }

    public static final String QUOTA_SERVICE_CODE = "lambda";
    /** Service Quotas' code of Lambda's "Concurrent executions" quota. */
    public static final String CONCURRENT_EXECUTIONS_QUOTA_CODE = "L-B99A9384";

    /** The stack outputs a stack has, known before the AZ lookup answers (exports are declared up front). */
    public static List<String> outputNames(StackSettings settings) {
        var names = new ArrayList<>(List.of("region", "availabilityZones", "vpcId", "privateSubnetIds"));
        if (settings.anyEfsFunction()) {
            names.addAll(List.of("fileSystemId", "accessPointArn"));
        }
        names.add("invokeArns");
        if (settings.httpApiEnabled()) {
            names.add("apiUrl");
        }
        if (settings.functions().stream().anyMatch(f -> f.trigger() == Trigger.BULK_QUEUE)) {
            names.add("bulkDownloadQueueUrl");
        }
        names.addAll(List.of("alarmTopicArn", "dashboardName", "accountConcurrencyQuota"));
        if (CostModel.of(settings).missingPrice().isEmpty()) {
            names.addAll(List.of("provisionedConcurrencyMonthlyUsd", "provisionedConcurrencyMonthlyUsdByFunction"));
        }
        return names;
    }

    /**
     * Registers the stack's resources from settings already checked against the region's answers
     * (FleetProgram), and returns its outputs.
     *
     * @param layout the VPC's subnets per AZ
     * @param quota  the region's concurrency quota, reported as an output
     */
    public static Map<String, Output<?>> build(StackSettings settings, SubnetLayout layout, long quota,
                                               Map<String, List<LambdaService.Extension>> extensions) {
        var zones = layout.zoneNames();
        var tags = Tags.common(settings.project(), settings.stack());
        var none = ComponentResourceOptions.Empty;

        var network = new Network(Names.PREFIX, layout, settings.stack(), settings.region(), settings.logRetentionDays(),
                tags, none);
        var vpc = new LambdaService.VpcPlacement(network.privateSubnetIds(), network.functionSecurityGroupId());
        Optional<SharedFileSystem> fileSystem = settings.anyEfsFunction()
                ? Optional.of(new SharedFileSystem(Names.PREFIX + "-bulk-downloads", network.privateSubnets(), zones,
                        network.efsSecurityGroupId(), tags, none))
                : Optional.empty();

        var services = new ArrayList<LambdaService>();
        for (FunctionSettings fn : settings.functions()) {
            Optional<LambdaService.EfsMount> efs = fn.attachment().mountsEfs()
                    ? fileSystem.map(fs -> new LambdaService.EfsMount(fs.fileSystemArn(), fs.accessPointArn(),
                            fs.mountTargets()))
                    : Optional.empty();
            services.add(new LambdaService(new LambdaService.Args(fn, settings.stack(), settings.logRetentionDays(),
                    settings.provisionedConcurrencyTimeout(), fn.attachment().inVpc() ? Optional.of(vpc) : Optional.empty(),
                    efs, tags, extensions.getOrDefault(fn.name(), List.of())), none));
        }

        Optional<HttpApi> api = settings.httpApiEnabled()
                ? Optional.of(new HttpApi(Names.PREFIX + "-api", settings.stack(),
                        services.stream().filter(s -> s.settings().trigger() == Trigger.HTTP_API).toList(), tags, none))
                : Optional.empty();
        var queues = services.stream().filter(s -> s.settings().trigger() == Trigger.BULK_QUEUE)
                .map(consumer -> new BulkDownloadQueue(Names.PREFIX + "-bulk-downloads", settings.stack(), consumer,
                        tags, none))
                .toList();
        var monitoring = new Monitoring(Names.PREFIX + "-monitoring", settings.stack(), settings.region(), services,
                settings.alarmEmail(), tags, none);

        var outputs = new LinkedHashMap<String, Output<?>>();
        outputs.put("region", Output.of(settings.region()));
        outputs.put("availabilityZones", Output.of(zones));
        outputs.put("vpcId", network.vpcId());
        outputs.put("privateSubnetIds", network.privateSubnetIds());
        fileSystem.ifPresent(fs -> {
            outputs.put("fileSystemId", fs.fileSystemId());
            outputs.put("accessPointArn", fs.accessPointArn());
        });
        // What callers must invoke: the live alias for published functions, never $LATEST behind PC.
        var names = services.stream().map(s -> s.settings().name()).toList();
        outputs.put("invokeArns", Output.all(services.stream().map(LambdaService::invokeArn).toList()).applyValue(arns -> {
            var byName = new TreeMap<String, String>();
            for (int i = 0; i < names.size(); i++) {
                byName.put(names.get(i), arns.get(i));
            }
            return byName;
        }));
        api.ifPresent(a -> outputs.put("apiUrl", a.url()));
        queues.forEach(q -> outputs.put("bulkDownloadQueueUrl", q.url()));
        outputs.put("alarmTopicArn", monitoring.alarmTopicArn());
        outputs.put("dashboardName", monitoring.dashboardName());
        // Which quota the headroom was checked against: the region's own, from Service Quotas.
        outputs.put("accountConcurrencyQuota", Output.of(new TreeMap<String, Object>(Map.of("quota", (double) quota,
                "source", QUOTA_SERVICE_CODE + "/" + CONCURRENT_EXECUTIONS_QUOTA_CODE,
                "configured", settings.accountConcurrencyLimit()))));
        var cost = CostModel.of(settings);
        if (cost.missingPrice().isEmpty()) {
            outputs.put("provisionedConcurrencyMonthlyUsd", Output.of(cost.monthlyUsd().doubleValue()));
            var byFunction = new TreeMap<String, Double>();
            cost.byFunction().forEach(c -> byFunction.put(c.function(), c.monthlyUsd().doubleValue()));
            outputs.put("provisionedConcurrencyMonthlyUsdByFunction", Output.of(byFunction));
        }
        if (!outputs.keySet().equals(new java.util.LinkedHashSet<>(outputNames(settings)))) {
            throw new IllegalStateException("outputNames() lists " + outputNames(settings) + " but the stack has "
                    + outputs.keySet());
        }
        return outputs;
    }

}
