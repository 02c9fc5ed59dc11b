package com.medialake.lambda.preview;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.mockito.ArgumentMatchers.any;

import com.medialake.lambda.App;
import com.medialake.lambda.config.PulumiConfigSource;
import com.medialake.lambda.config.StackFile;
import com.medialake.lambda.model.StackSettings;
import com.medialake.lambda.plan.Plan;
import com.medialake.lambda.policy.PlanPolicies;
import com.medialake.lambda.rules.Problem;
import com.medialake.lambda.rules.Severity;
import com.pulumi.exceptions.RunException;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mockito.Mockito;

/**
 * A mandatory policy violation stops the program the Pulumi CLI runs, with the offline preview's message,
 * before any resource is registered. No stack file can produce one (the rules refuse such settings first),
 * so the policies are made to report one.
 */
class PolicyGateUnderTheCliTest {
    private static final Problem VIOLATION = Problem.onResource("efs-encrypted", Severity.MANDATORY, "CKV_AWS_42",
            "aws:efs/fileSystem:FileSystem medialake-bulk-downloads", "not encrypted at rest", "set encrypted: true");

    @Test
    void aMandatoryViolationStopsTheProgramWithTheOfflineMessage() {
        var file = StackFile.load("us-east-1", Path.of(StackFile.fileName("us-east-1")));
        try (var policies = Mockito.mockStatic(PlanPolicies.class)) {
            policies.when(() -> PlanPolicies.evaluate(any(Plan.class))).thenReturn(List.of(VIOLATION));

            var err = new ByteArrayOutputStream();
            int status = OfflinePreview.run(new String[] {"us-east-1"}, new PrintStream(new ByteArrayOutputStream()),
                    new PrintStream(err, true, StandardCharsets.UTF_8));
            assertEquals(OfflinePreview.EXIT_POLICY_VIOLATION, status);
            String offline = err.toString(StandardCharsets.UTF_8).strip().substring("error: ".length());

            var program = App.program(PulumiConfigSource.of("us-east-1", file.values(), file.secretKeys()));
            var monitor = new OfflineEngine.RecordingMonitor(new AwsMocks("us-east-1"));
            var refusal = assertThrows(IllegalStateException.class, () ->
                    OfflineEngine.run(StackSettings.PROJECT, "us-east-1", monitor, file.values(), program));
            assertEquals("the program failed on the offline engine: " + offline, refusal.getMessage());
            assertEquals(List.of("pulumi:pulumi:Stack"),
                    monitor.registrations().stream().map(r -> r.request().getType()).toList());
        }
    }

    @Test
    void theRefusalIsARunExceptionSoTheEnginePrintsNoStackTrace() {
        var file = StackFile.load("us-east-1", Path.of(StackFile.fileName("us-east-1")));
        try (var policies = Mockito.mockStatic(PlanPolicies.class)) {
            policies.when(() -> PlanPolicies.evaluate(any(Plan.class))).thenReturn(List.of(VIOLATION));
            var program = App.program(PulumiConfigSource.of("us-east-1", file.values(), file.secretKeys()));
            assertThrows(RunException.class, () -> program.accept(null));
        }
    }
}
