package com.medialake.lambda.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** One list of stacks: the Java rule (StackFile.stacksIn) and bin/stacks, which the shell and workflows use. */
class StackListTest {
    @Test
    void binStacksListsWhatTheProgramFinds() throws Exception {
        var process = new ProcessBuilder("bash", "bin/stacks").redirectErrorStream(true).start();
        String listed = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, process.waitFor());
        var stacks = StackFile.stacksIn(Path.of("."));
        assertFalse(stacks.isEmpty());
        assertEquals(stacks, listed.lines().sorted().toList());
    }
}
