package com.medialake.lambda.config;

import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Stack configuration as the Pulumi CLI hands it to a program: full keys ({@code aws:region},
 * {@code medialake-lambda:functions}) to strings, structured values as JSON text, after Pulumi.yaml's
 * declarations were merged in. {@link StackFile} builds it from a stack file and Pulumi.yaml, as the CLI
 * does; {@link PulumiConfigSource} from what the CLI passed to the program.
 *
 * @param stack      the stack name
 * @param origin     where the values come from, named in every error: the stack file
 * @param values     every key present, so that unknown ones can be reported
 * @param secretKeys the keys whose values are secrets (stored encrypted)
 */
public record ConfigSource(String stack, String origin, Map<String, String> values, Set<String> secretKeys) {
    public ConfigSource {
        values = Collections.unmodifiableSortedMap(new TreeMap<>(values));
        secretKeys = Collections.unmodifiableSortedSet(new TreeSet<>(secretKeys));
    }

    public ConfigSource(String stack, String origin, Map<String, String> values) {
        this(stack, origin, values, Set.of());
    }

    public Optional<String> get(String fullKey) {
        return Optional.ofNullable(values.get(fullKey));
    }

    public Set<String> keys() {
        return values.keySet();
    }
}
