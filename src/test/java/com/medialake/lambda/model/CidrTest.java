package com.medialake.lambda.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class CidrTest {
    @Test
    void parsesAndPrintsBack() {
        assertEquals("10.2.0.0/16", Cidr.parse("10.2.0.0/16").orElseThrow().toString());
        assertEquals("192.168.255.0/24", Cidr.parse("192.168.255.0/24").orElseThrow().toString());
    }

    @Test
    void rejectsWhatIsNotACidr() {
        for (String bad : new String[] {"10.0.0/16", "10.0.0.0", "256.0.0.0/16", "10.0.0.0/33", "a.b.c.d/8", " 10.0.0.0/16"}) {
            assertTrue(Cidr.parse(bad).isEmpty(), bad);
        }
    }

    @Test
    void carvesSubnetsAsCidrsubnetDoes() {
        var vpc = Cidr.parse("10.1.0.0/16").orElseThrow();
        assertEquals("10.1.0.0/20", vpc.subnet(4, 0).toString());
        assertEquals("10.1.32.0/20", vpc.subnet(4, 2).toString());
        assertEquals("10.1.128.0/20", vpc.subnet(4, 8).toString());
        assertEquals("10.1.240.0/20", vpc.subnet(4, 15).toString());
    }

    @Test
    void knowsHostBits() {
        assertTrue(Cidr.parse("10.0.0.1/16").orElseThrow().hasHostBits());
        assertEquals("10.0.0.0/16", Cidr.parse("10.0.0.1/16").orElseThrow().network().toString());
        assertFalse(Cidr.parse("10.0.0.0/16").orElseThrow().hasHostBits());
    }

    @org.junit.jupiter.api.Test
    void overlapsIsTrueOnlyForBlocksThatShareAnAddress() {
        var eight = Cidr.parse("10.0.0.0/8").orElseThrow();
        org.junit.jupiter.api.Assertions.assertTrue(eight.overlaps(Cidr.parse("10.2.0.0/16").orElseThrow()));
        org.junit.jupiter.api.Assertions.assertTrue(Cidr.parse("10.2.0.0/16").orElseThrow().overlaps(eight));
        org.junit.jupiter.api.Assertions.assertFalse(eight.overlaps(Cidr.parse("11.0.0.0/16").orElseThrow()));
        org.junit.jupiter.api.Assertions.assertTrue(Cidr.parse("0.0.0.0/0").orElseThrow().overlaps(eight));
        org.junit.jupiter.api.Assertions.assertTrue(Cidr.parse("240.0.0.0/4").orElseThrow()
                .overlaps(Cidr.parse("255.255.255.0/24").orElseThrow()));
    }
}
