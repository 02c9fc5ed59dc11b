package com.medialake.lambda.rules;

import static com.medialake.lambda.rules.LambdaLimits.MAX_AVAILABILITY_ZONES;
import static com.medialake.lambda.rules.LambdaLimits.MAX_VPC_PREFIX;
import static com.medialake.lambda.rules.LambdaLimits.MIN_VPC_PREFIX;

import com.medialake.lambda.model.StackSettings;
import java.util.List;

/** What AWS allows of the network: the VPC block and the AZ count. */
public final class NetworkRules {
    private NetworkRules() {
    }

    static void check(StackSettings stack, List<Problem> out) {
        var net = stack.network();
        var cidr = net.cidr();
        if (cidr.prefixLength() < MIN_VPC_PREFIX || cidr.prefixLength() > MAX_VPC_PREFIX) {
            out.add(Problem.of(ConfigRule.CIDR_SIZE, null, "network.cidr",
                    "the VPC block " + cidr + " is a /" + cidr.prefixLength() + "; this program needs /"
                            + MIN_VPC_PREFIX + " to /" + MAX_VPC_PREFIX
                            + " (AWS allows /16 to /28, and each AZ's two subnets are /prefix+4 blocks)",
                    "use a /16 to /24 block, for example 10.0.0.0/16"));
        } else if (reservedRange(cidr).isPresent()) {
            out.add(Problem.of(ConfigRule.CIDR_RESERVED, null, "network.cidr",
                    cidr + " lies in " + reservedRange(cidr).get() + ", which AWS does not assign to a VPC (the VPC"
                            + " user guide allows the RFC 1918 private ranges, 100.64.0.0/10 and publicly routable"
                            + " blocks; link-local, loopback, \"this network\", multicast and reserved addresses are not"
                            + " routable)",
                    "use a private block such as 10.0.0.0/16, 172.16.0.0/16 or 192.168.0.0/16"));
        } else if (cidr.hasHostBits()) {
            out.add(Problem.of(ConfigRule.CIDR_HOST_BITS, null, "network.cidr",
                    cidr + " has host bits set after the /" + cidr.prefixLength(),
                    "write the network address: " + cidr.network()));
        }
        if (net.availabilityZones() < 1 || net.availabilityZones() > MAX_AVAILABILITY_ZONES) {
            out.add(Problem.of(ConfigRule.AZ_COUNT, null, "network.availabilityZones",
                    net.availabilityZones() + " availability zones is outside 1-" + MAX_AVAILABILITY_ZONES,
                    "use 2 or 3 (2 is the least for a highly available Lambda VPC)"));
        }
    }

    /** Address blocks no VPC may use (RFC 5735 special-use blocks that are not routable). */
    private static final java.util.Map<String, String> RESERVED_RANGES = java.util.Map.of(
            "0.0.0.0/8", "0.0.0.0/8 (\"this network\")",
            "127.0.0.0/8", "127.0.0.0/8 (loopback)",
            "169.254.0.0/16", "169.254.0.0/16 (link-local: \"cannot be assigned to VPCs\")",
            "224.0.0.0/4", "224.0.0.0/4 (multicast)",
            "240.0.0.0/4", "240.0.0.0/4 (reserved, and the broadcast address)");

    private static java.util.Optional<String> reservedRange(com.medialake.lambda.model.Cidr cidr) {
        return RESERVED_RANGES.keySet().stream().sorted()
                .filter(range -> com.medialake.lambda.model.Cidr.parse(range).orElseThrow().overlaps(cidr))
                .map(RESERVED_RANGES::get).findFirst();
    }

    /** The AZ count against the AZs the region has, known only once AWS has answered. */
    public static List<Problem> checkAvailabilityZones(StackSettings stack, List<String> regionZones) {
        int asked = stack.network().availabilityZones();
        if (asked <= regionZones.size()) {
            return List.of();
        }
        return List.of(Problem.of(ConfigRule.AZ_COUNT, stack.origin(), null, "network.availabilityZones",
                asked + " availability zones asked, but " + stack.region() + " has " + regionZones.size()
                        + " available to this account (" + String.join(", ", regionZones) + ")",
                "set network.availabilityZones to " + regionZones.size() + " or fewer"));
    }
}
