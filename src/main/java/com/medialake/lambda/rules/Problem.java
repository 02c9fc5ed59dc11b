package com.medialake.lambda.rules;

import java.util.Objects;

/**
 * One thing wrong, said so that the reader can fix it without the code: in a stack's configuration (found
 * before anything is registered) or in a registered resource (found by a policy on the plan). The one record
 * for both, so that every message has the same parts in the same order.
 *
 * @param id          the rule's stable id, as the README's rule tables list it ({@link ConfigRule}, or a
 *                    policy's id); it leads the message, so a reader can look it up and a test can name it
 * @param severity    mandatory problems refuse the stack; advisory ones are warnings
 * @param where       the stack file, or the offending resource's type and logical name; null until known
 * @param function    the function concerned, or null
 * @param key         the config path to change, without the project namespace (functions.search_api.memoryMb),
 *                    as {@code pulumi config set --path} takes it; null for a problem found on the plan
 * @param message     what is wrong, with the value found
 * @param fix         what to do
 * @param alsoKnownAs the same check elsewhere (Checkov ids), or empty
 */
public record Problem(String id, Severity severity, String where, String function, String key, String message,
                      String fix, String alsoKnownAs) {

    public Problem {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(alsoKnownAs, "alsoKnownAs");
    }

    /** A configuration problem, located in its stack file by {@link #in}. */
    public static Problem of(ConfigRule rule, String function, String key, String message, String fix) {
        return new Problem(rule.id(), Severity.MANDATORY, null, function, key, message, fix, "");
    }

    /** A configuration problem in the given stack file. */
    public static Problem of(ConfigRule rule, String origin, String function, String key, String message,
                             String fix) {
        return new Problem(rule.id(), Severity.MANDATORY, origin, function, key, message, fix, "");
    }

    /** A registered resource that breaks a policy rule. */
    public static Problem onResource(String ruleId, Severity severity, String alsoKnownAs, String resource,
                                     String message, String fix) {
        return new Problem(ruleId, severity, resource, null, null, message, fix, alsoKnownAs);
    }

    /** The same problem, located in a stack file. */
    public Problem in(String origin) {
        return new Problem(id, severity, origin, function, key, message, fix, alsoKnownAs);
    }

    /** {@code [id] where: function f: key: message}, then the fix on its own line. */
    public String render() {
        var line = new StringBuilder("[").append(id).append(alsoKnownAs.isEmpty() ? "" : ", " + alsoKnownAs)
                .append("] ");
        if (where != null) {
            line.append(where).append(": ");
        }
        if (function != null) {
            line.append("function ").append(function).append(": ");
        }
        if (key != null) {
            line.append(key).append(": ");
        }
        return line.append(message).append("\n    fix: ").append(fix).toString();
    }
}
