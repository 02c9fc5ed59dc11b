package com.medialake.lambda.langhost;

import com.google.common.collect.ImmutableMap;
import com.google.protobuf.Empty;
import com.google.protobuf.Struct;
import com.medialake.lambda.plan.Registration;
import com.medialake.lambda.preview.AwsMocks;
import com.pulumi.serialization.internal.Deserializer;
import com.pulumi.serialization.internal.Serializer;
import com.pulumi.test.Mocks;
import com.pulumi.test.internal.PulumiTestInternal;
import io.grpc.Server;
import io.grpc.Status;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.grpc.stub.StreamObserver;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import pulumirpc.EngineGrpc;
import pulumirpc.EngineOuterClass.GetRootResourceRequest;
import pulumirpc.EngineOuterClass.GetRootResourceResponse;
import pulumirpc.EngineOuterClass.LogRequest;
import pulumirpc.EngineOuterClass.LogSeverity;
import pulumirpc.EngineOuterClass.SetRootResourceRequest;
import pulumirpc.EngineOuterClass.SetRootResourceResponse;
import pulumirpc.Resource.RegisterPackageRequest;
import pulumirpc.Resource.RegisterPackageResponse;
import pulumirpc.Resource.RegisterResourceOutputsRequest;
import pulumirpc.Resource.RegisterResourceRequest;
import pulumirpc.Resource.RegisterResourceResponse;
import pulumirpc.Resource.ResourceInvokeRequest;
import pulumirpc.Resource.ResourceInvokeResponse;
import pulumirpc.Resource.SupportsFeatureRequest;
import pulumirpc.Resource.SupportsFeatureResponse;
import pulumirpc.ResourceMonitorGrpc;

/**
 * A stand-in for the Pulumi engine as a program sees it: the ResourceMonitor and Engine gRPC services on a
 * loopback port, the addresses the language host passes as PULUMI_MONITOR and PULUMI_ENGINE. It answers
 * registrations and invokes as the offline engine's AWS ({@link AwsMocks}) does; in a preview (dry run) it
 * answers as the engine does for resources about to be created: no id, and only the inputs as outputs (every
 * other output unknown). It records what the program sent: registrations, stack outputs and log messages.
 */
public final class EngineStandIn implements AutoCloseable {
    /** One Log RPC. */
    public record LogEntry(LogSeverity severity, String message, String urn) {
    }

    private static final String STACK_TYPE = "pulumi:pulumi:Stack";
    /** The wire form of an unknown value (the SDK's Constants.UnknownValue; Go's plugin.UnknownStringValue). */
    private static final String UNKNOWN = com.pulumi.core.internal.Constants.UnknownValue;

    private final String project;
    private final String stack;
    private final boolean dryRun;
    private final AwsMocks aws;
    private final Deserializer deserializer = new Deserializer(PulumiTestInternal.mockLog());
    private final Serializer serializer = new Serializer(PulumiTestInternal.mockLog());
    private final List<Registration> registrations = new ArrayList<>();
    private final List<LogEntry> logs = new ArrayList<>();
    private final Map<String, Struct> outputsByUrn = new HashMap<>();
    private final AtomicInteger invokes = new AtomicInteger();
    private final ExecutorService executor = Executors.newFixedThreadPool(4);
    private final Server server;
    private volatile String rootUrn = "";

