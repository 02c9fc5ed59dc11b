package com.medialake.lambda;

import com.medialake.lambda.config.InvalidConfigException;
import com.medialake.lambda.infra.LambdaService;
import com.medialake.lambda.infra.MediaLakeFleet;
import com.medialake.lambda.model.StackSettings;
import com.medialake.lambda.model.SubnetLayout;
import com.medialake.lambda.rules.FleetRules;
import com.medialake.lambda.rules.NetworkRules;
import com.pulumi.aws.AwsFunctions;
import com.pulumi.aws.inputs.GetAvailabilityZonesArgs;
import com.pulumi.aws.inputs.GetAvailabilityZonesFilterArgs;
import com.pulumi.aws.servicequotas.ServicequotasFunctions;
import com.pulumi.aws.servicequotas.inputs.GetServiceQuotaArgs;
import com.pulumi.core.Output;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The program, from validated settings: ask AWS what only AWS knows (the region's AZs, its concurrency
 * quota), check the settings against the answers, lay out the subnets, and only then build the components
 * (MediaLakeFleet), which take the answers as plain values.
 */
public final class FleetProgram {
    private FleetProgram() {
    }

    /**
     * Registers the stack and returns its outputs, keyed by {@link MediaLakeFleet#outputNames}. The lookups
     * come first: the components are built in their continuation, never by blocking a thread on them (a
     * common-pool worker blocked on an invoke can starve the SDK of the worker that would send it: the
     * program hung with a pool of two), and a count the region cannot hold is a config error before anything
     * is registered.
     */
    public static Map<String, Output<?>> deploy(StackSettings settings) {
        return deploy(settings, Map.of());
    }

    /** The same with more resources for some functions, by the function's key (LambdaService.Extension). */
    public static Map<String, Output<?>> deploy(StackSettings settings,
                                                Map<String, List<LambdaService.Extension>> extensions) {
        var lookup = GetAvailabilityZonesArgs.builder()
                .state("available")
                // Local and Wavelength zones are opt-in; Lambda subnets belong in the region's own AZs.
                .filters(GetAvailabilityZonesFilterArgs.builder().name("opt-in-status")
                        .values("opt-in-not-required").build())
                .build();
        // The region's real "Concurrent executions" quota (pulumi-aws servicequotas.getServiceQuota, which
        // answers the applied value, else AWS's default: terraform-provider-aws service_quota_data_source.go).
        var quota = ServicequotasFunctions.getServiceQuota(GetServiceQuotaArgs.builder()
                .serviceCode(MediaLakeFleet.QUOTA_SERVICE_CODE)
                .quotaCode(MediaLakeFleet.CONCURRENT_EXECUTIONS_QUOTA_CODE)
                .build());
        Output<Map<String, Output<?>>> built = Output.tuple(AwsFunctions.getAvailabilityZones(lookup), quota)
                .applyValue(answers -> {
                    var zones = answers.t1.names().stream().sorted().toList();
                    long quotaValue = Math.round(answers.t2.value());
                    var problems = new ArrayList<>(NetworkRules.checkAvailabilityZones(settings, zones));
                    problems.addAll(FleetRules.checkHeadroom(settings, quotaValue, quotaSource(settings, quotaValue)));
                    if (!problems.isEmpty()) {
                        throw new InvalidConfigException(settings.stack(), problems);
                    }
                    return MediaLakeFleet.build(settings, SubnetLayout.of(settings.network(), zones), quotaValue,
                            extensions);
                });
        var outputs = new LinkedHashMap<String, Output<?>>();
        for (String name : MediaLakeFleet.outputNames(settings)) {
            outputs.put(name, built.apply(all -> output(all, name)));
        }
        return outputs;
    }

    @SuppressWarnings("unchecked")
    private static Output<Object> output(Map<String, Output<?>> all, String name) {
        return (Output<Object>) all.get(name);
    }

    private static String quotaSource(StackSettings settings, long quota) {
        return "Service Quotas " + MediaLakeFleet.QUOTA_SERVICE_CODE + "/"
                + MediaLakeFleet.CONCURRENT_EXECUTIONS_QUOTA_CODE
                + (quota == settings.accountConcurrencyLimit() ? ", as concurrency.accountLimit says"
                        : "; concurrency.accountLimit says " + settings.accountConcurrencyLimit());
    }
}
