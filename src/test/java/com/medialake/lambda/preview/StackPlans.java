package com.medialake.lambda.preview;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonParser;
import com.medialake.lambda.App;
import com.medialake.lambda.config.ConfigSource;
import com.medialake.lambda.config.PulumiConfigSource;
import com.medialake.lambda.config.SettingsParser;
import com.medialake.lambda.config.StackFile;
import com.medialake.lambda.model.FunctionTable;
import com.medialake.lambda.model.StackSettings;
import com.medialake.lambda.plan.Plan;
import com.medialake.lambda.plan.PlannedResource;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The tests' one way to a plan: the real stack files (discovered, never listed) or a stack file's text,
 * through the parser and the offline engine, the production program under the mock engine, or the command
 * line. Plans of the real stack files are made once per test JVM.
 */
public final class StackPlans {
    /** Every stack of the project: one per Pulumi.STACK.yaml, never a list kept by hand. */
    public static final List<String> STACKS = StackFile.stacksIn(Path.of("."));
    private static final Map<String, Plan> PLANS = new ConcurrentHashMap<>();

    private StackPlans() {
    }

    /** For @MethodSource("com.medialake.lambda.preview.StackPlans#stacks"). */
    public static List<String> stacks() {
        return STACKS;
    }

    /** The plan of a real stack file. */
    public static Plan of(String stack) {
        return PLANS.computeIfAbsent(stack, s ->
                OfflineEngine.run(SettingsParser.parse(StackFile.load(s, Path.of(StackFile.fileName(s))))));
    }

    /** The settings of a real stack file: those its plan was made from. */
    public static StackSettings settings(String stack) {
        return of(stack).settings();
    }

    /** The settings of a stack file's text, read as Pulumi.STACK.yaml. */
    public static StackSettings settings(String stack, String yaml) {
        return settings(stack, yaml, FunctionTable.MEDIALAKE);
    }

    public static StackSettings settings(String stack, String yaml, FunctionTable table) {
        return SettingsParser.parse(file(stack, yaml), table);
    }

    /**
     * collections_api's autoscaling as eu-west-1 runs it (README: 1-4, 2-6 in business hours, Europe/Dublin),
     * as settings for {@link #stackFile}; more functions may follow under the same functions: key.
     */
    /** search_api without PC and with SnapStart: a function watched by its restores. */
    public static final String SNAPSTART_SEARCH_API = """
            functions:
              search_api:
                provisionedConcurrency: 0
                snapStart: true
                publish: true
            """;

    public static final String BUSINESS_HOURS = """
            functions:
              collections_api:
                autoscaling:
                  min: 1
                  max: 4
                  schedules:
                    - {name: business-hours, cron: "0 8 ? * MON-FRI *", timezone: Europe/Dublin, min: 2, max: 6}
                    - {name: off-hours, cron: "0 19 ? * MON-FRI *", timezone: Europe/Dublin, min: 1, max: 4}
            """;

    /**
     * A stack file's text for a region and the program's settings, written as the settings' keys (functions:,
     * network:, alarmEmail: ...): each top-level key goes into the project's namespace, as
     * {@code pulumi config set --path} writes it.
     */
    public static String stackFile(String region, String settings) {
        var out = new StringBuilder("config:\n  aws:region: ").append(region).append('\n');
        for (String line : settings.split("\n")) {
            boolean topLevelKey = !line.isBlank() && !line.startsWith(" ") && !line.startsWith("#");
            out.append("  ").append(topLevelKey ? StackSettings.PROJECT + ":" : "").append(line).append('\n');
        }
        return out.toString();
    }

    /** A stack file's text, read as the CLI reads Pulumi.STACK.yaml. */
    public static ConfigSource file(String stack, String yaml) {
        return StackFile.parse(stack, StackFile.fileName(stack), yaml);
    }

    /** The offline plan of a stack file's text. */
    public static Plan plan(String stack, String yaml) {
        return OfflineEngine.run(settings(stack, yaml));
    }

    /**
     * The production program (App.program, as the CLI runs it) for a stack file's text, on the mock engine
     * with AWS answering this quota.
     */
    public static OfflineEngine.Run production(String stack, String yaml, long realQuota) {
        var config = file(stack, yaml);
        var monitor = new OfflineEngine.RecordingMonitor(new AwsMocks(stack, realQuota));
        return OfflineEngine.run(StackSettings.PROJECT, stack, monitor, config.values(),
                App.program(PulumiConfigSource.of(stack, config.values(), config.secretKeys())));
    }

    /** What a command line did: bin/preview's or bin/capacity's. */
    public record Cli(int status, String out, String err) {
    }

    /** A command as App.main dispatches it: arguments, standard output and error, exit status. */
    @FunctionalInterface
    public interface Command {
        int run(String[] args, PrintStream out, PrintStream err);
    }

    public static Cli run(Command command, String... args) {
        var out = new ByteArrayOutputStream();
        var err = new ByteArrayOutputStream();
        int status = command.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Cli(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** The offline preview's command line. */
    public static Cli preview(String... args) {
        return run(OfflinePreview::run, args);
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
