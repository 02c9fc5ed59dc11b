package com.medialake.lambda.langhost;

import com.medialake.lambda.config.ConfigSource;
import com.medialake.lambda.json.Json;
import com.medialake.lambda.preview.AwsMocks;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs the built jar as the Pulumi CLI's Java language host runs a {@code binary} program (pulumi-java
 * pkg/cmd/pulumi-language-java: executor_jar.go runs {@code java -jar <binary>} in the project folder, and
 * main.go's constructEnv passes PULUMI_MONITOR, PULUMI_ENGINE, PULUMI_PROJECT, PULUMI_STACK, PULUMI_DRY_RUN,
 * PULUMI_PARALLEL, PULUMI_CONFIG and PULUMI_CONFIG_SECRET_KEYS on top of the CLI's own environment), against
 * an {@link EngineStandIn}.
 */
public final class LanguageHost {
    /** The jar the CLI runs (Pulumi.yaml's runtime.options.binary); -Dlanghost.jar=PATH runs another build. */
    public static final Path JAR = Path.of(System.getProperty("langhost.jar", "target/medialake-lambda.jar"));
    static final String PROJECT = "medialake-lambda";

    /** What one run did. */
    public record Result(int exitCode, String stdout, String stderr, EngineStandIn engine, Duration wall, long peakRssKb) {
    }

    private LanguageHost() {
    }

    /**
     * @param config   the config as the CLI passes it, after its merge with Pulumi.yaml
     * @param jvmFlags flags before {@code -jar} (the language host passes none; JDK_JAVA_OPTIONS is how a user
     *                 adds some)
     */
    public static Result run(String stack, String region, ConfigSource config, boolean dryRun, List<String> jvmFlags,
                      Duration timeout) throws IOException, InterruptedException {
        return run(stack, region, config, dryRun, jvmFlags, List.of("-jar", JAR.toString()), timeout);
    }

    /** @param program what follows the JVM flags: {@code -jar JAR}, or a class path and a main class */
    public static Result run(String stack, String region, ConfigSource config, boolean dryRun, List<String> jvmFlags,
                      List<String> program, Duration timeout) throws IOException, InterruptedException {
        var engine = new EngineStandIn(PROJECT, stack, region, AwsMocks.configuredQuota(config.values()), dryRun);
        try {
            var command = new ArrayList<String>();
            command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
            command.addAll(jvmFlags);
            command.addAll(program);
            var env = new java.util.TreeMap<String, String>();
            env.put("PULUMI_MONITOR", engine.address());
            env.put("PULUMI_ENGINE", engine.address());
            env.put("PULUMI_PROJECT", PROJECT);
            env.put("PULUMI_STACK", stack);
            env.put("PULUMI_DRY_RUN", String.valueOf(dryRun));
            env.put("PULUMI_PARALLEL", "16");
            env.put("PULUMI_CONFIG", Json.COMPACT.toJson(config.values()));
            env.put("PULUMI_CONFIG_SECRET_KEYS", Json.COMPACT.toJson(config.secretKeys()));
            var process = runProcess(command, env, timeout);
            return new Result(process.exitCode(), process.stdout(), process.stderr(), engine, process.wall(),
                    process.peakRssKb());
        } finally {
            engine.close();
        }
    }

    /** What one process did. */
    public record Process(int exitCode, String stdout, String stderr, Duration wall, long peakRssKb) {
    }

    /**
     * Runs a command in the project folder with the environment of this process plus {@code extraEnv} (less
     * JDK_JAVA_OPTIONS and JAVA_TOOL_OPTIONS, so that flags are only the ones given), and measures its wall
     * time and peak resident memory.
     */
    public static Process runProcess(List<String> command, Map<String, String> extraEnv, Duration timeout)
            throws IOException, InterruptedException {
        var builder = new ProcessBuilder(command).directory(Path.of("").toAbsolutePath().toFile());
        builder.environment().remove("JDK_JAVA_OPTIONS");
        builder.environment().remove("JAVA_TOOL_OPTIONS");
        builder.environment().putAll(extraEnv);
        Path out = Files.createTempFile("langhost", ".out");
        Path err = Files.createTempFile("langhost", ".err");
        try {
            builder.redirectOutput(out.toFile()).redirectError(err.toFile());
            long start = System.nanoTime();
            var process = builder.start();
            long peak = 0;
            while (!process.waitFor(20, TimeUnit.MILLISECONDS)) {
                peak = Math.max(peak, rssKb(process.pid()));
                if (System.nanoTime() - start > timeout.toNanos()) {
                    process.destroyForcibly().waitFor();
                    throw new AssertionError("the program did not finish within " + timeout + " (a hang): "
                            + Files.readString(err));
                }
            }
            var wall = Duration.ofNanos(System.nanoTime() - start);
            return new Process(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8), wall, peak);
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }

    /** The process's resident memory from /proc (0 where there is none). */
    private static long rssKb(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(pid), "status"))) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.replaceAll("\\D", ""));
                }
            }
        } catch (IOException | RuntimeException e) {
            // The process ended between two looks.
        }
        return 0;
    }
}
