package com.medialake.lambda.bench;

import com.medialake.lambda.App;
import com.medialake.lambda.config.SettingsParser;
import com.medialake.lambda.plan.PlanJson;
import com.medialake.lambda.policy.PlanPolicies;
import com.medialake.lambda.preview.OfflineEngine;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * One offline preview of a generated fleet of N functions, in this process: bench/run.sh starts one JVM
 * per size and reads the wall time and peak memory this prints. Not a unit test.
 */
public final class PreviewBenchmark {
    public static void main(String[] args) throws IOException {
        App.useAtLeastTwoPoolWorkers();
        int functions = Integer.parseInt(args[0]);
        long start = System.nanoTime();
        var settings = SettingsParser.parse(GeneratedFleet.config(), GeneratedFleet.table(functions));
        var plan = OfflineEngine.run(settings);
        String json = PlanJson.render(plan);
        int violations = PlanPolicies.evaluate(plan).size();
        long elapsedMs = (System.nanoTime() - start) / 1_000_000;
        System.out.printf("functions=%d resources=%d json_bytes=%d violations=%d in_process_ms=%d peak_rss_kb=%d%n",
                functions, plan.resources().size(), json.length(), violations, elapsedMs, peakRssKb());
    }

    /** VmHWM: the most resident memory this process has had. */
    private static long peakRssKb() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("VmHWM:")) {
                return Long.parseLong(line.replaceAll("\\D+", ""));
            }
        }
        return -1;
    }
}
