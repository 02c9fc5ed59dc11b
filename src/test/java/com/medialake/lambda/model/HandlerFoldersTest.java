package com.medialake.lambda.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.medialake.lambda.config.SettingsParser;
import com.medialake.lambda.config.StackFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The function table decides which handler each function runs; every handler folder is some function's. */
class HandlerFoldersTest {
    @Test
    void everyFunctionHasItsHandlerAndEveryHandlerItsFunction() throws IOException {
        var settings = SettingsParser.parse(StackFile.load("us-east-1", Path.of(StackFile.fileName("us-east-1"))));
        var used = new TreeSet<String>();
        for (var fn : settings.functions()) {
            assertTrue(Files.isRegularFile(Path.of("handlers", fn.handlerFolder(), "handler.py")), fn.name());
            used.add(fn.handlerFolder());
        }
        var folders = new TreeSet<String>();
        try (Stream<Path> handlers = Files.list(Path.of("handlers"))) {
            handlers.filter(d -> Files.isRegularFile(d.resolve("handler.py")))
                    .forEach(d -> folders.add(d.getFileName().toString()));
        }
        assertEquals(folders, used, "a handler folder no function runs, or a function without one");
        assertTrue(Files.isRegularFile(Path.of("handlers/shared/medialake_shared.py")), "the shared module");
        assertEquals(1, settings.functions().stream().filter(f -> f.trigger() == Trigger.HTTP_API)
                .map(FunctionSettings::handlerFolder).distinct().count(), "the three APIs share one placeholder");
    }
}
