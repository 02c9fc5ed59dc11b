package com.medialake.lambda.config;

import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.medialake.lambda.json.Json;
import com.medialake.lambda.rules.ConfigRule;
import com.medialake.lambda.rules.Problem;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * What the Pulumi CLI does to a stack's config before the program starts, read in pulumi/pulumi
 * sdk/go/common/workspace/config.go ({@code mergeConfig}, {@code createConfigValue},
 * {@code validateStackConfigValues}) and project.go ({@code ValidateConfigValue}):
 * <ol>
 *   <li>a key of the project's namespace that Pulumi.yaml declares with neither {@code default} nor
 *       {@code value} and the stack file lacks stops the run ("Stack 'S' is missing configuration value(s) ...");
 *       nothing else is checked then;</li>
 *   <li>a declared key the stack file lacks gets the default (or value): strings, integers and booleans as
 *       text, anything else as JSON;</li>
 *   <li>every explicitly typed key must match its type, and a key declared {@code secret: true} must be stored
 *       encrypted. The CLI stops at the first such key; this lists them all.</li>
 * </ol>
 * Keys Pulumi.yaml does not declare pass unchecked: the CLI does not refuse them (the program does).
 */
public final class CliConfigMerge {
    /** Go's strconv.Atoi: an optional sign and decimal digits. */
    private static final Pattern ATOI = Pattern.compile("[+-]?\\d+");

    private CliConfigMerge() {
    }

    /**
     * @throws InvalidConfigException with the CLI's own wording and what to do, when the CLI would refuse the
     *                                stack before the program runs
     */
    public static ConfigSource apply(ProjectConfig project, StackFile.Values stackFile) {
        String stack = stackFile.stack();
        var merged = new HashMap<>(stackFile.values());
        var missing = new ArrayList<String>();
        project.declarations().forEach((declared, declaration) -> {
            String key = project.fullKey(declared);
            boolean ownNamespace = key.startsWith(project.name() + ":");
            if (merged.containsKey(key)) {
                return;
            }
            Object fallback = declaration.defaultValue() != null ? declaration.defaultValue() : declaration.value();
            if (fallback == null) {
                if (ownNamespace) {
                    missing.add(declared);
                }
                return;
            }
            merged.put(key, configValue(fallback));
        });
        if (!missing.isEmpty()) {
            String keys = formatMissingKeys(missing);
            throw new InvalidConfigException(stack, List.of(Problem.of(ConfigRule.CLI_REQUIRED_KEY,
                    stackFile.origin(), null, String.join(", ", missing),
                    "Stack '" + stack + "' is missing configuration value" + (missing.size() > 1 ? "s " : " ") + keys
                            + " (the Pulumi CLI refuses the stack before the program runs)",
                    "set " + (missing.size() > 1 ? "them" : "it") + " (pulumi config set " + missing.get(0)
                            + " <value> --stack " + stack + "), or give " + (missing.size() > 1 ? "each" : "it")
                            + " a default in " + ProjectConfig.FILE_NAME)));
        }
        var problems = new ArrayList<Problem>();
        project.declarations().forEach((declared, declaration) -> {
            String key = project.fullKey(declared);
            StackFile.Value value = merged.get(key);
            if (declaration.type().isEmpty() || value == null) {
                return;
            }
            String type = typeName(declaration.type().get(), declaration.items());
            if (declaration.secret() && !value.secure()) {
                problems.add(Problem.of(ConfigRule.CLI_SECRET, stackFile.origin(), null, declared, "Stack '" + stack
                        + "' with configuration key '" + declared + "' must be encrypted as it's secret",
                        "pulumi config set --secret " + declared + " <value> --stack " + stack));
            } else if (!value.secure() && !matchesType(declaration.type().get(), declaration.items(), content(value))) {
                problems.add(Problem.of(ConfigRule.CLI_TYPE, stackFile.origin(), null, declared, "Stack '" + stack
                        + "' with configuration key '" + declared + "' must be of type '" + type
                        + "', found " + describe(value) + " (the Pulumi CLI refuses the stack before the program runs)",
                        "write it as " + example(type) + ", for example: pulumi config set " + declared + " "
                                + exampleValue(type, declaration) + " --stack " + stack));
            }
        });
        if (!problems.isEmpty()) {
            throw new InvalidConfigException(stack, problems);
        }
        var values = new TreeMap<String, String>();
        var secretKeys = new TreeSet<String>();
        merged.forEach((key, value) -> {
            values.put(key, value.text());
            if (value.secure()) {
                secretKeys.add(key);
            }
        });
        return new ConfigSource(stack, stackFile.origin(), values, secretKeys);
    }

