package com.medialake.lambda.rules;

/**
 * Every check on a stack's configuration, by the stable id its messages lead with. The README's table
 * "Rules checked before anything is registered" lists the same ids (a test holds the two together), and
 * every id is broken on purpose by a file of the invalid-config corpus or a test.
 */
public enum ConfigRule {
    // What the Pulumi CLI checks before the program runs (config.CliConfigMerge, config.ProjectConfig)
    CLI_REQUIRED_KEY("cli-required-key", "a key Pulumi.yaml declares without a default is set in the stack file"),
    CLI_TYPE("cli-type", "a key Pulumi.yaml declares with a type has a value of that type"),
    CLI_SECRET("cli-secret", "a key Pulumi.yaml declares secret is stored encrypted"),
    PROJECT_FILE("project-file", "Pulumi.yaml is there, readable and well-formed"),
    STACK_FILE("stack-file", "the stack file is there, UTF-8 text, and a map with a config: section (no ESC"
            + " environment imports)"),
    YAML_SYNTAX("yaml-syntax", "the stack file is YAML (the message gives the line)"),

    // How the configuration is read (config.SettingsParser, config.ConfigReader, config.FunctionSettingsParser)
    MISSING("missing", "a value the stack cannot go without is set (aws:region, a schedule's fields)"),
    WRONG_TYPE("wrong-type", "a value of the type and structure its key takes; numbers finite (no .nan, .inf)"),
    UNKNOWN_KEY("unknown-key", "no unknown key, with \"did you mean\""),
    UNKNOWN_NAMESPACE("unknown-namespace", "every key is in a namespace something reads"),
    UNKNOWN_FUNCTION("unknown-function", "functions are those of the function table"),
    NOT_AN_OPTION("not-an-option", "an enumerated value is one of its options (architecture, NAT gateway strategy)"),
    REGION_NAME("region-name", "aws:region is an AWS region name"),
    OFFLINE_REGION("offline-region", "the offline preview knows the region's AZ names (the real preview asks AWS)"),
    RUNTIME_DEPRECATED("runtime-deprecated", "no runtime AWS has deprecated"),
    RUNTIME_UNSUPPORTED("runtime-unsupported", "a runtime the Python handlers run on"),
    ALARM_EMAIL("alarm-email", "alarmEmail is an email address"),

    // The stack's values (rules.FleetRules; a provisionedConcurrencyTimeout that is no duration: the reader)
    LOG_RETENTION("log-retention", "logRetentionDays is a retention CloudWatch Logs accepts"),
    PC_TIMEOUT("pc-timeout", "provisionedConcurrencyTimeout is a duration of 1m-2h"),
    ACCOUNT_LIMIT("account-limit", "concurrency.accountLimit is at least the 100 AWS keeps unreserved"),

    // The network (rules.NetworkRules)
    CIDR_FORMAT("cidr-format", "network.cidr is an IPv4 CIDR block"),
    CIDR_SIZE("cidr-size", "network.cidr is a /16 to /24 (each AZ's two subnets are /prefix+4 blocks)"),
    CIDR_RESERVED("cidr-reserved", "network.cidr is not a block AWS does not assign to VPCs (link-local, loopback,"
            + " \"this network\", multicast, reserved)"),
    CIDR_HOST_BITS("cidr-host-bits", "network.cidr has no host bits set"),
    AZ_COUNT("az-count", "network.availabilityZones is 1-6, and no more than the region has (once AWS has answered)"),

    // A function (rules.FleetRules)
    MEMORY_RANGE("memory-range", "memory 128-10240 MB"),
    TIMEOUT_RANGE("timeout-range", "timeout 1-900 s"),
    API_TIMEOUT("api-timeout", "a function behind the HTTP API runs at most 30 s"),
    PC_NEGATIVE("pc-negative", "provisioned concurrency is 0 or more"),
    RESERVED_NEGATIVE("reserved-negative", "reserved concurrency is 0 or more"),
    PC_NEEDS_VERSION("pc-needs-version", "PC only on a published version (never $LATEST)"),
    VPC_PC_MEMORY("vpc-pc-memory", "VPC functions with PC have at least 512 MB"),
    RESERVED_BELOW_PC("reserved-below-pc", "reserved concurrency is at least the function's PC, twice it for a"
            + " published function (two versions hold PC during a deploy)"),
    CONCURRENCY_HEADROOM("concurrency-headroom", "PC (at its autoscaling peak, twice for published functions) and"
            + " reserved concurrency leave at least 100 of the region's quota unreserved (once Service Quotas has"
            + " answered; offline: concurrency.accountLimit)"),
    SNAPSTART_REGION("snapstart-region", "SnapStart only in regions that offer it (all commercial ones but Asia"
            + " Pacific (New Zealand) and (Taipei))"),
    SNAPSTART_SWITCHED_OFF("snapstart-switched-off", "SnapStart only where snapStartAllowed"),
    SNAPSTART_WITH_PC("snapstart-with-pc", "SnapStart not with PC"),
    SNAPSTART_WITH_EFS("snapstart-with-efs", "SnapStart not with EFS"),
    SNAPSTART_RUNTIME("snapstart-runtime", "SnapStart only on Java 11+, Python 3.12+, .NET 8+"),
    SNAPSTART_UNPUBLISHED("snapstart-unpublished", "SnapStart only on published versions"),
    QUEUE_CONCURRENCY_WITHOUT_QUEUE("queue-concurrency-without-queue", "maximumConcurrency only on the queue consumer"),
    QUEUE_CONCURRENCY_RANGE("queue-concurrency-range", "the queue's maximumConcurrency is 2-1000"),
    QUEUE_CONCURRENCY_ABOVE_RESERVED("queue-concurrency-above-reserved", "the queue's maximumConcurrency is no more"
            + " than reserved concurrency"),
    WARMER_WITH_PC("warmer-with-pc", "a warmer only without PC"),
    WARMER_RATE("warmer-rate", "a warmer every 1-60 minutes"),

    // Autoscaling of PC (rules.AutoscalingRules)
    AUTOSCALING_WITHOUT_PC("autoscaling-without-pc", "autoscaling only with PC"),
    AUTOSCALING_MIN("autoscaling-min", "autoscaling min is at least 1"),
    AUTOSCALING_MAX("autoscaling-max", "autoscaling max is at least min"),
    AUTOSCALING_PC_OUTSIDE("autoscaling-pc-outside", "provisionedConcurrency is within autoscaling's min-max"),
    AUTOSCALING_TARGET("autoscaling-target", "target utilization 0.1-0.9"),
    SCHEDULE_NAME("schedule-name", "schedule names unique, of letters, digits, - and _"),
    SCHEDULE_CRON("schedule-cron", "a schedule's cron is an AWS cron expression"),
    SCHEDULE_TIMEZONE("schedule-timezone", "a schedule's time zone is an IANA zone name"),
    SCHEDULE_MIN("schedule-min", "a schedule's min is at least 1"),
    SCHEDULE_MAX("schedule-max", "a schedule's max is at least its min");

    private final String id;
    private final String summary;

    ConfigRule(String id, String summary) {
        this.id = id;
        this.summary = summary;
    }

    public String id() {
        return id;
    }

    /** What the rule asks, in the words of the README's table. */
    public String summary() {
        return summary;
    }
}
