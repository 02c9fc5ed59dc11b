package com.medialake.lambda.plan;

import java.util.Map;
import java.util.Set;

/**
 * The inputs whose change makes Pulumi replace a resource (delete and create) instead of updating it,
 * for every type this program registers. One place, used by the change-safety tests and the plan diff.
 *
 * <p>Sources: the "createOnlyProperties" of AWS's CloudFormation resource schemas (CFN, as cfn-lint
 * packages them, shared/reference/aws-cfn-schemas), mapped to pulumi-aws names; where CloudFormation has
 * no such type or differs, the ForceNew attributes of the Terraform AWS provider that pulumi-aws 6.x
 * bridges (TF). Each entry says which.
 */
public final class ReplacementProperties {
    /** Type token to the top-level inputs that force a replacement. */
    public static final Map<String, Set<String>> BY_TYPE = Map.ofEntries(
            // CFN AWS::EC2::VPC: CidrBlock, Ipv4IpamPoolId, Ipv4NetmaskLength
            Map.entry("aws:ec2/vpc:Vpc", Set.of("cidrBlock", "ipv4IpamPoolId", "ipv4NetmaskLength")),
            // CFN AWS::EC2::Subnet: VpcId, AvailabilityZone(Id), CidrBlock, OutpostArn, ...
            Map.entry("aws:ec2/subnet:Subnet", Set.of("vpcId", "availabilityZone", "availabilityZoneId", "cidrBlock",
                    "outpostArn", "ipv6Native")),
            // CFN AWS::EC2::SecurityGroup: GroupDescription, GroupName, VpcId
            Map.entry("aws:ec2/securityGroup:SecurityGroup", Set.of("description", "name", "namePrefix", "vpcId")),
            // TF aws_default_security_group: vpc_id
            Map.entry("aws:ec2/defaultSecurityGroup:DefaultSecurityGroup", Set.of("vpcId")),
            // TF aws_internet_gateway: none (vpc_id updates by detach and attach)
            Map.entry("aws:ec2/internetGateway:InternetGateway", Set.of()),
            // TF aws_eip: domain, address, customer_owned_ipv4_pool, network_border_group, public_ipv4_pool
            Map.entry("aws:ec2/eip:Eip", Set.of("domain", "address", "networkBorderGroup", "publicIpv4Pool")),
            // TF aws_nat_gateway: allocation_id, subnet_id, connectivity_type, private_ip
            Map.entry("aws:ec2/natGateway:NatGateway", Set.of("allocationId", "subnetId", "connectivityType", "privateIp")),
            // TF aws_route_table: vpc_id
            Map.entry("aws:ec2/routeTable:RouteTable", Set.of("vpcId")),
            // TF aws_route: route_table_id and the destination
            Map.entry("aws:ec2/route:Route", Set.of("routeTableId", "destinationCidrBlock", "destinationIpv6CidrBlock",
                    "destinationPrefixListId")),
            // TF aws_route_table_association: subnet_id, gateway_id (route_table_id updates in place)
            Map.entry("aws:ec2/routeTableAssociation:RouteTableAssociation", Set.of("subnetId", "gatewayId")),
            // TF aws_vpc_endpoint: vpc_id, service_name, vpc_endpoint_type
            Map.entry("aws:ec2/vpcEndpoint:VpcEndpoint", Set.of("vpcId", "serviceName", "vpcEndpointType")),
            // TF aws_flow_log: every argument but tags
            Map.entry("aws:ec2/flowLog:FlowLog", Set.of("vpcId", "trafficType", "logDestination", "logDestinationType",
                    "iamRoleArn", "logFormat", "maxAggregationInterval", "subnetId", "eniId")),
            // CFN AWS::EFS::FileSystem: AvailabilityZoneName, Encrypted, KmsKeyId, PerformanceMode (+TF creation_token)
            Map.entry("aws:efs/fileSystem:FileSystem", Set.of("availabilityZoneName", "encrypted", "kmsKeyId",
                    "performanceMode", "creationToken")),
            // CFN AWS::EFS::MountTarget: FileSystemId, SubnetId, IpAddress (security groups update in place)
            Map.entry("aws:efs/mountTarget:MountTarget", Set.of("fileSystemId", "subnetId", "ipAddress")),
            // CFN AWS::EFS::AccessPoint: FileSystemId, PosixUser, RootDirectory
            Map.entry("aws:efs/accessPoint:AccessPoint", Set.of("fileSystemId", "posixUser", "rootDirectory")),
            // TF aws_efs_file_system_policy: file_system_id
            Map.entry("aws:efs/fileSystemPolicy:FileSystemPolicy", Set.of("fileSystemId")),
            // CFN AWS::IAM::Role: Path, RoleName
            Map.entry("aws:iam/role:Role", Set.of("name", "namePrefix", "path")),
            // TF aws_iam_role_policy: name, role
            Map.entry("aws:iam/rolePolicy:RolePolicy", Set.of("name", "namePrefix", "role")),
            // TF aws_iam_role_policy_attachment: role, policy_arn
            Map.entry("aws:iam/rolePolicyAttachment:RolePolicyAttachment", Set.of("role", "policyArn")),
            // CFN AWS::Logs::LogGroup: LogGroupName
            Map.entry("aws:cloudwatch/logGroup:LogGroup", Set.of("name", "namePrefix")),
            // CFN AWS::Lambda::Function: FunctionName, PackageType
            Map.entry("aws:lambda/function:Function", Set.of("name", "packageType")),
            // CFN AWS::Lambda::Alias: Name, FunctionName
            Map.entry("aws:lambda/alias:Alias", Set.of("name", "functionName")),
            // TF aws_lambda_provisioned_concurrency_config: function_name, qualifier (the count updates in place)
            Map.entry("aws:lambda/provisionedConcurrencyConfig:ProvisionedConcurrencyConfig",
                    Set.of("functionName", "qualifier")),
            // TF aws_lambda_permission: every argument
            Map.entry("aws:lambda/permission:Permission", Set.of("action", "function", "principal", "qualifier",
                    "sourceArn", "sourceAccount", "statementId", "statementIdPrefix", "eventSourceToken")),
            // TF aws_lambda_event_source_mapping: event_source_arn, starting_position (function_name updates)
            Map.entry("aws:lambda/eventSourceMapping:EventSourceMapping", Set.of("eventSourceArn", "startingPosition",
                    "startingPositionTimestamp", "queues", "topics")),
            // CFN AWS::ApplicationAutoScaling::ScalableTarget: ResourceId, ScalableDimension, ServiceNamespace
            Map.entry("aws:appautoscaling/target:Target", Set.of("resourceId", "scalableDimension", "serviceNamespace")),
            // CFN AWS::ApplicationAutoScaling::ScalingPolicy: PolicyName, ServiceNamespace, ResourceId, ...
            Map.entry("aws:appautoscaling/policy:Policy", Set.of("name", "resourceId", "scalableDimension",
                    "serviceNamespace")),
            // TF aws_appautoscaling_scheduled_action: name, service_namespace, resource_id, scalable_dimension
            Map.entry("aws:appautoscaling/scheduledAction:ScheduledAction", Set.of("name", "resourceId",
                    "scalableDimension", "serviceNamespace")),
            // CFN AWS::CloudWatch::Alarm: AlarmName
            Map.entry("aws:cloudwatch/metricAlarm:MetricAlarm", Set.of("name")),
            // TF aws_cloudwatch_dashboard: dashboard_name
            Map.entry("aws:cloudwatch/dashboard:Dashboard", Set.of("dashboardName")),
            // TF aws_cloudwatch_event_rule: name, name_prefix, event_bus_name
            Map.entry("aws:cloudwatch/eventRule:EventRule", Set.of("name", "namePrefix", "eventBusName")),
            // TF aws_cloudwatch_event_target: rule, target_id, event_bus_name
            Map.entry("aws:cloudwatch/eventTarget:EventTarget", Set.of("rule", "targetId", "eventBusName")),
            // TF aws_sns_topic: name, name_prefix, fifo_topic
            Map.entry("aws:sns/topic:Topic", Set.of("name", "namePrefix", "fifoTopic")),
            // TF aws_sns_topic_subscription: topic_arn, protocol, endpoint
            Map.entry("aws:sns/topicSubscription:TopicSubscription", Set.of("topic", "protocol", "endpoint")),
            // TF aws_sqs_queue: name, name_prefix, fifo_queue
            Map.entry("aws:sqs/queue:Queue", Set.of("name", "namePrefix", "fifoQueue")),
            // TF aws_apigatewayv2_api: protocol_type
            Map.entry("aws:apigatewayv2/api:Api", Set.of("protocolType")),
            // TF aws_apigatewayv2_stage: api_id, name
            Map.entry("aws:apigatewayv2/stage:Stage", Set.of("apiId", "name")),
            // TF aws_apigatewayv2_integration: api_id, integration_type
            Map.entry("aws:apigatewayv2/integration:Integration", Set.of("apiId", "integrationType")),
            // TF aws_apigatewayv2_route: api_id
            Map.entry("aws:apigatewayv2/route:Route", Set.of("apiId")));

    private ReplacementProperties() {
    }
}
