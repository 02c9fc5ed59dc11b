package com.medialake.lambda.config;

import com.medialake.lambda.rules.ConfigRule;
import com.medialake.lambda.rules.Problem;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * The {@code config:} block of Pulumi.yaml as the Pulumi CLI reads it (pulumi/pulumi
 * sdk/go/common/workspace/project.go: {@code ProjectConfigType}, {@code RewriteShorthandConfigValues},
 * {@code Project.Validate}): per key an optional type, default, fixed value and secret flag.
 *
 * @param directory    the project folder (where Pulumi.yaml is); handlers and stack files are found from here
 * @param name         the project name, the default config namespace
 * @param declarations the declared keys as written (project keys without their namespace), sorted
 */
public record ProjectConfig(Path directory, String name, Map<String, Declaration> declarations) {
    public static final String FILE_NAME = "Pulumi.yaml";
    private static final Map<Path, ProjectConfig> LOADED = new ConcurrentHashMap<>();

    public ProjectConfig {
        declarations = Collections.unmodifiableSortedMap(new TreeMap<>(declarations));
    }

    /**
     * One declared key.
     *
     * @param type         {@code string}, {@code integer}, {@code boolean}, {@code array} or {@code object}; empty
     *                     when the key is not explicitly typed (the CLI then checks nothing)
     * @param items        for arrays, the item type (nested maps of {@code type} and {@code items})
     * @param defaultValue the {@code default:}, or null
     * @param value        the {@code value:}, or null
     */
    public record Declaration(Optional<String> type, Object items, Object defaultValue, Object value, boolean secret,
                              String description) {
    }

    /**
     * The project of the working directory: Pulumi.yaml there or in the nearest parent, as the CLI finds it
     * (sdk/go/common/workspace/paths.go, {@code DetectProjectPathFrom}).
     */
    public static ProjectConfig ofWorkingDirectory() {
        Path here = Path.of("").toAbsolutePath();
        for (Path dir = here; dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve(FILE_NAME))) {
                return load(dir.resolve(FILE_NAME));
            }
        }
        throw new InvalidConfigException("(no project)", List.of(Problem.of(ConfigRule.PROJECT_FILE,
                FILE_NAME, null, "(file)",
                "no " + FILE_NAME + " in " + here + " or any folder above it",
                "run from the project folder (where " + FILE_NAME + " is), as the Pulumi CLI does")));
    }

    /** Reads a Pulumi.yaml; a file the CLI would refuse is a configuration error. */
    public static ProjectConfig load(Path file) {
        return LOADED.computeIfAbsent(file.toAbsolutePath().normalize(), ProjectConfig::read);
    }

    private static ProjectConfig read(Path file) {
        String text;
        Object document;
        try {
            text = Files.readString(file);
            document = CliYaml.yaml().load(text);
        } catch (IOException | YAMLException e) {
            throw invalid("cannot read " + file + ": " + e.getMessage(), "correct " + FILE_NAME);
        }
        if (!(document instanceof Map<?, ?> project) || !(project.get("name") instanceof String name) || name.isEmpty()) {
            throw invalid("the project is missing a non-empty string 'name' attribute", "add name: to " + FILE_NAME);
        }
        var declarations = new TreeMap<String, Declaration>();
        var problems = new ArrayList<String>();
        if (project.get("config") instanceof Map<?, ?> config) {
            for (var entry : config.entrySet()) {
                String key = String.valueOf(entry.getKey());
                declarations.put(key, declaration(name, key, entry.getValue(), problems));
            }
        }
        if (!problems.isEmpty()) {
            throw invalid(String.join("; ", problems), "correct the config: block of " + FILE_NAME);
        }
        return new ProjectConfig(file.toAbsolutePath().getParent(), name, declarations);
    }

    private static Declaration declaration(String project, String key, Object raw, List<String> problems) {
        boolean ownNamespace = !key.contains(":") || key.startsWith(project + ":");
        if (!(raw instanceof Map<?, ?> spec)) {
            // The short form: "key: value" is a default for the project's keys, a fixed value for others
            // (RewriteShorthandConfigValues).
            return ownNamespace ? new Declaration(Optional.empty(), null, raw, null, false, "")
                    : new Declaration(Optional.empty(), null, null, raw, false, "");
        }
        Optional<String> type = Optional.ofNullable(spec.get("type")).map(String::valueOf);
        Object defaultValue = spec.get("default");
        Object value = spec.get("value");
        if (defaultValue != null && value != null) {
            problems.add("project config '" + key + "' cannot have both a 'default' and 'value' attribute");
        }
        if (ownNamespace && type.isPresent() && defaultValue != null
                && !CliConfigMerge.matchesType(type.get(), spec.get("items"), defaultValue)) {
            problems.add("The default value specified for configuration key '" + key
                    + "' is not of the expected type '" + type.get() + "'");
        }
        if (!ownNamespace && (type.isPresent() || defaultValue != null || value == null)) {
            problems.add("Configuration key '" + key + "' is not namespaced by the project and must give only a 'value'");
        }
        return new Declaration(type, spec.get("items"), defaultValue, value, Boolean.TRUE.equals(spec.get("secret")),
                spec.get("description") == null ? "" : String.valueOf(spec.get("description")));
    }

    private static InvalidConfigException invalid(String problem, String fix) {
        return new InvalidConfigException("(project)", List.of(Problem.of(ConfigRule.PROJECT_FILE,
                FILE_NAME, null, "config", problem, fix)));
    }

    /** The full key of a declared key: project keys without a namespace get the project's. */
    public String fullKey(String declaredKey) {
        return declaredKey.contains(":") ? declaredKey : name + ":" + declaredKey;
    }
}
