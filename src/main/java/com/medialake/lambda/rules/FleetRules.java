package com.medialake.lambda.rules;

import static com.medialake.lambda.rules.LambdaLimits.*;

import com.medialake.lambda.model.FunctionSettings;
import com.medialake.lambda.model.StackSettings;
import com.medialake.lambda.model.Trigger;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * What AWS and the strategy allow, checked on settings before anything is registered. Each rule returns
 * the key to change and what to change it to; none of it touches Pulumi.
 */
public final class FleetRules {
    private FleetRules() {
    }

    public static List<Problem> check(StackSettings stack) {
        var problems = new ArrayList<Problem>();
        checkStackValues(stack, problems);
        NetworkRules.check(stack, problems);
        for (var fn : stack.functions()) {
            checkFunction(stack, fn, problems);
        }
        // The concurrency headroom is checked against the region's real quota, once AWS has answered
        // (checkHeadroom).
        return problems.stream().map(p -> p.in(stack.origin())).toList();
    }

    /** The stack-wide values that have a range or a set of allowed values. */
    private static void checkStackValues(StackSettings stack, List<Problem> out) {
        if (!LOG_RETENTION_DAYS.contains(stack.logRetentionDays())) {
            out.add(Problem.of(ConfigRule.LOG_RETENTION, null, "logRetentionDays", stack.logRetentionDays()
                    + " is not a retention CloudWatch Logs accepts", "use one of " + LOG_RETENTION_DAYS));
        }
        if (stack.accountConcurrencyLimit() < MIN_UNRESERVED_CONCURRENCY) {
            out.add(Problem.of(ConfigRule.ACCOUNT_LIMIT,
                    null, "concurrency.accountLimit", stack.accountConcurrencyLimit()
                            + " is below the " + MIN_UNRESERVED_CONCURRENCY
                            + " concurrent executions AWS keeps unreserved in every account",
                    "set the region's real quota (Service Quotas, 'Concurrent executions'), 1000 by default"));
        }
        var timeout = stack.provisionedConcurrencyTimeout();
        if (timeout.compareTo(MIN_PC_TIMEOUT) < 0 || timeout.compareTo(MAX_PC_TIMEOUT) > 0) {
            out.add(Problem.of(ConfigRule.PC_TIMEOUT, null, "provisionedConcurrencyTimeout",
                    StackSettings.durationText(timeout) + " is outside 1m-2h",
                    "allow PC configs 10m to 30m; capacity-constrained regions need the longer end"));
        }
    }

