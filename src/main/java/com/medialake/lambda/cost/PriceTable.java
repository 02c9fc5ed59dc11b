package com.medialake.lambda.cost;

import com.medialake.lambda.model.Architecture;
import java.util.Map;
import java.util.Optional;

/**
 * List prices, kept in one place so they can be updated: Lambda's GB-seconds (the AWS pricing calculator feed, as
 * recorded in aws-lambda-facts.md; SOURCE and AS_OF) and every other meter the stacks are billed on, each with the
 * page or price-list file it was read from and its date. A region or meter missing here is "not estimated" in the
 * preview, never a silent 0.
 */
public final class PriceTable {
    public static final String SOURCE = "AWS Lambda list prices from the pricing calculator feed";
    public static final String AS_OF = "2026-11";
    /** arm64 is priced at 0.8x x86_64; AWS publishes it for us-east-1, EU arm64 PC is not confirmed. */
    private static final double ARM64_FACTOR = 0.8;

    private static final Map<String, Price> X86_64 = Map.of(
            "us-east-1", new Price(0.0000041667, 0.0000097222, 0.0000166667, true),
            "eu-west-1", new Price(0.0000046460, 0.0000108407, 0.0000166667, true),
            "eu-west-2", new Price(0.0000048304, 0.0000112709, 0.0000166667, true));
    private static final Map<String, Boolean> ARM64_PUBLISHED = Map.of("us-east-1", true);

    /** The AWS Price List bulk offer files, as the snapshot of 2026-09-06 (mooncitizen/togen prices/aws.json) holds them. */
    private static final String OFFER_FILES = "AWS Price List bulk offer files, versions of 2026-08-31 to 2026-09-04";
    private static final String CLOUDWATCH_EU_WEST_1 = "AWS Price List, AmazonCloudWatch eu-west-1, published 2026-09-22";
    private static final String CLOUDWATCH_EU_WEST_2 = "AWS Price List, AmazonCloudWatch eu-west-2 (EUW2-DataProcessing-Bytes,"
            + " EUW2-TimedStorage-ByteHrs, EUW2-CW:AlarmMonitorUsage, EUW2-CW:MetricMonitorUsage), 2026";
    private static final String CLOUDWATCH_PAGE = "aws.amazon.com/cloudwatch/pricing, 2026-06";
    private static final String EFS_PAGE = "aws.amazon.com/efs/pricing (us-east-1), 2026-06";

