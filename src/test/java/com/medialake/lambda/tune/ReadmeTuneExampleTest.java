package com.medialake.lambda.tune;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.medialake.lambda.App;
import com.medialake.lambda.preview.StackPlans;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * README's worked example of bin/tune: us-east-1's generated week (TuneCommandTest's traffic for the MediaLake
 * functions) through the jar's own command, MediaLake table and all; README shows exactly what it prints.
 */
class ReadmeTuneExampleTest {
    static final String MARKER = "<!-- tune example: ReadmeTuneExampleTest -->";

    @Test
    void readmeShowsWhatTheCommandPrints(@TempDir Path dir) throws Exception {
        var traffic = TuneCommandTest.usEast1();
        traffic.remove("thumbnails");
        traffic.remove("reports");
        var args = new ArrayList<>(List.of("tune", "us-east-1", "--function", "collections_api", "--function",
                "assets_get", "--function", "init_zip", "--results"));
        TuneCommandTest.export(dir, "us-east-1", traffic).forEach(f -> args.add(f.toString()));
        var cli = StackPlans.run(App::commands, args.toArray(String[]::new));
        assertEquals(0, cli.status(), cli.err());
        String readme = Files.readString(Path.of("README.md"));
        int at = readme.indexOf(MARKER);
        int start = readme.indexOf("```text\n", at) + "```text\n".length();
        int end = readme.indexOf("```\n", start);
        assertEquals(cli.out(), readme.substring(start, end));
        assertTrue(readme.contains("```text\n" + LogsQuery.QUERY + "\n```\n"), "README shows the query as printed");
    }
}
