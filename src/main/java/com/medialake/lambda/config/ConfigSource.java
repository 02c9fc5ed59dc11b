package com.medialake.lambda.config;

import java.util.Optional;
import java.util.Set;

/**
 * Stack configuration as the Pulumi CLI hands it to a program: full keys ({@code aws:region},
 * {@code medialake-lambda:functions}) to strings, structured values as JSON text.
 */
public interface ConfigSource {
    /** The stack name. */
    String stack();

    /** Where the values come from, named in every error: the stack file. */
    String origin();

    Optional<String> get(String fullKey);

    /** Every key present, so that unknown ones can be reported. */
    Set<String> keys();
}
