package com.medialake.lambda.cost;

/**
 * Lambda list prices of one region and architecture, USD per GB-second.
 *
 * @param provisionedConcurrency   holding PC, per GB-second configured, whether used or not
 * @param durationWhileProvisioned running on PC environments, per GB-second of duration
 * @param onDemandDuration         running on on-demand environments
 * @param confirmed                false where the price is derived rather than published (EU arm64)
 */
public record Price(double provisionedConcurrency, double durationWhileProvisioned, double onDemandDuration,
                    boolean confirmed) {
}
