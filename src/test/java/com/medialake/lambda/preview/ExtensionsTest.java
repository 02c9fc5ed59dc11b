package com.medialake.lambda.preview;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.medialake.lambda.FleetProgram;
import com.medialake.lambda.infra.LambdaService;
import com.medialake.lambda.plan.Plan;
import com.medialake.lambda.plan.PlanJson;
import com.medialake.lambda.plan.ResourceTypes;
import com.medialake.lambda.policy.PlanPolicies;
import com.medialake.lambda.rules.Problem;
import com.pulumi.aws.lambda.Permission;
import com.pulumi.aws.lambda.PermissionArgs;
import com.pulumi.core.Output;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A function's component takes more resources without a change to its constructor (LambdaService.Extension,
 * as CDK's constructs take addToRolePolicy and grants), and whatever such a resource does, it cannot reach a
 * PC function past its warm pool: the plan policies refuse it.
 */
class ExtensionsTest {
    private static Plan plan(String stack, Map<String, List<LambdaService.Extension>> extensions) {
        var settings = StackPlans.settings(stack);
        var run = OfflineEngine.run(settings.project(), stack,
                new OfflineEngine.RecordingMonitor(new AwsMocks(settings.region(), settings.accountConcurrencyLimit())),
                Map.of(), ctx -> FleetProgram.deploy(settings, extensions).forEach(ctx::export));
        return new Plan(settings, run.resources(), run.outputs());
    }

    @Test
    void noExtensionsIsTheStackAsItIs() {
        String stack = StackPlans.stacks().get(0);
        assertEquals(PlanJson.render(StackPlans.of(stack)), PlanJson.render(plan(stack, Map.of())));
    }

    @Test
    void anExtensionAddsTheServicesChildrenAndABarePathToAPcFunctionIsRefused() {
        String stack = StackPlans.stacks().get(0);
        var plan = plan(stack, Map.of("search_api", List.of(
                // Through the service: qualified with the alias.
                (service, asChild) -> service.grantInvoke("search_api-uploads", "s3.amazonaws.com",
                        Output.of("arn:aws:s3:::medialake-uploads")),
                // Past it: the function by name, $LATEST.
                (service, asChild) -> new Permission("search_api-bare", PermissionArgs.builder()
                        .action("lambda:InvokeFunction")
                        .function(service.physicalName())
                        .principal("sns.amazonaws.com")
                        .build(), asChild))));
        var service = plan.byName(LambdaService.TYPE, "search_api");
        var granted = plan.byName(ResourceTypes.PERMISSION, "search_api-uploads");
        assertEquals(service.urn(), granted.parent());
        assertEquals("live", granted.input("qualifier"));
        assertEquals(service.urn(), plan.byName(ResourceTypes.PERMISSION, "search_api-bare").parent());
        var problems = PlanPolicies.evaluate(plan);
        assertEquals(List.of("callers-use-alias"), problems.stream().map(Problem::id).toList());
        assertEquals("aws:lambda/permission:Permission search_api-bare", problems.get(0).where());
    }
}
