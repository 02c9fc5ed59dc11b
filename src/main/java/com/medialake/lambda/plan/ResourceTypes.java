package com.medialake.lambda.plan;

import com.pulumi.core.annotations.ResourceType;
import com.pulumi.resources.Resource;
import java.util.List;

/**
 * The type tokens of the resources the program registers, read from the SDK's own resource classes (their
 * {@code @ResourceType} annotation), so that the mocks, the policies, the plan text and the tests name a
 * type the way pulumi-aws does, and a typo is a compile error rather than a rule that never matches.
 */
public final class ResourceTypes {
    public static final String ACCESS_POINT = of(com.pulumi.aws.efs.AccessPoint.class);
    public static final String ALIAS = of(com.pulumi.aws.lambda.Alias.class);
    public static final String API_INTEGRATION = of(com.pulumi.aws.apigatewayv2.Integration.class);
    public static final String API_ROUTE = of(com.pulumi.aws.apigatewayv2.Route.class);
    public static final String API_STAGE = of(com.pulumi.aws.apigatewayv2.Stage.class);
    public static final String DASHBOARD = of(com.pulumi.aws.cloudwatch.Dashboard.class);
    public static final String DEFAULT_SECURITY_GROUP = of(com.pulumi.aws.ec2.DefaultSecurityGroup.class);
    public static final String EC2_ROUTE = of(com.pulumi.aws.ec2.Route.class);
    public static final String EIP = of(com.pulumi.aws.ec2.Eip.class);
    public static final String EVENT_RULE = of(com.pulumi.aws.cloudwatch.EventRule.class);
    public static final String EVENT_SOURCE_MAPPING = of(com.pulumi.aws.lambda.EventSourceMapping.class);
    public static final String EVENT_TARGET = of(com.pulumi.aws.cloudwatch.EventTarget.class);
    public static final String FILE_SYSTEM = of(com.pulumi.aws.efs.FileSystem.class);
    public static final String FILE_SYSTEM_POLICY = of(com.pulumi.aws.efs.FileSystemPolicy.class);
    public static final String FLOW_LOG = of(com.pulumi.aws.ec2.FlowLog.class);
    public static final String FUNCTION = of(com.pulumi.aws.lambda.Function.class);
    public static final String HTTP_API = of(com.pulumi.aws.apigatewayv2.Api.class);
    public static final String IAM_POLICY = of(com.pulumi.aws.iam.Policy.class);
    public static final String INTERNET_GATEWAY = of(com.pulumi.aws.ec2.InternetGateway.class);
    public static final String LOG_GROUP = of(com.pulumi.aws.cloudwatch.LogGroup.class);
    public static final String LOG_METRIC_FILTER = of(com.pulumi.aws.cloudwatch.LogMetricFilter.class);
    public static final String METRIC_ALARM = of(com.pulumi.aws.cloudwatch.MetricAlarm.class);
    public static final String MOUNT_TARGET = of(com.pulumi.aws.efs.MountTarget.class);
    public static final String NAT_GATEWAY = of(com.pulumi.aws.ec2.NatGateway.class);
    public static final String PERMISSION = of(com.pulumi.aws.lambda.Permission.class);
    public static final String PROVISIONED_CONCURRENCY_CONFIG =
            of(com.pulumi.aws.lambda.ProvisionedConcurrencyConfig.class);
    public static final String ROLE = of(com.pulumi.aws.iam.Role.class);
    public static final String ROLE_POLICY = of(com.pulumi.aws.iam.RolePolicy.class);
    public static final String ROLE_POLICY_ATTACHMENT = of(com.pulumi.aws.iam.RolePolicyAttachment.class);
    public static final String ROUTE_TABLE = of(com.pulumi.aws.ec2.RouteTable.class);
    public static final String ROUTE_TABLE_ASSOCIATION = of(com.pulumi.aws.ec2.RouteTableAssociation.class);
    public static final String SCALING_POLICY = of(com.pulumi.aws.appautoscaling.Policy.class);
    public static final String SCALING_TARGET = of(com.pulumi.aws.appautoscaling.Target.class);
    public static final String SCHEDULED_ACTION = of(com.pulumi.aws.appautoscaling.ScheduledAction.class);
    public static final String SECURITY_GROUP = of(com.pulumi.aws.ec2.SecurityGroup.class);
    public static final String SNS_SUBSCRIPTION = of(com.pulumi.aws.sns.TopicSubscription.class);
    public static final String SNS_TOPIC = of(com.pulumi.aws.sns.Topic.class);
    public static final String SQS_QUEUE = of(com.pulumi.aws.sqs.Queue.class);
    public static final String SUBNET = of(com.pulumi.aws.ec2.Subnet.class);
    public static final String VPC = of(com.pulumi.aws.ec2.Vpc.class);
    public static final String VPC_ENDPOINT = of(com.pulumi.aws.ec2.VpcEndpoint.class);

    /** Every token above, for tests that check a plan holds only types something here knows. */
    public static final List<String> ALL = List.of(
            ACCESS_POINT, ALIAS, API_INTEGRATION, API_ROUTE, API_STAGE, DASHBOARD,
            DEFAULT_SECURITY_GROUP, EC2_ROUTE, EIP, EVENT_RULE, EVENT_SOURCE_MAPPING, EVENT_TARGET,
            FILE_SYSTEM, FILE_SYSTEM_POLICY, FLOW_LOG, FUNCTION, HTTP_API, IAM_POLICY, INTERNET_GATEWAY,
            LOG_GROUP, LOG_METRIC_FILTER, METRIC_ALARM, MOUNT_TARGET, NAT_GATEWAY, PERMISSION,
            PROVISIONED_CONCURRENCY_CONFIG, ROLE, ROLE_POLICY, ROLE_POLICY_ATTACHMENT, ROUTE_TABLE,
            ROUTE_TABLE_ASSOCIATION, SCALING_POLICY, SCALING_TARGET, SCHEDULED_ACTION, SECURITY_GROUP,
            SNS_SUBSCRIPTION, SNS_TOPIC, SQS_QUEUE, SUBNET, VPC, VPC_ENDPOINT);

    private ResourceTypes() {
    }

    /** The token of a resource class, for example aws:lambda/function:Function. */
    public static String of(Class<? extends Resource> resource) {
        var annotation = resource.getAnnotation(ResourceType.class);
        if (annotation == null) {
            throw new IllegalArgumentException(resource.getName() + " has no @ResourceType");
        }
        return annotation.type();
    }
}
