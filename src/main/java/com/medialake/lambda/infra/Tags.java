package com.medialake.lambda.infra;

import java.util.Map;
import java.util.TreeMap;

/** Tags every resource carries, so the bill and the console can be read per project and stack. */
public final class Tags {
    private Tags() {
    }

    public static Map<String, String> common(String project, String stack) {
        return Map.of("project", project, "stack", stack, "managed-by", "pulumi");
    }

    /** The common tags plus a Name, which the EC2 console shows. */
    static Map<String, String> named(Map<String, String> tags, String name) {
        var named = new TreeMap<>(tags);
        named.put("Name", name);
        return named;
    }
}
