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
 * Each role's effective statements against one reviewed golden file, which every stack must match once its
 * region and name stand as {region} and {stack}: the stacks differ in capacity, not in permissions, so a new
 * stack file is covered as it is, and a stack whose permissions differ fails here until reviewed. A
 * difference is a change of permissions: review it, and only then write the new file with
 * -Dgolden.write=true and commit it with the change that caused it.
 */
class RoleStatementsGoldenTest {
    private static final Path GOLDEN = Path.of("src/test/resources/golden/roles.txt");

    /** The report with the stack's region (in ARNs) and name (in physical names) as placeholders. */
    static String normalized(String stack) {
        var plan = StackPlans.of(stack);
        return RoleStatements.render(plan).replace(":" + plan.settings().region() + ":", ":{region}:")
                .replace(stack, "{stack}");
    }

    @ParameterizedTest
    @MethodSource("com.medialake.lambda.preview.StackPlans#stacks")
    void rolesGrantExactlyWhatWasReviewed(String stack) throws IOException {
        String actual = normalized(stack);
        if (Boolean.getBoolean("golden.write") && stack.equals(StackPlans.STACKS.get(0))) {
            Files.writeString(GOLDEN, actual);
        }
        assertEquals(Files.readString(GOLDEN), actual, "permissions changed in " + stack + "; review the difference"
                + " and, if intended, rerun with -Dgolden.write=true and commit " + GOLDEN);
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
