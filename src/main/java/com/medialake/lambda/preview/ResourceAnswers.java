package com.medialake.lambda.preview;

import static com.medialake.lambda.plan.ResourceTypes.*;

import com.medialake.lambda.infra.BulkDownloadQueue;
import com.medialake.lambda.infra.HttpApi;
import com.medialake.lambda.infra.LambdaService;
import com.medialake.lambda.infra.Monitoring;
import com.medialake.lambda.infra.Network;
import com.medialake.lambda.infra.SharedFileSystem;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * How AWS and the provider answer the creation of each resource type the program registers: the id, and
 * the outputs AWS adds to the inputs (ARNs, DNS names, a published function's version), in the shapes AWS
 * gives them. Keyed by the SDK's own type tokens. A type not here is an error of the offline engine.
 */
final class ResourceAnswers {
    /**
     * What AwsMocks knows of the resource being created.
     *
     * @param name  the logical name
     * @param state the inputs, to which the answer adds the outputs
     * @param hex   17 hex digits derived from the type, the name and what forces replacement
     */
    record Request(String name, Map<String, Object> state, String hex) {
        Object get(String key) {
            return state.get(key);
        }

        String text(String key) {
            return String.valueOf(state.get(key));
        }

        void put(String key, Object value) {
            state.put(key, value);
        }
    }

    /** One type's answer: puts the outputs into the request's state and returns the id. */
    interface Answer {
        String answer(Request r, AwsMocks aws);
    }

    /** The program's own components: the engine registers them, AWS never sees them. */
    static final Set<String> COMPONENTS = Set.of(Network.TYPE, SharedFileSystem.TYPE, LambdaService.TYPE,
            HttpApi.TYPE, BulkDownloadQueue.TYPE, Monitoring.TYPE);

    static final Map<String, Answer> BY_TYPE = answers();

    private ResourceAnswers() {
    }

    private static Map<String, Answer> answers() {
        var answers = new HashMap<String, Answer>();
        network(answers);
        storage(answers);
        iam(answers);
        lambda(answers);
        monitoring(answers);
        frontDoors(answers);
        return Map.copyOf(answers);
    }

    /** A type whose id is a prefix and the hex, with an ec2 ARN of that kind. */
    private static Answer ec2(String prefix, String arnKind) {
        return (r, aws) -> {
            String id = prefix + r.hex();
            r.put("arn", aws.ec2Arn(arnKind, id));
            return id;
        };
    }

    /** A type whose id is one of its inputs, with an ARN of the service made from it. */
    private static Answer named(String key, String service, String resourcePrefix) {
        return (r, aws) -> {
            String id = r.text(key);
            r.put("arn", aws.arn(service, resourcePrefix + id));
            return id;
        };
    }

    /** A type whose id is its ARN. */
    private static Answer arnIsId(java.util.function.BiFunction<Request, AwsMocks, String> arn) {
        return (r, aws) -> {
            String id = arn.apply(r, aws);
            r.put("arn", id);
            return id;
        };
    }

    private static void network(Map<String, Answer> answers) {
        answers.put(VPC, (r, aws) -> {
            String id = "vpc-" + r.hex();
            r.put("arn", aws.ec2Arn("vpc", id));
            r.put("defaultSecurityGroupId", "sg-" + AwsMocks.hex("default/" + r.name()));
            r.put("mainRouteTableId", "rtb-" + AwsMocks.hex("main/" + r.name()));
            return id;
        });
        answers.put(DEFAULT_SECURITY_GROUP, (r, aws) -> {
            String id = "sg-" + r.hex();
            r.put("arn", aws.ec2Arn("security-group", id));
            r.put("name", "default");
            return id;
        });
        answers.put(FLOW_LOG, ec2("fl-", "vpc-flow-log"));
        answers.put(SUBNET, ec2("subnet-", "subnet"));
        answers.put(INTERNET_GATEWAY, ec2("igw-", "internet-gateway"));
        answers.put(EIP, (r, aws) -> {
            String id = "eipalloc-" + r.hex();
            r.put("allocationId", id);
            // TEST-NET-3, an address range reserved for documentation.
            r.put("publicIp", "203.0.113." + (Integer.parseInt(r.hex().substring(0, 2), 16) % 254 + 1));
            return id;
        });
        answers.put(NAT_GATEWAY, (r, aws) -> "nat-" + r.hex());
        answers.put(ROUTE_TABLE, ec2("rtb-", "route-table"));
        answers.put(EC2_ROUTE, (r, aws) -> "r-" + r.get("routeTableId") + "1080289494");
        answers.put(ROUTE_TABLE_ASSOCIATION, (r, aws) -> "rtbassoc-" + r.hex());
        answers.put(VPC_ENDPOINT, (r, aws) -> {
            String id = "vpce-" + r.hex();
            r.put("arn", aws.ec2Arn("vpc-endpoint", id));
            r.put("prefixListId", "pl-" + r.hex().substring(0, 8));
            return id;
        });
        answers.put(SECURITY_GROUP, (r, aws) -> {
            String id = "sg-" + r.hex();
            r.put("arn", aws.ec2Arn("security-group", id));
            r.state().putIfAbsent("name", r.name() + "-" + r.hex().substring(0, 7));
            return id;
        });
    }

    private static void storage(Map<String, Answer> answers) {
        answers.put(FILE_SYSTEM, (r, aws) -> {
            String id = "fs-" + r.hex();
            r.put("arn", aws.arn("elasticfilesystem", "file-system/" + id));
            r.put("dnsName", id + ".efs." + aws.region() + ".amazonaws.com");
            return id;
        });
        answers.put(MOUNT_TARGET, (r, aws) -> {
            r.put("fileSystemArn", aws.arn("elasticfilesystem", "file-system/" + r.get("fileSystemId")));
            return "fsmt-" + r.hex();
        });
        answers.put(ACCESS_POINT, (r, aws) -> {
            String id = "fsap-" + r.hex();
            r.put("arn", aws.arn("elasticfilesystem", "access-point/" + id));
            r.put("fileSystemArn", aws.arn("elasticfilesystem", "file-system/" + r.get("fileSystemId")));
            return id;
        });
        answers.put(FILE_SYSTEM_POLICY, (r, aws) -> r.text("fileSystemId"));
        answers.put(SQS_QUEUE, (r, aws) -> {
            String name = r.text("name");
            String id = "https://sqs." + aws.region() + ".amazonaws.com/" + AwsMocks.ACCOUNT_ID + "/" + name;
            r.put("url", id);
            r.put("arn", aws.arn("sqs", name));
            return id;
        });
    }

    private static void iam(Map<String, Answer> answers) {
        answers.put(ROLE, (r, aws) -> {
            String name = String.valueOf(r.state().getOrDefault("name", r.name()));
            r.put("arn", "arn:" + aws.partition() + ":iam::" + AwsMocks.ACCOUNT_ID + ":role/" + name);
            r.put("uniqueId", "AROA" + r.hex().toUpperCase());
            return name;
        });
        answers.put(ROLE_POLICY, (r, aws) -> {
            r.state().putIfAbsent("name", r.name() + "-" + r.hex().substring(0, 7));
            return r.get("role") + ":" + r.get("name");
        });
        answers.put(ROLE_POLICY_ATTACHMENT, (r, aws) -> r.get("role") + "-" + r.hex());
        // A managed policy: its id is its ARN (terraform-provider-aws internal/service/iam/policy.go:
        // d.SetId(aws.ToString(output.Policy.Arn))).
        answers.put(IAM_POLICY, arnIsId((r, aws) -> "arn:" + aws.partition() + ":iam::" + AwsMocks.ACCOUNT_ID
                + ":policy/" + r.text("name")));
    }

    private static void lambda(Map<String, Answer> answers) {
        answers.put(FUNCTION, (r, aws) -> {
            String name = r.text("name");
            String fnArn = aws.arn("lambda", "function:" + name);
            String version = Boolean.TRUE.equals(r.get("publish")) ? aws.functionVersion(r.name()) : "$LATEST";
            r.put("arn", fnArn);
            r.put("version", version);
            r.put("qualifiedArn", fnArn + ":" + version);
            r.put("invokeArn", aws.invokeArn(fnArn));
            r.put("qualifiedInvokeArn", aws.invokeArn(fnArn + ":" + version));
            return name;
        });
        answers.put(ALIAS, (r, aws) -> {
            String aliasArn = aws.arn("lambda", "function:" + r.get("functionName")) + ":" + r.get("name");
            r.put("arn", aliasArn);
            r.put("invokeArn", aws.invokeArn(aliasArn));
            return aliasArn;
        });
        answers.put(PROVISIONED_CONCURRENCY_CONFIG, (r, aws) -> r.get("functionName") + "," + r.get("qualifier"));
        answers.put(PERMISSION, (r, aws) -> {
            r.state().putIfAbsent("statementId", "terraform-" + r.hex());
            return r.text("statementId");
        });
        answers.put(EVENT_SOURCE_MAPPING, (r, aws) -> {
            String id = AwsMocks.uuid(r.hex());
            r.put("uuid", id);
            r.put("arn", aws.arn("lambda", "event-source-mapping:" + id));
            r.put("functionArn", r.get("functionName"));
            r.put("state", "Enabled");
            return id;
        });
        answers.put(SCALING_TARGET, (r, aws) -> {
            r.put("arn", "arn:" + aws.partition() + ":application-autoscaling:" + aws.region() + ":"
                    + AwsMocks.ACCOUNT_ID + ":scalable-target/" + r.hex());
            return r.text("resourceId");
        });
        answers.put(SCALING_POLICY, scaling("scalingPolicy", "policyName/"));
        answers.put(SCHEDULED_ACTION, scaling("scheduledAction", "scheduledActionName/"));
    }

    /** An Application Auto Scaling policy or scheduled action: its name is its id. */
    private static Answer scaling(String kind, String namePrefix) {
        return (r, aws) -> {
            String id = r.text("name");
            r.put("arn", aws.autoscalingArn(kind, r, namePrefix + id));
            return id;
        };
    }

    private static void monitoring(Map<String, Answer> answers) {
        answers.put(LOG_GROUP, named("name", "logs", "log-group:"));
        answers.put(SNS_TOPIC, arnIsId((r, aws) -> aws.arn("sns", r.text("name"))));
        answers.put(SNS_SUBSCRIPTION, arnIsId((r, aws) -> r.get("topic") + ":" + AwsMocks.uuid(r.hex())));
        answers.put(METRIC_ALARM, named("name", "cloudwatch", "alarm:"));
        // TF aws_cloudwatch_log_metric_filter: the id is the filter's name, and no ARN comes back.
        answers.put(LOG_METRIC_FILTER, (r, aws) -> r.text("name"));
        answers.put(DASHBOARD, (r, aws) -> {
            String id = r.text("dashboardName");
            r.put("dashboardArn", "arn:" + aws.partition() + ":cloudwatch::" + AwsMocks.ACCOUNT_ID + ":dashboard/" + id);
            return id;
        });
    }

    /** What invokes the functions: the HTTP API, and the EventBridge rules of the warmers. */
    private static void frontDoors(Map<String, Answer> answers) {
        answers.put(EVENT_RULE, named("name", "events", "rule/"));
        answers.put(EVENT_TARGET, (r, aws) -> {
            r.state().putIfAbsent("targetId", "terraform-" + r.hex());
            return r.get("rule") + "-" + r.get("targetId");
        });
        answers.put(HTTP_API, (r, aws) -> {
            String id = r.hex().substring(0, 10);
            r.put("apiEndpoint", "https://" + id + ".execute-api." + aws.region() + ".amazonaws.com");
            r.put("executionArn", aws.arn("execute-api", id));
            r.put("arn", "arn:" + aws.partition() + ":apigateway:" + aws.region() + "::/apis/" + id);
            return id;
        });
        answers.put(API_STAGE, (r, aws) -> {
            String id = r.text("name");
            String apiId = r.text("apiId");
            String stagePath = "$default".equals(id) ? "" : id;
            r.put("invokeUrl", "https://" + apiId + ".execute-api." + aws.region() + ".amazonaws.com/" + stagePath);
            r.put("executionArn", aws.arn("execute-api", apiId + "/" + id));
            return id;
        });
        answers.put(API_INTEGRATION, (r, aws) -> r.hex().substring(0, 7));
        answers.put(API_ROUTE, (r, aws) -> r.hex().substring(0, 7));
    }
}
