package com.medialake.lambda.config;

import java.util.List;

/**
 * Every configuration key, once: its path, what it takes, its default and what it sets. README's
 * "Configuration reference" is this table rendered ({@code ReadmeTest} holds them equal), the parser's known keys
 * are derived from it ({@link #childrenOf}), and Pulumi.yaml's config: block declares exactly its top-level keys
 * ({@code ProjectFileTest}). A new key is a row here, its parsing, and its rule.
 */
public enum ConfigKey {
    REGION("aws:region", "string",
            "required",
            "the region this stack deploys to"),
    NETWORK_CIDR("network.cidr",
            "IPv4 CIDR, /16 to /24, not in 0.0.0.0/8, 127.0.0.0/8, 169.254.0.0/16, 224.0.0.0/4 or 240.0.0.0/4",
            "`10.0.0.0/16`",
            "the VPC block; each AZ gets a public `/prefix+4` block from index 0 and a private one from index 8"),
    NETWORK_AVAILABILITY_ZONES("network.availabilityZones", "integer 1-6",
            "`3`",
            "AZs with subnets, taken in order from the AZs AWS lists for the region; more than the region has is an "
                    + "error"),
    NETWORK_NAT_GATEWAYS("network.natGateways", "`onePerAz`, `single`, `none`",
            "`onePerAz`",
            "a NAT per AZ, one for all (cheaper, single point of failure), or none (private subnets reach only S3 "
                    + "and DynamoDB, through the gateway endpoints)"),
    CONCURRENCY_ACCOUNT_LIMIT("concurrency.accountLimit", "integer ≥ 100",
            "`1000`",
            "the region's account concurrency quota as the stack expects it; offline it stands in for Service "
                    + "Quotas, under the CLI the real quota decides. PC (twice for published functions) plus reserved "
                    + "concurrency over all functions must leave at least 100 unreserved"),
    SNAP_START_ALLOWED("snapStartAllowed", "boolean",
            "`true`",
            "whether any function in this region may enable SnapStart"),
    PROVISIONED_CONCURRENCY_TIMEOUT("provisionedConcurrencyTimeout", "duration `1h`, `30m`, `1h30m`, 1m-2h",
            "`15m`",
            "create and update timeouts of the PC configs (capacity-constrained regions stabilize slower)"),
    LOG_RETENTION_DAYS("logRetentionDays", "one of CloudWatch's values (1, 3, 5, 7, 14, 30, 60, 90, ...)",
            "`30`",
            "retention of every function's log group"),
    FUNCTION_MEMORY_MB("functions.<name>.memoryMb", "integer 128-10240",
            "the table's",
            "memory"),
    FUNCTION_TIMEOUT_SECONDS("functions.<name>.timeoutSeconds", "integer 1-900; at most 30 behind the HTTP API",
            "`29` for the API functions, else `300`",
            "timeout; the HTTP API's integration waits as long (the API allows 30 s at most)"),
    FUNCTION_PROVISIONED_CONCURRENCY("functions.<name>.provisionedConcurrency",
            "integer ≥ 0; with schedules, the highest schedule `min`",
            "the table's",
            "warm instances on the published version the `live` alias points to, and what a new version starts at; "
                    + "0 for none"),
    FUNCTION_RESERVED_CONCURRENCY("functions.<name>.reservedConcurrency", "integer ≥ 0",
            "unset",
            "reserved concurrency; counts against the quota instead of PC; must be ≥ twice the PC (at its "
                    + "autoscaling peak) of a published function, which holds PC on two versions during a deploy"),
    FUNCTION_MAXIMUM_CONCURRENCY("functions.<name>.maximumConcurrency", "integer 2-1000, ≤ reservedConcurrency",
            "the reserved concurrency, for the queue consumer",
            "the most concurrent invocations the SQS event source starts (`scalingConfig.maximumConcurrency`); only "
                    + "for `upload_part`"),
    FUNCTION_SNAP_START("functions.<name>.snapStart", "boolean",
            "`false`",
            "SnapStart on published versions"),
    FUNCTION_ARCHITECTURE("functions.<name>.architecture", "`x86_64`, `arm64`",
            "`x86_64`",
            "instruction set"),
    FUNCTION_RUNTIME("functions.<name>.runtime", "`python3.11` to `python3.14`",
            "`python3.12`",
            "runtime (the handlers are Python); runtimes AWS has deprecated (3.8, 3.9, 3.10) are refused with their "
                    + "date"),
    FUNCTION_PUBLISH("functions.<name>.publish", "boolean",
            "`true` with PC or SnapStart, else `false`",
            "publish a version and point the `live` alias at it"),
    FUNCTION_AUTOSCALING_MIN("functions.<name>.autoscaling.min", "integer ≥ 1, ≤ provisionedConcurrency",
            "`1`",
            "bounds of Application Auto Scaling on the published version, where there are no schedules (with "
                    + "schedules, the schedules set the bounds of every hour); PC must be set. Between deploys autoscaling "
                    + "owns the value; a deploy registers nothing from the old version's state ([PC as AWS runs "
                    + "it](#provisioned-concurrency-as-aws-runs-it))"),
    FUNCTION_AUTOSCALING_MAX("functions.<name>.autoscaling.max", "integer ≥ min, ≥ provisionedConcurrency",
            "the function's PC",
            "the most PC target tracking may set where there are no schedules"),
    FUNCTION_AUTOSCALING_TARGET_UTILIZATION("functions.<name>.autoscaling.targetUtilization",
            "number 0.1-0.9 (a number, or a decimal as text as `--path` writes it)",
            "`0.7`",
            "target tracking on the version's `ProvisionedConcurrencyUtilization`, `Maximum`"),
    FUNCTION_AUTOSCALING_SCHEDULES("functions.<name>.autoscaling.schedules[]",
            "list of `name`, `cron`, `timezone`, `min`, `max`",
            "none",
            "the bounds from then on, until the next schedule fires (around the week). `cron` is AWS's 6-field form "
                    + "(`0 8 ? * MON-FRI *`, with or without `cron(...)`), weekly (day-of-month `?` or `*`, month and year "
                    + "`*`), at one minute 0-54 shared by the function's schedules; `timezone` an IANA zone name such as "
                    + "`Europe/Dublin` (default `UTC`; offsets such as `+01:00` are refused, as Application Auto Scaling "
                    + "refuses them), one per function; `min` ≥ 1. Registered as hourly clamp and reopen actions that hold "
                    + "each level ([PC as AWS runs it](#provisioned-concurrency-as-aws-runs-it))"),
    FUNCTION_SCHEDULE_NAME("functions.<name>.autoscaling.schedules[].name", "letters, digits, `-` and `_`, unique",
            "required",
            "part of the scheduled actions' names"),
    FUNCTION_SCHEDULE_CRON("functions.<name>.autoscaling.schedules[].cron", "AWS cron, weekly, at one minute 0-54",
            "required",
            "when the schedule's bounds start"),
    FUNCTION_SCHEDULE_TIMEZONE("functions.<name>.autoscaling.schedules[].timezone",
            "IANA zone name, one per function",
            "`UTC`",
            "the zone the cron runs in"),
    FUNCTION_SCHEDULE_MIN("functions.<name>.autoscaling.schedules[].min", "integer ≥ 1",
            "required",
            "the floor from then on"),
    FUNCTION_SCHEDULE_MAX("functions.<name>.autoscaling.schedules[].max", "integer ≥ min",
            "required",
            "the ceiling from then on"),
    FUNCTION_WARMER_RATE_MINUTES("functions.<name>.warmer.rateMinutes", "integer 1-60",
            "`5`",
            "a scheduled warm-up invocation of the invoke target; not on PC functions"),
    HTTP_API_ENABLED("httpApiEnabled", "boolean",
            "`true`",
            "the HTTP API in front of `collections_api` (`ANY /collections/{proxy+}`), `search_api` (`ANY "
                    + "/search`), `assets_get` (`GET /assets/{id}`)"),
    ALARM_EMAIL("alarmEmail", "email address, preferably `--secret`",
            "`\"\"` (none)",
            "subscribes the address to the alarm topic; always registered as a secret, shown as `[secret]`"),
    COST_NAT_GB("costAssumptions.natGbPerMonth", "number ≥ 0",
            "`0` (not estimated)",
            "GB a month through the NAT gateways, priced per GB processed (see [What a stack costs](#what-a-stack-costs))"),
    COST_EFS_STORAGE_GB("costAssumptions.efsStorageGb", "number ≥ 0",
            "`0` (not estimated)",
            "GB stored on the shared file system, on average over the month"),
    COST_EFS_READ_GB("costAssumptions.efsReadGbPerMonth", "number ≥ 0",
            "`0` (not estimated)",
            "GB a month read from the file system (elastic throughput)"),
    COST_EFS_WRITE_GB("costAssumptions.efsWriteGbPerMonth", "number ≥ 0",
            "`0` (not estimated)",
            "GB a month written to the file system (elastic throughput)"),
    COST_LOG_INGESTION_GB("costAssumptions.logIngestionGbPerMonth", "number ≥ 0",
            "`0` (not estimated)",
            "GB a month the functions write to their log groups (ingested, then stored for `logRetentionDays`)"),
    COST_FLOW_LOG_GB("costAssumptions.flowLogGbPerMonth", "number ≥ 0",
            "`0` (not estimated)",
            "GB a month of VPC flow log records delivered to their log group"),
    COST_SQS_REQUESTS("costAssumptions.sqsRequestsPerMonth", "number ≥ 0",
            "`0` (not estimated)",
            "API requests a month on the bulk-download queue and its dead-letter queue (the consumer's polling included)");

    private final String path;
    private final String type;
    private final String defaultValue;
    private final String description;

    ConfigKey(String path, String type, String defaultValue, String description) {
        this.path = path;
        this.type = type;
        this.defaultValue = defaultValue;
        this.description = description;
    }

    /** As README writes it: functions.&lt;name&gt;.memoryMb. */
    public String path() {
        return path;
    }

    /** Its default as README shows it. */
    public String defaultValue() {
        return defaultValue;
    }

    /** README's row for the key. */
    public String readmeRow() {
        return "| `" + path + "` | " + type + " | " + defaultValue + " | " + description + " |";
    }

    /**
     * The keys directly under a parent path, in this table's order: {@code childrenOf("")} are the project's
     * top-level keys, {@code childrenOf("functions.<name>")} a function's.
     */
    public static List<String> childrenOf(String parent) {
        String prefix = parent.isEmpty() ? "" : parent + ".";
        return java.util.Arrays.stream(values()).map(ConfigKey::path)
                .filter(p -> p.startsWith(prefix) && !p.contains(":"))
                .map(p -> p.substring(prefix.length()))
                .map(p -> p.split("[.\\[]")[0])
                .filter(p -> !p.isEmpty() && !p.equals("<name>"))
                .distinct().toList();
    }
}
