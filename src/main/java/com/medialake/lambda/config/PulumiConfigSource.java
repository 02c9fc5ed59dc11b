package com.medialake.lambda.config;

import com.pulumi.Context;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Stack configuration under the Pulumi CLI, read through {@code ctx.config(...)}. Only the keys this program
 * knows are read: the CLI itself rejects project keys that Pulumi.yaml does not declare.
 */
public final class PulumiConfigSource implements ConfigSource {
    private final String stack;
    private final Map<String, String> values = new TreeMap<>();

    private PulumiConfigSource(String stack) {
        this.stack = stack;
    }

    public static PulumiConfigSource of(Context ctx) {
        var source = new PulumiConfigSource(ctx.stackName());
        ctx.config("aws").get("region").ifPresent(v -> source.values.put(SettingsParser.REGION_KEY, v));
        var project = ctx.config(SettingsParser.NAMESPACE);
        for (String key : SettingsParser.KEYS) {
            project.get(key).ifPresent(v -> source.values.put(SettingsParser.NAMESPACE + ":" + key, v));
        }
        return source;
    }

    @Override
    public String stack() {
        return stack;
    }

    @Override
    public String origin() {
        return StackFile.fileName(stack);
    }

    @Override
    public Optional<String> get(String fullKey) {
        return Optional.ofNullable(values.get(fullKey));
    }

    @Override
    public Set<String> keys() {
        return values.keySet();
    }
}
