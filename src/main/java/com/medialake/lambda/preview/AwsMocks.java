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
    private final long concurrencyQuota;
    private final Map<String, Integer> functionVersions;

    /** AWS's default concurrency quota of an account in a region. */
    public static final long DEFAULT_CONCURRENCY_QUOTA = 1000;

    public AwsMocks(String region) {
        this(region, DEFAULT_CONCURRENCY_QUOTA);
    }

    /**
     * @param concurrencyQuota what Service Quotas answers for Lambda's "Concurrent executions" in the region:
     *                         offline, the stack's concurrency.accountLimit
     */
    public AwsMocks(String region, long concurrencyQuota) {
        this.region = region;
        this.partition = Names.partition(region);
        this.concurrencyQuota = concurrencyQuota;
        this.functionVersions = Map.of();
    }

    private AwsMocks(AwsMocks base, Map<String, Integer> functionVersions) {
        this.region = base.region;
        this.partition = base.partition;
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
                concurrencyQuota));
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
        if (ResourceAnswers.COMPONENTS.contains(type)) {
            return ResourceResult.of(Optional.empty(), Map.of());
        }
        var answer = ResourceAnswers.BY_TYPE.get(type);
        if (answer == null) {
            throw new UnsupportedOperationException("the offline engine does not know how AWS answers for " + type
                    + " (" + args.name + "); teach ResourceAnswers its id and outputs");
        }
        String id = answer.answer(new ResourceAnswers.Request(args.name, state, hex), this);
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

    String region() {
        return region;
    }

    String partition() {
        return partition;
    }

    /** The version AWS publishes for a function (its logical name): "1", or what a saved plan says is next. */
    String functionVersion(String logicalName) {
        return String.valueOf(functionVersions.getOrDefault(logicalName, 1));
    }

    String arn(String service, String resource) {
        return "arn:" + partition + ":" + service + ":" + region + ":" + ACCOUNT_ID + ":" + resource;
    }

    String ec2Arn(String kind, String id) {
        return arn("ec2", kind + "/" + id);
    }

    /** An Application Auto Scaling policy's or scheduled action's ARN, on the Lambda resource it scales. */
    String autoscalingArn(String kind, ResourceAnswers.Request r, String name) {
        return "arn:" + partition + ":autoscaling:" + region + ":" + ACCOUNT_ID + ":" + kind + ":" + uuid(r.hex())
                + ":resource/lambda/" + r.get("resourceId") + ":" + name;
    }

    String invokeArn(String functionArn) {
        return "arn:" + partition + ":apigateway:" + region + ":lambda:path/2015-03-31/functions/" + functionArn
                + "/invocations";
    }

    /** A UUID-shaped id from the same seed. */
    static String uuid(String hex) {
        String h = Names.sha256(hex);
        return h.substring(0, 8) + "-" + h.substring(8, 12) + "-" + h.substring(12, 16) + "-" + h.substring(16, 20)
                + "-" + h.substring(20, 32);
    }

    /** 17 hex digits, as EC2 ids have since 2016. */
    static String hex(String seed) {
        return Names.sha256(seed).substring(0, 17);
    }
}
