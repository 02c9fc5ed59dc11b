package com.medialake.lambda.preview;

import com.medialake.lambda.plan.Registration;
import com.pulumi.resources.Resource;
import com.pulumi.test.Mocks;
import com.pulumi.test.internal.MockMonitor;
import com.pulumi.test.internal.PulumiTestInternal;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import pulumirpc.Resource.RegisterResourceRequest;
import pulumirpc.Resource.RegisterResourceResponse;

/**
 * The mock engine's resource monitor, keeping every registration as the engine receives it: type, name,
 * parent, dependencies, options and inputs. This is what {@code pulumi preview} would show; the public test
 * API sees less (no parents or implicit dependencies, pulumi/pulumi#14421).
 */
final class RecordingMonitor extends MockMonitor {

    private final List<Registration> registrations = new ArrayList<>();

    private final Mocks mocks;

    RecordingMonitor(Mocks mocks) {
        super(mocks, PulumiTestInternal.mockLog());
        this.mocks = mocks;
    }

    Mocks mocks() {
        return mocks;
    }

    @Override
    public CompletableFuture<RegisterResourceResponse> registerResourceAsync(Resource resource,
                                                                             RegisterResourceRequest request) {
        return super.registerResourceAsync(resource, request).thenApply(mocked -> {
            var response = mocked.toBuilder().setUrn(engineUrn(mocked.getUrn(), request.getParent())).build();
            synchronized (registrations) {
                registrations.add(new Registration(response.getUrn(), response.getId(), request));
            }
            return response;
        });
    }

    /**
     * The URN the engine gives: the SDK's mock puts the stack's type in the type chain of the stack's children
     * ("pulumi:pulumi:Stack$aws:ec2/vpc:Vpc"), which the engine leaves out (pulumi/pulumi
     * pkg/resource/deploy/deployment.go, generateURN: "don't use the root stack type"). Children of
     * components take their parent's URN, so fixing each URN fixes every chain below it.
     */
    public static String engineUrn(String mockUrn, String parentUrn) {
        String stackPrefix = STACK_TYPE + "$";
        int typeStart = mockUrn.indexOf("::", mockUrn.indexOf("::") + 2) + 2;
        if (parentUrn.isEmpty() || !typeOf(parentUrn).equals(STACK_TYPE) || !mockUrn.startsWith(stackPrefix, typeStart)) {
            return mockUrn;
        }
        return mockUrn.substring(0, typeStart) + mockUrn.substring(typeStart + stackPrefix.length());
    }

    /** The qualified type of a URN: urn:pulumi:STACK::PROJECT::TYPE::NAME. */
    static String typeOf(String urn) {
        String[] parts = urn.split("::", 4);
        return parts.length < 3 ? "" : parts[2];
    }

    static final String STACK_TYPE = "pulumi:pulumi:Stack";

    List<Registration> registrations() {
        synchronized (registrations) {
            return List.copyOf(registrations);
        }
    }
}
