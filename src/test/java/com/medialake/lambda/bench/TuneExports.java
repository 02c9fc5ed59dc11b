package com.medialake.lambda.bench;

import com.medialake.lambda.config.SettingsParser;
import com.medialake.lambda.config.StackFile;
import com.medialake.lambda.infra.Names;
import com.medialake.lambda.tune.ReportExports;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Random;

/**
 * Writes what bench/run.sh gives bin/tune: 100,000 REPORT records for each of us-east-1's eight functions, as
 * aws logs get-query-results writes them (the CLI's indented JSON), 20 windows of 5,000 per function. Seeded random
 * durations, memory and 1% cold starts. Not a unit test.
 *
 * <pre>TuneExports DIR</pre>
 */
public final class TuneExports {
    static final int PER_FUNCTION = 100_000;
    static final int PER_FILE = 5_000;

    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args[0]);
        Files.createDirectories(dir);
        var settings = SettingsParser.parse(StackFile.load("us-east-1", Path.of("Pulumi.us-east-1.yaml")));
        var random = new Random(42);
        Instant start = Instant.parse("2026-11-23T00:00:00Z");
        for (var fn : settings.functions()) {
            String group = Names.functionLogGroup(Names.function(settings.stack(), fn.name()));
            for (int file = 0; file < PER_FUNCTION / PER_FILE; file++) {
                var records = new ArrayList<ReportExports.Record>(PER_FILE);
                for (int i = 0; i < PER_FILE; i++) {
                    long n = (long) file * PER_FILE + i;
                    var r = ReportExports.Record.warm(start.plusMillis(n * 6048), 20 + random.nextDouble() * 300,
                            fn.memoryMb(), (int) (fn.memoryMb() * (0.4 + random.nextDouble() * 0.3)));
                    records.add(random.nextInt(100) == 0 ? r.cold(200 + random.nextDouble() * 900) : r);
                }
                Files.writeString(dir.resolve(fn.name() + "-" + file + ".json"), ReportExports.of(group, records, "Complete"));
            }
        }
    }
}
