package com.medialake.lambda.config;

/**
 * One thing wrong with a stack's configuration, said so that the reader can fix it without the code.
 *
 * @param origin   the stack file
 * @param function the function concerned, or null
 * @param key      the config key or path, as {@code pulumi config set --path} takes it
 * @param problem  what is wrong, with the value found
 * @param fix      what to do
 */
public record ConfigProblem(String origin, String function, String key, String problem, String fix) {

    public String render() {
        var where = new StringBuilder(origin).append(": ");
        if (function != null) {
            where.append("function ").append(function).append(": ");
        }
        return where + key + ": " + problem + "\n    fix: " + fix;
    }
}
