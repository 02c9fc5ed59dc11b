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
            Map.entry(ResourceTypes.VPC, Set.of("cidrBlock", "ipv4IpamPoolId", "ipv4NetmaskLength")),
            // CFN AWS::EC2::Subnet: VpcId, AvailabilityZone(Id), CidrBlock, OutpostArn, ...
            Map.entry(ResourceTypes.SUBNET, Set.of("vpcId", "availabilityZone", "availabilityZoneId", "cidrBlock",
                    "outpostArn", "ipv6Native")),
            // CFN AWS::EC2::SecurityGroup: GroupDescription, GroupName, VpcId
            Map.entry(ResourceTypes.SECURITY_GROUP, Set.of("description", "name", "namePrefix", "vpcId")),
            // TF aws_default_security_group: vpc_id
            Map.entry(ResourceTypes.DEFAULT_SECURITY_GROUP, Set.of("vpcId")),
            // TF aws_internet_gateway: none (vpc_id updates by detach and attach)
            Map.entry(ResourceTypes.INTERNET_GATEWAY, Set.of()),
            // TF aws_eip: domain, address, customer_owned_ipv4_pool, network_border_group, public_ipv4_pool
            Map.entry(ResourceTypes.EIP, Set.of("domain", "address", "networkBorderGroup", "publicIpv4Pool")),
            // TF aws_nat_gateway: allocation_id, subnet_id, connectivity_type, private_ip
            Map.entry(ResourceTypes.NAT_GATEWAY, Set.of("allocationId", "subnetId", "connectivityType", "privateIp")),
            // TF aws_route_table: vpc_id
            Map.entry(ResourceTypes.ROUTE_TABLE, Set.of("vpcId")),
            // TF aws_route: route_table_id and the destination
            Map.entry(ResourceTypes.EC2_ROUTE, Set.of("routeTableId", "destinationCidrBlock", "destinationIpv6CidrBlock",
                    "destinationPrefixListId")),
            // TF aws_route_table_association: subnet_id, gateway_id (route_table_id updates in place)
            Map.entry(ResourceTypes.ROUTE_TABLE_ASSOCIATION, Set.of("subnetId", "gatewayId")),
            // TF aws_vpc_endpoint: vpc_id, service_name, vpc_endpoint_type
            Map.entry(ResourceTypes.VPC_ENDPOINT, Set.of("vpcId", "serviceName", "vpcEndpointType")),
            // TF aws_flow_log: every argument but tags
            Map.entry(ResourceTypes.FLOW_LOG, Set.of("vpcId", "trafficType", "logDestination", "logDestinationType",
                    "iamRoleArn", "logFormat", "maxAggregationInterval", "subnetId", "eniId")),
            // CFN AWS::EFS::FileSystem: AvailabilityZoneName, Encrypted, KmsKeyId, PerformanceMode (+TF creation_token)
            Map.entry(ResourceTypes.FILE_SYSTEM, Set.of("availabilityZoneName", "encrypted", "kmsKeyId",
                    "performanceMode", "creationToken")),
            // CFN AWS::EFS::MountTarget: FileSystemId, SubnetId, IpAddress (security groups update in place)
            Map.entry(ResourceTypes.MOUNT_TARGET, Set.of("fileSystemId", "subnetId", "ipAddress")),
            // CFN AWS::EFS::AccessPoint: FileSystemId, PosixUser, RootDirectory
            Map.entry(ResourceTypes.ACCESS_POINT, Set.of("fileSystemId", "posixUser", "rootDirectory")),
            // TF aws_efs_file_system_policy: file_system_id
            Map.entry(ResourceTypes.FILE_SYSTEM_POLICY, Set.of("fileSystemId")),
            // CFN AWS::IAM::Role: Path, RoleName
            Map.entry(ResourceTypes.ROLE, Set.of("name", "namePrefix", "path")),
            // TF aws_iam_role_policy: name, role
            Map.entry(ResourceTypes.ROLE_POLICY, Set.of("name", "namePrefix", "role")),
            // TF aws_iam_role_policy_attachment: role, policy_arn
            Map.entry(ResourceTypes.ROLE_POLICY_ATTACHMENT, Set.of("role", "policyArn")),
            // CFN AWS::Logs::LogGroup: LogGroupName
            Map.entry(ResourceTypes.LOG_GROUP, Set.of("name", "namePrefix")),
            // CFN AWS::Lambda::Function: FunctionName, PackageType
            Map.entry(ResourceTypes.FUNCTION, Set.of("name", "packageType")),
            // CFN AWS::Lambda::Alias: Name, FunctionName
            Map.entry(ResourceTypes.ALIAS, Set.of("name", "functionName")),
            // TF aws_lambda_provisioned_concurrency_config: function_name, qualifier (the count updates in place)
            Map.entry(ResourceTypes.PROVISIONED_CONCURRENCY_CONFIG,
                    Set.of("functionName", "qualifier")),
            // TF aws_lambda_permission: every argument
            Map.entry(ResourceTypes.PERMISSION, Set.of("action", "function", "principal", "qualifier",
                    "sourceArn", "sourceAccount", "statementId", "statementIdPrefix", "eventSourceToken")),
            // TF aws_lambda_event_source_mapping: event_source_arn, starting_position (function_name updates)
            Map.entry(ResourceTypes.EVENT_SOURCE_MAPPING, Set.of("eventSourceArn", "startingPosition",
                    "startingPositionTimestamp", "queues", "topics")),
            // CFN AWS::ApplicationAutoScaling::ScalableTarget: ResourceId, ScalableDimension, ServiceNamespace
            Map.entry(ResourceTypes.SCALING_TARGET, Set.of("resourceId", "scalableDimension", "serviceNamespace")),
            // CFN AWS::ApplicationAutoScaling::ScalingPolicy: PolicyName, ServiceNamespace, ResourceId, ...
            Map.entry(ResourceTypes.SCALING_POLICY, Set.of("name", "resourceId", "scalableDimension",
                    "serviceNamespace")),
            // TF aws_appautoscaling_scheduled_action: name, service_namespace, resource_id, scalable_dimension
            Map.entry(ResourceTypes.SCHEDULED_ACTION, Set.of("name", "resourceId",
                    "scalableDimension", "serviceNamespace")),
            // TF aws_cloudwatch_log_metric_filter: name, log_group_name (pattern and transformation update in place)
            Map.entry(ResourceTypes.LOG_METRIC_FILTER, Set.of("name", "logGroupName")),
            // CFN AWS::CloudWatch::Alarm: AlarmName
            Map.entry(ResourceTypes.METRIC_ALARM, Set.of("name")),
            // TF aws_cloudwatch_dashboard: dashboard_name
            Map.entry(ResourceTypes.DASHBOARD, Set.of("dashboardName")),
            // TF aws_cloudwatch_event_rule: name, name_prefix, event_bus_name
            Map.entry(ResourceTypes.EVENT_RULE, Set.of("name", "namePrefix", "eventBusName")),
            // TF aws_cloudwatch_event_target: rule, target_id, event_bus_name
            Map.entry(ResourceTypes.EVENT_TARGET, Set.of("rule", "targetId", "eventBusName")),
            // TF aws_sns_topic: name, name_prefix, fifo_topic
            Map.entry(ResourceTypes.SNS_TOPIC, Set.of("name", "namePrefix", "fifoTopic")),
            // TF aws_sns_topic_subscription: topic_arn, protocol, endpoint
            Map.entry(ResourceTypes.SNS_SUBSCRIPTION, Set.of("topic", "protocol", "endpoint")),
            // TF aws_sqs_queue: name, name_prefix, fifo_queue
            Map.entry(ResourceTypes.SQS_QUEUE, Set.of("name", "namePrefix", "fifoQueue")),
            // TF aws_apigatewayv2_api: protocol_type
            Map.entry(ResourceTypes.HTTP_API, Set.of("protocolType")),
            // TF aws_apigatewayv2_stage: api_id, name
            Map.entry(ResourceTypes.API_STAGE, Set.of("apiId", "name")),
            // TF aws_apigatewayv2_integration: api_id, integration_type
            Map.entry(ResourceTypes.API_INTEGRATION, Set.of("apiId", "integrationType")),
            // TF aws_apigatewayv2_route: api_id
            Map.entry(ResourceTypes.API_ROUTE, Set.of("apiId")));

    private ReplacementProperties() {
    }
}
