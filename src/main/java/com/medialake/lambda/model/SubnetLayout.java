package com.medialake.lambda.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The VPC's layout, computed from the settings before anything is registered, as pulumi-awsx's Vpc computes
 * its subnet specs (getSubnetSpecs, shouldCreateNatGateway): per AZ a public and a private subnet, whether
 * the AZ has a NAT gateway, and which AZ's NAT the private subnet's default route goes through. The Network
 * component only loops over it.
 *
 * @param vpcCidr the VPC's block
 * @param zones   one entry per AZ used, in AZ name order
 */
public record SubnetLayout(Cidr vpcCidr, List<Zone> zones) {
    /** Each AZ's subnets are /prefix+4 blocks: the public ones from index 0, the private ones from index 8. */
    public static final int SUBNET_NEW_BITS = 4;
    public static final int PRIVATE_SUBNET_OFFSET = 8;

    /**
     * @param name          the AZ, for example eu-west-1a
     * @param publicCidr    the public subnet (only NAT gateways live there)
     * @param privateCidr   the private subnet (the functions and the EFS mount targets)
     * @param hasNatGateway whether this AZ's public subnet holds a NAT gateway
     * @param natZone       the AZ whose NAT gateway the private subnet's default route uses; empty when the
     *                      strategy has none (the private subnets then reach only the gateway endpoints)
     */
    public record Zone(String name, Cidr publicCidr, Cidr privateCidr, boolean hasNatGateway,
                       Optional<String> natZone) {
    }

    public SubnetLayout {
        zones = List.copyOf(zones);
    }

    /**
     * The layout of the first {@code network.availabilityZones()} of the region's AZs (sorted by name, so the
     * same AZs whatever order AWS answers in). The count was checked against the region's AZs before
     * (NetworkRules.checkAvailabilityZones), and against the 8 blocks per kind a /prefix+4 split holds.
     */
    public static SubnetLayout of(NetworkSettings network, List<String> regionZones) {
        int count = network.availabilityZones();
        if (count > regionZones.size() || count > PRIVATE_SUBNET_OFFSET) {
            throw new IllegalArgumentException(count + " AZs asked, the region has " + regionZones
                    + " and a subnet plan holds " + PRIVATE_SUBNET_OFFSET);
        }
        var names = regionZones.stream().sorted().limit(count).toList();
        int natCount = network.natGateways().gatewayCount(count);
        var zones = new ArrayList<Zone>();
        for (int i = 0; i < count; i++) {
            // NATs exist only in the first AZs (all of them for onePerAz); each private subnet uses its own AZ's
            // NAT where there is one, else the first AZ's.
            Optional<String> natZone = natCount == 0 ? Optional.empty()
                    : Optional.of(names.get(i < natCount ? i : 0));
            zones.add(new Zone(names.get(i), network.cidr().subnet(SUBNET_NEW_BITS, i),
                    network.cidr().subnet(SUBNET_NEW_BITS, PRIVATE_SUBNET_OFFSET + i), i < natCount, natZone));
        }
        return new SubnetLayout(network.cidr(), zones);
    }

    public List<String> zoneNames() {
        return zones.stream().map(Zone::name).toList();
    }
}
