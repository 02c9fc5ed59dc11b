package com.medialake.lambda.preview;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.medialake.lambda.plan.Plan;
import com.medialake.lambda.plan.PlanJson;
import com.medialake.lambda.plan.ResourceTypes;
import org.junit.jupiter.api.Test;

/** Optional parts of a stack, switched by config. */
class StackOptionsTest {
    private static Plan plan(String yaml) {
        return StackPlans.plan("us-east-1", yaml);
    }

    @Test
    void theAlarmEmailIsSubscribedAndNeverPrinted() {
        var plan = plan("config:\n  aws:region: us-east-1\n  medialake-lambda:alarmEmail: oncall@example.com\n");
        var subscription = plan.ofType(ResourceTypes.SNS_SUBSCRIPTION).get(0);
        assertEquals("email", subscription.input("protocol"));
        assertEquals("[secret]", subscription.input("endpoint"));
        assertFalse(PlanJson.render(plan).contains("oncall@example.com"));
        assertFalse(PlanText.render(plan).contains("oncall@example.com"));
    }

    @Test
    void anEncryptedAlarmEmailIsASecretTheOfflinePreviewCannotRead() {
        var plan = plan(StackPlans.stackFile("us-east-1", """
                alarmEmail:
                  secure: v1:3Q8ZkI8tJ7g=:v1:AAAAAAAAAAAAAAAA:encrypted
                """));
        assertEquals("[secret]", plan.ofType(ResourceTypes.SNS_SUBSCRIPTION).get(0).input("endpoint"));
    }

    @Test
    void noEmailNoSubscription() {
        assertTrue(plan("config:\n  aws:region: us-east-1\n").ofType(ResourceTypes.SNS_SUBSCRIPTION)
                .isEmpty());
    }

    @Test
    void theHttpApiCanBeSwitchedOff() {
        var plan = plan("config:\n  aws:region: us-east-1\n  medialake-lambda:httpApiEnabled: false\n");
        assertTrue(plan.resources().stream().noneMatch(r -> r.type().startsWith("aws:apigatewayv2/")));
        assertTrue(plan.ofType(ResourceTypes.PERMISSION).isEmpty());
        assertNull(plan.outputs().get("apiUrl"));
        assertEquals("https://" + plan("config:\n  aws:region: us-east-1\n").ofType(ResourceTypes.HTTP_API).get(0).id()
                + ".execute-api.us-east-1.amazonaws.com/", plan("config:\n  aws:region: us-east-1\n").outputs()
                .get("apiUrl").getAsString());
    }
}
