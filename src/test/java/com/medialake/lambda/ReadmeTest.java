package com.medialake.lambda;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.medialake.lambda.policy.PlanPolicies;
import com.medialake.lambda.rules.ConfigRule;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The README's rule tables list exactly the rules the code has, in the code's order, with their ids. */
class ReadmeTest {
    private static final Pattern ROW_ID = Pattern.compile("^\\| `([a-z0-9-]+)` \\|");

    /** The ids in the first column of the first table after the heading. */
    private static List<String> tableIds(String heading) throws IOException {
        var lines = Files.readAllLines(Path.of("README.md"));
        int at = lines.indexOf(heading);
        if (at < 0) {
            throw new AssertionError("README.md has no heading " + heading);
        }
        var rest = lines.subList(at + 1, lines.size());
        int header = 0;
        while (!rest.get(header).startsWith("|")) {
            header++;
        }
        return rest.subList(header, rest.size()).stream().takeWhile(l -> l.startsWith("|"))
                .map(ROW_ID::matcher).filter(java.util.regex.Matcher::find).map(m -> m.group(1)).toList();
    }

    @Test
    void theConfigRuleTableListsEveryConfigRule() throws IOException {
        var ids = Arrays.stream(ConfigRule.values()).map(ConfigRule::id).toList();
        assertEquals(ids.size(), ids.stream().distinct().count(), "ids are unique: " + ids);
        assertEquals(Arrays.stream(ConfigRule.values()).map(ConfigRule::id).toList(),
                tableIds("### Rules checked before anything is registered"));
    }

    @Test
    void theConfigurationReferenceIsTheTableOfKeysRendered() throws IOException {
        var lines = Files.readAllLines(Path.of("README.md"));
        int at = lines.indexOf("| key | type | default | what it sets |");
        var rows = lines.subList(at + 2, lines.size()).stream().takeWhile(l -> l.startsWith("|")).toList();
        assertEquals(java.util.Arrays.stream(com.medialake.lambda.config.ConfigKey.values())
                .map(com.medialake.lambda.config.ConfigKey::readmeRow).toList(), rows);
    }

    @Test
    void thePolicyTableListsEveryPolicy() throws IOException {
        assertEquals(PlanPolicies.RULES.stream().map(PlanPolicies.Rule::id).toList(),
                tableIds("## Policy checks on the plan"));
    }
}
