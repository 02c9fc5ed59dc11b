package com.medialake.lambda.config;

import com.medialake.lambda.json.Json;
import com.medialake.lambda.rules.ConfigRule;
import com.medialake.lambda.rules.Problem;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * Reads a {@code Pulumi.<stack>.yaml} the way the Pulumi CLI does: each top-level value a string, an object
 * (held as JSON text) or a {@code secure:} value. {@link #load} and {@link #parse} then apply the CLI's merge
 * with Pulumi.yaml ({@link CliConfigMerge}), so the offline preview and the tests see exactly the config a
 * real deployment would pass to the program, and refuse what the CLI refuses.
 */
public final class StackFile {
    /**
     * One top-level value as the CLI's config.Value holds it (sdk/go/common/resource/config/value.go).
     *
     * @param text   the value: the scalar's text, or JSON for a map or a list
     * @param object whether it is a map or a list (JSON text)
     * @param secure whether it is stored encrypted ({@code secure:}); the text is then a placeholder
     */
    public record Value(String text, boolean object, boolean secure) {
    }

    /** A stack file as read, before Pulumi.yaml's declarations are merged in. */
    public record Values(String stack, String origin, Map<String, Value> values) {
        public Values {
            values = java.util.Collections.unmodifiableSortedMap(new TreeMap<>(values));
        }
    }

    private StackFile() {
    }

    /** The Pulumi CLI's stack names (pulumi/pulumi validateStackName: {@code ^[A-Za-z0-9_.-]{1,100}$}). */
    private static final Pattern STACK_NAME = Pattern.compile("[A-Za-z0-9_.-]{1,100}");

    /**
     * Why a stack name is not one the Pulumi CLI accepts ("stack names may only contain alphanumeric, hyphens,
     * underscores, and periods", at most 100 characters), or empty: physical names and URNs derive from it.
     */
    public static java.util.Optional<String> stackNameProblem(String stack) {
        if (STACK_NAME.matcher(stack).matches() && !stack.equals(".") && !stack.equals("..")) {
            return java.util.Optional.empty();
        }
        String shown = stack.length() > 60 ? stack.substring(0, 60) + "..." : stack;
        return java.util.Optional.of("'" + shown.replace("\n", "\\n") + "' is not a stack name: the Pulumi CLI takes 1 to"
                + " 100 letters, digits, '-', '_' and '.' (as in us-east-1)");
    }

    /** The file name the Pulumi CLI uses for a stack. */
    public static String fileName(String stack) {
        return "Pulumi." + stack + ".yaml";
    }

    /**
     * The project's stacks: one per Pulumi.STACK.yaml in the project folder, sorted. The one rule for the list
     * (bin/stacks applies the same to the shell, and a test holds the two equal); none is kept by hand.
     */
    public static List<String> stacksIn(Path projectFolder) {
        try (var files = Files.list(projectFolder)) {
            return files.map(f -> f.getFileName().toString())
                    .filter(n -> n.startsWith("Pulumi.") && n.endsWith(".yaml") && !n.equals("Pulumi.yaml"))
                    .map(n -> n.substring("Pulumi.".length(), n.length() - ".yaml".length()))
                    .sorted().toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    /**
     * Reads a stack file. A file that is missing, not YAML, or not shaped like a stack file is a
     * configuration error naming the line where YAML gives one.
     */
    public static ConfigSource load(String stack, Path path) {
        return CliConfigMerge.apply(ProjectConfig.ofWorkingDirectory(), read(stack, path));
    }

    /** Parses stack-file text and applies the CLI's merge with the working directory's Pulumi.yaml. */
    public static ConfigSource parse(String stack, String origin, String yamlText) {
        return CliConfigMerge.apply(ProjectConfig.ofWorkingDirectory(), parseValues(stack, origin, yamlText));
    }

    /** Reads a stack file without merging Pulumi.yaml in. */
    public static Values read(String stack, Path path) {
        String origin = path.getFileName().toString();
        String text;
        try {
            text = Files.readString(path);
        } catch (java.nio.charset.MalformedInputException e) {
            throw single(ConfigRule.STACK_FILE,
                    stack, origin, "(file)", path + " is not UTF-8 text (a byte sequence that is not UTF-8"
                            + " was found; Latin-1 or a binary file?)",
                    "save the stack file as UTF-8, as the Pulumi CLI writes it");
        } catch (NoSuchFileException e) {
            throw single(ConfigRule.STACK_FILE, stack, origin, "(file)", "the stack file " + path + " does not exist",
                    "create it (pulumi stack init " + stack + ") or pass --config-file");
        } catch (IOException e) {
            throw single(ConfigRule.STACK_FILE, stack, origin, "(file)", "cannot read " + path + ": " + e.getMessage(),
                    "check the file's permissions");
        }
        return parseValues(stack, origin, text);
    }

    public static Values parseValues(String stack, String origin, String yamlText) {
        Object document;
        try {
            // The CLI's YAML reader (gopkg.in/yaml.v3, Unmarshal) decodes the first document only: a trailing
            // "---" (an empty second document) is no error.
            var documents = CliYaml.yaml().loadAll(yamlText).iterator();
            document = documents.hasNext() ? documents.next() : null;
        } catch (MarkedYAMLException e) {
            // The context mark is where the broken construct starts (an unclosed bracket), which is the
            // line to fix; the problem mark may be the end of the file.
            var problemAt = e.getProblemMark();
            var contextAt = e.getContextMark();
            String problem = contextAt == null
                    ? "YAML syntax error at " + position(problemAt) + ": " + e.getProblem()
                    : "YAML syntax error at " + position(contextAt) + ": " + e.getContext() + ": " + e.getProblem()
                            + " (at " + position(problemAt) + ")";
            throw single(ConfigRule.YAML_SYNTAX, stack, origin, "(YAML)", problem,
                    "correct the YAML at that line; pulumi config set --path edits the file safely");
        } catch (YAMLException e) {
            throw single(ConfigRule.YAML_SYNTAX, stack, origin, "(YAML)", "not valid YAML: " + e.getMessage(),
                    "correct the YAML");
        }
        if (document == null) {
            return new Values(stack, origin, Map.of());
        }
        if (!(document instanceof Map<?, ?> top)) {
            throw single(ConfigRule.STACK_FILE, stack, origin, "(file)",
                    "a stack file is a map with a config: section, found " + describe(document),
                    "start the file with 'config:'");
        }
        if (top.containsKey("environment")) {
            // Pulumi ESC: the CLI resolves the imported environments and merges their pulumiConfig into the
            // stack's config (workspace/config.go, mergeConfig); the offline preview has no ESC to ask.
            throw single(ConfigRule.STACK_FILE, stack, origin, "environment",
                    "imports Pulumi ESC environments (" + describe(top.get("environment"))
                            + "), which the offline preview cannot resolve: any config key may come from them, so"
                            + " the plan would be of a config the CLI never sees",
                    "preview with pulumi preview, or write the resolved values (pulumi config --show-secrets) into a"
                            + " file and pass it with --config-file");
        }
        Object config = top.get("config");
        if (config == null) {
            return new Values(stack, origin, Map.of());
        }
        if (!(config instanceof Map<?, ?> entries)) {
            throw single(ConfigRule.STACK_FILE, stack, origin, "config",
                    "config: must be a map of keys to values, found " + describe(config),
                    "write each setting as 'namespace:key: value' under config:");
        }
        var values = new TreeMap<String, Value>();
        for (var entry : entries.entrySet()) {
            Object value = entry.getValue();
            rejectNonFinite(stack, origin, String.valueOf(entry.getKey()), value);
            boolean secure = isSecure(value);
            String key = String.valueOf(entry.getKey());
            values.put(key, new Value(cliText(stack, origin, key, value), !secure && isStructure(value), secure));
        }
        return new Values(stack, origin, values);
    }

    private static String position(org.yaml.snakeyaml.error.Mark mark) {
        return mark == null ? "an unknown position" : "line " + (mark.getLine() + 1) + ", column " + (mark.getColumn() + 1);
    }

    /**
     * What the CLI passes for a value: scalars as text, structures as JSON. A {@code secure:} value is
     * encrypted with the stack's key, which the offline preview does not have: it reads as "[secret]".
     */
    private static String cliText(String stack, String origin, String key, Object value) {
        Object plain = withoutSecrets(value);
        if (plain == null) {
            return "";
        }
        if (plain instanceof Map<?, ?> || plain instanceof List<?>) {
            var text = new CliYaml.BoundedWriter(MAX_VALUE_CHARS);
            try {
                Json.COMPACT.toJson(plain, text);
            } catch (CliYaml.BoundedWriter.TooLong e) {
                throw single(ConfigRule.WRONG_TYPE, stack, origin, key.replaceFirst("^[^:]+:", ""),
                        "the value is more than " + MAX_VALUE_CHARS + " characters as the Pulumi CLI passes it (JSON, in"
                                + " the PULUMI_CONFIG environment variable, and Linux takes at most 131072 bytes for one:"
                                + " execve(2), MAX_ARG_STRLEN); YAML aliases can make a short file that large",
                        "write the value out without repeating aliases, far smaller");
            }
            return text.toString();
        }
        return String.valueOf(plain);
    }

    /** A value the CLI could not hand over: the whole PULUMI_CONFIG string is bounded by MAX_ARG_STRLEN. */
    static final int MAX_VALUE_CHARS = 131_072;

    /**
     * YAML's .nan and .inf are numbers to YAML but not to JSON, in which the CLI hands structured values to the
     * program (Go's encoding/json refuses them): a configuration error, naming the key.
     */
    private static void rejectNonFinite(String stack, String origin, String path, Object value) {
        if (value instanceof Double d && (d.isNaN() || d.isInfinite())) {
            throw single(ConfigRule.WRONG_TYPE,
                    stack, origin, path.replaceFirst("^[^:]+:", ""), "'" + d + "' is not a finite number",
                    "write a number such as 0.7 or 1024");
        }
        if (value instanceof Map<?, ?> map) {
            map.forEach((k, v) -> rejectNonFinite(stack, origin, path + "." + k, v));
        } else if (value instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                rejectNonFinite(stack, origin, path + "[" + i + "]", list.get(i));
            }
        }
    }

    private static boolean isSecure(Object value) {
        return value instanceof Map<?, ?> map && map.size() == 1 && map.containsKey("secure");
    }

    private static boolean isStructure(Object value) {
        return value instanceof Map<?, ?> || value instanceof List<?>;
    }

    /** Each secure value as the placeholder, keys sorted as Go's encoding/json writes the CLI's object values. */
    private static Object withoutSecrets(Object value) {
        return Json.rebuild(value, node -> node instanceof Map<?, ?> map && isSecure(map)
                ? java.util.Optional.of(SettingsParser.SECRET_PLACEHOLDER) : java.util.Optional.empty(), true);
    }

    static String describe(Object value) {
        if (value instanceof Map<?, ?>) {
            return "a map";
        }
        if (value instanceof List<?>) {
            return "a list";
        }
        return "'" + value + "'";
    }

    private static InvalidConfigException single(ConfigRule rule, String stack, String origin, String key, String problem,
                                                  String fix) {
        return new InvalidConfigException(stack, List.of(Problem.of(rule, origin, null, key, problem, fix)));
    }

}
