package com.medialake.lambda.model;

import java.util.Arrays;
import java.util.Optional;

/** How many NAT gateways give the private subnets their way out (as pulumi-awsx's Vpc names it). */
public enum NatGatewayStrategy {
    /** One NAT per AZ: an AZ outage never cuts the other AZs' functions off. */
    ONE_PER_AZ,
    /** One NAT in the first AZ for all: cheaper, but cross-AZ traffic and a single point of failure. */
    SINGLE,
    /** No NAT: private subnets reach only S3 and DynamoDB, through the gateway endpoints. */
    NONE;

    /** How the config spells it: the name in lower camel case (onePerAz), as awsx's NatGatewayStrategy does. */
    public String configName() {
        var words = name().toLowerCase(java.util.Locale.ROOT).split("_");
        var out = new StringBuilder(words[0]);
        for (int i = 1; i < words.length; i++) {
            out.append(Character.toUpperCase(words[i].charAt(0))).append(words[i].substring(1));
        }
        return out.toString();
    }

    public int gatewayCount(int availabilityZones) {
        return switch (this) {
            case ONE_PER_AZ -> availabilityZones;
            case SINGLE -> 1;
            case NONE -> 0;
        };
    }

    public static Optional<NatGatewayStrategy> fromConfigName(String name) {
        return Arrays.stream(values()).filter(s -> s.configName().equals(name)).findFirst();
    }
}
