package com.medialake.lambda.bench;

import com.medialake.lambda.App;
import com.medialake.lambda.FleetProgram;
import com.medialake.lambda.config.ConfigSource;
import com.medialake.lambda.config.SettingsParser;
import com.medialake.lambda.model.FunctionTable;
import com.medialake.lambda.runtime.CliDeployment;
import com.pulumi.Context;
import java.util.function.Consumer;

/**
 * The production entry point (what App.main runs under the Pulumi CLI), started by the language-host
 * benchmark as the CLI starts the jar, with the engine's environment:
 * {@code stack STACK|fleet N gated|ungated}. A generated fleet of N functions takes the place of the real
 * function table; "ungated" leaves out the policy check, to measure what it adds.
 */
public final class BenchProgram {
    private BenchProgram() {
    }

    public static void main(String[] args) {
        App.useAtLeastTwoPoolWorkers();
        boolean fleet = args[0].equals("fleet");
        ConfigSource config = fleet ? GeneratedFleet.config() : CliDeployment.config(args[1]);
        FunctionTable table = fleet ? GeneratedFleet.table(Integer.parseInt(args[1])) : FunctionTable.MEDIALAKE;
        Consumer<Context> program;
        if (args[2].equals("gated")) {
            program = App.program(config, table);
        } else {
            var settings = SettingsParser.parse(config, table);
            program = ctx -> FleetProgram.deploy(settings).forEach(ctx::export);
        }
        System.exit(CliDeployment.run(program));
    }
}
