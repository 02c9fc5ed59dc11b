package com.medialake.lambda.langhost;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** A command run as a user's shell runs it (no JDK_JAVA_OPTIONS of the build's), and what it did. */
record ShellRun(int status, String out, String err) {
    static ShellRun run(Path directory, Map<String, String> env, String... command) throws Exception {
        var builder = new ProcessBuilder(command).directory(directory.toFile());
        builder.environment().remove("JDK_JAVA_OPTIONS");
        builder.environment().putAll(env);
        // Standard error to a file, so a full pipe on one stream cannot stall the other.
        Path err = Files.createTempFile("shell-run", ".err");
        try {
            builder.redirectError(err.toFile());
            var process = builder.start();
            var out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(process.waitFor(180, TimeUnit.SECONDS));
            return new ShellRun(process.exitValue(), out, Files.readString(err));
        } finally {
            Files.deleteIfExists(err);
        }
    }

    static ShellRun bash(Map<String, String> env, String script) throws Exception {
        return run(Path.of("").toAbsolutePath(), env, "bash", "-c", script);
    }
}
