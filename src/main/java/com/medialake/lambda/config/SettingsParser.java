package com.medialake.lambda.config;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;
import com.medialake.lambda.model.Architecture;
import com.medialake.lambda.model.Autoscaling;
import com.medialake.lambda.model.Cidr;
import com.medialake.lambda.model.FunctionDefinition;
import com.medialake.lambda.model.FunctionProfile;
import com.medialake.lambda.model.FunctionSettings;
import com.medialake.lambda.model.FunctionTable;
import com.medialake.lambda.model.NatGatewayStrategy;
import com.medialake.lambda.model.NetworkSettings;
import com.medialake.lambda.model.ScalingSchedule;
import com.medialake.lambda.model.StackSettings;
import com.medialake.lambda.model.Trigger;
import com.medialake.lambda.rules.FleetRules;
import com.medialake.lambda.rules.Suggestions;
import com.medialake.lambda.rules.LambdaLimits;
import com.medialake.lambda.rules.Violation;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Turns a stack's configuration into {@link StackSettings}: types and structure first, then the fleet
 * rules. Every problem is collected, so one run lists everything to fix; any problem means no settings.
 */
public final class SettingsParser {
    public static final String NAMESPACE = StackSettings.PROJECT;
    public static final String REGION_KEY = "aws:region";

    /** Top-level keys of the project namespace, with what each holds; README documents each. */
    public static final List<String> KEYS = List.of(
            "network", "concurrency", "snapStartAllowed", "provisionedConcurrencyTimeout", "logRetentionDays",
            "httpApiEnabled", "alarmEmail", "functions");
    public static final List<String> NETWORK_KEYS = List.of("cidr", "availabilityZones", "natGateways");
    public static final List<String> CONCURRENCY_KEYS = List.of("accountLimit");
    public static final List<String> FUNCTION_KEYS = List.of(
            "memoryMb", "timeoutSeconds", "provisionedConcurrency", "reservedConcurrency", "snapStart",
            "architecture", "runtime", "publish", "autoscaling", "warmer", "maximumConcurrency");
    public static final List<String> AUTOSCALING_KEYS = List.of("min", "max", "targetUtilization", "schedules");
    public static final List<String> SCHEDULE_KEYS = List.of("name", "cron", "timezone", "min", "max");
    public static final List<String> WARMER_KEYS = List.of("rateMinutes");
    public static final int DEFAULT_WARMER_RATE_MINUTES = 5;
    public static final String DEFAULT_SCHEDULE_TIMEZONE = "UTC";
    /** What a secret value reads as where it cannot be decrypted (the offline preview). */
    public static final String SECRET_PLACEHOLDER = "[secret]";

