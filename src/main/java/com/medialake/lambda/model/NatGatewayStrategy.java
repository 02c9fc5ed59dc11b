package com.medialake.lambda.model;

import java.util.Arrays;
import java.util.Optional;

/** How many NAT gateways give the private subnets their way out (as pulumi-awsx's Vpc names it). */
public enum NatGatewayStrategy {
    /** One NAT per AZ: an AZ outage never cuts the other AZs' functions off. */
    ONE_PER_AZ("onePerAz"),
    /** One NAT in the first AZ for all: cheaper, but cross-AZ traffic and a single point of failure. */
    SINGLE("single"),
    /** No NAT: private subnets reach only S3 and DynamoDB, through the gateway endpoints. */
    NONE("none");

    private final String configName;

    NatGatewayStrategy(String configName) {
        this.configName = configName;
    }

    public String configName() {
        return configName;
    }

    public int gatewayCount(int availabilityZones) {
        return switch (this) {
            case ONE_PER_AZ -> availabilityZones;
            case SINGLE -> 1;
            case NONE -> 0;
        };
    }

    public static Optional<NatGatewayStrategy> fromConfigName(String name) {
        return Arrays.stream(values()).filter(s -> s.configName.equals(name)).findFirst();
    }
}