    private static void checkFunction(StackSettings stack, FunctionSettings fn, List<Problem> out) {
        String key = "functions." + fn.name() + ".";
        if (fn.memoryMb() < MIN_MEMORY_MB || fn.memoryMb() > MAX_MEMORY_MB) {
            out.add(Problem.of(ConfigRule.MEMORY_RANGE, fn.name(), key + "memoryMb",
                    fn.memoryMb() + " MB is outside what Lambda allows (" + MIN_MEMORY_MB + "-" + MAX_MEMORY_MB + " MB)",
                    "set memoryMb from " + MIN_MEMORY_MB + " to " + MAX_MEMORY_MB));
        }
        if (fn.timeoutSeconds() < MIN_TIMEOUT_SECONDS || fn.timeoutSeconds() > MAX_TIMEOUT_SECONDS) {
            out.add(Problem.of(ConfigRule.TIMEOUT_RANGE, fn.name(), key + "timeoutSeconds",
                    fn.timeoutSeconds() + " s is outside what Lambda allows (" + MIN_TIMEOUT_SECONDS + "-"
                            + MAX_TIMEOUT_SECONDS + " s)",
                    "set timeoutSeconds from " + MIN_TIMEOUT_SECONDS + " to " + MAX_TIMEOUT_SECONDS));
        }
        if (fn.provisionedConcurrency() < 0) {
            out.add(Problem.of(ConfigRule.PC_NEGATIVE, fn.name(), key + "provisionedConcurrency",
                    "provisioned concurrency " + fn.provisionedConcurrency() + " is negative",
                    "set 0 for none, or the number of warm instances"));
        }
        if (fn.reservedConcurrency() != null && fn.reservedConcurrency() < 0) {
            out.add(Problem.of(ConfigRule.RESERVED_NEGATIVE, fn.name(), key + "reservedConcurrency",
                    "reserved concurrency " + fn.reservedConcurrency() + " is negative",
                    "remove reservedConcurrency to use the unreserved pool, or set 0 or more"));
        }
        if (fn.snapStart()) {
            checkSnapStart(stack, fn, key, out);
        }
        if (fn.hasProvisionedConcurrency() && !fn.publish()) {
            out.add(Problem.of(ConfigRule.PC_NEEDS_VERSION, fn.name(), key + "publish",
                    "provisioned concurrency needs a published version, but publish is false: AWS rejects PC on"
                            + " $LATEST (\"cannot be applied to unpublished function versions\")",
                    "remove publish: false (PC functions publish a version behind the live alias),"
                            + " or set provisionedConcurrency to 0"));
        }
        if (fn.attachment().inVpc() && fn.hasProvisionedConcurrency() && fn.memoryMb() < MIN_VPC_PC_MEMORY_MB) {
            out.add(Problem.of(ConfigRule.VPC_PC_MEMORY, fn.name(), key + "memoryMb",
                    fn.memoryMb() + " MB is under the strategy's " + MIN_VPC_PC_MEMORY_MB
                            + " MB floor for VPC functions with provisioned concurrency (128 MB configs failed to"
                            + " stabilize in eu-west-1)",
                    "set memoryMb to " + MIN_VPC_PC_MEMORY_MB + " or more, or provisionedConcurrency to 0"));
        }
        if (fn.reservedConcurrency() != null && fn.reservedConcurrency() >= 0
                && fn.reservedConcurrency() < fn.provisionedConcurrencyDuringVersionChange()) {
            long needed = fn.provisionedConcurrencyDuringVersionChange();
            out.add(Problem.of(ConfigRule.RESERVED_BELOW_PC, fn.name(), key + "reservedConcurrency",
                    "reserved concurrency " + fn.reservedConcurrency() + " is below the " + needed + " the function's"
                            + " provisioned concurrency needs (" + fn.peakProvisionedConcurrency()
                            + (fn.autoscaling().isPresent() ? " at its autoscaling peak" : "")
                            + (fn.publish() ? ", twice while a deploy moves the live alias to a new version and both"
                                    + " versions hold it" : "")
                            + "); AWS refuses PC beyond the function's reserved concurrency",
                    "set reservedConcurrency to at least " + needed + ", or remove it"));
        }
        checkRouteAndQueue(stack, fn, key, out);
        fn.autoscaling().ifPresent(a -> AutoscalingRules.check(fn, a, key + "autoscaling", out));
        fn.warmerRateMinutes().ifPresent(rate -> {
            if (fn.hasProvisionedConcurrency()) {
                out.add(Problem.of(ConfigRule.WARMER_WITH_PC, fn.name(), key + "warmer",
                        "a warmer on a function with provisioned concurrency only adds invocations: PC already"
                                + " keeps " + fn.provisionedConcurrency() + " environments initialized",
                        "remove the warmer, or set provisionedConcurrency to 0"));
            }
            if (rate < 1 || rate > 60) {
                out.add(Problem.of(ConfigRule.WARMER_RATE, fn.name(), key + "warmer.rateMinutes",
                        "a warm-up every " + rate + " minutes is outside 1-60 (idle environments are reclaimed"
                                + " after minutes, not hours)",
                        "set rateMinutes from 1 to 60; 5 keeps one environment warm"));
            }
        });
    }

    /** China, GovCloud and the ISO partitions are not commercial Regions. */
    static boolean isCommercialRegion(String region) {
        return !region.startsWith("cn-") && !region.contains("-gov-") && !region.contains("-iso");
    }

