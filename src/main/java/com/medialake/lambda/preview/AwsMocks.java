package com.medialake.lambda.preview;

import com.medialake.lambda.infra.Names;
import com.medialake.lambda.plan.ReplacementProperties;
import com.pulumi.test.Mocks;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * The mock engine's AWS: answers each resource and lookup the way AWS and the provider do, with ids and
 * ARNs of the real shapes, the region's own AZ names, and for a published function the {@code version} AWS
 * would publish: "1", or where a saved plan says which version is live, that one while the function's code
 * and versioned settings are unchanged and the next one when they changed ({@link FunctionVersions})
 * ($LATEST otherwise). Ids derive from the resource's type and name, so the same program gets the same
 * answers every run. A type it does not know is an error, not an empty answer.
 */
public final class AwsMocks implements Mocks {
    /** A placeholder account: documentation's own 123456789012. */
    public static final String ACCOUNT_ID = "123456789012";

    private final String region;
    private final String partition;
    private final boolean assumeZones;
    private final long concurrencyQuota;
    private final Map<String, Integer> functionVersions;

    /** AWS's default concurrency quota of an account in a region. */
    public static final long DEFAULT_CONCURRENCY_QUOTA = 1000;

    public AwsMocks(String region) {
        this(region, DEFAULT_CONCURRENCY_QUOTA, false);
    }

    /**
     * @param concurrencyQuota what Service Quotas answers for Lambda's "Concurrent executions" in the region:
     *                         offline, the stack's concurrency.accountLimit
     * @param assumeZones      answer six AZs ({@code <region>a} to {@code f}) for a region without an AZ list
     *                         here: for the policy check under the Pulumi CLI, where AWS's answers decide
     */
    public AwsMocks(String region, long concurrencyQuota, boolean assumeZones) {
        this.region = region;
        this.partition = Names.partition(region);
        this.assumeZones = assumeZones;
        this.concurrencyQuota = concurrencyQuota;
        this.functionVersions = Map.of();
    }

    private AwsMocks(AwsMocks base, Map<String, Integer> functionVersions) {
        this.region = base.region;
        this.partition = base.partition;
        this.assumeZones = base.assumeZones;
        this.concurrencyQuota = base.concurrencyQuota;
        this.functionVersions = Map.copyOf(functionVersions);
    }

    /** The same AWS, publishing these versions for the functions it names (logical names), "1" for others. */
    public AwsMocks withFunctionVersions(Map<String, Integer> versions) {
        return new AwsMocks(this, versions);
    }

    /**
     * The quota an account has whose concurrency.accountLimit is right: what the stand-ins answer for a stack
     * config as the CLI passes it (the default quota where the key is absent or unreadable).
     */
    public static long configuredQuota(Map<String, String> cliConfig) {
        try {
            var concurrency = com.google.gson.JsonParser.parseString(
                    cliConfig.getOrDefault("medialake-lambda:concurrency", "{}")).getAsJsonObject();
            return concurrency.has("accountLimit") ? concurrency.get("accountLimit").getAsLong() : DEFAULT_CONCURRENCY_QUOTA;
        } catch (RuntimeException e) {
            return DEFAULT_CONCURRENCY_QUOTA;
        }
    }

    /** Whether the offline engine can answer for a region (it has the region's AZ list). */
    public static boolean knowsRegion(String region) {
        return OfflineRegions.knows(region);
    }

    /** The regions the offline engine can answer for, sorted. */
    public static List<String> knownRegions() {
        return OfflineRegions.known();
    }

    public static List<String> zones(String region) {
        return OfflineRegions.zones(region);
    }

    @Override
    public CompletableFuture<Map<String, Object>> callAsync(CallArgs args) {
        // Answered on the caller's thread: AWS's answer does not need another hop through the common pool.
        return CompletableFuture.completedFuture(MockLookups.answer(args.token, args.args, region, partition,
                concurrencyQuota, assumeZones));
    }

