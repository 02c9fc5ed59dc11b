package com.medialake.lambda.model;

import java.util.Optional;

/**
 * A function as this stack deploys it: its table row with the stack's overrides applied.
 *
 * @param name                   the table key, for example {@code search_api}
 * @param profile                the function type
 * @param description            set on the Lambda function
 * @param memoryMb               128-10240
 * @param timeoutSeconds         1-900
 * @param runtime                a Lambda runtime identifier, for example python3.12
 * @param architecture           x86_64 or arm64
 * @param attachment             VPC and EFS attachment, from the profile
 * @param snapStart              SnapStart on published versions
 * @param provisionedConcurrency warm instances on the {@code live} alias; 0 for none
 * @param reservedConcurrency    reserved concurrency, or null to draw from the unreserved pool
 * @param publish                publish a version and point the {@code live} alias at it
 * @param trigger                what invokes it
 * @param routeKey               its HTTP API route, for the HTTP API trigger
 * @param autoscaling            PC autoscaling and schedules, if configured
 * @param warmerRateMinutes      a scheduled warm-up invocation every so many minutes, if configured
 * @param efsReadOnly            an EFS function that may only read the shared directory
 * @param maximumConcurrency     for the queue consumer: the most concurrent invocations its SQS event source
 *                               starts (scalingConfig.maximumConcurrency), if bounded
 */
public record FunctionSettings(
        String name,
        FunctionProfile profile,
        String description,
        int memoryMb,
        int timeoutSeconds,
        String runtime,
        Architecture architecture,
        NetworkAttachment attachment,
        boolean snapStart,
        int provisionedConcurrency,
        Integer reservedConcurrency,
        boolean publish,
        Trigger trigger,
        String routeKey,
        Optional<Autoscaling> autoscaling,
        Optional<Integer> warmerRateMinutes,
        boolean efsReadOnly,
        Optional<Integer> maximumConcurrency) {

    public boolean hasProvisionedConcurrency() {
        return provisionedConcurrency > 0;
    }

    /** The most PC this function can hold: autoscaling's peak, else its fixed PC. */
    public int peakProvisionedConcurrency() {
        return Math.max(provisionedConcurrency, autoscaling.map(Autoscaling::peak).orElse(0));
    }

    /**
     * The most PC this function holds at once: while a deploy moves the live alias to a new version, the new
     * version's PC is allocated before the old version's is released, so a published PC function holds
     * twice its peak for the length of the deploy.
     */
    public long provisionedConcurrencyDuringVersionChange() {
        return publish ? 2L * peakProvisionedConcurrency() : peakProvisionedConcurrency();
    }

    /** What this function takes from the region's concurrency quota (reserved caps PC when both are set). */
    public long concurrencyTakenFromPool() {
        return reservedConcurrency != null ? reservedConcurrency : provisionedConcurrencyDuringVersionChange();
    }
}
