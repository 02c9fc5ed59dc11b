package com.medialake.lambda;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The shape of the code, held: data flows config -> settings -> components -> resources, the rules and the
 * model have no Pulumi types, the SDK's internals and the type tokens each have one home, and no file grows
 * past a size a reader takes in. A failure names the files and what they import.
 */
class LayoutTest {
    private static final Path MAIN = Path.of("src/main/java/com/medialake/lambda");
    private static final int MAX_LINES = 300;

    private static Map<String, String> sources() {
        try (Stream<Path> files = Files.walk(MAIN)) {
            var out = new TreeMap<String, String>();
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                out.put(MAIN.relativize(f).toString().replace('\\', '/'), Files.readString(f));
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The files outside {@code allowed} whose text matches. */
    private static List<String> offenders(Pattern pattern, Predicate<String> allowed) {
        return sources().entrySet().stream().filter(e -> !allowed.test(e.getKey()))
                .filter(e -> pattern.matcher(e.getValue()).find()).map(Map.Entry::getKey).toList();
    }

    private static Pattern importOf(String pkg) {
        return Pattern.compile("(?m)^import (static )?" + Pattern.quote(pkg) + "\\.");
    }

    @Test
    void modelRulesAndCostHaveNoPulumiTypes() {
        assertEquals(List.of(), offenders(importOf("com.pulumi"),
                f -> !(f.startsWith("model/") || f.startsWith("rules/") || f.startsWith("cost/"))));
    }

    @Test
    void theComponentsNeverReadConfig() {
        assertEquals(List.of(), offenders(importOf("com.medialake.lambda.config"), f -> !f.startsWith("infra/")));
    }

    @Test
    void thePlanModelAndThePoliciesDoNotReachIntoThePreview() {
        assertEquals(List.of(), offenders(importOf("com.medialake.lambda.preview"),
                f -> !(f.startsWith("plan/") || f.startsWith("policy/"))));
        assertEquals(List.of(), offenders(importOf("com.medialake.lambda.policy"), f -> !f.startsWith("plan/")));
    }

    @Test
    void theSdksInternalsStandInTheOfflineEngineAndTheRuntimeOnly() {
        // RegisteredValues reads the SDK's own signature constants (com.pulumi.core.internal.Constants).
        assertEquals(List.of(), offenders(Pattern.compile("(?m)^import (static )?com\\.pulumi\\.(\\w+\\.)*internal\\."),
                f -> f.equals("preview/OfflineEngine.java") || f.startsWith("runtime/")
                        || f.equals("plan/RegisteredValues.java")));
    }

    @Test
    void typeTokensComeFromTheSdksClasses() {
        assertEquals(List.of(), offenders(Pattern.compile("\"aws:[a-z0-9]+/[a-zA-Z0-9]+:[A-Z]\\w*\""), f -> false));
    }

    @Test
    void oneConfiguredGson() {
        assertEquals(List.of(), offenders(Pattern.compile("new GsonBuilder\\(|new Gson\\("),
                f -> f.equals("json/Json.java")));
    }

    @Test
    void noSourceFileOverThreeHundredLines() {
        var tooLong = new TreeMap<String, Long>();
        sources().forEach((file, text) -> {
            long lines = text.lines().count();
            if (lines > MAX_LINES) {
                tooLong.put(file, lines);
            }
        });
        assertEquals(Map.of(), tooLong, "split these along what they hold");
    }
}
