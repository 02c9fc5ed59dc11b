package com.medialake.lambda.plan;

import pulumirpc.Resource.RegisterResourceRequest;

/**
 * One resource registration as the engine received it, with the URN and id the engine answered: what the
 * offline engine records, and what the language-host tests record through gRPC.
 */
public record Registration(String urn, String id, RegisterResourceRequest request) {
}
