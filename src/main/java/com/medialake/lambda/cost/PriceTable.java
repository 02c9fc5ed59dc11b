package com.medialake.lambda.cost;

import com.medialake.lambda.model.Architecture;
import java.util.Map;
import java.util.Optional;

/**
 * Lambda list prices, kept in one place so they can be updated. Source: the AWS pricing calculator feed,
 * as recorded in aws-lambda-facts.md; update SOURCE and AS_OF with the numbers.
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

    private PriceTable() {
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
