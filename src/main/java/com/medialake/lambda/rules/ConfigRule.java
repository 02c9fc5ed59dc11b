package com.medialake.lambda.rules;

/**
 * Every check on a stack's configuration, by the stable id its messages lead with. The README's table
 * "Rules checked before anything is registered" lists the same ids (a test holds the two together), and
 * every id is broken on purpose by a file of the invalid-config corpus or a test.
 */
public enum ConfigRule {
    // What the Pulumi CLI checks before the program runs (config.CliConfigMerge, config.ProjectConfig)
    CLI_REQUIRED_KEY("a key Pulumi.yaml declares without a default is set in the stack file"),
    CLI_TYPE("a key Pulumi.yaml declares with a type has a value of that type"),
    CLI_SECRET("a key Pulumi.yaml declares secret is stored encrypted"),
    PROJECT_FILE("Pulumi.yaml is there, readable and well-formed"),
    STACK_FILE("the stack file is there, UTF-8 text, and a map with a config: section (no ESC"
            + " environment imports)"),
    YAML_SYNTAX("the stack file is YAML (the message gives the line)"),

    // How the configuration is read (config.SettingsParser, config.ConfigReader, config.FunctionSettingsParser)
    MISSING("a value the stack cannot go without is set (aws:region, a schedule's fields)"),
    WRONG_TYPE("a value of the type and structure its key takes; numbers finite (no .nan, .inf)"),
    UNKNOWN_KEY("no unknown key, with \"did you mean\""),
    UNKNOWN_NAMESPACE("every key is in a namespace something reads"),
    UNKNOWN_FUNCTION("functions are those of the function table"),
    NOT_AN_OPTION("an enumerated value is one of its options (architecture, NAT gateway strategy)"),
    REGION_NAME("aws:region is an AWS region name"),
    OFFLINE_REGION("the offline preview knows the region's AZ names (the real preview asks AWS)"),
    RUNTIME_DEPRECATED("no runtime AWS has deprecated"),
    RUNTIME_UNSUPPORTED("a runtime the Python handlers run on"),
    ALARM_EMAIL("alarmEmail is an email address"),

    // The stack's values (rules.FleetRules; a provisionedConcurrencyTimeout that is no duration: the reader)
    LOG_RETENTION("logRetentionDays is a retention CloudWatch Logs accepts"),
    PC_TIMEOUT("provisionedConcurrencyTimeout is a duration of 1m-2h"),
    ACCOUNT_LIMIT("concurrency.accountLimit is at least the 100 AWS keeps unreserved"),

    // The network (rules.NetworkRules)
    CIDR_FORMAT("network.cidr is an IPv4 CIDR block"),
    CIDR_SIZE("network.cidr is a /16 to /24 (each AZ's two subnets are /prefix+4 blocks)"),
    CIDR_RESERVED("network.cidr is not a block AWS does not assign to VPCs (link-local, loopback,"
            + " \"this network\", multicast, reserved)"),
    CIDR_HOST_BITS("network.cidr has no host bits set"),
    AZ_COUNT("network.availabilityZones is 1-6, and no more than the region has (once AWS has answered)"),

    // A function (rules.FleetRules)
    MEMORY_RANGE("memory 128-10240 MB"),
    TIMEOUT_RANGE("timeout 1-900 s"),
    API_TIMEOUT("a function behind the HTTP API runs at most 30 s"),
    PC_NEGATIVE("provisioned concurrency is 0 or more"),
    COST_ASSUMPTION_NEGATIVE("a cost assumption is 0 or more"),
    RESERVED_NEGATIVE("reserved concurrency is 0 or more"),
    PC_NEEDS_VERSION("PC only on a published version (never $LATEST)"),
    VPC_PC_MEMORY("VPC functions with PC have at least 512 MB"),
    RESERVED_BELOW_PC("reserved concurrency is at least the function's PC, twice it for a"
            + " published function (two versions hold PC during a deploy)"),
    CONCURRENCY_HEADROOM("PC (at its autoscaling peak, twice for published functions) and"
            + " reserved concurrency leave at least 100 of the region's quota unreserved (once Service Quotas has"
            + " answered; offline: concurrency.accountLimit)"),
    SNAPSTART_REGION("SnapStart only in regions that offer it (all commercial ones but Asia"
            + " Pacific (New Zealand) and (Taipei))"),
    SNAPSTART_SWITCHED_OFF("SnapStart only where snapStartAllowed"),
    SNAPSTART_WITH_PC("SnapStart not with PC"),
    SNAPSTART_WITH_EFS("SnapStart not with EFS"),
    SNAPSTART_RUNTIME("SnapStart only on Java 11+, Python 3.12+, .NET 8+"),
    SNAPSTART_UNPUBLISHED("SnapStart only on published versions"),
    QUEUE_CONCURRENCY_WITHOUT_QUEUE("maximumConcurrency only on the queue consumer"),
    QUEUE_CONCURRENCY_RANGE("the queue's maximumConcurrency is 2-1000"),
    QUEUE_CONCURRENCY_ABOVE_RESERVED("the queue's maximumConcurrency is no more"
            + " than reserved concurrency"),
    WARMER_WITH_PC("a warmer only without PC"),
    WARMER_RATE("a warmer every 1-60 minutes"),

    // Autoscaling of PC (rules.AutoscalingRules)
    AUTOSCALING_WITHOUT_PC("autoscaling only with PC"),
    AUTOSCALING_MIN("autoscaling min is at least 1"),
    AUTOSCALING_MAX("autoscaling max is at least min"),
    AUTOSCALING_PC_OUTSIDE("provisionedConcurrency is within autoscaling's min-max"),
    AUTOSCALING_TARGET("target utilization 0.1-0.9"),
    SCHEDULE_NAME("schedule names unique, of letters, digits, - and _"),
    SCHEDULE_CRON("a schedule's cron is an AWS cron expression"),
    SCHEDULE_TIMEZONE("a schedule's time zone is an IANA zone name"),
    SCHEDULE_MIN("a schedule's min is at least 1"),
    SCHEDULE_MAX("a schedule's max is at least its min"),
    SCHEDULE_WEEKLY("a schedule repeats every week: day-of-month ? or *, month and year *, no # or L in the days"),
    SCHEDULE_MINUTE("a function's schedules fire at one minute of the hour, 0-54 (the clamp's reopen comes 5"
            + " minutes later)"),
    SCHEDULE_ZONES("a function's schedules share one time zone"),
    SCHEDULE_COLLISION("no two schedules of a function fire at the same time"),
    AUTOSCALING_START("with schedules, provisionedConcurrency is the highest schedule min: the level a new"
            + " version starts at"),
    SCHEDULE_QUOTA("the scheduled actions registered for a function fit Application Auto Scaling's 200 per"
            + " scalable target");

    private final String summary;

    ConfigRule(String summary) {
        this.summary = summary;
    }

    /** The stable id: the name in lower case with dashes (MEMORY_RANGE is memory-range). */
    public String id() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }

    /** What the rule asks, in the words of the README's table. */
    public String summary() {
        return summary;
    }
}
