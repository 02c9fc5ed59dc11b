package com.medialake.lambda.model;

/**
 * One row of the function table: a profile plus the function's own values. Stack config may override
 * memory, timeout, concurrency, SnapStart, architecture, runtime and publishing per region.
 *
 * @param name                   the function's key in the table and in config, also its handler folder
 * @param profile                the function type, giving defaults and the network attachment
 * @param description            what the function does, set on the Lambda function
 * @param memoryMb               memory, overriding the profile's
 * @param provisionedConcurrency warm instances on the {@code live} alias; 0 for none
 * @param trigger                what invokes it
 * @param routeKey               its HTTP API route ("GET /assets/{id}") when the trigger is the HTTP API
 * @param efsReadOnly            an EFS function that only reads the shared directory: its role may not write
 */
public record FunctionDefinition(
        String name, FunctionProfile profile, String description, int memoryMb, int provisionedConcurrency,
        Trigger trigger, String routeKey, boolean efsReadOnly) {

    public static FunctionDefinition of(String name, FunctionProfile profile, String description) {
        return new FunctionDefinition(name, profile, description, profile.memoryMb(), 0, Trigger.DIRECT, null, false);
    }

    public FunctionDefinition withMemoryMb(int memoryMb) {
        return new FunctionDefinition(name, profile, description, memoryMb, provisionedConcurrency, trigger, routeKey,
                efsReadOnly);
    }

    public FunctionDefinition withProvisionedConcurrency(int instances) {
        return new FunctionDefinition(name, profile, description, memoryMb, instances, trigger, routeKey, efsReadOnly);
    }

    public FunctionDefinition routedFrom(String httpRouteKey) {
        return new FunctionDefinition(name, profile, description, memoryMb, provisionedConcurrency, Trigger.HTTP_API,
                httpRouteKey, efsReadOnly);
    }

    public FunctionDefinition consumingBulkQueue() {
        return new FunctionDefinition(name, profile, description, memoryMb, provisionedConcurrency,
                Trigger.BULK_QUEUE, null, efsReadOnly);
    }

    public FunctionDefinition readingEfsOnly() {
        return new FunctionDefinition(name, profile, description, memoryMb, provisionedConcurrency, trigger, routeKey,
                true);
    }
}
