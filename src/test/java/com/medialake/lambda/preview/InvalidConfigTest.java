package com.medialake.lambda.preview;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.any;

import com.medialake.lambda.App;
import com.medialake.lambda.config.InvalidConfigException;
import com.medialake.lambda.config.PulumiConfigSource;
import com.medialake.lambda.config.SettingsParser;
import com.medialake.lambda.config.StackFile;
import com.medialake.lambda.model.StackSettings;
import com.medialake.lambda.rules.ConfigRule;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.mockito.Mockito;

/**
 * Every file under src/test/resources/invalid has one defect and says, in "# expect:" lines, what the
 * error must say. Each must fail with exit status 2, nothing on standard output, and nothing registered.
 */
class InvalidConfigTest {
    static final Path CORPUS = Path.of("src/test/resources/invalid");

    /**
     * @param engine      only AWS's answers show the defect ("# phase: engine")
     * @param previewOnly only the offline preview refuses it, before any engine runs ("# phase: preview")
     * @param cliRejects  why the Pulumi CLI refuses the file before the program runs ("# cli-rejects:")
     */
    record Case(Path file, String stack, boolean engine, boolean previewOnly, String cliRejects, List<String> expected) {
        @Override
        public String toString() {
            return file.getFileName().toString();
        }
    }

    static Stream<Case> corpus() throws IOException {
        try (var files = Files.list(CORPUS)) {
            return files.filter(f -> f.toString().endsWith(".yaml")).sorted().map(InvalidConfigTest::read).toList().stream();
        }
    }

