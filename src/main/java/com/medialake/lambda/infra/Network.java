package com.medialake.lambda.infra;

import com.medialake.lambda.model.Cidr;
import com.medialake.lambda.model.SubnetLayout;
import com.pulumi.aws.cloudwatch.LogGroup;
import com.pulumi.aws.cloudwatch.LogGroupArgs;
import com.pulumi.aws.ec2.DefaultSecurityGroup;
import com.pulumi.aws.ec2.DefaultSecurityGroupArgs;
import com.pulumi.aws.ec2.Eip;
import com.pulumi.aws.ec2.EipArgs;
import com.pulumi.aws.ec2.FlowLog;
import com.pulumi.aws.ec2.FlowLogArgs;
import com.pulumi.aws.ec2.InternetGateway;
import com.pulumi.aws.ec2.InternetGatewayArgs;
import com.pulumi.aws.ec2.NatGateway;
import com.pulumi.aws.ec2.NatGatewayArgs;
import com.pulumi.aws.ec2.Route;
import com.pulumi.aws.ec2.RouteArgs;
import com.pulumi.aws.ec2.RouteTable;
import com.pulumi.aws.ec2.RouteTableArgs;
import com.pulumi.aws.ec2.RouteTableAssociation;
import com.pulumi.aws.ec2.RouteTableAssociationArgs;
import com.pulumi.aws.ec2.SecurityGroup;
import com.pulumi.aws.ec2.SecurityGroupArgs;
import com.pulumi.aws.ec2.Subnet;
import com.pulumi.aws.ec2.SubnetArgs;
import com.pulumi.aws.ec2.Vpc;
import com.pulumi.aws.ec2.VpcArgs;
import com.pulumi.aws.ec2.VpcEndpoint;
import com.pulumi.aws.ec2.VpcEndpointArgs;
import com.pulumi.aws.ec2.inputs.SecurityGroupEgressArgs;
import com.pulumi.aws.ec2.inputs.SecurityGroupIngressArgs;
import com.pulumi.aws.iam.Role;
import com.pulumi.aws.iam.RoleArgs;
import com.pulumi.aws.iam.RolePolicy;
import com.pulumi.aws.iam.RolePolicyArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The VPC the functions run in: a public and a private subnet per AZ, an internet gateway, NAT gateways by
 * strategy, S3 and DynamoDB gateway endpoints for the private route tables, the two security groups
 * (functions, and EFS admitting NFS from the functions only), the default security group closed, and
 * flow logs of all traffic.
 */
public final class Network extends ComponentResource {
    public static final String TYPE = "medialake:network:Network";
    private static final int NFS_PORT = 2049;

    private final Vpc vpc;
    private final List<Subnet> privateSubnets = new ArrayList<>();
    private final SecurityGroup functionSecurityGroup;
    private final SecurityGroup efsSecurityGroup;

    /**
     * @param layout the subnets, NAT gateways and routes per AZ, computed from the settings
     * @param tags   tags every resource carries
     */
    public Network(String name, SubnetLayout layout, String stack, String region, int logRetentionDays,
                   Map<String, String> tags, ComponentResourceOptions options) {
        super(TYPE, name, options);
        var child = CustomResourceOptions.builder().parent(this).build();

        vpc = new Vpc(name + "-vpc", VpcArgs.builder()
                .cidrBlock(layout.vpcCidr().toString())
                // EFS mount targets are reached by DNS name, which needs both.
                .enableDnsSupport(true)
                .enableDnsHostnames(true)
                .tags(Tags.named(tags, name + "-vpc"))
                .build(), child);

        // The default group admits all traffic between its members; nothing uses it, so close it.
        new DefaultSecurityGroup(name + "-default", DefaultSecurityGroupArgs.builder()
                .vpcId(vpc.id())
                .tags(Tags.named(tags, name + "-default (closed)"))
                .build(), child);
        flowLogs(name, stack, region, logRetentionDays, tags, child);

        var igw = new InternetGateway(name + "-igw", InternetGatewayArgs.builder()
                .vpcId(vpc.id())
                .tags(Tags.named(tags, name + "-igw"))
                .build(), child);

        var publicRoutes = new RouteTable(name + "-public", RouteTableArgs.builder()
                .vpcId(vpc.id())
                .tags(Tags.named(tags, name + "-public"))
                .build(), child);
        new Route(name + "-public-default", RouteArgs.builder()
                .routeTableId(publicRoutes.id())
                .destinationCidrBlock("0.0.0.0/0")
                .gatewayId(igw.id())
                .build(), child);

        var natGateways = new java.util.HashMap<String, NatGateway>();
        var privateRouteTables = new ArrayList<RouteTable>();
        for (var zone : layout.zones()) {
            String az = zone.name();
            // Only NAT gateways live in the public subnets; nothing gets a public IP by default in either.
            var publicSubnet = subnetIn(publicRoutes, name + "-public-" + az, az, zone.publicCidr(), tags, child);
            if (zone.hasNatGateway()) {
                var eip = new Eip(name + "-nat-" + az, EipArgs.builder()
                        .domain("vpc")
                        .tags(Tags.named(tags, name + "-nat-" + az))
                        .build(), child);
                natGateways.put(az, new NatGateway(name + "-nat-" + az, NatGatewayArgs.builder()
                        .allocationId(eip.allocationId())
                        .subnetId(publicSubnet.id())
                        .tags(Tags.named(tags, name + "-nat-" + az))
                        .build(), CustomResourceOptions.builder().parent(this).dependsOn(igw).build()));
            }
            var privateRoutes = new RouteTable(name + "-private-" + az, RouteTableArgs.builder()
                    .vpcId(vpc.id())
                    .tags(Tags.named(tags, name + "-private-" + az))
                    .build(), child);
            privateRouteTables.add(privateRoutes);
            privateSubnets.add(subnetIn(privateRoutes, name + "-private-" + az, az, zone.privateCidr(), tags, child));
            // The layout routes each AZ through its own NAT or the first AZ's: either exists by now.
            zone.natZone().map(natGateways::get).ifPresent(nat ->
                    new Route(name + "-private-" + az + "-default", RouteArgs.builder()
                            .routeTableId(privateRoutes.id())
                            .destinationCidrBlock("0.0.0.0/0")
                            .natGatewayId(nat.id())
                            .build(), child));
        }

        var privateRouteTableIds = Output.all(privateRouteTables.stream().map(RouteTable::id).toList());
        for (String service : List.of("s3", "dynamodb")) {
            new VpcEndpoint(name + "-" + service, VpcEndpointArgs.builder()
                    .vpcId(vpc.id())
                    .serviceName("com.amazonaws." + region + "." + service)
                    .vpcEndpointType("Gateway")
                    .routeTableIds(privateRouteTableIds)
                    .tags(Tags.named(tags, name + "-" + service))
                    .build(), child);
        }

        functionSecurityGroup = new SecurityGroup(name + "-functions", SecurityGroupArgs.builder()
                .vpcId(vpc.id())
                .description("MediaLake Lambda functions: no inbound, outbound to AWS APIs and EFS")
                .egress(SecurityGroupEgressArgs.builder()
                        .description("AWS APIs through the NAT and gateway endpoints, NFS to EFS")
                        .protocol("-1").fromPort(0).toPort(0)
                        .cidrBlocks("0.0.0.0/0")
                        .build())
                .tags(Tags.named(tags, name + "-functions"))
                .build(), child);

        efsSecurityGroup = new SecurityGroup(name + "-efs", SecurityGroupArgs.builder()
                .vpcId(vpc.id())
                .description("MediaLake bulk-download EFS: NFS from the Lambda functions only")
                .ingress(SecurityGroupIngressArgs.builder()
                        .description("NFS from the functions' security group")
                        .protocol("tcp").fromPort(NFS_PORT).toPort(NFS_PORT)
                        .securityGroups(functionSecurityGroup.id().applyValue(List::of))
                        .build())
                .tags(Tags.named(tags, name + "-efs"))
                .build(), child);

        registerOutputs(Map.of(
                "vpcId", vpc.id(),
                "privateSubnetIds", privateSubnetIds(),
                "functionSecurityGroupId", functionSecurityGroup.id(),
                "efsSecurityGroupId", efsSecurityGroup.id()));
    }