    private static final Map<String, Map<Meter, UnitPrice>> METERS = Map.of(
            "us-east-1", prices(
                    price(Meter.NAT_GATEWAY_HOUR, 0.045, OFFER_FILES + ", AmazonEC2 NatGateway-Hours"),
                    price(Meter.NAT_GATEWAY_GB, 0.045, OFFER_FILES + ", AmazonEC2 NatGateway-Bytes"),
                    price(Meter.PUBLIC_IPV4_HOUR, 0.005, OFFER_FILES + ", AmazonVPC PublicIPv4:InUseAddress"),
                    price(Meter.ALARM_MONTH, 0.10, CLOUDWATCH_PAGE),
                    price(Meter.DASHBOARD_MONTH, 3.00, CLOUDWATCH_PAGE),
                    price(Meter.CUSTOM_METRIC_MONTH, 0.30, CLOUDWATCH_PAGE),
                    price(Meter.LOG_INGESTION_GB, 0.50, CLOUDWATCH_PAGE),
                    price(Meter.LOG_STORAGE_GB_MONTH, 0.03, CLOUDWATCH_PAGE),
                    price(Meter.EFS_STORAGE_GB_MONTH, 0.30, EFS_PAGE),
                    price(Meter.EFS_READ_GB, 0.03, EFS_PAGE),
                    price(Meter.EFS_WRITE_GB, 0.06, EFS_PAGE),
                    price(Meter.LAMBDA_REQUEST, 0.0000002, OFFER_FILES + ", AWSLambda Request"),
                    price(Meter.HTTP_API_REQUEST, 0.000001, OFFER_FILES + ", AmazonApiGateway USE1-ApiGatewayHttpRequest"),
                    price(Meter.SQS_REQUEST, 0.0000004, OFFER_FILES + ", AWSQueueService Standard")),
            "eu-west-1", prices(
                    price(Meter.NAT_GATEWAY_HOUR, 0.048, OFFER_FILES + ", AmazonEC2 EU-NatGateway-Hours"),
                    price(Meter.NAT_GATEWAY_GB, 0.048, OFFER_FILES + ", AmazonEC2 EU-NatGateway-Bytes"),
                    price(Meter.PUBLIC_IPV4_HOUR, 0.005, OFFER_FILES + ", AmazonVPC EU-PublicIPv4:InUseAddress"),
                    price(Meter.ALARM_MONTH, 0.10, CLOUDWATCH_EU_WEST_1),
                    price(Meter.DASHBOARD_MONTH, 3.00, CLOUDWATCH_PAGE),
                    price(Meter.CUSTOM_METRIC_MONTH, 0.30, CLOUDWATCH_PAGE),
                    price(Meter.LOG_INGESTION_GB, 0.57, CLOUDWATCH_EU_WEST_1),
                    price(Meter.LOG_STORAGE_GB_MONTH, 0.03, CLOUDWATCH_EU_WEST_1),
                    price(Meter.LAMBDA_REQUEST, 0.0000002, "AWS Price List, AWSLambda eu-west-1, published 2026-10-01"),
                    price(Meter.HTTP_API_REQUEST, 0.00000111, OFFER_FILES + ", AmazonApiGateway EU-ApiGatewayHttpRequest"),
                    price(Meter.SQS_REQUEST, 0.0000004, "AWS Price List, AWSQueueService eu-west-1, published 2026-09-11")),
            "eu-west-2", prices(
                    price(Meter.NAT_GATEWAY_HOUR, 0.05, OFFER_FILES + ", AmazonEC2 EUW2-NatGateway-Hours"),
                    price(Meter.NAT_GATEWAY_GB, 0.05, OFFER_FILES + ", AmazonEC2 EUW2-NatGateway-Bytes"),
                    price(Meter.PUBLIC_IPV4_HOUR, 0.005, OFFER_FILES + ", AmazonVPC EUW2-PublicIPv4:InUseAddress"),
                    price(Meter.ALARM_MONTH, 0.10, CLOUDWATCH_EU_WEST_2),
                    price(Meter.DASHBOARD_MONTH, 3.00, CLOUDWATCH_PAGE),
                    price(Meter.CUSTOM_METRIC_MONTH, 0.30, CLOUDWATCH_EU_WEST_2),
                    price(Meter.LOG_INGESTION_GB, 0.5985, CLOUDWATCH_EU_WEST_2),
                    price(Meter.LOG_STORAGE_GB_MONTH, 0.0315, CLOUDWATCH_EU_WEST_2),
                    price(Meter.LAMBDA_REQUEST, 0.0000002, OFFER_FILES + ", AWSLambda EUW2-Request"),
                    price(Meter.HTTP_API_REQUEST, 0.00000116, OFFER_FILES + ", AmazonApiGateway EUW2-ApiGatewayHttpRequest"),
                    price(Meter.SQS_REQUEST, 0.0000004, OFFER_FILES + ", AWSQueueService Standard")));

    private PriceTable() {
    }

    /**
     * The list price of a meter in a region; empty where this table does not have it (EFS outside us-east-1: no
     * price list at hand confirmed it), so the bill says it is not estimated.
     */
    public static Optional<UnitPrice> of(String region, Meter meter) {
        return Optional.ofNullable(METERS.getOrDefault(region, Map.of()).get(meter));
    }

    private static UnitPrice price(Meter meter, double usd, String source) {
        return new UnitPrice(meter, usd, source);
    }

    private static Map<Meter, UnitPrice> prices(UnitPrice... prices) {
        var map = new java.util.EnumMap<Meter, UnitPrice>(Meter.class);
        for (var p : prices) {
            map.put(p.meter(), p);
        }
        return java.util.Collections.unmodifiableMap(map);
    }

    /** Empty for a region the table does not have: the preview then says so instead of guessing. */
    public static Optional<Price> price(String region, Architecture architecture) {
        Price x86 = X86_64.get(region);
        if (x86 == null || architecture == Architecture.X86_64) {
            return Optional.ofNullable(x86);
        }
        return Optional.of(new Price(x86.provisionedConcurrency() * ARM64_FACTOR,
                x86.durationWhileProvisioned() * ARM64_FACTOR, x86.onDemandDuration() * ARM64_FACTOR,
                ARM64_PUBLISHED.getOrDefault(region, false)));
    }
}
