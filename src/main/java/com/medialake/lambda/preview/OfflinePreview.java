package com.medialake.lambda.preview;

import com.medialake.lambda.config.InvalidConfigException;
import com.medialake.lambda.config.SettingsParser;
import com.medialake.lambda.config.StackFile;
import com.medialake.lambda.model.StackSettings;
import com.medialake.lambda.plan.Plan;
import com.medialake.lambda.plan.PlanDiff;
import com.medialake.lambda.plan.PlanJson;
import com.medialake.lambda.rules.ConfigRule;
import com.medialake.lambda.rules.Problem;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine;

/**
 * {@code preview STACK [--config-file PATH] [--json]}: the plan of a stack, computed offline on the mock
 * engine from the real stack file, checked by the plan policies. Exit 0 with a plan, 1 for a usage error,
 * 2 for invalid configuration, 3 for mandatory policy violations (nothing printed on standard output for
 * either), 4 when the program itself fails on the engine.
 */
@Command(name = "preview", mixinStandardHelpOptions = true, sortOptions = false,
        versionProvider = OfflinePreview.Version.class,
        description = "Print the plan of a stack without AWS or the Pulumi CLI, from Pulumi.STACK.yaml, or what"
                + " would change against a plan saved earlier.",
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = {"0:the plan (or the diff, whatever it holds) was printed", "1:usage error", "2:invalid configuration, nothing printed",
                "3:mandatory policy violations, nothing printed", "4:the program failed on the offline engine"})
public final class OfflinePreview implements Callable<Integer> {
    public static final int EXIT_OK = 0;
    public static final int EXIT_USAGE = 1;
    public static final int EXIT_INVALID_CONFIG = 2;
    public static final int EXIT_POLICY_VIOLATION = 3;
    public static final int EXIT_PROGRAM_FAILED = 4;

    @Parameters(arity = "1..*", paramLabel = "STACK",
            description = "the stack, for example us-east-1; several stacks preview in one process")
    List<String> stacks;

    @Option(names = "--config-file", converter = PathArgument.class, paramLabel = "PATH",
            description = "read the stack's config from PATH instead of Pulumi.STACK.yaml (one stack only)")
    Path configFile;

    @Option(names = "--json", description = "print the plan (or the diff) as one JSON document")
    boolean json;

    @Option(names = "--diff-against", converter = PathArgument.class, paramLabel = "OLD.json",
            description = "print what would change against a plan saved earlier with --json (one stack only)")
    Path diffAgainst;

    @Option(names = "--metrics", converter = PathArgument.class, arity = "1..*", paramLabel = "FILE",
            description = "price the usage (Lambda requests and duration, HTTP API requests) from the CloudWatch"
                    + " export bin/capacity --print-query makes (one stack only)")
    List<Path> metrics;

    private PrintStream out;
    private PrintStream err;

