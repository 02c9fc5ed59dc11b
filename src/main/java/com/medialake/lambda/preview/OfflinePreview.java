package com.medialake.lambda.preview;

import com.medialake.lambda.config.InvalidConfigException;
import com.medialake.lambda.config.SettingsParser;
import com.medialake.lambda.config.StackFile;
import com.medialake.lambda.policy.PlanPolicies;
import com.medialake.lambda.policy.Severity;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code preview STACK [--config-file PATH] [--json]}: the plan of a stack, computed offline on the mock
 * engine from the real stack file, checked by the plan policies. Exit 0 with a plan, 1 for a usage error,
 * 2 for invalid configuration, 3 for mandatory policy violations (nothing printed on standard output for
 * either), 4 when the program itself fails on the engine.
 */
@Command(name = "preview", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Print the plan of a stack without AWS or the Pulumi CLI, from Pulumi.STACK.yaml.",
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = {"0:the plan was printed", "1:usage error", "2:invalid configuration, nothing printed",
                "3:mandatory policy violations, nothing printed", "4:the program failed on the offline engine"})
public final class OfflinePreview implements Callable<Integer> {
    public static final int EXIT_OK = 0;
    public static final int EXIT_USAGE = 1;
    public static final int EXIT_INVALID_CONFIG = 2;
    public static final int EXIT_POLICY_VIOLATION = 3;
    public static final int EXIT_PROGRAM_FAILED = 4;

    @Parameters(index = "0", paramLabel = "STACK", description = "the stack, for example us-east-1")
    String stack;

    @Option(names = "--config-file", paramLabel = "PATH",
            description = "read the stack's config from PATH instead of Pulumi.STACK.yaml")
    Path configFile;

    @Option(names = "--json", description = "print the plan as one JSON document")
    boolean json;

    private PrintStream out;
    private PrintStream err;

    /** Runs the command and returns its exit status; never calls System.exit. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        var command = new OfflinePreview();
        command.out = out;
        command.err = err;
        var cli = new CommandLine(command)
                .setOut(new PrintWriter(out, true))
                .setErr(new PrintWriter(err, true))
                .setParameterExceptionHandler((e, ignored) -> {
                    err.println("error: " + e.getMessage());
                    e.getCommandLine().usage(err);
                    return EXIT_USAGE;
                });
        return cli.execute(args);
    }

    /** Stacks with a Pulumi.STACK.yaml in the working directory. */
    private static List<String> stacksHere() {
        try (var files = Files.list(Path.of("."))) {
            return files.map(f -> f.getFileName().toString())
                    .filter(n -> n.startsWith("Pulumi.") && n.endsWith(".yaml") && !n.equals("Pulumi.yaml"))
                    .map(n -> n.substring("Pulumi.".length(), n.length() - ".yaml".length()))
                    .sorted().toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    @Override
    public Integer call() {
        Path file = configFile != null ? configFile : Path.of(StackFile.fileName(stack));
        if (!Files.isRegularFile(file)) {
            err.println("error: no stack file " + file + (configFile != null ? "" : " in this directory; stacks here: "
                    + String.join(", ", stacksHere())));
            return EXIT_USAGE;
        }
        Plan plan;
        try {
            var settings = SettingsParser.parse(StackFile.load(stack, file));
            plan = OfflineEngine.run(settings);
        } catch (InvalidConfigException e) {
            err.println("error: " + e.getMessage());
            return EXIT_INVALID_CONFIG;
        } catch (IllegalStateException e) {
            err.println("error: " + e.getMessage());
            return EXIT_PROGRAM_FAILED;
        }
        var violations = PlanPolicies.evaluate(plan);
        var mandatory = violations.stream().filter(v -> v.severity() == Severity.MANDATORY).toList();
        violations.stream().filter(v -> v.severity() == Severity.ADVISORY)
                .forEach(v -> err.println("warning: " + v.render()));
        if (!mandatory.isEmpty()) {
            err.println("error: " + mandatory.size() + " mandatory policy violation" + (mandatory.size() == 1 ? "" : "s")
                    + " in stack " + stack + "; nothing printed:");
            mandatory.forEach(v -> err.println("  " + v.render()));
            return EXIT_POLICY_VIOLATION;
        }
        out.print(json ? PlanJson.render(plan) : PlanText.render(plan));
        out.flush();
        return EXIT_OK;
    }
}
