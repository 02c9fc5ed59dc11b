package com.medialake.lambda.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/** Pulumi.yaml: valid for the CLI, runs the prebuilt jar, declares every key the program reads. */
class ProjectFileTest {
    @SuppressWarnings("unchecked")
    private static Map<String, Object> project() throws IOException {
        return new Yaml().load(Files.readString(Path.of("Pulumi.yaml")));
    }

    @Test
    void validatesAgainstThePulumiProjectSchema() throws IOException {
        // A copy of the schema the Pulumi CLI validates Pulumi.yaml against (sdk/go/common/workspace/project.json).
        var factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
        try (var schemaText = Files.newInputStream(Path.of("src/test/resources/schema/pulumi-project-schema.json"))) {
            var schema = factory.getSchema(schemaText);
            var errors = schema.validate(new ObjectMapper().valueToTree(project()));
            assertEquals(java.util.Set.of(), errors);
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void runsThePrebuiltJarAndDeclaresEveryKey() throws IOException {
        var project = project();
        assertEquals("medialake-lambda", project.get("name"));
        var runtime = (Map<String, Object>) project.get("runtime");
        assertEquals("java", runtime.get("name"));
        assertEquals("target/medialake-lambda.jar", ((Map<String, Object>) runtime.get("options")).get("binary"));
        var config = (Map<String, Object>) project.get("config");
        // The CLI refuses stack keys of the project namespace that Pulumi.yaml does not declare.
        assertEquals(java.util.Set.copyOf(SettingsParser.KEYS), config.keySet());
        config.values().forEach(v -> assertTrue(((Map<String, Object>) v).containsKey("description")));
    }

    @Test
    @SuppressWarnings("unchecked")
    void theConfigBlockFollowsTheOneTableOfKeys() throws IOException {
        var config = (Map<String, Object>) project().get("config");
        assertEquals(java.util.Set.copyOf(ConfigKey.childrenOf("")), config.keySet(), "the top-level keys");
        // The structured keys' defaults hold each of their fields; the functions' description names every key.
        for (String structured : List.of("network", "concurrency")) {
            var defaults = (Map<String, Object>) ((Map<String, Object>) config.get(structured)).get("default");
            assertEquals(java.util.Set.copyOf(ConfigKey.childrenOf(structured)), defaults.keySet(), structured);
        }
        // The defaults README shows (the table's) are Pulumi.yaml's, which CliConfigMergeTest holds to the program's.
        for (var key : ConfigKey.values()) {
            String path = key.path();
            if (path.contains("<name>") || path.contains(":")) {
                continue;
            }
            String[] parts = path.split("\\.");
            Object declared = ((Map<String, Object>) config.get(parts[0])).get("default");
            if (parts.length == 2) {
                declared = ((Map<String, Object>) declared).get(parts[1]);
            }
            var shown = java.util.regex.Pattern.compile("`([^`]*)`").matcher(key.defaultValue());
            assertTrue(shown.find(), path + ": README shows its default");
            String text = shown.group(1).equals("\"\"") ? "" : shown.group(1);
            assertEquals(String.valueOf(declared), text, path + ": README's default against Pulumi.yaml's");
        }
        String functions = (String) ((Map<String, Object>) config.get("functions")).get("description");
        for (String key : ConfigKey.childrenOf("functions.<name>")) {
            assertTrue(functions.matches(".*\\b" + key + "\\b.*"), "Pulumi.yaml's functions description lacks " + key);
        }
    }
}