    @Override
    public CompletableFuture<ResourceResult> newResourceAsync(ResourceArgs args) {
        return CompletableFuture.completedFuture(answer(args));
    }

    private ResourceResult answer(ResourceArgs args) {
        var state = new HashMap<String, Object>(args.inputs == null ? Map.of() : args.inputs);
        String type = args.type;
        // A replacement creates a new resource, with a new id: the id derives from what forces replacement,
        // so dependents of a replaced resource see their inputs change as they would in AWS.
        String hex = hex(region + "/" + type + "/" + args.name + "/" + replacementInputs(type, state));
        String id;
        switch (type) {
            case "medialake:network:Network", "medialake:storage:SharedFileSystem", "medialake:lambda:LambdaService",
                    "medialake:api:HttpApi", "medialake:queue:BulkDownloadQueue", "medialake:monitoring:Monitoring" -> {
                return ResourceResult.of(Optional.empty(), Map.of());
            }
            case "aws:ec2/vpc:Vpc" -> {
                id = "vpc-" + hex;
                state.put("arn", ec2Arn("vpc", id));
                state.put("defaultSecurityGroupId", "sg-" + hex("default/" + args.name));
                state.put("mainRouteTableId", "rtb-" + hex("main/" + args.name));
            }
            case "aws:ec2/defaultSecurityGroup:DefaultSecurityGroup" -> {
                id = "sg-" + hex;
                state.put("arn", ec2Arn("security-group", id));
                state.put("name", "default");
            }
            case "aws:ec2/flowLog:FlowLog" -> {
                id = "fl-" + hex;
                state.put("arn", ec2Arn("vpc-flow-log", id));
            }
            case "aws:ec2/subnet:Subnet" -> {
                id = "subnet-" + hex;
                state.put("arn", ec2Arn("subnet", id));
            }
            case "aws:ec2/internetGateway:InternetGateway" -> {
                id = "igw-" + hex;
                state.put("arn", ec2Arn("internet-gateway", id));
            }
            case "aws:ec2/eip:Eip" -> {
                id = "eipalloc-" + hex;
                state.put("allocationId", id);
                // TEST-NET-3, an address range reserved for documentation.
                state.put("publicIp", "203.0.113." + (Integer.parseInt(hex.substring(0, 2), 16) % 254 + 1));
            }
            case "aws:ec2/natGateway:NatGateway" -> id = "nat-" + hex;
            case "aws:ec2/routeTable:RouteTable" -> {
                id = "rtb-" + hex;
                state.put("arn", ec2Arn("route-table", id));
            }
            case "aws:ec2/route:Route" -> id = "r-" + state.get("routeTableId") + "1080289494";
            case "aws:ec2/routeTableAssociation:RouteTableAssociation" -> id = "rtbassoc-" + hex;
            case "aws:ec2/vpcEndpoint:VpcEndpoint" -> {
                id = "vpce-" + hex;
                state.put("arn", ec2Arn("vpc-endpoint", id));
                state.put("prefixListId", "pl-" + hex.substring(0, 8));
            }
            case "aws:ec2/securityGroup:SecurityGroup" -> {
                id = "sg-" + hex;
                state.put("arn", ec2Arn("security-group", id));
                state.putIfAbsent("name", args.name + "-" + hex.substring(0, 7));
            }
            case "aws:efs/fileSystem:FileSystem" -> {
                id = "fs-" + hex;
                state.put("arn", arn("elasticfilesystem", "file-system/" + id));
                state.put("dnsName", id + ".efs." + region + ".amazonaws.com");
            }
            case "aws:efs/mountTarget:MountTarget" -> {
                id = "fsmt-" + hex;
                state.put("fileSystemArn", arn("elasticfilesystem", "file-system/" + state.get("fileSystemId")));
            }
            case "aws:efs/accessPoint:AccessPoint" -> {
                id = "fsap-" + hex;
                state.put("arn", arn("elasticfilesystem", "access-point/" + id));
                state.put("fileSystemArn", arn("elasticfilesystem", "file-system/" + state.get("fileSystemId")));
            }
            case "aws:efs/fileSystemPolicy:FileSystemPolicy" -> id = String.valueOf(state.get("fileSystemId"));
            case "aws:iam/role:Role" -> {
                String name = String.valueOf(state.getOrDefault("name", args.name));
                id = name;
                state.put("arn", "arn:" + partition + ":iam::" + ACCOUNT_ID + ":role/" + name);
                state.put("uniqueId", "AROA" + hex.toUpperCase());
            }
            case "aws:iam/rolePolicy:RolePolicy" -> {
                state.putIfAbsent("name", args.name + "-" + hex.substring(0, 7));
                id = state.get("role") + ":" + state.get("name");
            }
            case "aws:iam/rolePolicyAttachment:RolePolicyAttachment" -> id = state.get("role") + "-" + hex;
            case "aws:cloudwatch/logGroup:LogGroup" -> {
                id = String.valueOf(state.get("name"));
                state.put("arn", arn("logs", "log-group:" + id));
            }
            case "aws:lambda/function:Function" -> {
                String name = String.valueOf(state.get("name"));
                id = name;
                String fnArn = arn("lambda", "function:" + name);
                String version = Boolean.TRUE.equals(state.get("publish"))
                        ? String.valueOf(functionVersions.getOrDefault(args.name, 1)) : "$LATEST";
                state.put("arn", fnArn);
                state.put("version", version);
                state.put("qualifiedArn", fnArn + ":" + version);
                state.put("invokeArn", invokeArn(fnArn));
                state.put("qualifiedInvokeArn", invokeArn(fnArn + ":" + version));
            }
            case "aws:lambda/alias:Alias" -> {
                String fnArn = arn("lambda", "function:" + state.get("functionName"));
                String aliasArn = fnArn + ":" + state.get("name");
                id = aliasArn;
                state.put("arn", aliasArn);
                state.put("invokeArn", invokeArn(aliasArn));
            }
            case "aws:lambda/provisionedConcurrencyConfig:ProvisionedConcurrencyConfig" ->
                    id = state.get("functionName") + "," + state.get("qualifier");
            case "aws:lambda/permission:Permission" -> {
                state.putIfAbsent("statementId", "terraform-" + hex);
                id = String.valueOf(state.get("statementId"));
            }
            case "aws:lambda/eventSourceMapping:EventSourceMapping" -> {
                id = uuid(hex);
                state.put("uuid", id);
                state.put("arn", arn("lambda", "event-source-mapping:" + id));
                state.put("functionArn", state.get("functionName"));
                state.put("state", "Enabled");
            }
            case "aws:appautoscaling/target:Target" -> {
                id = String.valueOf(state.get("resourceId"));
                state.put("arn", "arn:" + partition + ":application-autoscaling:" + region + ":" + ACCOUNT_ID
                        + ":scalable-target/" + hex);
            }
            case "aws:appautoscaling/policy:Policy" -> {
                id = String.valueOf(state.get("name"));
                state.put("arn", "arn:" + partition + ":autoscaling:" + region + ":" + ACCOUNT_ID + ":scalingPolicy:"
                        + uuid(hex) + ":resource/lambda/" + state.get("resourceId") + ":policyName/" + id);
            }
            case "aws:appautoscaling/scheduledAction:ScheduledAction" -> {
                id = String.valueOf(state.get("name"));
                state.put("arn", "arn:" + partition + ":autoscaling:" + region + ":" + ACCOUNT_ID + ":scheduledAction:"
                        + uuid(hex) + ":resource/lambda/" + state.get("resourceId") + ":scheduledActionName/" + id);
            }
            case "aws:sns/topic:Topic" -> {
                id = arn("sns", String.valueOf(state.get("name")));
                state.put("arn", id);
            }
            case "aws:sns/topicSubscription:TopicSubscription" -> {
                id = state.get("topic") + ":" + uuid(hex);
                state.put("arn", id);
            }
            case "aws:cloudwatch/metricAlarm:MetricAlarm" -> {
                id = String.valueOf(state.get("name"));
                state.put("arn", arn("cloudwatch", "alarm:" + id));
            }
            case "aws:cloudwatch/dashboard:Dashboard" -> {
                id = String.valueOf(state.get("dashboardName"));
                state.put("dashboardArn", "arn:" + partition + ":cloudwatch::" + ACCOUNT_ID + ":dashboard/" + id);
            }
            case "aws:cloudwatch/eventRule:EventRule" -> {
                id = String.valueOf(state.get("name"));
                state.put("arn", arn("events", "rule/" + id));
            }
            case "aws:cloudwatch/eventTarget:EventTarget" -> {
                state.putIfAbsent("targetId", "terraform-" + hex);
                id = state.get("rule") + "-" + state.get("targetId");
            }
            case "aws:apigatewayv2/api:Api" -> {
                id = hex.substring(0, 10);
                state.put("apiEndpoint", "https://" + id + ".execute-api." + region + ".amazonaws.com");
                state.put("executionArn", arn("execute-api", id));
                state.put("arn", "arn:" + partition + ":apigateway:" + region + "::/apis/" + id);
            }
            case "aws:apigatewayv2/stage:Stage" -> {
                id = String.valueOf(state.get("name"));
                String apiId = String.valueOf(state.get("apiId"));
                String stagePath = "$default".equals(id) ? "" : id;
                state.put("invokeUrl", "https://" + apiId + ".execute-api." + region + ".amazonaws.com/" + stagePath);
                state.put("executionArn", arn("execute-api", apiId + "/" + id));
            }
            case "aws:apigatewayv2/integration:Integration", "aws:apigatewayv2/route:Route" -> id = hex.substring(0, 7);
            case "aws:sqs/queue:Queue" -> {
                String name = String.valueOf(state.get("name"));
                id = "https://sqs." + region + ".amazonaws.com/" + ACCOUNT_ID + "/" + name;
                state.put("url", id);
                state.put("arn", arn("sqs", name));
            }
            default -> throw new UnsupportedOperationException("the offline engine does not know how AWS answers"
                    + " for " + type + " (" + args.name + "); teach AwsMocks its id and outputs");
        }
        state.put("id", id);
        return ResourceResult.of(Optional.of(id), state);
    }

