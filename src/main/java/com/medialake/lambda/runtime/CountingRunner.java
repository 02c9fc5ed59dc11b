package com.medialake.lambda.runtime;

import com.pulumi.core.internal.ContextAwareCompletableFuture;
import com.pulumi.deployment.internal.EngineLogger;
import com.pulumi.deployment.internal.Runner;
import com.pulumi.exceptions.RunException;
import java.util.List;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * The program's task runner, offline and under the Pulumi CLI. The SDK's DefaultRunner waits for the
 * program's tasks by rescheduling a loop on the common pool that formats the whole in-flight task map into a
 * log string on every turn, logged or not: its cost grows with the square of the resources (38 s for 1,000
 * functions offline, most of it in that string), and the loop keeps a pool worker busy the whole run (with
 * two workers and one blocked, nothing else runs). This runner counts tasks instead and completes when the
 * last one has; a failed task ends the wait at once, as in the DefaultRunner, and exit codes and the
 * reporting of exceptions follow the DefaultRunner's (RunException: the message alone).
 */
public final class CountingRunner implements Runner {
    private final EngineLogger engineLogger;
    private final AtomicInteger pending = new AtomicInteger();
    private final Queue<Exception> swallowedExceptions = new ConcurrentLinkedQueue<>();
    private final CompletableFuture<Void> drained = new CompletableFuture<>();
    private volatile boolean callbackDone;

    public CountingRunner(EngineLogger engineLogger) {
        this.engineLogger = engineLogger;
    }

    @Override
    public <T> void registerTask(String description, CompletableFuture<T> task) {
        pending.incrementAndGet();
        task.whenComplete((value, error) -> {
            if (error != null) {
                drained.completeExceptionally(error);
            }
            finished();
        });
    }

    private void finished() {
        if (pending.decrementAndGet() == 0 && callbackDone) {
            // A task's continuation may register the next task just after this one completes: look again
            // once the pool has run what was queued, as the DefaultRunner's loop does.
            ContextAwareCompletableFuture.runAsync(() -> {
                if (pending.get() == 0) {
                    drained.complete(null);
                }
            });
        }
    }

    @Override
    public <T> CompletableFuture<Result<T>> runAsync(Supplier<T> callback) {
        var value = ContextAwareCompletableFuture.supplyAsync(callback);
        registerTask("CountingRunner#runAsync", value);
        return value
                .thenCompose(result -> {
                    callbackDone = true;
                    pending.incrementAndGet();
                    finished();
                    return drained.thenApply(ignored -> result);
                })
                .handle((result, error) -> error == null
                        ? CompletableFuture.<Result<T>>completedFuture(new RunResult<>(engineLogger.hasLoggedErrors()
                                ? ProcessExitedBeforeLoggingUserActionableMessage : ProcessExitedSuccessfully,
                                List.copyOf(swallowedExceptions), Optional.ofNullable(result)))
                        : fail(error).<Result<T>>thenApply(code -> new RunResult<T>(code, List.copyOf(swallowedExceptions),
                                Optional.empty())))
                .thenCompose(f -> f);
    }

    /** Result's constructor is protected. */
    private static final class RunResult<T> extends Result<T> {
        RunResult(int exitCode, List<Exception> exceptions, Optional<T> result) {
            super(exitCode, exceptions, result);
        }
    }

    private CompletableFuture<Integer> fail(Throwable error) {
        Throwable cause = error;
        while (cause instanceof CompletionException && cause.getCause() != null) {
            cause = cause.getCause();
        }
        var exception = cause instanceof Exception e ? e : new RunException("unexpected throwable", cause);
        swallowedExceptions.add(exception);
        // As DefaultRunner.handleExceptionAsync: a RunException (our configuration and policy errors) is
        // reported by its message alone; anything else is a bug, reported with its stack trace.
        String message = exception instanceof RunException
                ? String.valueOf(exception.getMessage())
                : "Running program failed with an unhandled exception:\n" + stackTrace(exception);
        return engineLogger.errorAsync(message)
                .thenApply(ignored -> ProcessExitedAfterLoggingUserActionableMessage);
    }

    private static String stackTrace(Throwable e) {
        var out = new java.io.StringWriter();
        e.printStackTrace(new java.io.PrintWriter(out));
        return out.toString();
    }
}
