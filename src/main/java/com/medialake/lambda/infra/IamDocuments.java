package com.medialake.lambda.infra;

import com.medialake.lambda.json.Json;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** IAM and resource policy documents, written as data and serialized once. */
public final class IamDocuments {

    /** What Lambda needs to attach a function to a VPC (the actions of AWSLambdaVPCAccessExecutionRole's EC2 part). */
    public static final List<String> VPC_NETWORK_INTERFACE_ACTIONS = List.of(
            "ec2:CreateNetworkInterface", "ec2:DescribeNetworkInterfaces", "ec2:DescribeSubnets",
            "ec2:DeleteNetworkInterface", "ec2:AssignPrivateIpAddresses", "ec2:UnassignPrivateIpAddresses");
    /** What the Lambda runtime needs to send traces. */
    public static final List<String> XRAY_WRITE_ACTIONS = List.of("xray:PutTraceSegments", "xray:PutTelemetryRecords");

    private IamDocuments() {
    }

    static String document(List<Map<String, Object>> statements) {
        var doc = new LinkedHashMap<String, Object>();
        doc.put("Version", "2012-10-17");
        doc.put("Statement", statements);
        return Json.COMPACT.toJson(doc);
    }

    static Map<String, Object> statement(String sid, String effect, Object principal, List<String> actions,
                                         Object resource, Map<String, Object> condition) {
        var s = new LinkedHashMap<String, Object>();
        s.put("Sid", sid);
        s.put("Effect", effect);
        if (principal != null) {
            s.put("Principal", principal);
        }
        s.put("Action", actions.size() == 1 ? actions.get(0) : actions);
        if (resource != null) {
            s.put("Resource", resource);
        }
        if (condition != null) {
            s.put("Condition", condition);
        }
        return s;
    }

    /** Lets an AWS service assume a role. */
    static String assumeRole(String service) {
        return document(List.of(statement("AssumeRole", "Allow", Map.of("Service", service),
                List.of("sts:AssumeRole"), null, null)));
    }
}
