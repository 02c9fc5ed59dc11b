package com.medialake.lambda.langhost;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.Value;
import com.medialake.lambda.config.PulumiConfigSource;
import com.medialake.lambda.config.StackFile;
import com.medialake.lambda.plan.ResourceTypes;
import com.medialake.lambda.preview.OfflinePreview;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import pulumirpc.EngineOuterClass.LogSeverity;

/**
 * Under the CLI, what the offline preview refuses is refused with the same message, through the engine's
 * Log, before anything but the stack is registered; and a secret stays a secret on the wire.
 */
class RefusalsLanguageHostTest {
    static final Duration TIMEOUT = Duration.ofSeconds(120);

    @TempDir
    Path temp;

    /** The offline preview's message for a stack file, named as the CLI names it (Pulumi.STACK.yaml). */
    private String offlineError(String stack, Path corpusFile) throws Exception {
        Path file = temp.resolve(StackFile.fileName(stack));
        Files.copy(corpusFile, file);
        var err = new ByteArrayOutputStream();
        int status = OfflinePreview.run(new String[] {stack, "--config-file", file.toString()},
                new PrintStream(new ByteArrayOutputStream()), new PrintStream(err, true, StandardCharsets.UTF_8));
        assertEquals(OfflinePreview.EXIT_INVALID_CONFIG, status);
        String message = err.toString(StandardCharsets.UTF_8).strip();
        assertTrue(message.startsWith("error: "), message);
        return message.substring("error: ".length());
    }

    // Parser rules, structure, a misspelled key and namespace, the fleet rules, and AWS's answer (too many AZs).
    @ParameterizedTest
    @ValueSource(strings = {"snapstart-with-pc.yaml", "unknown-top-level-key.yaml", "misspelled-namespace.yaml",
            "unknown-function.yaml", "headroom-under-100.yaml", "too-many-zones-for-region.yaml", "memory-as-text.yaml"})
    void aBadStackFileIsRefusedWithTheOfflineMessage(String name) throws Exception {
        Path corpusFile = Path.of("src/test/resources/invalid", name);
        String stack = Files.readAllLines(corpusFile).stream().filter(l -> l.startsWith("# stack: "))
                .map(l -> l.substring("# stack: ".length())).findFirst().orElse("us-east-1");
        String expected = offlineError(stack, corpusFile);
        var config = StackFile.load(stack, corpusFile);
        var run = LanguageHost.run(stack, config.get("aws:region").orElseThrow(), config, true, List.of(), TIMEOUT);

        assertNotEquals(0, run.exitCode());
        var errors = run.engine().logs().stream().filter(l -> l.severity() == LogSeverity.ERROR).toList();
        assertEquals(1, errors.size(), errors.toString());
        assertEquals(expected, errors.get(0).message());
        // Nothing but, at most, the stack itself (the SDK registers it before the program runs).
        assertTrue(run.engine().registrations().stream().allMatch(r -> r.request().getType().equals("pulumi:pulumi:Stack")),
                run.engine().registrations().toString());
        assertFalse(run.stderr().contains("\tat ") || errors.get(0).message().contains("\tat "), "no stack trace");
    }

    @Test
    void aSecretReachesAwsAsASecret() throws Exception {
        var file = StackFile.load("us-east-1", Path.of(StackFile.fileName("us-east-1")));
        var values = new TreeMap<>(file.values());
        values.put("medialake-lambda:alarmEmail", "oncall@example.com");
        var secretKeys = new TreeSet<>(file.secretKeys());
        secretKeys.add("medialake-lambda:alarmEmail");
        var config = PulumiConfigSource.of("us-east-1", values, secretKeys);
        var run = LanguageHost.run("us-east-1", "us-east-1", config, false, List.of(), TIMEOUT);
        assertEquals(0, run.exitCode(), run.stderr() + run.engine().logs());

        var subscription = run.engine().registrations().stream()
                .filter(r -> r.request().getType().equals(ResourceTypes.SNS_SUBSCRIPTION))
                .findFirst().orElseThrow().request().getObject();
        Value endpoint = subscription.getFieldsOrThrow("endpoint");
        // The secret envelope (sdk/go/common/resource/properties.go: SecretSig).
        var envelope = endpoint.getStructValue().getFieldsMap();
        assertEquals("1b47061264138c4ac30d75fd1eb44270", envelope.get("4dabf18193072939515e22adb298388d").getStringValue());
        assertEquals("oncall@example.com", envelope.get("value").getStringValue());
        // Nowhere else in the clear: not in another input, a log line or the program's output.
        long inTheClear = run.engine().registrations().stream()
                .filter(r -> r.request().getObject().toString().contains("oncall@example.com")).count();
        assertEquals(1, inTheClear);
        assertTrue(run.engine().logs().stream().noneMatch(l -> l.message().contains("oncall@example.com")));
        assertFalse((run.stdout() + run.stderr()).contains("oncall@example.com"));
    }
}