    /** What the HTTP API and the SQS event source in front of a function allow. */
    private static void checkRouteAndQueue(StackSettings stack, FunctionSettings fn, String key, List<Problem> out) {
        if (fn.trigger() == Trigger.HTTP_API && stack.httpApiEnabled()
                && fn.timeoutSeconds() > MAX_HTTP_API_INTEGRATION_SECONDS) {
            out.add(Problem.of(ConfigRule.API_TIMEOUT, fn.name(), key + "timeoutSeconds",
                    fn.timeoutSeconds() + " s is longer than the HTTP API waits for it: API Gateway HTTP APIs end"
                            + " an integration after at most " + MAX_HTTP_API_INTEGRATION_SECONDS + " s, so the caller"
                            + " gets a 503 while the function runs on and holds a warm instance",
                    "set timeoutSeconds to " + MAX_HTTP_API_INTEGRATION_SECONDS + " or less (the default is "
                            + com.medialake.lambda.model.FunctionProfile.DEFAULT_API_TIMEOUT_SECONDS
                            + "), or move the long work behind a queue"));
        }
        fn.maximumConcurrency().ifPresent(max -> {
            if (fn.trigger() != Trigger.BULK_QUEUE) {
                out.add(Problem.of(ConfigRule.QUEUE_CONCURRENCY_WITHOUT_QUEUE, fn.name(), key + "maximumConcurrency",
                        "maximumConcurrency bounds an SQS event source, and nothing queues to " + fn.name(),
                        "remove maximumConcurrency; to cap the function, set reservedConcurrency"));
                return;
            }
            if (max < MIN_SQS_MAXIMUM_CONCURRENCY || max > MAX_SQS_MAXIMUM_CONCURRENCY) {
                out.add(Problem.of(ConfigRule.QUEUE_CONCURRENCY_RANGE, fn.name(), key + "maximumConcurrency",
                        "the queue's maximum concurrency " + max + " is outside what Lambda allows ("
                                + MIN_SQS_MAXIMUM_CONCURRENCY + "-" + MAX_SQS_MAXIMUM_CONCURRENCY + ")"
                                + (fn.reservedConcurrency() != null && fn.reservedConcurrency() < MIN_SQS_MAXIMUM_CONCURRENCY
                                        ? "; it defaults to reservedConcurrency " + fn.reservedConcurrency() : ""),
                        "set maximumConcurrency from " + MIN_SQS_MAXIMUM_CONCURRENCY + " to "
                                + MAX_SQS_MAXIMUM_CONCURRENCY + (fn.reservedConcurrency() != null
                                ? " and no more than reservedConcurrency, or raise reservedConcurrency to 2 or more" : "")));
            } else if (fn.reservedConcurrency() != null && max > fn.reservedConcurrency()) {
                out.add(Problem.of(ConfigRule.QUEUE_CONCURRENCY_ABOVE_RESERVED, fn.name(), key + "maximumConcurrency",
                        "the queue may start " + max + " concurrent invocations but reserved concurrency allows "
                                + fn.reservedConcurrency() + ": an SQS event source ignores reserved concurrency"
                                + " (\"Event source mappings don't account for reserved concurrency\"), so a burst is"
                                + " throttled, retried and dead-lettered",
                        "set maximumConcurrency to " + fn.reservedConcurrency() + " or less, or raise reservedConcurrency"));
            }
        });
    }

