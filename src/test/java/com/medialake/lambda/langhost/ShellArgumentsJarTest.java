package com.medialake.lambda.langhost;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Paths as the shell hands them to the packaged jar: a process substitution, a name the locale cannot hold. */
class ShellArgumentsJarTest {
    private static String jar() {
        return "'" + Path.of(System.getProperty("java.home"), "bin", "java") + "' -jar " + LanguageHost.JAR;
    }

    @Test
    void aSavedPlanAndAStackFileCanComeThroughAPipe() throws Exception {
        // <(...) is /dev/fd/N, a pipe: as readable as a file.
        var run = ShellRun.bash(Map.of(), jar() + " preview us-east-1 --diff-against <(" + jar() + " preview us-east-1 --json)"
                + " && " + jar() + " preview us-east-1 --config-file <(cat Pulumi.us-east-1.yaml) > /dev/null");
        assertEquals(0, run.status(), run.err());
        assertEquals("no changes\nMonthly cost: $349.63, unchanged\n", run.out());
    }

    @Test
    void aNameTheLocaleCannotHoldIsSaidSoWithTheFix() throws Exception {
        // The name's bytes come from bash ($'...' quoting): this JVM's own locale does not matter.
        var run = ShellRun.bash(Map.of("LC_ALL", "C"), jar() + " preview us-east-1 --config-file $'Pulumi.\\xc3\\xbc.yaml'");
        assertEquals(1, run.status());
        assertEquals("", run.out());
        assertTrue(run.err().startsWith("error: Invalid value for option '--config-file': "), run.err());
        assertTrue(run.err().contains("cannot be a file name in this locale") && run.err().contains("LC_ALL=C.UTF-8"),
                run.err());
        assertFalse(run.err().contains("InvalidPathException"), run.err());
    }
}
