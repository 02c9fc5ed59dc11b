package com.medialake.lambda.runtime;

import com.pulumi.deployment.internal.EngineLogger;
import com.pulumi.resources.Resource;
import java.util.concurrent.CompletableFuture;
import java.util.logging.Level;
import javax.annotation.Nullable;

/**
 * The engine logger without the SDK's debug messages. The SDK sends about four debug-level {@code Log} RPCs
 * per resource ("Preparing resource", "Registering resource", ...: DeploymentImpl's {@code log.debug}), 41,000
 * for 1,000 functions, each serialized behind the one before; the CLI shows them only with {@code --debug}.
 * Info, warnings and errors pass unchanged. MEDIALAKE_ENGINE_DEBUG_LOGS=true keeps the debug messages.
 */
final class WithoutDebugLogs implements EngineLogger {
    private final EngineLogger delegate;

    WithoutDebugLogs(EngineLogger delegate) {
        this.delegate = delegate;
    }

    @Override
    public CompletableFuture<Void> logAsync(Level level, String message, @Nullable Resource resource,
                                            @Nullable Integer streamId, @Nullable Boolean ephemeral) {
        if (level.intValue() < Level.INFO.intValue()) {
            return CompletableFuture.completedFuture(null);
        }
        return delegate.logAsync(level, message, resource, streamId, ephemeral);
    }

    @Override
    public CompletableFuture<Void> debugAsync(String message, @Nullable Resource resource, @Nullable Integer streamId,
                                              @Nullable Boolean ephemeral) {
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public CompletableFuture<Void> infoAsync(String message, @Nullable Resource resource, @Nullable Integer streamId,
                                             @Nullable Boolean ephemeral) {
        return delegate.infoAsync(message, resource, streamId, ephemeral);
    }

    @Override
    public CompletableFuture<Void> warnAsync(String message, @Nullable Resource resource, @Nullable Integer streamId,
                                             @Nullable Boolean ephemeral) {
        return delegate.warnAsync(message, resource, streamId, ephemeral);
    }

    @Override
    public CompletableFuture<Void> errorAsync(String message, @Nullable Resource resource, @Nullable Integer streamId,
                                              @Nullable Boolean ephemeral) {
        return delegate.errorAsync(message, resource, streamId, ephemeral);
    }

    @Override
    public int getErrorCount() {
        return delegate.getErrorCount();
    }

    @Override
    public boolean hasLoggedErrors() {
        return delegate.hasLoggedErrors();
    }
}