    /** @param concurrencyQuota what Service Quotas answers for the region's concurrent executions */
    EngineStandIn(String project, String stack, String region, long concurrencyQuota, boolean dryRun) throws IOException {
        this.project = project;
        this.stack = stack;
        this.dryRun = dryRun;
        this.aws = new AwsMocks(region, concurrencyQuota);
        this.server = NettyServerBuilder.forAddress(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))
                .executor(executor)
                .maxInboundMessageSize(64 * 1024 * 1024)
                .addService(new Monitor())
                .addService(new Engine())
                .build()
                .start();
    }

    String address() {
        return "127.0.0.1:" + server.getPort();
    }

    public List<Registration> registrations() {
        synchronized (registrations) {
            return List.copyOf(registrations);
        }
    }

    public List<LogEntry> logs() {
        synchronized (logs) {
            return List.copyOf(logs);
        }
    }

    int invokes() {
        return invokes.get();
    }

    /** The stack outputs the program registered, or empty. */
    Optional<Struct> stackOutputs() {
        synchronized (outputsByUrn) {
            return Optional.ofNullable(outputsByUrn.get(stackUrn()));
        }
    }

    String stackUrn() {
        return "urn:pulumi:" + stack + "::" + project + "::" + STACK_TYPE + "::" + project + "-" + stack;
    }

    /**
     * The engine's URN (pulumi/pulumi pkg/resource/deploy/deployment.go, generateURN): the parent's qualified
     * type, except the root stack's, then the type and the name.
     */
    private String urn(String parent, String type, String name) {
        String parentType = "";
        if (!parent.isEmpty()) {
            String qualified = parent.split("::", 4)[2];
            if (!qualified.equals(STACK_TYPE)) {
                parentType = qualified + "$";
            }
        }
        return "urn:pulumi:" + stack + "::" + project + "::" + parentType + type + "::" + name;
    }

    private static boolean containsUnknown(com.google.protobuf.Value v) {
        return switch (v.getKindCase()) {
            case STRING_VALUE -> UNKNOWN.equals(v.getStringValue());
            case LIST_VALUE -> v.getListValue().getValuesList().stream().anyMatch(EngineStandIn::containsUnknown);
            case STRUCT_VALUE -> v.getStructValue().getFieldsMap().values().stream().anyMatch(EngineStandIn::containsUnknown);
            default -> false;
        };
    }

    private Map<String, Object> plain(Struct struct) {
        var out = new HashMap<String, Object>();
        struct.getFieldsMap().forEach((key, value) -> {
            var data = deserializer.deserialize(value);
            if (data.isKnown() && data.getValueOptional().isPresent()) {
                out.put(key, data.getValueOptional().get());
            }
        });
        return out;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> stateOf(Mocks.ResourceResult result) {
        return result.state == null ? Map.of() : (Map<String, Object>) result.state;
    }

    @SuppressWarnings("unchecked")
    private Struct struct(Map<String, Object> values) {
        var serialized = (Map<String, Object>) serializer.serializeAsync("EngineStandIn", Map.copyOf(values), true).join();
        return Serializer.createStruct(serialized);
    }

    private final class Monitor extends ResourceMonitorGrpc.ResourceMonitorImplBase {
        @Override
        public void supportsFeature(SupportsFeatureRequest request, StreamObserver<SupportsFeatureResponse> response) {
            // The engine supports every feature this SDK asks about (secrets, resource references, ...).
            response.onNext(SupportsFeatureResponse.newBuilder().setHasSupport(true).build());
            response.onCompleted();
        }

        @Override
        public void registerResource(RegisterResourceRequest request, StreamObserver<RegisterResourceResponse> response) {
            try {
                String urn = urn(request.getParent(), request.getType(), request.getName());
                var answer = RegisterResourceResponse.newBuilder().setUrn(urn);
                if (request.getType().equals(STACK_TYPE) || !request.getCustom()) {
                    answer.setObject(Struct.getDefaultInstance());
                } else {
                    var inputs = plain(request.getObject());
                    var result = aws.newResourceAsync(new Mocks.ResourceArgs(request.getType(), request.getName(),
                            inputs, request.getProvider(), request.getImportId())).join();
                    if (dryRun) {
                        // A create in a preview: no id, and the inputs are all the outputs there are. The SDK does
                        // not set supportsPartialValues, so the engine leaves out every property that holds an
                        // unknown (pkg/resource/deploy/source_eval.go, RegisterResource: "stripping unknowns
                        // from RegisterResource response").
                        var known = Struct.newBuilder();
                        request.getObject().getFieldsMap().forEach((k, v) -> {
                            if (!containsUnknown(v)) {
                                known.putFields(k, v);
                            }
                        });
                        answer.setObject(known.build());
                    } else {
                        answer.setId(result.id.orElse("")).setObject(struct(stateOf(result)));
                    }
                }
                var done = answer.build();
                synchronized (registrations) {
                    registrations.add(new Registration(urn, done.getId(), request));
                }
                response.onNext(done);
                response.onCompleted();
            } catch (RuntimeException e) {
                response.onError(Status.INTERNAL.withDescription(String.valueOf(e)).asRuntimeException());
            }
        }

        @Override
        public void registerResourceOutputs(RegisterResourceOutputsRequest request, StreamObserver<Empty> response) {
            synchronized (outputsByUrn) {
                outputsByUrn.put(request.getUrn(), request.getOutputs());
            }
            response.onNext(Empty.getDefaultInstance());
            response.onCompleted();
        }

        @Override
        public void invoke(ResourceInvokeRequest request, StreamObserver<ResourceInvokeResponse> response) {
            try {
                invokes.incrementAndGet();
                var result = aws.callAsync(new Mocks.CallArgs(request.getTok(), ImmutableMap.copyOf(plain(request.getArgs())),
                        request.getProvider())).join();
                response.onNext(ResourceInvokeResponse.newBuilder().setReturn(struct(result)).build());
                response.onCompleted();
            } catch (RuntimeException e) {
                response.onError(Status.INTERNAL.withDescription(String.valueOf(e)).asRuntimeException());
            }
        }

        @Override
        public void registerPackage(RegisterPackageRequest request, StreamObserver<RegisterPackageResponse> response) {
            response.onNext(RegisterPackageResponse.newBuilder().setRef(request.getName() + "-" + request.getVersion()).build());
            response.onCompleted();
        }
    }

    private final class Engine extends EngineGrpc.EngineImplBase {
        @Override
        public void log(LogRequest request, StreamObserver<Empty> response) {
            synchronized (logs) {
                logs.add(new LogEntry(request.getSeverity(), request.getMessage(), request.getUrn()));
            }
            response.onNext(Empty.getDefaultInstance());
            response.onCompleted();
        }

        @Override
        public void getRootResource(GetRootResourceRequest request, StreamObserver<GetRootResourceResponse> response) {
            response.onNext(GetRootResourceResponse.newBuilder().setUrn(rootUrn).build());
            response.onCompleted();
        }

        @Override
        public void setRootResource(SetRootResourceRequest request, StreamObserver<SetRootResourceResponse> response) {
            rootUrn = request.getUrn();
            response.onNext(SetRootResourceResponse.getDefaultInstance());
            response.onCompleted();
        }
    }

    @Override
    public void close() throws InterruptedException {
        server.shutdownNow().awaitTermination(10, TimeUnit.SECONDS);
        executor.shutdownNow();
    }
}
