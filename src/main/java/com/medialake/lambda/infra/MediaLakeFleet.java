package com.medialake.lambda.infra;

import com.medialake.lambda.config.ConfigProblem;
import com.medialake.lambda.config.InvalidConfigException;
import com.medialake.lambda.model.FunctionSettings;
import com.medialake.lambda.model.StackSettings;
import com.medialake.lambda.rules.FleetRules;
import com.pulumi.aws.AwsFunctions;
import com.pulumi.aws.inputs.GetAvailabilityZonesFilter;
import com.pulumi.aws.inputs.GetAvailabilityZonesPlainArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResourceOptions;
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

        var network = new Network(Names.PREFIX, settings.network(), settings.region(), zones, tags, none);
        var vpc = new LambdaService.VpcPlacement(network.privateSubnetIds(), network.functionSecurityGroupId());
        Optional<SharedFileSystem> fileSystem = settings.anyEfsFunction()
                ? Optional.of(new SharedFileSystem(Names.PREFIX + "-bulk-downloads", network.privateSubnets(), zones,
                        network.efsSecurityGroupId(), tags, none))
                : Optional.empty();

        var invokeArns = new TreeMap<String, Output<String>>();
        for (FunctionSettings fn : settings.functions()) {
            Optional<LambdaService.EfsMount> efs = fn.attachment().mountsEfs()
                    ? fileSystem.map(fs -> new LambdaService.EfsMount(fs.fileSystemArn(), fs.accessPointArn(),
                            fs.mountTargets()))
                    : Optional.empty();
            var service = new LambdaService(new LambdaService.Args(fn, settings.stack(), settings.region(),
                    settings.logRetentionDays(), settings.provisionedConcurrencyTimeout(),
                    fn.attachment().inVpc() ? Optional.of(vpc) : Optional.empty(), efs, tags), none);
            invokeArns.put(fn.name(), service.invokeArn());
        }

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
        outputs.put("invokeArns", Output.all(List.copyOf(invokeArns.values())).applyValue(arns -> {
            var byName = new TreeMap<String, String>();
            var names = List.copyOf(invokeArns.keySet());
            for (int i = 0; i < names.size(); i++) {
                byName.put(names.get(i), arns.get(i));
            }
            return byName;
        }));
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
