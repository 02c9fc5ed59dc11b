package com.medialake.lambda.preview;

import static com.medialake.lambda.preview.AwsMocks.ACCOUNT_ID;
import static com.medialake.lambda.preview.AwsMocks.DEFAULT_CONCURRENCY_QUOTA;

import java.util.List;
import java.util.Map;

/** The offline AWS's answers to the lookups (invokes) the program makes, in pulumi-aws's result shapes. */
final class MockLookups {
    private MockLookups() {
    }

    static Map<String, Object> answer(String token, Map<String, Object> args, String region, String partition,
                                      long concurrencyQuota) {
        return switch (token) {
            case "aws:index/getAvailabilityZones:getAvailabilityZones" -> {
                var names = OfflineRegions.zones(region);
                String prefix = region.replaceAll("-([a-z])[a-z]*-(\\d)$", "$1$2").replace("-", "");
                yield Map.<String, Object>of(
                        "id", region,
                        "names", names,
                        "zoneIds", java.util.stream.IntStream.rangeClosed(1, names.size())
                                .mapToObj(i -> prefix + "-az" + i).toList(),
                        "groupNames", names.stream().map(n -> region).toList(),
                        "state", "available");
            }
            // The shape of pulumi-aws's GetServiceQuotaResult: the applied value, AWS's default, the quota's ARN.
            case "aws:servicequotas/getServiceQuota:getServiceQuota" -> Map.<String, Object>ofEntries(
                    Map.entry("id", "arn:" + partition + ":servicequotas:" + region + ":" + ACCOUNT_ID + ":"
                            + args.get("serviceCode") + "/" + args.get("quotaCode")),
                    Map.entry("arn", "arn:" + partition + ":servicequotas:" + region + ":" + ACCOUNT_ID + ":"
                            + args.get("serviceCode") + "/" + args.get("quotaCode")),
                    Map.entry("serviceCode", args.get("serviceCode")),
                    Map.entry("serviceName", "AWS Lambda"),
                    Map.entry("quotaCode", args.get("quotaCode")),
                    Map.entry("quotaName", "Concurrent executions"),
                    Map.entry("value", (double) concurrencyQuota),
                    Map.entry("defaultValue", (double) DEFAULT_CONCURRENCY_QUOTA),
                    Map.entry("adjustable", true),
                    Map.entry("globalQuota", false),
                    Map.entry("usageMetrics", List.of()));
            case "aws:index/getRegion:getRegion" -> Map.<String, Object>of(
                    "id", region, "name", region, "endpoint", "ec2." + region + ".amazonaws.com",
                    "description", region);
            case "aws:index/getCallerIdentity:getCallerIdentity" -> Map.<String, Object>of(
                    "id", ACCOUNT_ID, "accountId", ACCOUNT_ID,
                    "arn", "arn:" + partition + ":iam::" + ACCOUNT_ID + ":user/offline-preview",
                    "userId", "AIDAOFFLINEPREVIEW");
            case "aws:index/getPartition:getPartition" -> Map.<String, Object>of(
                    "id", partition, "partition", partition, "dnsSuffix", "amazonaws.com");
            default -> throw new UnsupportedOperationException(
                    "the offline engine does not answer the lookup " + token);
        };
    }
}