    /** The version in the jar's manifest (Implementation-Version), or "development build" from classes. */
    public static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String version = OfflinePreview.class.getPackage().getImplementationVersion();
            return new String[] {"medialake-lambda " + (version == null ? "(development build)" : version)};
        }
    }

    /** Runs the command and returns its exit status; never calls System.exit. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        return execute(command(out, err), args, out, err);
    }

    /** The command, printing on these streams (App adds it as the jar's {@code preview} subcommand). */
    public static OfflinePreview command(PrintStream out, PrintStream err) {
        var command = new OfflinePreview();
        command.out = out;
        command.err = err;
        return command;
    }

    /**
     * Runs a picocli command of this jar with its output on these streams: a wrong argument prints "error:",
     * the usage, and exits {@value #EXIT_USAGE}.
     */
    public static int execute(Object command, String[] args, PrintStream out, PrintStream err) {
        return execute(new CommandLine(command), args, out, err);
    }

    /** The same for a command line built already (the jar's, with its subcommands). */
    public static int execute(CommandLine commandLine, String[] args, PrintStream out, PrintStream err) {
        return commandLine
                .setOut(new PrintWriter(out, true))
                .setErr(new PrintWriter(err, true))
                .setParameterExceptionHandler((e, ignored) -> {
                    err.println("error: " + e.getMessage());
                    e.getCommandLine().usage(err);
                    return EXIT_USAGE;
                })
                .execute(args);
    }

    /**
     * A region the offline engine has no answers for: a typo of a known one, or a real region it lacks (the
     * Pulumi CLI, asking AWS, is not limited so; the program does not refuse it there).
     */
    private static InvalidConfigException unknownRegion(StackSettings settings) {
        String region = settings.region();
        var nearest = com.medialake.lambda.rules.Suggestions.closest(region, AwsMocks.knownRegions());
        // A region name cannot tell a typo from a region newer than this table (ap-east-2 is one digit from
        // ap-east-1): say both.
        String problem = "'" + region + "' is not a region the offline engine knows: it has no AZ list for it";
        String fix = nearest.map(n -> "did you mean " + n + "? (pulumi config set aws:region " + n + "); ").orElse("")
                + "if " + region + " is a real region, preview it with pulumi preview, or add its AZ letters to"
                + " offline-regions.properties (src/main/resources/com/medialake/lambda/preview)";
        return new InvalidConfigException(settings.stack(), java.util.List.of(Problem.of(
                ConfigRule.OFFLINE_REGION, settings.origin(), null, "aws:region", problem, fix)));
    }

    /** Stacks with a Pulumi.STACK.yaml in the working directory. */
    @Override
    public Integer call() {
        if (stacks.size() > 1 && (configFile != null || diffAgainst != null || metrics != null)) {
            err.println("error: --config-file, --diff-against and --metrics take one stack, got "
                    + String.join(" ", stacks));
            return EXIT_USAGE;
        }
        var unreadable = PathArgument.firstUnreadable(metrics == null ? List.of() : metrics);
        if (unreadable.isPresent()) {
            err.println("error: no metrics file " + unreadable.get());
            return EXIT_USAGE;
        }
        if (diffAgainst != null && !PathArgument.readable(diffAgainst)) {
            err.println("error: no saved plan " + diffAgainst + " (save one with: preview " + stacks.get(0)
                    + " --json > " + diffAgainst + ")");
            return EXIT_USAGE;
        }
        // The handlers' code is found relative to the project folder, as under the Pulumi CLI, which runs the
        // program there: from anywhere else every function's code would be missing from the plan.
        var here = Path.of("").toAbsolutePath();
        var project = here.resolve(com.medialake.lambda.config.ProjectConfig.FILE_NAME);
        if (!Files.isRegularFile(project)) {
            err.println("error: run the offline preview from the project folder (where "
                    + com.medialake.lambda.config.ProjectConfig.FILE_NAME + " is): " + here + " has none, and the"
                    + " functions' code (handlers/) is found relative to it, as under the Pulumi CLI");
            return EXIT_USAGE;
        }
        // Every stack's config is read and checked before any engine runs: all problems, then no plan.
        var settings = new ArrayList<StackSettings>();
        var problems = new ArrayList<String>();
        for (String stack : stacks) {
            var badName = StackFile.stackNameProblem(stack);
            if (badName.isPresent()) {
                err.println("error: " + badName.get());
                return EXIT_USAGE;
            }
            Path file = configFile != null ? configFile : Path.of(StackFile.fileName(stack));
            if (!PathArgument.readable(file)) {
                err.println("error: no stack file " + file + (configFile != null ? "" : " in this directory; stacks here: "
                        + String.join(", ", StackFile.stacksIn(Path.of(".")))));
                return EXIT_USAGE;
            }
            try {
                var parsed = SettingsParser.parse(StackFile.load(stack, file));
                if (!AwsMocks.knowsRegion(parsed.region())) {
                    problems.add(unknownRegion(parsed).getMessage());
                } else {
                    settings.add(parsed);
                }
            } catch (InvalidConfigException e) {
                problems.add(e.getMessage());
            }
        }
        if (!problems.isEmpty()) {
            problems.forEach(p -> err.println("error: " + p));
            return EXIT_INVALID_CONFIG;
        }
        // A saved plan says which version of each function is live: the new plan publishes from there.
        com.google.gson.JsonObject savedPlan = null;
        String before = null;
        if (diffAgainst != null) {
            try {
                before = Files.readString(diffAgainst);
            } catch (IOException e) {
                err.println("error: cannot read " + diffAgainst + ": " + e.getMessage());
                return EXIT_USAGE;
            }
            var problem = SavedPlan.problem(before, stacks.get(0));
            if (problem.isPresent()) {
                err.println("error: " + diffAgainst + " " + problem.get());
                return EXIT_USAGE;
            }
            savedPlan = com.google.gson.JsonParser.parseString(before).getAsJsonObject();
        }
        java.util.Optional<com.medialake.lambda.bill.Traffic> traffic = java.util.Optional.empty();
        if (metrics != null) {
            try {
                traffic = java.util.Optional.of(com.medialake.lambda.bill.Traffic.read(metrics, settings.get(0)));
            } catch (com.medialake.lambda.capacity.MetricData.Unreadable e) {
                err.println("error: " + e.getMessage());
                return EXIT_INVALID_CONFIG;
            }
        }
        var plans = new ArrayList<Plan>();
        var mandatory = new ArrayList<String>();
        for (StackSettings stack : settings) {
            Plan plan;
            try {
                plan = savedPlan != null ? OfflineEngine.runAfter(stack, savedPlan) : OfflineEngine.run(stack);
            } catch (InvalidConfigException e) {
                err.println("error: " + e.getMessage());
                return EXIT_INVALID_CONFIG;
            } catch (IllegalStateException e) {
                err.println("error: " + e.getMessage());
                return EXIT_PROGRAM_FAILED;
            }
            var gate = PolicyGate.of(plan);
            gate.advisories().forEach(a -> err.println("warning: " + a));
            gate.mandatory().ifPresent(mandatory::add);
            plans.add(plan);
        }
        if (!mandatory.isEmpty()) {
            mandatory.forEach(m -> err.println("error: " + m));
            return EXIT_POLICY_VIOLATION;
        }
        var bills = new ArrayList<com.medialake.lambda.bill.Bill>();
        for (Plan plan : plans) {
            bills.add(com.medialake.lambda.bill.StackBill.of(plan, traffic));
        }
        if (diffAgainst != null) {
            try {
                String now = PlanJson.render(plans.get(0), bills.get(0).json());
                var changes = PlanDiff.between(before, now);
                var cost = com.medialake.lambda.plan.CostDelta.between(before, now);
                out.print(json ? PlanDiff.renderJson(changes, cost) : PlanDiff.renderText(changes, cost));
            } catch (RuntimeException e) {
                err.println("error: " + diffAgainst + " is not a plan saved with --json: " + e.getMessage());
                return EXIT_USAGE;
            }
        } else if (json) {
            var rendered = new ArrayList<String>();
            for (int i = 0; i < plans.size(); i++) {
                rendered.add(PlanJson.render(plans.get(i), bills.get(i).json()));
            }
            out.print(plans.size() == 1 ? rendered.get(0)
                    : "[\n" + rendered.stream().map(String::strip).collect(Collectors.joining(",\n")) + "\n]\n");
        } else {
            var rendered = new ArrayList<String>();
            for (int i = 0; i < plans.size(); i++) {
                rendered.add(PlanText.render(plans.get(i), bills.get(i)));
            }
            out.print(String.join("\n", rendered));
        }
        out.flush();
        return EXIT_OK;
    }
}
