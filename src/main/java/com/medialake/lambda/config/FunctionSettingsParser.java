package com.medialake.lambda.config;

import static com.medialake.lambda.config.SettingsParser.AUTOSCALING_KEYS;
import static com.medialake.lambda.config.SettingsParser.DEFAULT_SCHEDULE_TIMEZONE;
import static com.medialake.lambda.config.SettingsParser.DEFAULT_WARMER_RATE_MINUTES;
import static com.medialake.lambda.config.SettingsParser.FUNCTION_KEYS;
import static com.medialake.lambda.config.SettingsParser.SCHEDULE_KEYS;
import static com.medialake.lambda.config.SettingsParser.WARMER_KEYS;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.medialake.lambda.model.Architecture;
import com.medialake.lambda.model.Autoscaling;
import com.medialake.lambda.model.FunctionDefinition;
import com.medialake.lambda.model.FunctionProfile;
import com.medialake.lambda.model.FunctionSettings;
import com.medialake.lambda.model.FunctionTable;
import com.medialake.lambda.model.ScalingSchedule;
import com.medialake.lambda.model.Trigger;
import com.medialake.lambda.rules.ConfigRule;
import com.medialake.lambda.rules.LambdaLimits;
import com.medialake.lambda.rules.Suggestions;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;

/** The functions section: every table row with the stack's overrides, autoscaling and warmer read and checked. */
final class FunctionSettingsParser {
    private final ConfigReader reader;
    private final FunctionTable table;

    FunctionSettingsParser(ConfigReader reader, FunctionTable table) {
        this.reader = reader;
        this.table = table;
    }

    /** Unknown functions named one by one; the rest are counted. */
    static final int MAX_UNKNOWN_FUNCTIONS_LISTED = 20;

    List<FunctionSettings> readFunctions() {
        JsonObject overrides = reader.readObject("functions", null);
        var unknown = new TreeMap<>(overrides.asMap()).keySet().stream().filter(name -> table.find(name).isEmpty())
                .toList();
        // Each by name up to a screenful; past that, how many more (5,000 of them printed 1.2 MB).
        for (String name : unknown.subList(0, Math.min(unknown.size(), MAX_UNKNOWN_FUNCTIONS_LISTED))) {
            reader.problem(ConfigRule.UNKNOWN_FUNCTION,
                    name, "functions." + name, "no function of that name in the fleet",
                    Suggestions.didYouMean(name, table.names()));
        }
        if (unknown.size() > MAX_UNKNOWN_FUNCTIONS_LISTED) {
            int more = unknown.size() - MAX_UNKNOWN_FUNCTIONS_LISTED;
            reader.problem(ConfigRule.UNKNOWN_FUNCTION, null, "functions", "and " + more + " more unknown function"
                    + (more == 1 ? "" : "s") + " (" + unknown.size() + " in all)",
                    "the fleet's functions are " + String.join(", ", table.names()));
        }
        var functions = new ArrayList<FunctionSettings>();
        for (FunctionDefinition row : table.rows()) {
            JsonObject own = new JsonObject();
            JsonElement element = overrides.get(row.name());
            if (element != null && element.isJsonObject()) {
                own = element.getAsJsonObject();
                reader.rejectUnknown(own, "functions." + row.name(), FUNCTION_KEYS, row.name());
            } else if (element != null && !element.isJsonNull()) {
                reader.problem(ConfigRule.WRONG_TYPE,
                        row.name(), "functions." + row.name(), "must be a map of settings, found " + reader.describe(element),
                        "write settings under it, for example memoryMb: 1024");
            }
            functions.add(resolve(row, own));
        }
        return functions;
    }

