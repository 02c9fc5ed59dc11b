package com.medialake.lambda.rules;

/**
 * A rule broken by a stack's settings.
 *
 * @param function the function it concerns, or null for a stack-wide setting
 * @param key      the config path to change, without the project namespace (functions.search_api.memoryMb)
 * @param problem  what is wrong, with the offending value
 * @param fix      what to do about it
 */
public record Violation(String function, String key, String problem, String fix) {
}
