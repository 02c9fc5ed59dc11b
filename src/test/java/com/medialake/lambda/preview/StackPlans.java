package com.medialake.lambda.preview;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonParser;
import com.medialake.lambda.config.SettingsParser;
import com.medialake.lambda.config.StackFile;
import com.medialake.lambda.plan.Plan;
import com.medialake.lambda.plan.PlannedResource;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The real stack files run through the offline engine, once per stack per test JVM. */
public final class StackPlans {
    /** Every stack of the project: one per Pulumi.STACK.yaml, never a list kept by hand. */
    public static final List<String> STACKS = discover();
    private static final Map<String, Plan> PLANS = new ConcurrentHashMap<>();

    private StackPlans() {
    }

    private static List<String> discover() {
        try (var files = java.nio.file.Files.list(Path.of("."))) {
            return files.map(f -> f.getFileName().toString()).filter(n -> n.matches("Pulumi\\..+\\.yaml"))
                    .map(n -> n.substring("Pulumi.".length(), n.length() - ".yaml".length())).sorted().toList();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** For @MethodSource("com.medialake.lambda.preview.StackPlans#stacks"). */
    public static List<String> stacks() {
        return STACKS;
    }

    public static Plan of(String stack) {
        return PLANS.computeIfAbsent(stack, s ->
                OfflineEngine.run(SettingsParser.parse(StackFile.load(s, Path.of(StackFile.fileName(s))))));
    }

    static List<String> strings(JsonElement array) {
        var out = new ArrayList<String>();
        ((JsonArray) array).forEach(e -> out.add(e.getAsString()));
        return out;
    }

    /** A policy document input, parsed. */
    static JsonElement policy(PlannedResource r, String key) {
        return JsonParser.parseString(r.input(key));
    }
}
