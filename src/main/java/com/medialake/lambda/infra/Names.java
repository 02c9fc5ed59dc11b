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

    private Names() {
    }

    /** The Lambda function, IAM role and log-group stem of a function: medialake-eu-west-2-search_api. */
    public static String function(String stack, String function) {
        return fit(PREFIX + "-" + sanitize(stack) + "-" + function);
    }

    /** Fits a name into 64 characters, keeping it unique with a hash of the whole name when it must be cut. */
    static String fit(String name) {
        if (name.length() <= MAX_LENGTH) {
            return name;
        }
        String hash = sha256(name).substring(0, 8);
        return name.substring(0, MAX_LENGTH - hash.length() - 1) + "-" + hash;
    }

    /** Stack names may hold dots; Lambda and IAM names may not. */
    private static String sanitize(String stack) {
        return stack.replaceAll("[^a-zA-Z0-9-_]", "-");
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
