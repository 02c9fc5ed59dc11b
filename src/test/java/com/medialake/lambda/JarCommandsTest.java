package com.medialake.lambda;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.medialake.lambda.preview.StackPlans;
import org.junit.jupiter.api.Test;

/** The jar's commands for a person or a script: generated usage, --help and --version exit 0. */
class JarCommandsTest {
    private static StackPlans.Cli run(String... args) {
        return StackPlans.run(App::commands, args);
    }

    @Test
    void helpListsEveryCommandAndExitsZero() {
        var help = run("--help");
        assertEquals(0, help.status(), help.err());
        assertTrue(help.out().contains("Commands:"), help.out());
        assertTrue(help.out().contains("preview") && help.out().contains("capacity") && help.out().contains("tune"),
                help.out());
        assertEquals("", help.err());
        for (String command : new String[] {"preview", "capacity", "tune"}) {
            var sub = run(command, "--help");
            assertEquals(0, sub.status(), sub.err());
            assertTrue(sub.out().startsWith("Usage: medialake-lambda.jar " + command), sub.out());
        }
        assertTrue(run("capacity", "--help").out().contains("--config-file"), "every option is in the usage");
        assertTrue(run("preview", "--help").out().contains("--diff-against"), "every option is in the usage");
        assertTrue(run("tune", "--help").out().contains("--window-hours"), "every option is in the usage");
    }

    @Test
    void versionExitsZero() {
        var version = run("--version");
        assertEquals(0, version.status());
        assertTrue(version.out().startsWith("medialake-lambda "), version.out());
    }

    @Test
    void anUnknownCommandOrNoCommandIsAUsageErrorNamingIt() {
        var typo = run("prevue", "us-east-1");
        assertEquals(1, typo.status());
        assertEquals("", typo.out());
        assertTrue(typo.err().startsWith("error: Unmatched arguments from index 0: 'prevue'"), typo.err());
        assertTrue(typo.err().contains("Commands:"), "the usage follows");
        var none = run("--bogus");
        assertEquals(1, none.status());
        assertTrue(none.err().startsWith("error: Unknown option: '--bogus'"), none.err());
    }

    @Test
    void aStackNameThePulumiCliWouldRefuseIsRefusedBeforeAnyFileIsRead() {
        // pulumi/pulumi validateStackName: ^[A-Za-z0-9_.-]{1,100}$; names and URNs are made from it.
        for (String bad : new String[] {"../x", "us east", "*", "", "a/b", "x".repeat(101), ".."}) {
            for (String command : new String[] {"preview", "capacity", "tune"}) {
                var run = command.equals("preview") ? run(command, bad, "--config-file", "Pulumi.us-east-1.yaml")
                        : run(command, bad, "--print-query", "--config-file", "Pulumi.us-east-1.yaml");
                assertEquals(1, run.status(), command + " " + bad + ": " + run.err());
                assertTrue(run.err().startsWith("error: '"), run.err());
                assertTrue(run.err().contains("is not a stack name: the Pulumi CLI takes 1 to 100 letters"), run.err());
                assertEquals("", run.out());
                assertTrue(!run.err().contains("\tat "), "no stack trace");
            }
        }
    }

    @Test
    void anEmptyPathNamesItsOption() {
        for (String option : new String[] {"--config-file=", "--diff-against="}) {
            var run = run("preview", "us-east-1", option);
            assertEquals(1, run.status());
            assertTrue(run.err().startsWith("error: Invalid value for option '" + option.replace("=", "")
                    + "': an empty path; give a file's path"), run.err());
        }
        for (String command : new String[] {"capacity", "tune"}) {
            var run = run(command, "us-east-1", "--print-query", "--config-file=");
            assertEquals(1, run.status());
            assertTrue(run.err().startsWith("error: Invalid value for option '--config-file': an empty path"),
                    run.err());
        }
    }
}
