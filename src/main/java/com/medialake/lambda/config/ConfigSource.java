package com.medialake.lambda.config;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Stack configuration as the Pulumi CLI hands it to a program: full keys ({@code aws:region},
 * {@code medialake-lambda:functions}) to strings, structured values as JSON text. {@link StackFile} reads
 * it from a stack file, {@link PulumiConfigSource} from {@code ctx.config(...)}.
 *
 * @param stack  the stack name
 * @param origin where the values come from, named in every error: the stack file
 * @param values every key present, so that unknown ones can be reported
 */
public record ConfigSource(String stack, String origin, Map<String, String> values) {
    public ConfigSource {
        values = java.util.Collections.unmodifiableSortedMap(new TreeMap<>(values));
    }

    public Optional<String> get(String fullKey) {
        return Optional.ofNullable(values.get(fullKey));
    }

    public Set<String> keys() {
        return values.keySet();
    }
}
