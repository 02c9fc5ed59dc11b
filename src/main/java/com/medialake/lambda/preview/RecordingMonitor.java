package com.medialake.lambda.preview;

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
    /** One registration and the URN the engine gave it. */
    record Registration(String urn, String id, RegisterResourceRequest request) {
    }

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
        return super.registerResourceAsync(resource, request).thenApply(response -> {
            synchronized (registrations) {
                registrations.add(new Registration(response.getUrn(), response.getId(), request));
            }
            return response;
        });
    }

    List<Registration> registrations() {
        synchronized (registrations) {
            return List.copyOf(registrations);
        }
    }
}