    /** createConfigValue: Go's string, int and bool print as text; anything else is marshalled as JSON. */
    private static StackFile.Value configValue(Object fallback) {
        if (fallback instanceof String || fallback instanceof Boolean || fallback instanceof Integer
                || fallback instanceof Long || fallback instanceof java.math.BigInteger) {
            return new StackFile.Value(String.valueOf(fallback), false, false);
        }
        return new StackFile.Value(Json.COMPACT.toJson(sorted(fallback)), true, false);
    }

    private static Object sorted(Object value) {
        return Json.rebuild(value, node -> java.util.Optional.empty(), true);
    }

    /** What validateStackConfigValue checks: the text, or for an object value the JSON it holds. */
    private static Object content(StackFile.Value value) {
        if (!value.object()) {
            return value.text();
        }
        try {
            return Json.COMPACT.fromJson(JsonParser.parseString(value.text()), Object.class);
        } catch (JsonParseException e) {
            return value.text();
        }
    }

    /** ValidateConfigValue (project.go), for values as SnakeYAML or Gson give them. */
    static boolean matchesType(String type, Object items, Object value) {
        switch (type) {
            case "string":
                return value instanceof String;
            case "integer":
                if (value instanceof Integer || value instanceof Long || value instanceof java.math.BigInteger) {
                    return true;
                }
                if (value instanceof Number n && !(n instanceof Double d && (d.isNaN() || d.isInfinite()))) {
                    return new BigDecimal(n.toString()).stripTrailingZeros().scale() <= 0;
                }
                return value instanceof String s && ATOI.matcher(s).matches() && fitsInLong(s);
            case "boolean":
                return value instanceof Boolean || "true".equals(value) || "false".equals(value);
            case "object":
                return value instanceof Map<?, ?>;
            default:
                if (!(value instanceof List<?> list) || !(items instanceof Map<?, ?> itemType)) {
                    return false;
                }
                String itemTypeName = String.valueOf(itemType.get("type"));
                return list.stream().allMatch(item -> matchesType(itemTypeName, itemType.get("items"), item));
        }
    }

    private static boolean fitsInLong(String digits) {
        try {
            Long.parseLong(digits);
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    /** InferFullTypeName: array<T> for arrays. */
    private static String typeName(String type, Object items) {
        if (items instanceof Map<?, ?> itemType) {
            return "array<" + typeName(String.valueOf(itemType.get("type")), itemType.get("items")) + ">";
        }
        return type;
    }

    /** formatMissingKeys: 'a', 'b' and 'c'. */
    static String formatMissingKeys(List<String> keys) {
        var sortedKeys = keys.stream().sorted().toList();
        if (sortedKeys.size() == 1) {
            return "'" + sortedKeys.get(0) + "'";
        }
        var out = new StringBuilder();
        for (int i = 0; i < sortedKeys.size(); i++) {
            if (i == sortedKeys.size() - 1) {
                out.append("and '").append(sortedKeys.get(i)).append("'");
            } else if (i == sortedKeys.size() - 2) {
                out.append("'").append(sortedKeys.get(i)).append("' ");
            } else {
                out.append("'").append(sortedKeys.get(i)).append("', ");
            }
        }
        return out.toString();
    }

    private static String describe(StackFile.Value value) {
        return value.object() ? (value.text().startsWith("[") ? "a list" : "a map") : "'" + value.text() + "'";
    }

    private static String example(String type) {
        return switch (type) {
            case "integer" -> "a whole number";
            case "boolean" -> "true or false";
            case "string" -> "text";
            default -> "a value of type " + type;
        };
    }

    private static String exampleValue(String type, ProjectConfig.Declaration declaration) {
        if (declaration.defaultValue() != null && !(declaration.defaultValue() instanceof Map<?, ?>)) {
            return String.valueOf(declaration.defaultValue());
        }
        return switch (type) {
            case "integer" -> "30";
            case "boolean" -> "true";
            default -> "<value>";
        };
    }
}
