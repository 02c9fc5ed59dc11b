package com.medialake.lambda.config;

import com.medialake.lambda.rules.Problem;
import com.pulumi.exceptions.RunException;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The stack's configuration cannot be deployed. A RunException, so that under the Pulumi CLI the engine
 * prints the message alone, without a stack trace.
 */
public final class InvalidConfigException extends RunException {
    private final String stack;
    private final List<Problem> problems;

    public InvalidConfigException(String stack, List<Problem> problems) {
        super(render(stack, problems));
        this.stack = stack;
        this.problems = List.copyOf(problems);
    }

    public String stack() {
        return stack;
    }

    public List<Problem> problems() {
        return problems;
    }

    private static String render(String stack, List<Problem> problems) {
        String count = problems.size() == 1 ? "1 problem" : problems.size() + " problems";
        return "invalid configuration for stack " + stack + " (" + count + "; nothing was deployed):\n"
                + problems.stream().map(p -> "  " + p.render()).collect(Collectors.joining("\n"));
    }
}
