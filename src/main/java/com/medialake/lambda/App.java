package com.medialake.lambda;

import com.medialake.lambda.config.PulumiConfigSource;
import com.medialake.lambda.config.SettingsParser;
import com.medialake.lambda.infra.MediaLakeFleet;
import com.medialake.lambda.preview.OfflinePreview;
import com.pulumi.Context;
import com.pulumi.Pulumi;
import java.util.Arrays;

/**
 * With no arguments, the Pulumi program (Pulumi.yaml runs this jar with the {@code binary} option). With
 * {@code preview ...}, the offline preview on the SDK's mock engine.
 */
public final class App {
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
        if (args.length > 0) {
            useAtLeastTwoPoolWorkers();
            if (!args[0].equals("preview")) {
                System.err.println("usage: java -jar medialake-lambda.jar              (the Pulumi program, run by the CLI)");
                System.err.println("       java -jar medialake-lambda.jar preview STACK [--config-file PATH] [--json]");
                System.exit(OfflinePreview.EXIT_USAGE);
            }
            System.exit(OfflinePreview.run(Arrays.copyOfRange(args, 1, args.length), System.out, System.err));
        }
        Pulumi.run(App::program);
    }

    /** The program the Pulumi CLI runs: config, validated once, then the fleet. */
    public static void program(Context ctx) {
        var settings = SettingsParser.parse(PulumiConfigSource.of(ctx));
        MediaLakeFleet.deploy(settings).forEach(ctx::export);
    }
}
