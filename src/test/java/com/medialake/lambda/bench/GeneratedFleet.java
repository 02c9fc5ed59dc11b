package com.medialake.lambda.bench;

import com.medialake.lambda.config.ConfigSource;
import com.medialake.lambda.config.StackFile;
import com.medialake.lambda.model.FunctionDefinition;
import com.medialake.lambda.model.FunctionProfile;
import com.medialake.lambda.model.FunctionTable;
import java.util.ArrayList;

/** A fleet of N functions for the benchmarks: the profiles in turn, one function in eight with PC. */
public final class GeneratedFleet {
    public static final String STACK = "us-east-1";
    private static final FunctionProfile[] PROFILES = FunctionProfile.values();

    private GeneratedFleet() {
    }

    public static FunctionTable table(int functions) {
        var rows = new ArrayList<FunctionDefinition>();
        for (int i = 0; i < functions; i++) {
            var profile = PROFILES[i % PROFILES.length];
            var row = FunctionDefinition.of(String.format("fn_%04d", i), profile, "generated " + profile.title());
            // One function in eight holds PC, as the real fleet's APIs do.
            rows.add(i % 8 == 0 && profile.attachment().inVpc() && !profile.attachment().mountsEfs()
                    ? row.withProvisionedConcurrency(1) : row);
        }
        return new FunctionTable(rows);
    }

    /** The stack config, as the Pulumi CLI would pass it: a quota large enough for any size. */
    public static ConfigSource config() {
        return StackFile.parse(STACK, "generated", """
                config:
                  aws:region: us-east-1
                  medialake-lambda:concurrency:
                    accountLimit: 100000
                """);
    }
}