    private static String replacementInputs(String type, Map<String, Object> inputs) {
        var forcing = ReplacementProperties.BY_TYPE.getOrDefault(type, java.util.Set.of());
        var values = new java.util.TreeMap<String, String>();
        forcing.forEach(p -> {
            if (inputs.containsKey(p)) {
                values.put(p, String.valueOf(inputs.get(p)));
            }
        });
        return values.toString();
    }

    private String arn(String service, String resource) {
        return "arn:" + partition + ":" + service + ":" + region + ":" + ACCOUNT_ID + ":" + resource;
    }

    private String ec2Arn(String kind, String id) {
        return arn("ec2", kind + "/" + id);
    }

    private String invokeArn(String functionArn) {
        return "arn:" + partition + ":apigateway:" + region + ":lambda:path/2015-03-31/functions/" + functionArn
                + "/invocations";
    }

    /** A UUID-shaped id from the same seed. */
    private static String uuid(String hex) {
        String h = Names.sha256(hex);
        return h.substring(0, 8) + "-" + h.substring(8, 12) + "-" + h.substring(12, 16) + "-" + h.substring(16, 20)
                + "-" + h.substring(20, 32);
    }

    /** 17 hex digits, as EC2 ids have since 2016. */
    private static String hex(String seed) {
        return Names.sha256(seed).substring(0, 17);
    }
}
