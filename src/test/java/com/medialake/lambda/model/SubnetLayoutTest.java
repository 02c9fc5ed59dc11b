package com.medialake.lambda.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The subnet plan as a pure function of the settings and the region's AZs, as awsx tests getSubnetSpecs. */
class SubnetLayoutTest {
    private static final List<String> REGION = List.of("eu-west-1c", "eu-west-1a", "eu-west-1b");

    private static SubnetLayout layout(String cidr, int zones, NatGatewayStrategy nat) {
        return SubnetLayout.of(new NetworkSettings(Cidr.parse(cidr).orElseThrow(), zones, nat), REGION);
    }

    @Test
    void eachAzGetsAPublicAndAPrivateSixteenthOfTheBlockAndItsOwnNat() {
        var layout = layout("10.0.0.0/16", 3, NatGatewayStrategy.ONE_PER_AZ);
        assertEquals(List.of(
                new SubnetLayout.Zone("eu-west-1a", Cidr.parse("10.0.0.0/20").orElseThrow(),
                        Cidr.parse("10.0.128.0/20").orElseThrow(), true, Optional.of("eu-west-1a")),
                new SubnetLayout.Zone("eu-west-1b", Cidr.parse("10.0.16.0/20").orElseThrow(),
                        Cidr.parse("10.0.144.0/20").orElseThrow(), true, Optional.of("eu-west-1b")),
                new SubnetLayout.Zone("eu-west-1c", Cidr.parse("10.0.32.0/20").orElseThrow(),
                        Cidr.parse("10.0.160.0/20").orElseThrow(), true, Optional.of("eu-west-1c"))),
                layout.zones());
    }

    @Test
    void aSingleNatLivesInTheFirstAzAndCarriesEveryAz() {
        var layout = layout("172.16.0.0/24", 2, NatGatewayStrategy.SINGLE);
        assertEquals(List.of(true, false), layout.zones().stream().map(SubnetLayout.Zone::hasNatGateway).toList());
        assertEquals(List.of(Optional.of("eu-west-1a"), Optional.of("eu-west-1a")),
                layout.zones().stream().map(SubnetLayout.Zone::natZone).toList());
        assertEquals("172.16.0.128/28", layout.zones().get(0).privateCidr().toString());
    }

    @Test
    void withoutNatThePrivateSubnetsHaveNoDefaultRoute() {
        var layout = layout("10.0.0.0/16", 2, NatGatewayStrategy.NONE);
        assertEquals(List.of(false, false), layout.zones().stream().map(SubnetLayout.Zone::hasNatGateway).toList());
        assertEquals(List.of(Optional.empty(), Optional.empty()),
                layout.zones().stream().map(SubnetLayout.Zone::natZone).toList());
    }

    @Test
    void theFirstAzsByNameWhateverOrderAwsAnswersIn() {
        assertEquals(List.of("eu-west-1a", "eu-west-1b"), layout("10.0.0.0/16", 2, NatGatewayStrategy.SINGLE).zoneNames());
    }

    @Test
    void moreAzsThanTheRegionHasIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> layout("10.0.0.0/16", 4, NatGatewayStrategy.SINGLE));
    }
}