    FunctionSettings resolve(FunctionDefinition row, JsonObject own) {
        String fn = row.name();
        String path = "functions." + fn + ".";
        int pc = reader.integer(own, path + "provisionedConcurrency", fn).orElse(row.provisionedConcurrency());
        Integer reserved = reader.integer(own, path + "reservedConcurrency", fn).orElse(null);
        boolean snapStart = reader.bool(own, path + "snapStart", fn).orElse(false);
        String runtime = reader.string(own, path + "runtime", fn).orElse(FunctionProfile.DEFAULT_RUNTIME);
        if (LambdaLimits.DEPRECATED_PYTHON_RUNTIMES.containsKey(runtime)) {
            reader.problem(ConfigRule.RUNTIME_DEPRECATED, fn, path + "runtime", runtime + " was deprecated by AWS on "
                            + LambdaLimits.DEPRECATED_PYTHON_RUNTIMES.get(runtime) + " (no more security patches)",
                    "use one of " + LambdaLimits.PYTHON_RUNTIMES);
        } else if (!LambdaLimits.PYTHON_RUNTIMES.contains(runtime)) {
            reader.problem(ConfigRule.RUNTIME_UNSUPPORTED,
                    fn, path + "runtime", "'" + runtime + "' is not a runtime the Python handlers run on",
                    "use one of " + LambdaLimits.PYTHON_RUNTIMES);
        }
        Architecture arch = reader.string(own, path + "architecture", fn)
                .map(name -> Architecture.fromAwsName(name).orElseGet(() -> {
                    reader.problem(ConfigRule.NOT_AN_OPTION,
                            fn, path + "architecture", "'" + name + "' is not a Lambda architecture",
                            "use one of " + reader.names(Architecture.values(), Architecture::awsName));
                    return FunctionProfile.DEFAULT_ARCHITECTURE;
                }))
                .orElse(FunctionProfile.DEFAULT_ARCHITECTURE);
        return FunctionSettings.builder(fn, row.profile())
                .description(row.description())
                .memoryMb(reader.integer(own, path + "memoryMb", fn).orElse(row.memoryMb()))
                .timeoutSeconds(reader.integer(own, path + "timeoutSeconds", fn).orElse(row.trigger() == Trigger.HTTP_API
                        ? FunctionProfile.DEFAULT_API_TIMEOUT_SECONDS : FunctionProfile.DEFAULT_TIMEOUT_SECONDS))
                .runtime(runtime)
                .architecture(arch)
                .snapStart(snapStart)
                .provisionedConcurrency(pc)
                .reservedConcurrency(reserved)
                // PC and SnapStart both need a published version; publishing is otherwise off.
                .publish(reader.bool(own, path + "publish", fn).orElse(pc > 0 || snapStart))
                .trigger(row.trigger(), row.routeKey())
                .autoscaling(reader.child(own, path + "autoscaling", fn, AUTOSCALING_KEYS)
                        .map(a -> autoscaling(a, path + "autoscaling.", fn, pc)))
                .warmerRateMinutes(reader.child(own, path + "warmer", fn, WARMER_KEYS)
                        .map(w -> reader.integer(w, path + "warmer.rateMinutes", fn).orElse(DEFAULT_WARMER_RATE_MINUTES)))
                .efsReadOnly(row.efsReadOnly())
                // The queue's event source ignores reserved concurrency (services-sqs-scaling): bound it by the
                // reserved value unless a lower bound is set.
                .maximumConcurrency(reader.integer(own, path + "maximumConcurrency", fn).or(() -> row.trigger() == Trigger.BULK_QUEUE
                        ? Optional.ofNullable(reserved) : Optional.empty()))
                .build();
    }

    Autoscaling autoscaling(JsonObject a, String path, String fn, int pc) {
        var schedules = new ArrayList<ScalingSchedule>();
        reader.member(a, path + "schedules").ifPresent(list -> {
            if (!list.isJsonArray()) {
                reader.problem(ConfigRule.WRONG_TYPE,
                        fn, path + "schedules", "must be a list of schedules, found " + reader.describe(list),
                        "write each schedule as a list item with name, cron, timezone, min and max");
                return;
            }
            int i = 0;
            for (JsonElement item : list.getAsJsonArray()) {
                String at = path + "schedules[" + i++ + "]";
                if (!item.isJsonObject()) {
                    reader.problem(ConfigRule.WRONG_TYPE,
                            fn, at, "must be a map, found " + reader.describe(item), "give it name, cron, timezone, min and max");
                    continue;
                }
                JsonObject s = item.getAsJsonObject();
                reader.rejectUnknown(s, at, SCHEDULE_KEYS, fn);
                schedules.add(new ScalingSchedule(
                        reader.required(reader.string(s, at + ".name", fn), fn, at + ".name", "off-peak"),
                        reader.required(reader.string(s, at + ".cron", fn), fn, at + ".cron", "0 20 ? * MON-FRI *"),
                        reader.string(s, at + ".timezone", fn).orElse(DEFAULT_SCHEDULE_TIMEZONE),
                        reader.required(reader.integer(s, at + ".min", fn), fn, at + ".min", 1),
                        reader.required(reader.integer(s, at + ".max", fn), fn, at + ".max", 2)));
            }
        });
        schedules.sort(java.util.Comparator.comparing(ScalingSchedule::name));
        int min = reader.integer(a, path + "min", fn).orElse(Math.min(1, pc));
        int max = reader.integer(a, path + "max", fn).orElse(Math.max(pc, min));
        double target = reader.number(a, path + "targetUtilization", fn).orElse(Autoscaling.DEFAULT_TARGET_UTILIZATION);
        return new Autoscaling(min, max, target, schedules);
    }
}
