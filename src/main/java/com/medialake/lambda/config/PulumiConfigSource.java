package com.medialake.lambda.config;

import com.pulumi.deployment.internal.DeploymentImpl;
import java.util.Map;
import java.util.Set;

/**
 * Stack configuration under the Pulumi CLI: every key the CLI passed, after its merge with Pulumi.yaml, so
 * that a misspelled key or namespace is reported as the offline preview reports it (the CLI does not refuse
 * undeclared keys, and a program that asked only for the keys it knows would never see them).
 */
public final class PulumiConfigSource {
    private PulumiConfigSource() {
    }

    /**
     * What the language host passed: PULUMI_CONFIG (a JSON object, "project:key" to text) and
     * PULUMI_CONFIG_SECRET_KEYS (a JSON array), parsed by the SDK's own parser
     * ({@code com.pulumi.deployment.internal.DeploymentImpl.Config.parseConfig}), which is what
     * {@code ctx.config(...)} reads.
     */
    public static ConfigSource fromEnvironment(String stack) {
        String config = System.getenv("PULUMI_CONFIG");
        String secretKeys = System.getenv("PULUMI_CONFIG_SECRET_KEYS");
        return of(stack, config == null || config.isBlank() ? Map.of() : DeploymentImpl.Config.parseConfig(config),
                secretKeys == null || secretKeys.isBlank() ? Set.of()
                        : DeploymentImpl.Config.parseConfigSecretKeys(secretKeys));
    }

    /** The config the CLI passes for a stack: full keys to text, and which of them are secrets. */
    public static ConfigSource of(String stack, Map<String, String> config, Set<String> secretKeys) {
        return new ConfigSource(stack, StackFile.fileName(stack), config, secretKeys);
    }
}