    private static void checkSnapStart(StackSettings stack, FunctionSettings fn, String key, List<Problem> out) {
        if (REGIONS_WITHOUT_SNAPSTART.contains(stack.region()) || !isCommercialRegion(stack.region())) {
            out.add(Problem.of(ConfigRule.SNAPSTART_REGION, fn.name(), key + "snapStart",
                    "SnapStart is not offered in " + stack.region() + " (AWS: \"available in all commercial Regions"
                            + " except Asia Pacific (New Zealand) and Asia Pacific (Taipei)\")",
                    "set snapStart to false in this region; provisioned concurrency keeps an API warm instead"));
        } else if (!stack.snapStartAllowed()) {
            out.add(Problem.of(ConfigRule.SNAPSTART_SWITCHED_OFF, fn.name(), key + "snapStart",
                    "SnapStart is switched off in " + stack.region() + " (snapStartAllowed: false; versions did"
                            + " not stabilize there)",
                    "remove snapStart from this function, or set snapStartAllowed to true once SnapStart is"
                            + " verified in " + stack.region()));
        }
        if (fn.hasProvisionedConcurrency()) {
            out.add(Problem.of(ConfigRule.SNAPSTART_WITH_PC, fn.name(), key + "snapStart",
                    "SnapStart cannot be combined with provisioned concurrency (AWS: \"SnapStart does not support"
                            + " provisioned concurrency\")",
                    "choose one: set snapStart to false, or provisionedConcurrency to 0"));
        }
        if (fn.attachment().mountsEfs()) {
            out.add(Problem.of(ConfigRule.SNAPSTART_WITH_EFS, fn.name(), key + "snapStart",
                    "SnapStart cannot be used on a function that mounts EFS (AWS: \"SnapStart does not support"
                            + " Amazon EFS\")",
                    "set snapStart to false for this function"));
        }
        if (!SNAPSTART_RUNTIMES.contains(fn.runtime())) {
            out.add(Problem.of(ConfigRule.SNAPSTART_RUNTIME, fn.name(), key + "snapStart",
                    "SnapStart is not available on " + fn.runtime() + " (only Java 11+, Python 3.12+ and .NET 8+)",
                    "set snapStart to false, or runtime to python3.12 or later"));
        }
        if (!fn.publish()) {
            out.add(Problem.of(ConfigRule.SNAPSTART_UNPUBLISHED, fn.name(), key + "publish",
                    "SnapStart only applies to published versions, but publish is false",
                    "remove publish: false, or set snapStart to false"));
        }
    }

    /**
     * Provisioned and reserved concurrency against the region's account quota, which must keep
     * {@value LambdaLimits#MIN_UNRESERVED_CONCURRENCY} unreserved. PC counts twice for published functions: a
     * deploy that moves the alias allocates the new version's PC before it releases the old version's. Sums
     * are exact (long), whatever the configured values.
     *
     * @param quota       the region's "Concurrent executions" quota
     * @param quotaSource where the quota comes from, for the message
     */
    public static List<Problem> checkHeadroom(StackSettings stack, long quota, String quotaSource) {
        long taken = stack.functions().stream().mapToLong(f -> Math.max(0, f.concurrencyTakenFromPool())).sum();
        long unreserved = quota - taken;
        if (unreserved >= MIN_UNRESERVED_CONCURRENCY) {
            return List.of();
        }
        String breakdown = stack.functions().stream()
                .filter(f -> f.concurrencyTakenFromPool() > 0)
                .map(f -> f.name() + " " + f.concurrencyTakenFromPool()
                        + (f.reservedConcurrency() == null && f.publish() ? " (PC " + f.peakProvisionedConcurrency()
                                + " on two versions during a deploy)" : ""))
                .collect(Collectors.joining(", "));
        return List.of(Problem.of(ConfigRule.CONCURRENCY_HEADROOM, stack.origin(), null, "concurrency.accountLimit",
                "provisioned and reserved concurrency take " + taken + " (" + breakdown + ") of the region's"
                        + " concurrency quota " + quota + " (" + quotaSource + "), "
                        + (unreserved >= 0 ? "leaving " + unreserved : (-unreserved) + " more than the quota allows")
                        + "; AWS keeps at least " + MIN_UNRESERVED_CONCURRENCY + " unreserved",
                "lower provisionedConcurrency or reservedConcurrency by " + (MIN_UNRESERVED_CONCURRENCY - unreserved)
                        + " in total, or have AWS raise the quota (Service Quotas: Lambda, Concurrent executions)"
                        + " and set concurrency.accountLimit to match"));
    }


}
