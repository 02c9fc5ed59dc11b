package com.medialake.lambda.preview;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.medialake.lambda.plan.PlannedResource;
import com.medialake.lambda.plan.ResourceTypes;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The type tokens come from the SDK's classes, the offline AWS answers for exactly those, and the stacks
 * register nothing else: a new resource type is a compile-checked constant, an answer, and nothing more.
 */
class ResourceAnswersTest {
    @Test
    void tokensAreTheSdksOwn() {
        // pulumi-aws's @ResourceType on com.pulumi.aws.lambda.Function, as the engine sees it in a URN
        assertEquals("aws:lambda/function:Function", ResourceTypes.FUNCTION);
        assertEquals("aws:ec2/route:Route", ResourceTypes.EC2_ROUTE);
        assertEquals("aws:apigatewayv2/route:Route", ResourceTypes.API_ROUTE);
        assertEquals(ResourceTypes.ALL.size(), new TreeSet<>(ResourceTypes.ALL).size(), "no token twice");
    }

    @Test
    void theOfflineAwsAnswersForEveryTypeAndNoOther() {
        assertEquals(new TreeSet<>(ResourceTypes.ALL), new TreeSet<>(ResourceAnswers.BY_TYPE.keySet()));
    }

    @Test
    void aManagedPolicyIsKnownByItsArn() {
        // terraform-provider-aws internal/service/iam/policy.go: d.SetId(aws.ToString(output.Policy.Arn))
        var state = new java.util.HashMap<String, Object>(java.util.Map.of("name", "readers"));
        String id = ResourceAnswers.BY_TYPE.get(ResourceTypes.IAM_POLICY)
                .answer(new ResourceAnswers.Request("readers", state, "0123456789abcdef0"), new AwsMocks("eu-west-1"));
        assertEquals("arn:aws:iam::123456789012:policy/readers", id);
        assertEquals(id, state.get("arn"));
    }

    @Test
    void theStacksRegisterOnlyKnownTypes() {
        var registered = new TreeSet<String>();
        for (String stack : StackPlans.STACKS) {
            StackPlans.of(stack).resources().stream().filter(PlannedResource::custom).map(PlannedResource::type)
                    .forEach(registered::add);
        }
        registered.removeAll(ResourceTypes.ALL);
        assertEquals(new TreeSet<String>(), registered, "types the program registers that ResourceTypes lacks");
    }
}
