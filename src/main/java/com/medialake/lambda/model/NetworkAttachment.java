package com.medialake.lambda.model;

/** Where a function runs on the network, and whether it mounts the shared file system. */
public enum NetworkAttachment {
    /** Lambda-managed network: no ENIs, no NAT, nothing to reach inside the VPC. */
    NONE,
    /** Private subnets of the MediaLake VPC. */
    VPC,
    /** Private subnets plus the bulk-download EFS access point (EFS requires a VPC). */
    VPC_WITH_EFS;

    public boolean inVpc() {
        return this != NONE;
    }

    public boolean mountsEfs() {
        return this == VPC_WITH_EFS;
    }

    public String label() {
        return switch (this) {
            case NONE -> "no VPC";
            case VPC -> "VPC";
            case VPC_WITH_EFS -> "VPC+EFS";
        };
    }
}
