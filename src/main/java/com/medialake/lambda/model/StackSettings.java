package com.medialake.lambda.model;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Everything one stack deploys, parsed and validated once. The infrastructure code reads only this.
 *
 * @param project                        the Pulumi project, medialake-lambda
 * @param stack                          the stack name, which is the region name in this project
 * @param origin                         where the config came from, for messages (a stack file name)
 * @param region                         aws:region
 * @param network                        the VPC
 * @param accountConcurrencyLimit        the region's account concurrency quota
 * @param snapStartAllowed               whether functions in this region may use SnapStart
 * @param provisionedConcurrencyTimeout  how long a PC config may take to become ready
 * @param logRetentionDays               CloudWatch Logs retention of every function's log group
 * @param functions                      the fleet, sorted by name
 * @param httpApiEnabled                 whether the stack has the HTTP API in front of the API functions
 * @param alarmEmail                     an address subscribed to the alarm topic, if any (a secret)
 */
public record StackSettings(
        String project,
        String stack,
        String origin,
        String region,
        NetworkSettings network,
        int accountConcurrencyLimit,
        boolean snapStartAllowed,
        Duration provisionedConcurrencyTimeout,
        int logRetentionDays,
        List<FunctionSettings> functions,
        boolean httpApiEnabled,
        Optional<String> alarmEmail,
        CostAssumptions costAssumptions) {

    public static final String PROJECT = "medialake-lambda";
    public static final int DEFAULT_ACCOUNT_CONCURRENCY_LIMIT = 1000;
    public static final boolean DEFAULT_SNAP_START_ALLOWED = true;
    public static final String DEFAULT_PROVISIONED_CONCURRENCY_TIMEOUT = "15m";
    public static final int DEFAULT_LOG_RETENTION_DAYS = 30;
    public static final boolean DEFAULT_HTTP_API_ENABLED = true;

    public StackSettings {
        functions = List.copyOf(functions);
    }

    /** A duration as the config writes it (15m, 1h30m), the form provisionedConcurrencyTimeout takes. */
    public static String durationText(Duration d) {
        return d.toString().substring(2).toLowerCase(java.util.Locale.ROOT);
    }

    public boolean anyEfsFunction() {
        return functions.stream().anyMatch(f -> f.attachment().mountsEfs());
    }
}
