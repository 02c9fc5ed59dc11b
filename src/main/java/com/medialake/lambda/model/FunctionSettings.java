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

    /** The folder under handlers/ with its handler.py: the three HTTP APIs share one placeholder, "api". */
    public String handlerFolder() {
        return trigger == Trigger.HTTP_API ? "api" : name;
    }

    /**
     * What its PC's scalable target is told, hour by hour: its schedules compiled as Application Auto Scaling must
     * get them, or its fixed PC. The one computation the autoscaling, the rules, the cost and the replay share.
     */
    public WeeklyCapacity weeklyCapacity() {
        return autoscaling.map(a -> WeeklyCapacity.of(a, provisionedConcurrency))
                .orElseGet(() -> WeeklyCapacity.fixed(provisionedConcurrency));
    }

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

    /**
     * Settings by name, starting from the profile's defaults (its memory and network attachment, the default
     * timeout, runtime and architecture, no PC, not published), as AWS CDK's FunctionProps are given: only
     * what differs is said.
     */
    public static Builder builder(String name, FunctionProfile profile) {
        return new Builder(name, profile);
    }

    /** Named fields for {@link FunctionSettings}; {@link #build()} makes the immutable record. */
    public static final class Builder {
        private final String name;
        private final FunctionProfile profile;
        private String description = "";
        private int memoryMb;
        private int timeoutSeconds = FunctionProfile.DEFAULT_TIMEOUT_SECONDS;
        private String runtime = FunctionProfile.DEFAULT_RUNTIME;
        private Architecture architecture = FunctionProfile.DEFAULT_ARCHITECTURE;
        private boolean snapStart;
        private int provisionedConcurrency;
        private Integer reservedConcurrency;
        private boolean publish;
        private Trigger trigger = Trigger.DIRECT;
        private String routeKey;
        private Optional<Autoscaling> autoscaling = Optional.empty();
        private Optional<Integer> warmerRateMinutes = Optional.empty();
        private boolean efsReadOnly;
        private Optional<Integer> maximumConcurrency = Optional.empty();

        private Builder(String name, FunctionProfile profile) {
            this.name = name;
            this.profile = profile;
            this.memoryMb = profile.memoryMb();
        }

        public Builder description(String value) {
            description = value;
            return this;
        }

        public Builder memoryMb(int value) {
            memoryMb = value;
            return this;
        }

        public Builder timeoutSeconds(int value) {
            timeoutSeconds = value;
            return this;
        }

        public Builder runtime(String value) {
            runtime = value;
            return this;
        }

        public Builder architecture(Architecture value) {
            architecture = value;
            return this;
        }

        public Builder snapStart(boolean value) {
            snapStart = value;
            return this;
        }

        public Builder provisionedConcurrency(int value) {
            provisionedConcurrency = value;
            return this;
        }

        /** Null for none: the function draws from the unreserved pool. */
        public Builder reservedConcurrency(Integer value) {
            reservedConcurrency = value;
            return this;
        }

        public Builder publish(boolean value) {
            publish = value;
            return this;
        }

        public Builder trigger(Trigger value, String routeKey) {
            this.trigger = value;
            this.routeKey = routeKey;
            return this;
        }

        public Builder autoscaling(Optional<Autoscaling> value) {
            autoscaling = value;
            return this;
        }

        public Builder warmerRateMinutes(Optional<Integer> value) {
            warmerRateMinutes = value;
            return this;
        }

        public Builder efsReadOnly(boolean value) {
            efsReadOnly = value;
            return this;
        }

        public Builder maximumConcurrency(Optional<Integer> value) {
            maximumConcurrency = value;
            return this;
        }

        public FunctionSettings build() {
            return new FunctionSettings(name, profile, description, memoryMb, timeoutSeconds, runtime, architecture,
                    profile.attachment(), snapStart, provisionedConcurrency, reservedConcurrency, publish, trigger,
                    routeKey, autoscaling, warmerRateMinutes, efsReadOnly, maximumConcurrency);
        }
    }
}
