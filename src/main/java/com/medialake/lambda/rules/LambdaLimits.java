package com.medialake.lambda.rules;

import java.util.List;
import java.util.Set;

/** Limits that AWS imposes (aws-lambda-facts.md) and the floors the strategy chose. Plain values, no SDK. */
public final class LambdaLimits {
    public static final int MIN_MEMORY_MB = 128;
    public static final int MAX_MEMORY_MB = 10_240;
    public static final int MIN_TIMEOUT_SECONDS = 1;
    public static final int MAX_TIMEOUT_SECONDS = 900;
    /** AWS keeps this much of the account quota unreserved. */
    public static final int MIN_UNRESERVED_CONCURRENCY = 100;
    /** The strategy's floor for VPC functions with provisioned concurrency: a policy choice, kept as a rule. */
    public static final int MIN_VPC_PC_MEMORY_MB = 512;
    /** Subnets are carved as /prefix+4 blocks, so the VPC block must leave room for /28 subnets. */
    public static final int MIN_VPC_PREFIX = 16;
    public static final int MAX_VPC_PREFIX = 24;
    public static final int MAX_AVAILABILITY_ZONES = 6;
    /** API Gateway HTTP APIs wait at most this long for an integration (HTTP API quotas). */
    public static final int MAX_HTTP_API_INTEGRATION_SECONDS = 30;
    /** An SQS event source's scalingConfig.maximumConcurrency (Lambda API, ScalingConfig: 2 to 1000). */
    public static final int MIN_SQS_MAXIMUM_CONCURRENCY = 2;
    public static final int MAX_SQS_MAXIMUM_CONCURRENCY = 1000;
    /**
     * Regions without SnapStart: "Lambda SnapStart is available in all commercial Regions except Asia Pacific
     * (New Zealand) and Asia Pacific (Taipei)" (snapstart.html, Supported Regions); GovCloud and China are not
     * commercial Regions.
     */
    public static final Set<String> REGIONS_WITHOUT_SNAPSTART = Set.of("ap-southeast-6", "ap-east-2");
    /** Target tracking on PC utilization: CDK checks the same bounds. */
    public static final double MIN_TARGET_UTILIZATION = 0.1;
    public static final double MAX_TARGET_UTILIZATION = 0.9;
    /** Runtimes on which AWS offers SnapStart (Java 11+, Python 3.12+, .NET 8+). */
    public static final Set<String> SNAPSTART_RUNTIMES =
            Set.of("java11", "java17", "java21", "python3.12", "python3.13", "python3.14", "dotnet8");
    /** Supported runtimes the Python handlers in handlers/ can run on. */
    public static final List<String> PYTHON_RUNTIMES = List.of("python3.11", "python3.12", "python3.13", "python3.14");
    /**
     * Python runtimes AWS has deprecated, with the date ("Deprecated runtimes" in lambda-runtimes.html, as
     * cfn-lint's LmbdRuntimeLifecycle.json records it): no security patches, and creation blocked soon after.
     */
    public static final java.util.Map<String, String> DEPRECATED_PYTHON_RUNTIMES = java.util.Map.of(
            "python3.8", "2024-10-14", "python3.9", "2025-12-15", "python3.10", "2026-10-31");
    /** Values CloudWatch Logs accepts for a log group's retention. */
    public static final List<Integer> LOG_RETENTION_DAYS = List.of(
            1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653);

    /** How long a deploy waits for a PC config to be ready: what this program accepts (the provider's
     * create timeout; capacity-constrained regions need tens of minutes, more than 2 h hides a stuck deploy). */
    public static final java.time.Duration MIN_PC_TIMEOUT = java.time.Duration.ofMinutes(1);
    public static final java.time.Duration MAX_PC_TIMEOUT = java.time.Duration.ofHours(2);

    private LambdaLimits() {
    }
}
