package com.medialake.lambda.preview;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.medialake.lambda.config.StackFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Values exactly at each limit are accepted (their neighbours just past it are in the invalid corpus). */
class ValidAtLimitsTest {
    static Stream<Path> files() throws IOException {
        try (var files = Files.list(Path.of("src/test/resources/valid"))) {
            return files.sorted().toList().stream();
        }
    }

    @ParameterizedTest
    @MethodSource("files")
    void previewsWithoutErrors(Path file) {
        String stack = StackFile.load("limits", file).get("aws:region").orElseThrow();
        var run = StackPlans.preview(stack, "--config-file", file.toString());
        assertEquals(0, run.status(), run.err());
    }
}
