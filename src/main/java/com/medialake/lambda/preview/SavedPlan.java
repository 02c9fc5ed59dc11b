package com.medialake.lambda.preview;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.util.List;
import java.util.Optional;

/**
 * What a file given to --diff-against must be: a plan this preview saved with --json for the same stack.
 * Anything else is said plainly, never as a JSON library's exception.
 */
final class SavedPlan {
    private static final List<String> RESOURCE_FIELDS = List.of("urn", "type", "name", "inputs");

    private SavedPlan() {
    }

    /** What is wrong with the text as a saved plan of {@code stack}, or empty when it is one. */
    static Optional<String> problem(String text, String stack) {
        JsonElement document;
        try {
            document = JsonParser.parseString(text);
        } catch (RuntimeException e) {
            return Optional.of("is not JSON (" + where(e) + "); save a plan with: preview " + stack
                    + " --json > plan.json");
        }
        if (!document.isJsonObject()) {
            return Optional.of("is not a saved plan: a plan is one JSON object (an array holds the plans of several"
                    + " stacks; save one stack's plan)");
        }
        JsonObject plan = document.getAsJsonObject();
        if (plan.has("changes") && !plan.has("resources")) {
            return Optional.of("is a diff (preview --diff-against --json), not a plan; diff against the plan it was"
                    + " made from");
        }
        for (String field : List.of("project", "stack", "resources")) {
            if (!plan.has(field)) {
                return Optional.of("is not a saved plan: it has no \"" + field + "\" (a plan saved with --json has"
                        + " project, stack, resources, outputs and cost)");
            }
        }
        if (!plan.get("stack").isJsonPrimitive()) {
            return Optional.of("is not a saved plan: \"stack\" is not a stack name");
        }
        String savedStack = plan.get("stack").getAsString();
        if (!savedStack.equals(stack)) {
            return Optional.of("is the plan of stack " + savedStack + ", not of " + stack + ": a diff would delete"
                    + " and create whole stacks; diff against a plan of " + stack);
        }
        if (!plan.get("resources").isJsonArray()) {
            return Optional.of("is not a saved plan: \"resources\" is not a list");
        }
        int i = 0;
        for (JsonElement resource : plan.getAsJsonArray("resources")) {
            if (!resource.isJsonObject()) {
                return Optional.of("is not a saved plan: resources[" + i + "] is not an object");
            }
            for (String field : RESOURCE_FIELDS) {
                var value = resource.getAsJsonObject().get(field);
                boolean ok = value != null && (field.equals("inputs") ? value.isJsonObject() : value.isJsonPrimitive());
                if (!ok) {
                    return Optional.of("is not a saved plan: resources[" + i + "] has no valid \"" + field + "\"");
                }
            }
            i++;
        }
        return Optional.empty();
    }

    /** Where the JSON breaks, without the parser's class names. */
    private static String where(RuntimeException e) {
        String message = String.valueOf(e.getMessage());
        var at = java.util.regex.Pattern.compile("line (\\d+) column (\\d+)").matcher(message);
        String position = at.find() ? " at line " + at.group(1) + ", column " + at.group(2) : "";
        return (message.contains("EOFException") || message.contains("End of input") ? "it ends too soon" : "malformed")
                + position;
    }
}
