package com.medialake.lambda.config;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;
import com.medialake.lambda.rules.ConfigRule;
import com.medialake.lambda.rules.Problem;
import com.medialake.lambda.rules.Suggestions;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Typed reads of a stack's config values as the CLI passes them (text, and JSON for structures), each
 * problem recorded with the key path, what was found and what to write instead, so that one pass reports
 * everything.
 */
final class ConfigReader {
    static final String NAMESPACE = SettingsParser.NAMESPACE;
    /**
     * A decimal number as `pulumi config set --path` writes one it does not type: 0.7, -1.5, 2 (integers and
     * booleans it types; resource/config/map.go, adjustObjectValue).
     */
    private static final Pattern DECIMAL = Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)");

    final ConfigSource source;
    final List<Problem> problems = new ArrayList<>();

    ConfigReader(ConfigSource source) {
        this.source = source;
    }

    <T> T required(Optional<T> value, String fn, String path, T example) {
        if (value.isEmpty()) {
            problem(ConfigRule.MISSING, fn, path, "missing", "set it, for example " + leaf(path) + ": " + example);
            return example;
        }
        return value.get();
    }

    /** A nested map setting; empty when absent, or wrong (the problem is recorded). */
    Optional<JsonObject> child(JsonObject object, String path, String fn, List<String> knownKeys) {
        return member(object, path).flatMap(e -> map(e, path, fn, knownKeys,
                "write its settings (" + String.join(", ", knownKeys) + ") under it"));
    }

    /** A value that must be a map of known keys; empty when it is not (the problem is recorded). */
    Optional<JsonObject> map(JsonElement e, String path, String fn, List<String> knownKeys, String fix) {
        if (!e.isJsonObject()) {
            problem(ConfigRule.WRONG_TYPE, fn, path, "must be a map, found " + describe(e), fix);
            return Optional.empty();
        }
        if (knownKeys != null) {
            rejectUnknown(e.getAsJsonObject(), path, knownKeys, fn);
        }
        return Optional.of(e.getAsJsonObject());
    }

    // ---- reading values ------------------------------------------------------------------------------

    /** A structured top-level key as a JSON object; empty when absent or wrong (the problem is recorded). */
    JsonObject readObject(String key, List<String> knownKeys) {
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

    void rejectUnknown(JsonObject object, String path, List<String> knownKeys, String function) {
        for (String member : new TreeMap<>(object.asMap()).keySet()) {
            if (!knownKeys.contains(member)) {
                problem(ConfigRule.UNKNOWN_KEY,
                        function, path + "." + member, "unknown setting", Suggestions.didYouMean(member, knownKeys));
            }
        }
    }

    <T> T readScalar(String key, T defaultValue, Function<String, Optional<T>> parser, String expected) {
        Optional<String> text = source.get(NAMESPACE + ":" + key);
        if (text.isEmpty()) {
            return defaultValue;
        }
        Optional<T> value = parser.apply(text.get());
        if (value.isEmpty()) {
            problem(ConfigRule.WRONG_TYPE, null, key, "expected " + expected + ", found '" + text.get() + "'",
                    "pulumi config set " + key + " <" + expected + ">");
            return defaultValue;
        }
        return value.get();
    }

    Optional<Boolean> parseBoolean(String text) {
        return switch (text) {
            case "true" -> Optional.of(true);
            case "false" -> Optional.of(false);
            default -> Optional.empty();
        };
    }

    Optional<Integer> parseInt(String text) {
        try {
            return Optional.of(Integer.parseInt(text.trim()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    Optional<Integer> integer(JsonObject object, String path, String function) {
        return typed(object, path, function, "a whole number",
                "write a number without quotes or decimals, for example " + leaf(path) + ": 1024", e -> {
                    if (isNumber(e)) {
                        BigDecimal n = e.getAsBigDecimal();
                        if (n.stripTrailingZeros().scale() <= 0
                                && n.abs().compareTo(BigDecimal.valueOf(Integer.MAX_VALUE)) <= 0) {
                            return Optional.of(n.intValueExact());
                        }
                    }
                    return Optional.empty();
                });
    }

    Optional<Double> number(JsonObject object, String path, String function) {
        return typed(object, path, function, "a number",
                "write a number without quotes, for example " + leaf(path) + ": 0.7", e -> {
                    if (isNumber(e)) {
                        return Optional.of(e.getAsDouble());
                    }
                    // `pulumi config set --path k 0.7` stores integers and booleans typed but a decimal as the
                    // text "0.7" (pulumi/pulumi sdk/go/common/resource/config/map.go, adjustObjectValue; issue
                    // 18064): take the text of a decimal number as that number.
                    if (e.isJsonPrimitive() && e.getAsJsonPrimitive().isString()
                            && DECIMAL.matcher(e.getAsString()).matches()) {
                        return Optional.of(Double.parseDouble(e.getAsString()));
                    }
                    return Optional.empty();
                });
    }

    Optional<Boolean> bool(JsonObject object, String path, String function) {
        return typed(object, path, function, "true or false",
                "write " + leaf(path) + ": true or " + leaf(path) + ": false, without quotes",
                e -> e.isJsonPrimitive() && e.getAsJsonPrimitive().isBoolean() ? Optional.of(e.getAsBoolean())
                        : Optional.empty());
    }

    Optional<String> string(JsonObject object, String path, String function) {
        return typed(object, path, function, "text", "write " + leaf(path) + " as text",
                e -> e.isJsonPrimitive() && e.getAsJsonPrimitive().isString() ? Optional.of(e.getAsString())
                        : Optional.empty());
    }

    private static boolean isNumber(JsonElement e) {
        return e.isJsonPrimitive() && e.getAsJsonPrimitive().isNumber();
    }

    /** The member at path read by {@code read}, or a wrong-type problem saying what was expected. */
    private <T> Optional<T> typed(JsonObject object, String path, String function, String expected, String fix,
                                  Function<JsonElement, Optional<T>> read) {
        return member(object, path).flatMap(e -> {
            Optional<T> value = read.apply(e);
            if (value.isEmpty()) {
                problem(ConfigRule.WRONG_TYPE, function, path, "expected " + expected + ", found " + describe(e), fix);
            }
            return value;
        });
    }

    static Optional<JsonElement> member(JsonObject object, String path) {
        JsonElement e = object.get(leaf(path));
        return e == null || e.isJsonNull() ? Optional.empty() : Optional.of(e);
    }

    static String leaf(String path) {
        return path.substring(path.lastIndexOf('.') + 1);
    }

    static String describe(JsonElement e) {
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

    static <E> String names(E[] values, Function<E, String> name) {
        return Arrays.stream(values).map(name).collect(Collectors.joining(", "));
    }

    void problem(ConfigRule rule, String function, String key, String problem, String fix) {
        problems.add(Problem.of(rule, source.origin(), function, key, problem, fix));
    }
}
