package com.medialake.lambda.preview;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.medialake.lambda.infra.Names.Service;
import com.medialake.lambda.plan.ResourceTypes;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every physical name the program sets is one its service accepts, whatever the stack is called: Pulumi
 * allows dots in stack names and up to 100 characters.
 */
class PhysicalNamesTest {
    /** The input holding each type's physical name, and the service whose rules it must follow. */
    private static final Map<String, Map.Entry<String, Service>> NAMED = Map.ofEntries(
            Map.entry(ResourceTypes.FUNCTION, Map.entry("name", Service.LAMBDA_FUNCTION)),
            Map.entry(ResourceTypes.ROLE, Map.entry("name", Service.IAM_ROLE)),
            Map.entry(ResourceTypes.SQS_QUEUE, Map.entry("name", Service.SQS_QUEUE)),
            Map.entry(ResourceTypes.SNS_TOPIC, Map.entry("name", Service.SNS_TOPIC)),
            Map.entry(ResourceTypes.DASHBOARD, Map.entry("dashboardName", Service.DASHBOARD)),
            Map.entry(ResourceTypes.METRIC_ALARM, Map.entry("name", Service.ALARM)),
            Map.entry(ResourceTypes.EVENT_RULE, Map.entry("name", Service.EVENT_RULE)),
            Map.entry(ResourceTypes.LOG_GROUP, Map.entry("name", Service.LOG_GROUP)),
            Map.entry(ResourceTypes.LOG_METRIC_FILTER, Map.entry("name", Service.METRIC_FILTER)),
            Map.entry(ResourceTypes.HTTP_API, Map.entry("name", Service.HTTP_API)),
            Map.entry(ResourceTypes.SCALING_POLICY, Map.entry("name", Service.SCALING_POLICY)),
            Map.entry(ResourceTypes.SCHEDULED_ACTION, Map.entry("name", Service.SCHEDULED_ACTION)));
    /** Names that are fixed words, not built from the stack. */
    private static final Set<String> FIXED_NAMES = Set.of(ResourceTypes.ALIAS, ResourceTypes.API_STAGE);

    private static final String EVERYTHING = StackPlans.stackFile("eu-west-1",
            "alarmEmail: oncall@example.com\n" + StackPlans.BUSINESS_HOURS + """
                      init_zip:
                        warmer:
                          rateMinutes: 5
                    """);

    @ParameterizedTest
    @ValueSource(strings = {"eu-west-1", "eu-west-1.canary",
            "a-stack-name-of-sixty-characters-for-a-staging-copy-0123456",
            "a.stack.name.of.the.most.characters.pulumi.allows.in.a.stack.name.which.is.one.hundred.characters.x"})
    void everyNameFollowsItsServicesRules(String stack) {
        var plan = StackPlans.plan(stack, EVERYTHING);
        var checked = new HashSet<String>();
        for (var r : plan.resources()) {
            var named = NAMED.get(r.type());
            if (named == null) {
                boolean hasName = r.inputs().has("name") || r.inputs().has("dashboardName");
                assertTrue(!hasName || FIXED_NAMES.contains(r.type()), r.type() + " sets a name nobody checks: add it here");
                continue;
            }
            String name = r.input(named.getKey());
            assertTrue(named.getValue().accepts(name), r.type() + " " + r.name() + ": " + name + " (" + name.length() + ")");
            checked.add(r.type());
        }
        assertEquals(NAMED.keySet(), checked, "every kind of name was seen");
    }
}
