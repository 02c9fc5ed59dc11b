package com.medialake.lambda.plan;

import com.google.gson.JsonObject;
import java.util.List;

/**
 * A resource as the program registered it.
 *
 * @param urn            the engine's URN
 * @param id             the id the engine answered with (the mock's, offline); not part of the printed plan
 * @param type           the type token, for example aws:lambda/function:Function
 * @param name           the logical name
 * @param parent         the parent's URN, or null for the stack's own children
 * @param dependsOn      URNs it depends on, explicit and through its inputs, sorted
 * @param protect        whether Pulumi refuses to delete it
 * @param custom         a cloud resource (true) or a component (false)
 * @param customTimeouts create/update/delete timeouts, empty strings where unset
 * @param ignoreChanges  inputs Pulumi leaves as they are in the cloud (set there by something else)
 * @param inputs         the inputs as registered, keys sorted, numbers as numbers
 */
public record PlannedResource(String urn, String id, String type, String name, String parent, List<String> dependsOn,
                              boolean protect, boolean custom, List<String> customTimeouts,
                              List<String> ignoreChanges, JsonObject inputs) {

    public String input(String key) {
        var value = inputs.get(key);
        return value == null || value.isJsonNull() ? null
                : value.isJsonPrimitive() ? value.getAsString() : value.toString();
    }
}
