package com.medialake.lambda.bench;

import com.medialake.lambda.config.StackFile;
import com.medialake.lambda.langhost.LanguageHost;
import java.io.File;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The production path against the offline preview, each run a fresh JVM measured the same way (wall time
 * from start to exit, peak resident memory), with the same JVM flags:
 * <ul>
 *   <li>{@code production stack STACK} runs {@code java -jar} as the Pulumi CLI's language host does, against
 *       the gRPC engine stand-in; {@code production fleet N} runs the production entry point for a generated
 *       fleet of N functions;</li>
 *   <li>{@code sdk ...}: the same program through the SDK's own {@code Pulumi.run};</li>
 *   <li>{@code offline stack STACK} runs {@code java -jar ... preview STACK --json}; {@code offline fleet N}
 *       the offline preview of the generated fleet (PreviewBenchmark).</li>
 * </ul>
 * Prints one line. bench/run.sh calls it; not a unit test.
 */
public final class ProductionBenchmark {
    private ProductionBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        String mode = args[0];
        boolean fleet = args[1].equals("fleet");
        String subject = args[2];
        var flags = new ArrayList<>(List.of(args).subList(3, args.length));
        String classPath = LanguageHost.JAR + File.pathSeparator + Path.of("target/test-classes");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        var timeout = Duration.ofMinutes(10);
        Duration wall;
        long peak;
        String extra = "";
        if (mode.equals("offline")) {
            var command = new ArrayList<>(List.of(java));
            command.addAll(flags);
            command.addAll(fleet ? List.of("-cp", classPath, PreviewBenchmark.class.getName(), subject)
                    : List.of("-jar", LanguageHost.JAR.toString(), "preview", subject, "--json"));
            var run = LanguageHost.runProcess(command, Map.of(), timeout);
            check(run.exitCode(), run.stderr());
            wall = run.wall();
            peak = run.peakRssKb();
        } else {
            String stack = fleet ? GeneratedFleet.STACK : subject;
            var config = fleet ? GeneratedFleet.config() : StackFile.load(stack, Path.of(StackFile.fileName(stack)));
            List<String> program = mode.equals("production") && !fleet ? List.of("-jar", LanguageHost.JAR.toString())
                    : List.of("-cp", classPath, BenchProgram.class.getName(), args[1], subject,
                            mode.equals("sdk") ? "sdk" : "cli");
            // The first run warms this JVM's engine stand-in (the real engine is a compiled Go binary, not a
            // cold JVM): only the second is measured.
            LanguageHost.run(stack, config.get("aws:region").orElseThrow(), config, false, flags, program, timeout);
            var run = LanguageHost.run(stack, config.get("aws:region").orElseThrow(), config, false, flags, program, timeout);
            check(run.exitCode(), run.stderr() + run.engine().logs());
            wall = run.wall();
            peak = run.peakRssKb();
            extra = " registrations=" + run.engine().registrations().size() + " log_rpcs=" + run.engine().logs().size();
        }
        System.out.printf("wall_ms=%d peak_rss_kb=%d%s%n", wall.toMillis(), peak, extra);
    }

    private static void check(int exitCode, String detail) {
        if (exitCode != 0) {
            throw new IllegalStateException("the run failed (exit " + exitCode + "): " + detail);
        }
    }
}
