package com.medialake.lambda.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.medialake.lambda.preview.OfflinePreview;
import com.medialake.lambda.preview.StackPlans;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Stack files read as the Pulumi CLI's YAML reader reads them, through the offline preview's entry point. */
class CliYamlTest {
    @TempDir
    Path dir;

    private StackPlans.Cli preview(String yaml) throws Exception {
        Path file = dir.resolve("Pulumi.us-east-1.yaml");
        Files.writeString(file, yaml);
        return StackPlans.preview("us-east-1", "--config-file", file.toString());
    }

    @Test
    void anUnquotedDateStaysTheTextTheCliPasses() throws Exception {
        var run = preview("config:\n  aws:region: us-east-1\n  medialake-lambda:provisionedConcurrencyTimeout: 2026-01-01\n");
        assertEquals(OfflinePreview.EXIT_INVALID_CONFIG, run.status());
        assertTrue(run.err().contains("'2026-01-01'"), run.err());
        assertFalse(run.err().contains("2026 ") || run.err().contains("GMT") || run.err().contains("UTC"), run.err());
    }

    @Test
    void binaryIsDecodedToItsText() throws Exception {
        // ops@example.com in base64: yaml.v3 decodes !!binary into the string the program then reads.
        var run = preview("config:\n  aws:region: us-east-1\n  medialake-lambda:alarmEmail: !!binary b3BzQGV4YW1wbGUuY29t\n");
        assertEquals(0, run.status(), run.err());
        assertFalse(run.out().contains("[B@"), "no Java byte array's toString");
    }

    @Test
    void aTrailingDocumentMarkerIsNoError() throws Exception {
        var run = preview("config:\n  aws:region: us-east-1\n---\n");
        assertEquals(0, run.status(), run.err());
    }

    @Test
    void aValueThatAliasesUnfoldToMoreThanTheCliCanPassIsRefusedNotHeld() throws Exception {
        var yaml = new StringBuilder("config:\n  aws:region: us-east-1\n  medialake-lambda:functions:\n"
                + "    collections_api:\n      note: &big \"" + "x".repeat(1000) + "\"\n      notes:\n");
        for (int i = 0; i < 200_000; i++) {
            yaml.append("        - *big\n");
        }
        var run = preview(yaml.toString());
        assertEquals(OfflinePreview.EXIT_INVALID_CONFIG, run.status());
        assertTrue(run.err().contains("medialake-lambda:functions: the value is more than 131072 characters as the"
                + " Pulumi CLI passes it") || run.err().contains("functions: the value is more than 131072 characters"),
                run.err());
        assertEquals("", run.out());
    }

    @Test
    void anAddressLongerThanAnyEmailIsRefused() throws Exception {
        var run = preview("config:\n  aws:region: us-east-1\n  medialake-lambda:alarmEmail: " + "a".repeat(300)
                + "@example.com\n");
        assertEquals(OfflinePreview.EXIT_INVALID_CONFIG, run.status());
        assertTrue(run.err().contains("[alarm-email]") && run.err().contains("the address is 312 characters, more than"
                + " the 254 an email address can have (RFC 5321)"), run.err());
    }
}
