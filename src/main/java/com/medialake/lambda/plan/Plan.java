package com.medialake.lambda.plan;

import com.google.gson.JsonElement;
import com.medialake.lambda.model.StackSettings;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * What a stack would deploy: its settings, every resource sorted by URN, and the stack outputs.
 */
public record Plan(StackSettings settings, List<PlannedResource> resources, Map<String, JsonElement> outputs) {

    public List<PlannedResource> ofType(String type) {
        return resources.stream().filter(r -> r.type().equals(type)).toList();
    }

    public PlannedResource byName(String type, String name) {
        return resources.stream().filter(r -> r.type().equals(type) && r.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no " + type + " named " + name));
    }

    public List<PlannedResource> childrenOf(PlannedResource parent) {
        return resources.stream().filter(r -> Objects.equals(r.parent(), parent == null ? null : parent.urn()))
                .toList();
    }

    /** Resources per type token, sorted by token. */
    public Map<String, Long> countsByType() {
        return resources.stream().filter(PlannedResource::custom).collect(Collectors.groupingBy(
                PlannedResource::type, java.util.TreeMap::new, Collectors.counting()));
    }

    public PlannedResource byUrn(String urn) {
        return resources.stream().filter(r -> r.urn().equals(urn)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no resource " + urn));
    }
}
