package com.medialake.lambda.config;

import com.google.gson.JsonObject;
import com.medialake.lambda.model.Cidr;
import com.medialake.lambda.model.CostAssumptions;
import com.medialake.lambda.model.FunctionSettings;
import com.medialake.lambda.model.FunctionTable;
import com.medialake.lambda.model.NatGatewayStrategy;
import com.medialake.lambda.model.NetworkSettings;
import com.medialake.lambda.model.StackSettings;
import com.medialake.lambda.rules.ConfigRule;
import com.medialake.lambda.rules.FleetRules;
import com.medialake.lambda.rules.Problem;
import com.medialake.lambda.rules.Suggestions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Turns a stack's configuration into {@link StackSettings}: types and structure first, then the fleet
 * rules. Every problem is collected, so one run lists everything to fix; any problem means no settings.
 */
public final class SettingsParser {
    public static final String NAMESPACE = StackSettings.PROJECT;
    public static final String REGION_KEY = "aws:region";

    /** The keys the parser knows, each level from the one table of keys (ConfigKey), which README renders. */
    public static final List<String> KEYS = ConfigKey.childrenOf("");
    public static final List<String> NETWORK_KEYS = ConfigKey.childrenOf("network");
    public static final List<String> CONCURRENCY_KEYS = ConfigKey.childrenOf("concurrency");
    public static final List<String> FUNCTION_KEYS = ConfigKey.childrenOf("functions.<name>");
    public static final List<String> AUTOSCALING_KEYS = ConfigKey.childrenOf("functions.<name>.autoscaling");
    public static final List<String> SCHEDULE_KEYS = ConfigKey.childrenOf("functions.<name>.autoscaling.schedules[]");
    public static final List<String> WARMER_KEYS = ConfigKey.childrenOf("functions.<name>.warmer");
    public static final int DEFAULT_WARMER_RATE_MINUTES = 5;
    public static final String DEFAULT_SCHEDULE_TIMEZONE = "UTC";
    /** What a secret value reads as where it cannot be decrypted (the offline preview). */
    public static final String SECRET_PLACEHOLDER = "[secret]";

    private static final Pattern REGION = Pattern.compile("[a-z]{2}(-gov|-iso[a-z]?)?-[a-z]+-\\d");
    private static final Pattern DURATION = Pattern.compile("(?:(\\d+)h)?(?:(\\d+)m)?(?:(\\d+)s)?");
    /** Namespaces a stack may hold besides the project's: the AWS provider's and Pulumi's own. */
    public static final List<String> OTHER_NAMESPACES = List.of("aws", "pulumi");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    static final int MAX_EMAIL_LENGTH = 254;

    private final ConfigSource source;
    private final FunctionTable table;
    private final ConfigReader reader;
    private final List<Problem> problems;

    private SettingsParser(ConfigSource source, FunctionTable table) {
        this.source = source;
        this.table = table;
        this.reader = new ConfigReader(source);
        this.problems = reader.problems;
    }

    public static StackSettings parse(ConfigSource source) {
        return parse(source, FunctionTable.MEDIALAKE);
    }

    /** @throws InvalidConfigException listing every problem found */
    public static StackSettings parse(ConfigSource source, FunctionTable table) {
        return new SettingsParser(source, table).parse();
    }

