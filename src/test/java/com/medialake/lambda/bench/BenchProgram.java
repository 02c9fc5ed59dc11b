package com.medialake.lambda.bench;

import com.medialake.lambda.App;
import com.medialake.lambda.config.ConfigSource;
import com.medialake.lambda.model.FunctionTable;
import com.medialake.lambda.runtime.CliDeployment;
import com.pulumi.Context;
import java.util.function.Consumer;

/**
 * The production entry point (what App.main runs under the Pulumi CLI), started by the language-host
 * benchmark as the CLI starts the jar, with the engine's environment: {@code stack STACK|fleet N cli|sdk}. A
 * generated fleet of N functions takes the place of the real function table; "sdk" runs the same program
 * through the SDK's own {@code Pulumi.run} instead of {@code runtime/CliDeployment}, to measure what the latter
 * saves (its counting runner and the dropped debug messages).
 */
public final class BenchProgram {
    private BenchProgram() {
    }

    public static void main(String[] args) {
        App.useAtLeastTwoPoolWorkers();
        boolean fleet = args[0].equals("fleet");
        ConfigSource config = fleet ? GeneratedFleet.config() : CliDeployment.config(args[1]);
        FunctionTable table = fleet ? GeneratedFleet.table(Integer.parseInt(args[1])) : FunctionTable.MEDIALAKE;
        Consumer<Context> program = App.program(config, table);
        if (args[2].equals("sdk")) {
            com.pulumi.Pulumi.run(program);
            return;
        }
        System.exit(CliDeployment.run(program));
    }
}
