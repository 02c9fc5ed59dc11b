package com.medialake.lambda.runtime;

import com.medialake.lambda.config.ConfigSource;
import com.medialake.lambda.config.PulumiConfigSource;
import com.pulumi.Config;
import com.pulumi.Context;
import com.pulumi.context.internal.ConfigContextInternal;
import com.pulumi.context.internal.ContextInternal;
import com.pulumi.context.internal.LoggingContextInternal;
import com.pulumi.context.internal.OutputContextInternal;
import com.pulumi.core.internal.OutputFactory;
import com.pulumi.deployment.internal.DeploymentImpl;
import com.pulumi.deployment.internal.DeploymentInstanceInternal;
import com.pulumi.internal.PulumiInternal;
import com.pulumi.resources.StackOptions;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The program under the Pulumi CLI: what {@code Pulumi.run} does (pulumi-java
 * com.pulumi.internal.PulumiInternal.fromEnvironment and completeConfiguration: the deployment from the
 * language host's environment, against the engine's gRPC monitor), with two changes that keep the engine's
 * semantics and remove the production path's costs:
 * <ul>
 *   <li>the {@link CountingRunner} instead of the SDK's DefaultRunner, whose wait loop is quadratic in the
 *       resources and keeps a common-pool worker busy for the whole run;</li>
 *   <li>the SDK's debug-level engine messages dropped ({@link WithoutDebugLogs}) unless
 *       MEDIALAKE_ENGINE_DEBUG_LOGS=true: about four Log RPCs per resource, shown only by {@code --debug}.</li>
 * </ul>
 * Every SDK-internal type the production path needs is here.
 */
public final class CliDeployment {
    public static final String DEBUG_LOGS_VARIABLE = "MEDIALAKE_ENGINE_DEBUG_LOGS";

    private CliDeployment() {
    }

    /** Whether the language host started this process (the engine's addresses are set). */
    public static boolean engineAvailable() {
        return notBlank(System.getenv("PULUMI_MONITOR")) && notBlank(System.getenv("PULUMI_ENGINE"))
                && notBlank(System.getenv("PULUMI_STACK")) && notBlank(System.getenv("PULUMI_PROJECT"));
    }

    private static boolean notBlank(String value) {
        return value != null && !value.isBlank();
    }

    /**
     * The stack's config as the language host passed it: PULUMI_CONFIG (a JSON object, "project:key" to
     * text) and PULUMI_CONFIG_SECRET_KEYS (a JSON array), parsed by the SDK's own parser
     * ({@code DeploymentImpl.Config.parseConfig}), which is what {@code ctx.config(...)} reads.
     */
    public static ConfigSource config(String stack) {
        String config = System.getenv("PULUMI_CONFIG");
        String secretKeys = System.getenv("PULUMI_CONFIG_SECRET_KEYS");
        return PulumiConfigSource.of(stack,
                config == null || config.isBlank() ? Map.of() : DeploymentImpl.Config.parseConfig(config),
                secretKeys == null || secretKeys.isBlank() ? Set.of()
                        : DeploymentImpl.Config.parseConfigSecretKeys(secretKeys));
    }

    /** Runs the program against the engine and returns the process exit code the SDK would. */
    public static int run(Consumer<Context> program) {
        var state = DeploymentImpl.DeploymentState.fromEnvironment();
        if (!"true".equals(System.getenv(DEBUG_LOGS_VARIABLE))) {
            state.logger = new WithoutDebugLogs(state.logger);
        }
        state.runner = new CountingRunner(state.logger);
        var deployment = new DeploymentImpl(state);
        DeploymentImpl.setInstance(new DeploymentInstanceInternal(deployment));

        var config = new ConfigContextInternal(state.projectName, name -> new Config(state.config, name));
        var context = new ContextInternal(state.organizationName, state.projectName, state.stackName,
                new LoggingContextInternal(deployment.getLog()), config,
                new OutputContextInternal(new OutputFactory(state.runner)), StackOptions.Empty.resourceTransformations());
        return new PulumiInternal(state.runner, context).runAsync(program).join();
    }
}
