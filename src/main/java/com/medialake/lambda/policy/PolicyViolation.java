package com.medialake.lambda.policy;

/**
 * A registered resource that breaks a policy rule.
 *
 * @param ruleId   the rule, for example efs-encrypted
 * @param severity whether it fails the preview
 * @param checkov  the Checkov ids of the same check, or empty
 * @param resource the offending resource's type and logical name
 * @param message  what is wrong
 * @param fix      how to fix it
 */
public record PolicyViolation(String ruleId, Severity severity, String checkov, String resource, String message,
                              String fix) {

    public String render() {
        return "[" + ruleId + (checkov.isEmpty() ? "" : ", " + checkov) + "] " + resource + ": " + message
                + "\n    fix: " + fix;
    }
}
