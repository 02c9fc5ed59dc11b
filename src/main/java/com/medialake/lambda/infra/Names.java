package com.medialake.lambda.infra;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Physical AWS names. They derive only from the stack and the function's table key, never from an index or
 * anything that changes between deploys, and they carry the stack so that account-global names (IAM roles)
 * never collide between the regional stacks.
 */
public final class Names {
    /** Lambda function names and IAM role names share this limit. */
    public static final int MAX_LENGTH = 64;
    public static final String PREFIX = "medialake";

    /**
     * The physical names this program sets, each with the characters and length its service documents. A
     * stack name may hold dots and run to 100 characters (Pulumi allows both): every name goes through
     * {@link #of}, which replaces what the service refuses and cuts what is too long.
     */
    public enum Service {
        /** Lambda CreateFunction FunctionName: [a-zA-Z0-9-_]+, 64 characters. */
        LAMBDA_FUNCTION("A-Za-z0-9_-", 64),
        /** IAM CreateRole RoleName: [\\w+=,.@-]+, 64 characters. */
        IAM_ROLE("A-Za-z0-9_+=,.@-", 64),
        /** SQS CreateQueue QueueName: alphanumerics, hyphens and underscores, 80 characters. */
        SQS_QUEUE("A-Za-z0-9_-", 80),
        /** SNS CreateTopic Name: alphanumerics, hyphens and underscores, 256 characters. */
        SNS_TOPIC("A-Za-z0-9_-", 256),
        /** CloudWatch PutDashboard DashboardName: alphanumerics, dash and underscore, 255 characters. */
        DASHBOARD("A-Za-z0-9_-", 255),
        /** CloudWatch PutMetricAlarm AlarmName: 255 characters (printable ASCII; this program uses a subset). */
        ALARM("A-Za-z0-9_.-", 255),
        /** EventBridge PutRule Name: [\\.\\-_A-Za-z0-9]+, 64 characters. */
        EVENT_RULE("A-Za-z0-9_.-", 64),
        /** CloudWatch Logs CreateLogGroup logGroupName: [\\.\\-_/#A-Za-z0-9]+, 512 characters. */
        LOG_GROUP("A-Za-z0-9_./#-", 512),
        /** CloudWatch Logs PutMetricFilter filterName: [^:*]*, 512 characters (this program uses a subset). */
        METRIC_FILTER("A-Za-z0-9_.-", 512),
        /** API Gateway v2 CreateApi Name: 128 characters. */
        HTTP_API("A-Za-z0-9_.-", 128),
        /** Application Auto Scaling PutScalingPolicy PolicyName: [\\p{Print}&&[^|:/]]+, 256 characters. */
        SCALING_POLICY("A-Za-z0-9_.-", 256),
        /** Application Auto Scaling PutScheduledAction ScheduledActionName: [\\p{Print}&&[^|:/]]+, 256. */
        SCHEDULED_ACTION("A-Za-z0-9_.-", 256);

        private final java.util.regex.Pattern refused;
        private final java.util.regex.Pattern valid;
        private final int maxLength;

        Service(String allowedCharacters, int maxLength) {
            this.refused = java.util.regex.Pattern.compile("[^" + allowedCharacters + "]");
            this.valid = java.util.regex.Pattern.compile("[" + allowedCharacters + "]{1," + maxLength + "}");
            this.maxLength = maxLength;
        }

        public int maxLength() {
            return maxLength;
        }

        /** Whether the service accepts a name. */
        public boolean accepts(String name) {
            return valid.matcher(name).matches();
        }
    }

    private Names() {
    }

    /**
     * A name the service accepts: characters it refuses become '-', and a name over its limit is cut and
     * suffixed with a hash of the whole name, so that two long names never become the same one.
     */
    public static String of(Service service, String name) {
        String clean = service.refused.matcher(name).replaceAll("-");
        if (clean.length() <= service.maxLength) {
            return clean;
        }
        String hash = sha256(name).substring(0, 8);
        return clean.substring(0, service.maxLength - hash.length() - 1) + "-" + hash;
    }

    /** The Lambda function, IAM role and log-group stem of a function: medialake-eu-west-2-search_api. */
    public static String function(String stack, String function) {
        return of(Service.LAMBDA_FUNCTION, PREFIX + "-" + stack + "-" + function);
    }

    /** The log group Lambda writes a function's logs to: AWS fixes it as /aws/lambda/FUNCTION-NAME. */
    public static String functionLogGroup(String functionName) {
        return of(Service.LOG_GROUP, "/aws/lambda/" + functionName);
    }

    /** A function's own execution role, named as the function (both within 64 characters). */
    public static String functionRole(String functionName) {
        return of(Service.IAM_ROLE, functionName);
    }

    public static String sha256(String text) {
        try {
            var digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    /** The ARN partition of a region: aws, aws-cn or aws-us-gov. */
    public static String partition(String region) {
        if (region.startsWith("cn-")) {
            return "aws-cn";
        }
        return region.startsWith("us-gov-") ? "aws-us-gov" : "aws";
    }
}
