package com.medialake.lambda.langhost;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The packaged jar's output as a shell hands it over: a failed write is an error, a closed pipe is not. */
class OutputJarTest {
    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    @Test
    void aFullDiskIsAnErrorNotAnEmptySavedPlan() throws Exception {
        if (!Files.exists(Path.of("/dev/full"))) {
            return;
        }
        var process = new ProcessBuilder(java(), "-jar", LanguageHost.JAR.toString(), "preview", "us-east-1", "--json")
                .redirectOutput(new java.io.File("/dev/full")).start();
        String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(120, TimeUnit.SECONDS));
        assertEquals(1, process.exitValue(), err);
        assertTrue(err.startsWith("error: could not write standard output: No space left on device"), err);
        assertFalse(err.contains("\tat "), err);
    }

    @Test
    void aReaderThatStopsEarlyIsNoError() throws Exception {
        var process = new ProcessBuilder("bash", "-c", "set -o pipefail; '" + java() + "' -jar " + LanguageHost.JAR
                + " preview us-east-1 --json | head -1 > /dev/null; echo \"${PIPESTATUS[0]}\"").start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(120, TimeUnit.SECONDS));
        assertEquals(List.of("0"), out.lines().toList(), err);
        assertEquals("", err);
    }
}
