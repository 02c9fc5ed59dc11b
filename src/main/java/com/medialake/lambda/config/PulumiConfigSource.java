package com.medialake.lambda.config;

import java.util.Map;
import java.util.Set;

/**
 * Stack configuration under the Pulumi CLI: every key the CLI passed, after its merge with Pulumi.yaml, so
 * that a misspelled key or namespace is reported as the offline preview reports it (the CLI does not refuse
 * undeclared keys, and a program that asked only for the keys it knows would never see them). The process
 * gets it from its environment: runtime.CliDeployment.config.
 */
public final class PulumiConfigSource {
    private PulumiConfigSource() {
    }

    /** The config the CLI passes for a stack: full keys to text, and which of them are secrets. */
    public static ConfigSource of(String stack, Map<String, String> config, Set<String> secretKeys) {
        return new ConfigSource(stack, StackFile.fileName(stack), config, secretKeys);
    }
}
