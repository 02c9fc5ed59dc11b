package com.medialake.lambda.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonParser;
import com.medialake.lambda.rules.ConfigRule;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The Pulumi CLI's merge of Pulumi.yaml into a stack's config (config.go, mergeConfig), as read there. */
class CliConfigMergeTest {
    @TempDir
    Path dir;

    private ProjectConfig project(String configBlock) throws IOException {
        Path file = dir.resolve("Pulumi.yaml");
        Files.writeString(file, "name: demo\nruntime: java\nconfig:\n" + configBlock);
        return ProjectConfig.load(file);
    }

    private static StackFile.Values stack(String yaml) {
        return StackFile.parseValues("dev", "Pulumi.dev.yaml", yaml);
    }

    static Stream<Path> stackFiles() throws IOException {
        try (var files = Files.list(Path.of("."))) {
            return files.filter(f -> f.getFileName().toString().matches("Pulumi\\..+\\.yaml")).sorted().toList().stream();
        }
    }

    @ParameterizedTest
    @MethodSource("stackFiles")
    void everyStackFileIsAcceptedAndGetsEveryDeclaredKey(Path file) {
        String stack = file.getFileName().toString().replaceAll("^Pulumi\\.|\\.yaml$", "");
        var merged = StackFile.load(stack, file);
        for (String key : SettingsParser.KEYS) {
            assertTrue(merged.get("medialake-lambda:" + key).isPresent(), key + " in " + merged.keys());
        }
    }

    @Test
    void aStackFileWithOnlyTheRegionGetsEveryDefault() {
        var merged = StackFile.parse("dev", "Pulumi.dev.yaml", "config:\n  aws:region: eu-west-1\n");
        assertEquals("30", merged.get("medialake-lambda:logRetentionDays").orElseThrow());
        assertEquals("true", merged.get("medialake-lambda:snapStartAllowed").orElseThrow());
        assertEquals("", merged.get("medialake-lambda:alarmEmail").orElseThrow());
        assertEquals("{}", merged.get("medialake-lambda:functions").orElseThrow());
        // Objects become JSON with sorted keys, as Go's encoding/json writes them.
        assertEquals("{\"availabilityZones\":3,\"cidr\":\"10.0.0.0/16\",\"natGateways\":\"onePerAz\"}",
                merged.get("medialake-lambda:network").orElseThrow());
        SettingsParser.parse(merged);
    }

    @Test
    void pulumiYamlDefaultsAgreeWithTheProgramsDefaults() {
        var fromYaml = SettingsParser.parse(StackFile.parse("dev", "Pulumi.dev.yaml", "config:\n  aws:region: eu-west-1\n"));
        var withoutYaml = SettingsParser.parse(new ConfigSource("dev", "Pulumi.dev.yaml", Map.of("aws:region", "eu-west-1")));
        assertEquals(withoutYaml, fromYaml);
    }

    @Test
    void aDeclaredKeyWithoutDefaultThatTheStackLacksStopsTheRun() throws IOException {
        var project = project("  a:\n    type: string\n  b:\n    description: x\n  c:\n    default: 1\n  other:key:\n    value: v\n");
        var e = assertThrows(InvalidConfigException.class, () -> CliConfigMerge.apply(project, stack("config:\n  demo:c: 2\n")));
        assertTrue(e.getMessage().contains("Stack 'dev' is missing configuration values 'a' and 'b'"), e.getMessage());
        assertEquals(ConfigRule.CLI_REQUIRED_KEY.id(), e.problems().get(0).id());
        // Present keys need nothing, other namespaces are never required, values fill in.
        var merged = CliConfigMerge.apply(project, stack("config:\n  demo:a: x\n  demo:b: y\n"));
        assertEquals(Map.of("demo:a", "x", "demo:b", "y", "demo:c", "1", "other:key", "v"), merged.values());
    }

    @Test
    void missingKeysAreListedAsTheCliListsThem() {
        assertEquals("'a'", CliConfigMerge.formatMissingKeys(java.util.List.of("a")));
        assertEquals("'a' and 'b'", CliConfigMerge.formatMissingKeys(java.util.List.of("b", "a")));
        assertEquals("'a', 'b' and 'c'", CliConfigMerge.formatMissingKeys(java.util.List.of("c", "a", "b")));
    }

    @Test
    void typedKeysMustMatchTheirType() throws IOException {
        var project = project("  n:\n    type: integer\n    default: 1\n  f:\n    type: boolean\n    default: false\n"
                + "  s:\n    type: string\n    default: x\n  l:\n    type: array\n    items:\n      type: integer\n    default: []\n");
        var ok = CliConfigMerge.apply(project, stack("config:\n  demo:n: -12\n  demo:f: \"true\"\n  demo:s: 15\n  demo:l: [1, 2]\n"));
        assertEquals("-12", ok.get("demo:n").orElseThrow());
        var e = assertThrows(InvalidConfigException.class, () -> CliConfigMerge.apply(project,
                stack("config:\n  demo:n: 1.5\n  demo:f: yes\n  demo:s: {a: 1}\n  demo:l: [1, x]\n")));
        assertEquals(4, e.problems().size(), e.getMessage());
        assertTrue(e.getMessage().contains("with configuration key 'l' must be of type 'array<integer>'"), e.getMessage());
        assertTrue(e.getMessage().contains("with configuration key 'n' must be of type 'integer'"), e.getMessage());
        assertTrue(e.problems().stream().allMatch(p -> p.id().equals(ConfigRule.CLI_TYPE.id())), e.getMessage());
    }

    @Test
    void aSecretKeyMustBeStoredEncrypted() throws IOException {
        var project = project("  token:\n    type: string\n    secret: true\n");
        var e = assertThrows(InvalidConfigException.class, () -> CliConfigMerge.apply(project, stack("config:\n  demo:token: plain\n")));
        assertTrue(e.getMessage().contains("Stack 'dev' with configuration key 'token' must be encrypted as it's secret"));
        assertEquals(ConfigRule.CLI_SECRET.id(), e.problems().get(0).id());
        var merged = CliConfigMerge.apply(project, stack("config:\n  demo:token:\n    secure: AAABAx==\n"));
        assertEquals(Set.of("demo:token"), merged.secretKeys());
    }

    @Test
    void aDefaultOfTheWrongTypeIsRefusedAsTheCliRefusesThePulumiYaml() {
        var e = assertThrows(InvalidConfigException.class, () -> project("  n:\n    type: integer\n    default: abc\n"));
        assertTrue(e.getMessage().contains("The default value specified for configuration key 'n' is not of the expected type 'integer'"));
        assertEquals(ConfigRule.PROJECT_FILE.id(), e.problems().get(0).id());
    }

    @Test
    void nestedValuesKeepTheirJsonTypes() {
        var merged = CliConfigMerge.apply(ProjectConfig.ofWorkingDirectory(), stack(
                "config:\n  aws:region: us-east-1\n  medialake-lambda:functions:\n    search_api:\n      memoryMb: 4096\n"));
        assertEquals(4096, JsonParser.parseString(merged.get("medialake-lambda:functions").orElseThrow())
                .getAsJsonObject().getAsJsonObject("search_api").get("memoryMb").getAsInt());
    }
}