    private static Case read(Path file) {
        try {
            var lines = Files.readAllLines(file);
            String stack = header(lines, "# stack: ").findFirst().orElse("us-east-1");
            boolean engine = header(lines, "# phase: ").anyMatch("engine"::equals);
            boolean previewOnly = header(lines, "# phase: ").anyMatch("preview"::equals);
            String cliRejects = header(lines, "# cli-rejects: ").findFirst().orElse(null);
            return new Case(file, stack, engine, previewOnly, cliRejects, header(lines, "# expect: ").toList());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static Stream<String> header(List<String> lines, String prefix) {
        return lines.stream().filter(l -> l.startsWith(prefix)).map(l -> l.substring(prefix.length()));
    }

    @Test
    void theCorpusCoversEveryRuleOfTheFoundation() throws IOException {
        assertTrue(corpus().count() >= 40, "a defect file per rule, type and structure error and limit");
        assertTrue(corpus().allMatch(c -> !c.expected().isEmpty()), "every file says what it must produce");
    }

    /** Each problem's id, as its message leads with it: "[memory-range] Pulumi.x.yaml: ...". */
    private static final java.util.regex.Pattern PROBLEM_ID = java.util.regex.Pattern.compile("(?m)^  \\[([a-z0-9-]+)\\] ");

    @Test
    void everyConfigRuleIsBrokenOnPurposeByAFileHere() throws IOException {
        var known = java.util.Arrays.stream(ConfigRule.values()).map(ConfigRule::id).collect(Collectors.toSet());
        var produced = new java.util.TreeSet<String>();
        for (Case c : corpus().toList()) {
            String err = StackPlans.preview(c.stack(), "--config-file", c.file().toString()).err();
            var ids = PROBLEM_ID.matcher(err).results().map(m -> m.group(1)).toList();
            assertFalse(ids.isEmpty(), c + ": every problem leads with its rule's id");
            assertTrue(known.containsAll(ids), c + ": " + ids + " are not all ConfigRule ids");
            produced.addAll(ids);
        }
        var unbroken = new java.util.TreeSet<>(known);
        unbroken.removeAll(produced);
        // These need another Pulumi.yaml than the project's (a key without default, a secret, a broken file):
        // CliConfigMergeTest breaks each of them and asserts its id.
        unbroken.removeAll(java.util.Set.of(ConfigRule.CLI_REQUIRED_KEY.id(), ConfigRule.CLI_SECRET.id(),
                ConfigRule.PROJECT_FILE.id()));
        assertEquals(java.util.Set.of(), unbroken, "rules no file in " + CORPUS + " breaks: add one per rule");
    }

    @ParameterizedTest
    @MethodSource("corpus")
    void failsWithExitTwoAndTheExpectedMessage(Case c) {
        var run = StackPlans.preview(c.stack(), "--config-file", c.file().toString());
        String message = run.err();
        assertEquals(OfflinePreview.EXIT_INVALID_CONFIG, run.status(), message);
        assertEquals("", run.out(), "no plan, not even half of one");
        assertTrue(message.startsWith("error: invalid configuration for stack " + c.stack()), message);
        assertFalse(message.contains("\tat "), "no stack trace");
        assertTrue(message.contains(c.file().getFileName() + ": "), "names the stack file: " + message);
        for (String expected : c.expected()) {
            assertTrue(message.contains(expected), "expected «" + expected + "» in:\n" + message);
        }
        assertTrue(message.contains("fix: "), "says what to do: " + message);
    }

    @ParameterizedTest
    @MethodSource("corpus")
    void registersNothing(Case c) {
        if (c.previewOnly()) {
            // Valid settings for a region the offline engine cannot answer for: the preview stops before it.
            return;
        }
        if (!c.engine()) {
            // Settings never exist for these, and the program registers resources only from settings.
            assertThrows(InvalidConfigException.class, () -> SettingsParser.parse(StackFile.load(c.stack(), c.file())));
            return;
        }
        var settings = SettingsParser.parse(StackFile.load(c.stack(), c.file()));
        var monitor = new OfflineEngine.RecordingMonitor(new AwsMocks(settings.region(), settings.accountConcurrencyLimit()));
        assertThrows(InvalidConfigException.class, () -> OfflineEngine.run(settings.project(), settings.stack(),
                monitor, java.util.Map.of(), ctx -> com.medialake.lambda.FleetProgram.deploy(settings)));
        assertEquals(List.of("pulumi:pulumi:Stack"),
                monitor.registrations().stream().map(r -> r.request().getType()).toList());
    }

    @ParameterizedTest
    @MethodSource("corpus")
    void theProductionProgramStopsBeforeRegisteringAnything(Case c) {
        if (c.cliRejects() != null) {
            return;
        }
        var cliConfig = StackFile.load(c.stack(), c.file()).values();
        var monitor = new OfflineEngine.RecordingMonitor(new AwsMocks(cliConfig.getOrDefault("aws:region", "us-east-1"),
                AwsMocks.configuredQuota(cliConfig)));
        var program = App.program(PulumiConfigSource.of(c.stack(), cliConfig, java.util.Set.of()));
        var error = assertThrows(InvalidConfigException.class, () ->
                OfflineEngine.run(StackSettings.PROJECT, c.stack(), monitor, cliConfig, program));
        for (String expected : c.expected()) {
            // Under the CLI the origin is the stack file the CLI read, named after the stack.
            assertTrue(error.getMessage().contains(expected.replace(c.file().getFileName().toString(),
                    StackFile.fileName(c.stack()))), error.getMessage());
        }
        assertEquals(List.of("pulumi:pulumi:Stack"),
                monitor.registrations().stream().map(r -> r.request().getType()).toList());
    }

    @Test
    void theCliNeverStartsTheEngineForConfigThatCannotParse() {
        try (var engine = Mockito.mockStatic(OfflineEngine.class)) {
            int status = OfflinePreview.run(new String[] {"us-east-1", "--config-file",
                    CORPUS.resolve("snapstart-with-pc.yaml").toString()}, new PrintStream(new ByteArrayOutputStream()),
                    new PrintStream(new ByteArrayOutputStream()));
            assertEquals(OfflinePreview.EXIT_INVALID_CONFIG, status);
            engine.verify(() -> OfflineEngine.run(any(StackSettings.class)), Mockito.never());
        }
    }
}
