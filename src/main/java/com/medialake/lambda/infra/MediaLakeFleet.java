package com.medialake.lambda.infra;

import com.medialake.lambda.config.ConfigProblem;
import com.medialake.lambda.config.InvalidConfigException;
import com.medialake.lambda.cost.CostModel;
import com.medialake.lambda.model.FunctionSettings;
import com.medialake.lambda.model.StackSettings;
import com.medialake.lambda.model.Trigger;
import com.medialake.lambda.rules.FleetRules;
import com.pulumi.aws.AwsFunctions;
import com.pulumi.aws.inputs.GetAvailabilityZonesFilter;
import com.pulumi.aws.inputs.GetAvailabilityZonesPlainArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResourceOptions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The whole stack from validated settings: network, shared file system, one service per function. Returns
 * the stack outputs; it never reads config.
 */
public final class MediaLakeFleet {
    private MediaLakeFleet() {
    }

    public static Map<String, Output<?>> deploy(StackSettings settings) {
        // Ask AWS for the region's AZs before registering anything, so a count the region cannot hold is a
        // config error, not half a plan.
        List<String> zones = availabilityZones(settings);
        var tags = Tags.common(settings.project(), settings.stack());
        var none = ComponentResourceOptions.Empty;

        var network = new Network(Names.PREFIX, settings.network(), settings.stack(), settings.region(), zones,
                settings.logRetentionDays(), tags, none);
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
            services.add(new LambdaService(new LambdaService.Args(fn, settings.stack(), settings.logRetentionDays(), settings.provisionedConcurrencyTimeout(),
                    fn.attachment().inVpc() ? Optional.of(vpc) : Optional.empty(), efs, tags), none));
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
        var cost = CostModel.of(settings);
        if (cost.missingPrice().isEmpty()) {
            outputs.put("provisionedConcurrencyMonthlyUsd", Output.of(cost.monthlyUsd().doubleValue()));
            var byFunction = new TreeMap<String, Double>();
            cost.byFunction().forEach(c -> byFunction.put(c.function(), c.monthlyUsd().doubleValue()));
            outputs.put("provisionedConcurrencyMonthlyUsdByFunction", Output.of(byFunction));
        }
        return outputs;
    }

    private static List<String> availabilityZones(StackSettings settings) {
        var lookup = GetAvailabilityZonesPlainArgs.builder()
                .state("available")
                // Local and Wavelength zones are opt-in; Lambda subnets belong in the region's own AZs.
                .filters(GetAvailabilityZonesFilter.builder().name("opt-in-status")
                        .values("opt-in-not-required").build())
                .build();
        List<String> all = AwsFunctions.getAvailabilityZonesPlain(lookup).join().names().stream().sorted().toList();
        var violations = FleetRules.checkAvailabilityZones(settings, all);
        if (!violations.isEmpty()) {
            throw new InvalidConfigException(settings.stack(), violations.stream()
                    .map(v -> new ConfigProblem(settings.origin(), v.function(), v.key(), v.problem(), v.fix()))
                    .toList());
        }
        return all.subList(0, settings.network().availabilityZones());
    }
}
