package com.medialake.lambda.config;

import com.pulumi.Context;
import java.util.TreeMap;

/**
 * Stack configuration under the Pulumi CLI, read through {@code ctx.config(...)}. Only the keys this program
 * knows are read: the CLI itself rejects project keys that Pulumi.yaml does not declare.
 */
public final class PulumiConfigSource {
    private PulumiConfigSource() {
    }

    public static ConfigSource of(Context ctx) {
        var values = new TreeMap<String, String>();
        ctx.config("aws").get("region").ifPresent(v -> values.put(SettingsParser.REGION_KEY, v));
        var project = ctx.config(SettingsParser.NAMESPACE);
        for (String key : SettingsParser.KEYS) {
            project.get(key).ifPresent(v -> values.put(SettingsParser.NAMESPACE + ":" + key, v));
        }
        return new ConfigSource(ctx.stackName(), StackFile.fileName(ctx.stackName()), values);
    }
}
