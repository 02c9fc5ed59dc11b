package com.medialake.lambda.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.medialake.lambda.plan.ResourceTypes;
import com.medialake.lambda.preview.StackPlans;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each role's effective statements against a reviewed golden file per stack. A difference is a change of
 * permissions: review it, and only then write the new file with -Dgolden.write=true and commit it with
 * the change that caused it.
 */
class RoleStatementsGoldenTest {
    @ParameterizedTest
    @MethodSource("com.medialake.lambda.preview.StackPlans#stacks")
    void rolesGrantExactlyWhatWasReviewed(String stack) throws IOException {
        String actual = RoleStatements.render(StackPlans.of(stack));
        Path golden = Path.of("src/test/resources/golden/roles-" + stack + ".txt");
        if (Boolean.getBoolean("golden.write")) {
            Files.writeString(golden, actual);
        }
        assertEquals(Files.readString(golden), actual, "permissions changed in " + stack + "; review the difference"
                + " and, if intended, rerun with -Dgolden.write=true and commit " + golden);
    }

    @ParameterizedTest
    @MethodSource("com.medialake.lambda.preview.StackPlans#stacks")
    void generatedIdsStandAsTheResourceThatOwnsThem(String stack) {
        String text = RoleStatements.render(StackPlans.of(stack));
        var plan = StackPlans.of(stack);
        String fileSystemId = plan.ofType(ResourceTypes.FILE_SYSTEM).get(0).id();
        assertTrue(fileSystemId.startsWith("fs-"), fileSystemId);
        assertFalse(text.contains(fileSystemId), "the mock's file-system id leaked into the report of " + stack);
        assertTrue(text.contains("file-system/{FileSystem medialake-bulk-downloads}"), text);
        // names are not ids: a role stays under its physical name
        assertTrue(text.contains("role medialake-" + stack + "-assets_get\n"), text);
    }
}