    private static final Pattern REGION = Pattern.compile("[a-z]{2}(-gov|-iso[a-z]?)?-[a-z]+-\\d");
    private static final Pattern DURATION = Pattern.compile("(?:(\\d+)h)?(?:(\\d+)m)?(?:(\\d+)s)?");
    private static final Duration MAX_PC_TIMEOUT = Duration.ofHours(2);
    /** A decimal number as `pulumi config set --path` writes one it does not type: 0.7, -1.5, 2. */
    private static final Pattern DECIMAL = Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)");
    /** Namespaces a stack may hold besides the project's: the AWS provider's and Pulumi's own. */
    public static final List<String> OTHER_NAMESPACES = List.of("aws", "pulumi");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

    private final ConfigSource source;
    private final FunctionTable table;
    private final List<ConfigProblem> problems = new ArrayList<>();

    private SettingsParser(ConfigSource source, FunctionTable table) {
        this.source = source;
        this.table = table;
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
        boolean snapStartAllowed = readScalar("snapStartAllowed", StackSettings.DEFAULT_SNAP_START_ALLOWED,
                this::parseBoolean, "true or false");
        int logRetention = readScalar("logRetentionDays", StackSettings.DEFAULT_LOG_RETENTION_DAYS,
                this::parseInt, "a whole number of days");
        if (!LambdaLimits.LOG_RETENTION_DAYS.contains(logRetention)) {
            problem(null, "logRetentionDays", logRetention + " is not a retention CloudWatch Logs accepts",
                    "use one of " + LambdaLimits.LOG_RETENTION_DAYS);
        }
        Duration pcTimeout = readPcTimeout();
        boolean httpApi = readScalar("httpApiEnabled", StackSettings.DEFAULT_HTTP_API_ENABLED, this::parseBoolean,
                "true or false");
        Optional<String> alarmEmail = readAlarmEmail();
        List<FunctionSettings> functions = readFunctions();
        var settings = new StackSettings(NAMESPACE, source.stack(), source.origin(), region, network, accountLimit,
                snapStartAllowed, pcTimeout, logRetention, functions, httpApi, alarmEmail);
        // A value that could not be read fell back to its default; the rules still run so that one pass
        // reports everything, but say nothing more about a key already reported.
        var reported = problems.stream().map(ConfigProblem::key).collect(Collectors.toSet());
        for (Violation v : FleetRules.check(settings)) {
            if (!reported.contains(v.key())) {
                problem(v.function(), v.key(), v.problem(), v.fix());
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
                problem(null, fullKey, "the key has no namespace",
                        "write it as " + NAMESPACE + ":" + fullKey + " (pulumi config set adds the namespace)");
                continue;
            }
            String namespace = fullKey.substring(0, colon);
            String key = fullKey.substring(colon + 1);
            if (namespace.equals(NAMESPACE) && !KEYS.contains(key)) {
                problem(null, key, "unknown setting", Suggestions.didYouMean(key, KEYS));
            } else if (!namespace.equals(NAMESPACE) && !OTHER_NAMESPACES.contains(namespace)) {
                // Neither the CLI nor any provider reads it: a typo of a namespace would otherwise be ignored.
                var namespaces = new ArrayList<String>(List.of(NAMESPACE));
                namespaces.addAll(OTHER_NAMESPACES);
                problem(null, fullKey, "unknown namespace '" + namespace + "': nothing reads this key",
                        Suggestions.didYouMean(namespace, namespaces));
            }
        }
    }

    private String readRegion() {
        Optional<String> region = source.get(REGION_KEY);
        if (region.isEmpty() || region.get().isBlank()) {
            problem(null, REGION_KEY, "missing: every stack deploys to one region",
                    "pulumi config set aws:region " + source.stack());
            return "";
        }
        if (!REGION.matcher(region.get()).matches()) {
            problem(null, REGION_KEY, "'" + region.get() + "' is not an AWS region name",
                    "use a region such as us-east-1 or eu-west-2");
        }
        return region.get();
    }

    private NetworkSettings readNetwork() {
        JsonObject network = readObject("network", NETWORK_KEYS);
        String cidrText = string(network, "network.cidr", null).orElse(NetworkSettings.DEFAULT_CIDR);
        Optional<Cidr> cidr = Cidr.parse(cidrText);
        if (cidr.isEmpty()) {
            problem(null, "network.cidr", "'" + cidrText + "' is not an IPv4 CIDR block",
                    "write it as a.b.c.d/n, for example 10.0.0.0/16");
        }
        int zones = integer(network, "network.availabilityZones", null)
                .orElse(NetworkSettings.DEFAULT_AVAILABILITY_ZONES);
        NatGatewayStrategy nat = string(network, "network.natGateways", null)
                .map(name -> NatGatewayStrategy.fromConfigName(name).orElseGet(() -> {
                    problem(null, "network.natGateways", "'" + name + "' is not a NAT gateway strategy",
                            "use one of " + names(NatGatewayStrategy.values(), NatGatewayStrategy::configName));
                    return NetworkSettings.DEFAULT_NAT_GATEWAYS;
                }))
                .orElse(NetworkSettings.DEFAULT_NAT_GATEWAYS);
        return new NetworkSettings(cidr.orElseGet(() -> Cidr.parse(NetworkSettings.DEFAULT_CIDR).orElseThrow()),
                zones, nat);
    }

    private int readAccountLimit() {
        JsonObject concurrency = readObject("concurrency", CONCURRENCY_KEYS);
        int limit = integer(concurrency, "concurrency.accountLimit", null)
                .orElse(StackSettings.DEFAULT_ACCOUNT_CONCURRENCY_LIMIT);
        if (limit < LambdaLimits.MIN_UNRESERVED_CONCURRENCY) {
            problem(null, "concurrency.accountLimit", limit + " is below the " + LambdaLimits.MIN_UNRESERVED_CONCURRENCY
                            + " concurrent executions AWS keeps unreserved in every account",
                    "set the region's real quota (Service Quotas, 'Concurrent executions'), 1000 by default");
        }
        return limit;
    }

    private Optional<String> readAlarmEmail() {
        Optional<String> email = source.get(NAMESPACE + ":alarmEmail").filter(e -> !e.isBlank());
        if (email.isPresent() && !email.get().equals(SECRET_PLACEHOLDER) && !EMAIL.matcher(email.get()).matches()) {
            problem(null, "alarmEmail", "'" + email.get() + "' is not an email address",
                    "pulumi config set --secret alarmEmail oncall@example.com");
        }
        return email;
    }

    private Duration readPcTimeout() {
        String text = readScalar("provisionedConcurrencyTimeout", StackSettings.DEFAULT_PROVISIONED_CONCURRENCY_TIMEOUT,
                Optional::of, "a duration");
        var m = DURATION.matcher(text);
        if (text.isEmpty() || !m.matches()) {
            problem(null, "provisionedConcurrencyTimeout", "'" + text + "' is not a duration",
                    "write hours, minutes and seconds as 1h, 30m or 1h30m");
            return Duration.ofMinutes(15);
        }
        Duration d = Duration.ofHours(group(m, 1)).plusMinutes(group(m, 2)).plusSeconds(group(m, 3));
        if (d.compareTo(Duration.ofMinutes(1)) < 0 || d.compareTo(MAX_PC_TIMEOUT) > 0) {
            problem(null, "provisionedConcurrencyTimeout", text + " is outside 1m-2h",
                    "allow PC configs 10m to 30m; capacity-constrained regions need the longer end");
        }
        return d;
    }

    private static long group(java.util.regex.Matcher m, int i) {
        return m.group(i) == null ? 0 : Long.parseLong(m.group(i));
    }

    private List<FunctionSettings> readFunctions() {
        JsonObject overrides = readObject("functions", null);
        for (String name : new TreeMap<>(overrides.asMap()).keySet()) {
            if (table.find(name).isEmpty()) {
                problem(name, "functions." + name, "no function of that name in the fleet",
                        Suggestions.didYouMean(name, table.names()));
            }
        }
        var functions = new ArrayList<FunctionSettings>();
        for (FunctionDefinition row : table.rows()) {
            JsonObject own = new JsonObject();
            JsonElement element = overrides.get(row.name());
            if (element != null && element.isJsonObject()) {
                own = element.getAsJsonObject();
                rejectUnknown(own, "functions." + row.name(), FUNCTION_KEYS, row.name());
            } else if (element != null && !element.isJsonNull()) {
                problem(row.name(), "functions." + row.name(), "must be a map of settings, found " + describe(element),
                        "write settings under it, for example memoryMb: 1024");
            }
            functions.add(resolve(row, own));
        }
        return functions;
    }

    private FunctionSettings resolve(FunctionDefinition row, JsonObject own) {
        String fn = row.name();
        String path = "functions." + fn + ".";
        int pc = integer(own, path + "provisionedConcurrency", fn).orElse(row.provisionedConcurrency());
        Integer reserved = integer(own, path + "reservedConcurrency", fn).orElse(null);
        boolean snapStart = bool(own, path + "snapStart", fn).orElse(false);
        String runtime = string(own, path + "runtime", fn).orElse(FunctionProfile.DEFAULT_RUNTIME);
        if (LambdaLimits.DEPRECATED_PYTHON_RUNTIMES.containsKey(runtime)) {
            problem(fn, path + "runtime", runtime + " was deprecated by AWS on "
                            + LambdaLimits.DEPRECATED_PYTHON_RUNTIMES.get(runtime) + " (no more security patches)",
                    "use one of " + LambdaLimits.PYTHON_RUNTIMES);
        } else if (!LambdaLimits.PYTHON_RUNTIMES.contains(runtime)) {
            problem(fn, path + "runtime", "'" + runtime + "' is not a runtime the Python handlers run on",
                    "use one of " + LambdaLimits.PYTHON_RUNTIMES);
        }
        Architecture arch = string(own, path + "architecture", fn)
                .map(name -> Architecture.fromAwsName(name).orElseGet(() -> {
                    problem(fn, path + "architecture", "'" + name + "' is not a Lambda architecture",
                            "use one of " + names(Architecture.values(), Architecture::awsName));
                    return FunctionProfile.DEFAULT_ARCHITECTURE;
                }))
                .orElse(FunctionProfile.DEFAULT_ARCHITECTURE);
        return new FunctionSettings(
                fn, row.profile(), row.description(),
                integer(own, path + "memoryMb", fn).orElse(row.memoryMb()),
                integer(own, path + "timeoutSeconds", fn).orElse(row.trigger() == Trigger.HTTP_API
                        ? FunctionProfile.DEFAULT_API_TIMEOUT_SECONDS : FunctionProfile.DEFAULT_TIMEOUT_SECONDS),
                runtime, arch, row.profile().attachment(), snapStart, pc,
                reserved,
                // PC and SnapStart both need a published version; publishing is otherwise off.
                bool(own, path + "publish", fn).orElse(pc > 0 || snapStart),
                row.trigger(), row.routeKey(),
                child(own, path + "autoscaling", fn, AUTOSCALING_KEYS).map(a -> autoscaling(a, path + "autoscaling.", fn, pc)),
                child(own, path + "warmer", fn, WARMER_KEYS).map(w -> integer(w, path + "warmer.rateMinutes", fn)
                        .orElse(DEFAULT_WARMER_RATE_MINUTES)),
                row.efsReadOnly(),
                // The queue's event source ignores reserved concurrency (services-sqs-scaling): bound it by the
                // reserved value unless a lower bound is set.
                integer(own, path + "maximumConcurrency", fn).or(() -> row.trigger() == Trigger.BULK_QUEUE
                        ? Optional.ofNullable(reserved) : Optional.empty()));
    }

    private Autoscaling autoscaling(JsonObject a, String path, String fn, int pc) {
        var schedules = new ArrayList<ScalingSchedule>();
        member(a, path + "schedules").ifPresent(list -> {
            if (!list.isJsonArray()) {
                problem(fn, path + "schedules", "must be a list of schedules, found " + describe(list),
                        "write each schedule as a list item with name, cron, timezone, min and max");
                return;
            }
            int i = 0;
            for (JsonElement item : list.getAsJsonArray()) {
                String at = path + "schedules[" + i++ + "]";
                if (!item.isJsonObject()) {
                    problem(fn, at, "must be a map, found " + describe(item), "give it name, cron, timezone, min and max");
                    continue;
                }
                JsonObject s = item.getAsJsonObject();
                rejectUnknown(s, at, SCHEDULE_KEYS, fn);
                schedules.add(new ScalingSchedule(
                        required(string(s, at + ".name", fn), fn, at + ".name", "off-peak"),
                        required(string(s, at + ".cron", fn), fn, at + ".cron", "0 20 ? * MON-FRI *"),
                        string(s, at + ".timezone", fn).orElse(DEFAULT_SCHEDULE_TIMEZONE),
                        required(integer(s, at + ".min", fn), fn, at + ".min", 1),
                        required(integer(s, at + ".max", fn), fn, at + ".max", 2)));
            }
        });
        schedules.sort(java.util.Comparator.comparing(ScalingSchedule::name));
        int min = integer(a, path + "min", fn).orElse(Math.min(1, pc));
        int max = integer(a, path + "max", fn).orElse(Math.max(pc, min));
        double target = number(a, path + "targetUtilization", fn).orElse(Autoscaling.DEFAULT_TARGET_UTILIZATION);
        return new Autoscaling(min, max, target, schedules);
    }

    private <T> T required(Optional<T> value, String fn, String path, T example) {
        if (value.isEmpty()) {
            problem(fn, path, "missing", "set it, for example " + leaf(path) + ": " + example);
            return example;
        }
        return value.get();
    }

    /** A nested map setting; empty when absent, or wrong (the problem is recorded). */
    private Optional<JsonObject> child(JsonObject object, String path, String fn, List<String> knownKeys) {
        return member(object, path).flatMap(e -> map(e, path, fn, knownKeys,
                "write its settings (" + String.join(", ", knownKeys) + ") under it"));
    }

    /** A value that must be a map of known keys; empty when it is not (the problem is recorded). */
    private Optional<JsonObject> map(JsonElement e, String path, String fn, List<String> knownKeys, String fix) {
        if (!e.isJsonObject()) {
            problem(fn, path, "must be a map, found " + describe(e), fix);
            return Optional.empty();
        }
        if (knownKeys != null) {
            rejectUnknown(e.getAsJsonObject(), path, knownKeys, fn);
        }
        return Optional.of(e.getAsJsonObject());
    }

    // ---- reading values ------------------------------------------------------------------------------

    /** A structured top-level key as a JSON object; empty when absent or wrong (the problem is recorded). */
    private JsonObject readObject(String key, List<String> knownKeys) {
        Optional<String> text = source.get(NAMESPACE + ":" + key);
        if (text.isEmpty() || text.get().isBlank()) {
            return new JsonObject();
        }
        JsonElement element;
        try {
            element = JsonParser.parseString(text.get());
        } catch (JsonParseException e) {
            element = new JsonPrimitive(text.get());
        }
        return map(element, key, null, knownKeys, "write its settings as a map under " + NAMESPACE + ":" + key)
                .orElseGet(JsonObject::new);
    }

    private void rejectUnknown(JsonObject object, String path, List<String> knownKeys, String function) {
        for (String member : new TreeMap<>(object.asMap()).keySet()) {
            if (!knownKeys.contains(member)) {
                problem(function, path + "." + member, "unknown setting", Suggestions.didYouMean(member, knownKeys));
            }
        }
    }

    private <T> T readScalar(String key, T defaultValue, Function<String, Optional<T>> parser, String expected) {
        Optional<String> text = source.get(NAMESPACE + ":" + key);
        if (text.isEmpty()) {
            return defaultValue;
        }
        Optional<T> value = parser.apply(text.get());
        if (value.isEmpty()) {
            problem(null, key, "expected " + expected + ", found '" + text.get() + "'",
                    "pulumi config set " + key + " <" + expected + ">");
            return defaultValue;
        }
        return value.get();
    }

    private Optional<Boolean> parseBoolean(String text) {
        return switch (text) {
            case "true" -> Optional.of(true);
            case "false" -> Optional.of(false);
            default -> Optional.empty();
        };
    }

    private Optional<Integer> parseInt(String text) {
        try {
            return Optional.of(Integer.parseInt(text.trim()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private Optional<Integer> integer(JsonObject object, String path, String function) {
        return member(object, path).flatMap(e -> {
            if (e.isJsonPrimitive() && e.getAsJsonPrimitive().isNumber()) {
                BigDecimal n = e.getAsBigDecimal();
                if (n.stripTrailingZeros().scale() <= 0 && n.abs().compareTo(BigDecimal.valueOf(Integer.MAX_VALUE)) <= 0) {
                    return Optional.of(n.intValueExact());
                }
            }
            problem(function, path, "expected a whole number, found " + describe(e),
                    "write a number without quotes or decimals, for example " + leaf(path) + ": 1024");
            return Optional.empty();
        });
    }

    private Optional<Double> number(JsonObject object, String path, String function) {
        return member(object, path).flatMap(e -> {
            if (e.isJsonPrimitive() && e.getAsJsonPrimitive().isNumber()) {
                return Optional.of(e.getAsDouble());
            }
            // `pulumi config set --path k 0.7` stores integers and booleans typed but a decimal as the text
            // "0.7" (pulumi/pulumi sdk/go/common/resource/config/map.go, adjustObjectValue; issue 18064):
            // take the text of a decimal number as that number.
            if (e.isJsonPrimitive() && e.getAsJsonPrimitive().isString() && DECIMAL.matcher(e.getAsString()).matches()) {
                return Optional.of(Double.parseDouble(e.getAsString()));
            }
            problem(function, path, "expected a number, found " + describe(e),
                    "write a number without quotes, for example " + leaf(path) + ": 0.7");
            return Optional.empty();
        });
    }

    private Optional<Boolean> bool(JsonObject object, String path, String function) {
        return member(object, path).flatMap(e -> {
            if (e.isJsonPrimitive() && e.getAsJsonPrimitive().isBoolean()) {
                return Optional.of(e.getAsBoolean());
            }
            problem(function, path, "expected true or false, found " + describe(e),
                    "write " + leaf(path) + ": true or " + leaf(path) + ": false, without quotes");
            return Optional.empty();
        });
    }

    private Optional<String> string(JsonObject object, String path, String function) {
        return member(object, path).flatMap(e -> {
            if (e.isJsonPrimitive() && e.getAsJsonPrimitive().isString()) {
                return Optional.of(e.getAsString());
            }
            problem(function, path, "expected text, found " + describe(e), "write " + leaf(path) + " as text");
            return Optional.empty();
        });
    }

    private static Optional<JsonElement> member(JsonObject object, String path) {
        JsonElement e = object.get(leaf(path));
        return e == null || e.isJsonNull() ? Optional.empty() : Optional.of(e);
    }

    private static String leaf(String path) {
        return path.substring(path.lastIndexOf('.') + 1);
    }

    private static String describe(JsonElement e) {
        if (e.isJsonObject()) {
            return "a map";
        }
        if (e.isJsonArray()) {
            return "a list";
        }
        if (e.isJsonPrimitive() && e.getAsJsonPrimitive().isString()) {
            return "the text \"" + e.getAsString() + "\"";
        }
        return "'" + e + "'";
    }

    private static <E> String names(E[] values, Function<E, String> name) {
        return Arrays.stream(values).map(name).collect(Collectors.joining(", "));
    }

    private void problem(String function, String key, String problem, String fix) {
        problems.add(new ConfigProblem(source.origin(), function, key, problem, fix));
    }
}
