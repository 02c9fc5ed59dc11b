package com.medialake.lambda.config;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.medialake.lambda.model.FunctionTable;
import com.medialake.lambda.model.StackSettings;
import java.util.TreeMap;

/**
 * A stack's {@code functions:} block as bin/capacity and bin/tune propose to change it: read from the config, edited,
 * and parsed back with every rule a stack file meets, so a proposal is only printed once it would be accepted.
 */
public final class FunctionOverrides {
    private FunctionOverrides() {
    }

    /** A copy of the stack's {@code medialake-lambda:functions} value ({} when it has none). */
    public static JsonObject of(ConfigSource config) {
        return JsonParser.parseString(config.get(SettingsParser.NAMESPACE + ":functions").orElse("{}")).getAsJsonObject();
    }

    /**
     * The stack's settings with {@code functions} in place of its functions block.
     *
     * @throws InvalidConfigException as a stack file with that block would be refused
     */
    public static StackSettings parse(ConfigSource config, JsonObject functions, FunctionTable table) {
        var values = new TreeMap<>(config.values());
        values.put(SettingsParser.NAMESPACE + ":functions", functions.toString());
        return SettingsParser.parse(new ConfigSource(config.stack(), config.origin(), values, config.secretKeys()), table);
    }

    /** The keys of {@code changes} set on the function, its other keys kept. */
    public static void set(JsonObject functions, String function, JsonObject changes) {
        var own = functions.has(function) ? functions.getAsJsonObject(function) : new JsonObject();
        changes.entrySet().forEach(e -> own.add(e.getKey(), e.getValue()));
        functions.add(function, own);
    }
}
