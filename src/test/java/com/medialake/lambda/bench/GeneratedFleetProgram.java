package com.medialake.lambda.bench;

import com.medialake.lambda.App;
import com.medialake.lambda.runtime.CliDeployment;

/**
 * The production entry point (what App.main runs under the Pulumi CLI) for a generated fleet of N functions:
 * the language-host benchmark starts it as the CLI starts the jar, with the engine's environment.
 */
public final class GeneratedFleetProgram {
    private GeneratedFleetProgram() {
    }

    public static void main(String[] args) {
        App.useAtLeastTwoPoolWorkers();
        int functions = Integer.parseInt(args[0]);
        System.exit(CliDeployment.run(App.program(GeneratedFleet.config(), GeneratedFleet.table(functions))));
    }
}
