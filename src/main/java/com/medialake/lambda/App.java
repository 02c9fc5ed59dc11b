package com.medialake.lambda;

import com.medialake.lambda.config.ConfigSource;
import com.medialake.lambda.config.InvalidConfigException;
import com.medialake.lambda.config.SettingsParser;
import com.medialake.lambda.model.FunctionTable;
import com.medialake.lambda.model.StackSettings;
import com.medialake.lambda.preview.OfflinePreview;
import com.medialake.lambda.runtime.CliDeployment;
import com.pulumi.Context;
import java.util.Arrays;
import java.util.function.Consumer;

/**
 * With no arguments, the Pulumi program (Pulumi.yaml runs this jar with the {@code binary} option). With
 * {@code preview ...}, the offline preview on the SDK's mock engine.
 */
public final class App {
    static final String BARE_JAR_MESSAGE = "medialake-lambda.jar is this project's Pulumi program and runs under the"
            + " Pulumi CLI (pulumi preview --stack us-east-1, or pulumi up); to see a stack's plan without the CLI,"
            + " run bin/preview us-east-1 (java -jar target/medialake-lambda.jar preview us-east-1).";

    private App() {
    }

    /**
     * On 2 cores the common pool has parallelism 1, and CompletableFuture then starts a new thread for every
     * async step: the mock engine's thousands of steps become thousands of threads (5 s of system time for
     * 1,000 functions). Two workers avoid that. Set before anything touches CompletableFuture.
     */
    public static void useAtLeastTwoPoolWorkers() {
        String key = "java.util.concurrent.ForkJoinPool.common.parallelism";
        if (System.getProperty(key) == null) {
            System.setProperty(key, String.valueOf(Math.max(2, Runtime.getRuntime().availableProcessors() - 1)));
        }
    }

    public static void main(String[] args) {
        useAtLeastTwoPoolWorkers();
        if (args.length > 0) {
            if (args[0].equals("capacity")) {
                System.exit(com.medialake.lambda.capacity.CapacityCommand.run(Arrays.copyOfRange(args, 1, args.length),
                        System.out, System.err));
            }
            if (!args[0].equals("preview")) {
                System.err.println("usage: java -jar medialake-lambda.jar              (the Pulumi program, run by the CLI)");
                System.err.println("       java -jar medialake-lambda.jar preview STACK [--config-file PATH] [--json]");
                System.err.println("       java -jar medialake-lambda.jar capacity STACK --print-query | --metrics FILE...");
                System.exit(OfflinePreview.EXIT_USAGE);
            }
            System.exit(OfflinePreview.run(Arrays.copyOfRange(args, 1, args.length), System.out, System.err));
        }
        if (!CliDeployment.engineAvailable()) {
            System.err.println(BARE_JAR_MESSAGE);
            System.exit(1);
        }
        String stack = System.getenv("PULUMI_STACK");
        System.exit(CliDeployment.run(program(CliDeployment.config(stack))));
    }

    /**
     * The program for the config the Pulumi CLI passed: config, settings (parsed and validated, every problem
     * at once), rules, components, resources. A refusal is raised as the program's exception before anything
     * is registered, which the engine prints without a stack trace. The plan policies are not run here: they
     * check the program, not a stack's settings (no stack file can break one), and the offline preview, the
     * tests and CI run them on every stack before the deploy workflow may run (README, "Policy checks on the
     * plan"). Nothing of the offline preview is loaded on this path.
     */
    public static Consumer<Context> program(ConfigSource config) {
        return program(config, FunctionTable.MEDIALAKE);
    }

    /** The program for another function table (the benchmarks' generated fleets). */
    public static Consumer<Context> program(ConfigSource config, FunctionTable table) {
        StackSettings settings;
        try {
            settings = SettingsParser.parse(config, table);
        } catch (InvalidConfigException e) {
            return ctx -> {
                throw e;
            };
        }
        return ctx -> FleetProgram.deploy(settings).forEach(ctx::export);
    }
}