    /** A subnet of the VPC in one AZ, associated with a route table (both under the same logical name). */
    private Subnet subnetIn(RouteTable routes, String logicalName, String az, Cidr cidr, Map<String, String> tags,
                            CustomResourceOptions child) {
        var subnet = new Subnet(logicalName, SubnetArgs.builder()
                .vpcId(vpc.id())
                .availabilityZone(az)
                .cidrBlock(cidr.toString())
                .mapPublicIpOnLaunch(false)
                .tags(Tags.named(tags, logicalName))
                .build(), child);
        new RouteTableAssociation(logicalName, RouteTableAssociationArgs.builder()
                .subnetId(subnet.id())
                .routeTableId(routes.id())
                .build(), child);
        return subnet;
    }

    /** All traffic of the VPC to a log group, for investigating what reached what. */
    private void flowLogs(String name, String stack, String region, int logRetentionDays, Map<String, String> tags,
                          CustomResourceOptions child) {
        String physical = Names.of(Names.Service.IAM_ROLE, Names.PREFIX + "-" + stack + "-vpc-flow-logs");
        var logGroup = new LogGroup(name + "-flow-logs", LogGroupArgs.builder()
                .name(Names.of(Names.Service.LOG_GROUP, "/" + Names.PREFIX + "/" + stack + "/vpc-flow-logs"))
                .retentionInDays(logRetentionDays)
                .tags(tags)
                .build(), child);
        var role = new Role(name + "-flow-logs", RoleArgs.builder()
                .name(physical)
                .description("Lets VPC Flow Logs write to " + physical)
                .assumeRolePolicy(IamDocuments.assumeRole("vpc-flow-logs.amazonaws.com"))
                .tags(tags)
                .build(), child);
        var write = new RolePolicy(name + "-flow-logs", RolePolicyArgs.builder()
                .role(role.id())
                .policy(logGroup.arn().applyValue(arn -> IamDocuments.document(List.of(IamDocuments.statement(
                        "WriteFlowLogs", "Allow", null, List.of("logs:CreateLogStream", "logs:PutLogEvents",
                                "logs:DescribeLogGroups", "logs:DescribeLogStreams"), List.of(arn, arn + ":*"), null)))))
                .build(), child);
        new FlowLog(name, FlowLogArgs.builder()
                .vpcId(vpc.id())
                .trafficType("ALL")
                .logDestinationType("cloud-watch-logs")
                .logDestination(logGroup.arn())
                .iamRoleArn(role.arn())
                .tags(Tags.named(tags, name))
                .build(), CustomResourceOptions.builder().parent(this).dependsOn(write).build());
    }

    public Output<String> vpcId() {
        return vpc.id();
    }

    /** One private subnet per AZ, in AZ order. */
    public List<Subnet> privateSubnets() {
        return List.copyOf(privateSubnets);
    }

    public Output<List<String>> privateSubnetIds() {
        return Output.all(privateSubnets.stream().map(Subnet::id).toList());
    }

    public Output<String> functionSecurityGroupId() {
        return functionSecurityGroup.id();
    }

    public Output<String> efsSecurityGroupId() {
        return efsSecurityGroup.id();
    }
}
