package com.medialake.lambda.model;

/**
 * The VPC of a stack.
 *
 * @param cidr              the VPC's IPv4 block, for example 10.0.0.0/16
 * @param availabilityZones how many AZs get a public and a private subnet
 * @param natGateways       how the private subnets reach the internet
 */
public record NetworkSettings(Cidr cidr, int availabilityZones, NatGatewayStrategy natGateways) {
    public static final String DEFAULT_CIDR = "10.0.0.0/16";
    public static final int DEFAULT_AVAILABILITY_ZONES = 3;
    public static final NatGatewayStrategy DEFAULT_NAT_GATEWAYS = NatGatewayStrategy.ONE_PER_AZ;
}