    private StackSettings parse() {
        rejectUnknownTopLevelKeys();
        String region = readRegion();
        NetworkSettings network = readNetwork();
        int accountLimit = readAccountLimit();
        boolean snapStartAllowed = reader.readScalar("snapStartAllowed", StackSettings.DEFAULT_SNAP_START_ALLOWED,
                reader::parseBoolean, "true or false");
        int logRetention = reader.readScalar("logRetentionDays", StackSettings.DEFAULT_LOG_RETENTION_DAYS,
                reader::parseInt, "a whole number of days");
        Duration pcTimeout = readPcTimeout();
        boolean httpApi = reader.readScalar("httpApiEnabled", StackSettings.DEFAULT_HTTP_API_ENABLED, reader::parseBoolean,
                "true or false");
        Optional<String> alarmEmail = readAlarmEmail();
        List<FunctionSettings> functions = new FunctionSettingsParser(reader, table).readFunctions();
        var settings = new StackSettings(NAMESPACE, source.stack(), source.origin(), region, network, accountLimit,
                snapStartAllowed, pcTimeout, logRetention, functions, httpApi, alarmEmail, readCostAssumptions());
        // A value that could not be read fell back to its default; the rules still run so that one pass
        // reports everything, but say nothing more about a key already reported.
        var reported = problems.stream().map(Problem::key).collect(Collectors.toSet());
        for (Problem p : FleetRules.check(settings)) {
            if (!reported.contains(p.key())) {
                problems.add(p);
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidConfigException(source.stack(), problems);
        }
        return settings;
    }

    private void rejectUnknownTopLevelKeys() {
        for (String fullKey : source.keys()) {
            int colon = fullKey.indexOf(':');
            if (colon < 0) {
                reader.problem(ConfigRule.UNKNOWN_NAMESPACE, null, fullKey, "the key has no namespace",
                        "write it as " + NAMESPACE + ":" + fullKey + " (pulumi config set adds the namespace)");
                continue;
            }
            String namespace = fullKey.substring(0, colon);
            String key = fullKey.substring(colon + 1);
            if (namespace.equals(NAMESPACE) && !KEYS.contains(key)) {
                reader.problem(ConfigRule.UNKNOWN_KEY, null, key, "unknown setting", Suggestions.didYouMean(key, KEYS));
            } else if (!namespace.equals(NAMESPACE) && !OTHER_NAMESPACES.contains(namespace)) {
                // Neither the CLI nor any provider reads it: a typo of a namespace would otherwise be ignored.
                var namespaces = new ArrayList<String>(List.of(NAMESPACE));
                namespaces.addAll(OTHER_NAMESPACES);
                reader.problem(ConfigRule.UNKNOWN_NAMESPACE,
                        null, fullKey, "unknown namespace '" + namespace + "': nothing reads this key",
                        Suggestions.didYouMean(namespace, namespaces));
            }
        }
    }

    private String readRegion() {
        Optional<String> region = source.get(REGION_KEY);
        if (region.isEmpty() || region.get().isBlank()) {
            reader.problem(ConfigRule.MISSING, null, REGION_KEY, "missing: every stack deploys to one region",
                    "pulumi config set aws:region " + source.stack());
            return "";
        }
        if (!REGION.matcher(region.get()).matches()) {
            reader.problem(ConfigRule.REGION_NAME, null, REGION_KEY, "'" + region.get() + "' is not an AWS region name",
                    "use a region such as us-east-1 or eu-west-2");
        }
        return region.get();
    }

    private NetworkSettings readNetwork() {
        JsonObject network = reader.readObject("network", NETWORK_KEYS);
        String cidrText = reader.string(network, "network.cidr", null).orElse(NetworkSettings.DEFAULT_CIDR);
        Optional<Cidr> cidr = Cidr.parse(cidrText);
        if (cidr.isEmpty()) {
            reader.problem(ConfigRule.CIDR_FORMAT, null, "network.cidr", "'" + cidrText + "' is not an IPv4 CIDR block",
                    "write it as a.b.c.d/n, for example 10.0.0.0/16");
        }
        int zones = reader.integer(network, "network.availabilityZones", null)
                .orElse(NetworkSettings.DEFAULT_AVAILABILITY_ZONES);
        NatGatewayStrategy nat = reader.string(network, "network.natGateways", null)
                .map(name -> NatGatewayStrategy.fromConfigName(name).orElseGet(() -> {
                    reader.problem(ConfigRule.NOT_AN_OPTION,
                            null, "network.natGateways", "'" + name + "' is not a NAT gateway strategy",
                            "use one of " + reader.names(NatGatewayStrategy.values(), NatGatewayStrategy::configName));
                    return NetworkSettings.DEFAULT_NAT_GATEWAYS;
                }))
                .orElse(NetworkSettings.DEFAULT_NAT_GATEWAYS);
        return new NetworkSettings(cidr.orElseGet(() -> Cidr.parse(NetworkSettings.DEFAULT_CIDR).orElseThrow()),
                zones, nat);
    }

    private int readAccountLimit() {
        JsonObject concurrency = reader.readObject("concurrency", CONCURRENCY_KEYS);
        int limit = reader.integer(concurrency, "concurrency.accountLimit", null)
                .orElse(StackSettings.DEFAULT_ACCOUNT_CONCURRENCY_LIMIT);
        return limit;
    }

    private CostAssumptions readCostAssumptions() {
        JsonObject costs = reader.readObject("costAssumptions", ConfigKey.childrenOf("costAssumptions"));
        return new CostAssumptions(assumed(costs, ConfigKey.COST_NAT_GB), assumed(costs, ConfigKey.COST_EFS_STORAGE_GB),
                assumed(costs, ConfigKey.COST_EFS_READ_GB), assumed(costs, ConfigKey.COST_EFS_WRITE_GB),
                assumed(costs, ConfigKey.COST_LOG_INGESTION_GB), assumed(costs, ConfigKey.COST_FLOW_LOG_GB),
                assumed(costs, ConfigKey.COST_SQS_REQUESTS));
    }

    private double assumed(JsonObject costs, ConfigKey key) {
        double value = reader.number(costs, key.path(), null).orElse(0.0);
        if (value < 0) {
            reader.problem(ConfigRule.COST_ASSUMPTION_NEGATIVE, null, key.path(), key.path() + " is " + value
                    + ", and no quantity is negative", "set it to 0 (not estimated) or the quantity you expect a month");
            return 0;
        }
        return value;
    }

    private Optional<String> readAlarmEmail() {
        Optional<String> email = source.get(NAMESPACE + ":alarmEmail").filter(e -> !e.isBlank());
        if (email.isPresent() && !email.get().equals(SECRET_PLACEHOLDER) && email.get().length() > MAX_EMAIL_LENGTH) {
            // RFC 5321 4.5.3.1.3: a path, and so an address, is at most 256 octets with its angle brackets.
            reader.problem(ConfigRule.ALARM_EMAIL, null, "alarmEmail", "the address is " + email.get().length()
                    + " characters, more than the " + MAX_EMAIL_LENGTH + " an email address can have (RFC 5321)",
                    "pulumi config set --secret alarmEmail oncall@example.com");
        } else if (email.isPresent() && !email.get().equals(SECRET_PLACEHOLDER) && !EMAIL.matcher(email.get()).matches()) {
            reader.problem(ConfigRule.ALARM_EMAIL, null, "alarmEmail", "'" + email.get() + "' is not an email address",
                    "pulumi config set --secret alarmEmail oncall@example.com");
        }
        return email;
    }

    private Duration readPcTimeout() {
        String text = reader.readScalar("provisionedConcurrencyTimeout", StackSettings.DEFAULT_PROVISIONED_CONCURRENCY_TIMEOUT,
                Optional::of, "a duration");
        var m = DURATION.matcher(text);
        if (text.isEmpty() || !m.matches()) {
            reader.problem(ConfigRule.PC_TIMEOUT,
                    null, "provisionedConcurrencyTimeout", "'" + text + "' is not a duration",
                    "write hours, minutes and seconds as 1h, 30m or 1h30m");
            return Duration.ofMinutes(15);
        }
        return Duration.ofHours(group(m, 1)).plusMinutes(group(m, 2)).plusSeconds(group(m, 3));
    }

    private static long group(java.util.regex.Matcher m, int i) {
        return m.group(i) == null ? 0 : Long.parseLong(m.group(i));
    }
}
