package com.medialake.lambda.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.medialake.lambda.model.Cidr;
import com.medialake.lambda.model.FunctionProfile;
import com.medialake.lambda.model.FunctionSettings;
import com.medialake.lambda.model.NatGatewayStrategy;
import com.medialake.lambda.model.NetworkSettings;
import com.medialake.lambda.model.StackSettings;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The rules as plain Java: values exactly at each limit pass, one past fails. */
class FleetRulesTest {
    private static FunctionSettings fn(int memory, int timeout, int pc, Integer reserved) {
        return FunctionSettings.builder("api", FunctionProfile.VPC_API).memoryMb(memory).timeoutSeconds(timeout)
                .provisionedConcurrency(pc).reservedConcurrency(reserved).publish(pc > 0).build();
    }

    private static StackSettings stack(int accountLimit, String cidr, int zones, FunctionSettings... functions) {
        return new StackSettings("medialake-lambda", "test", "Pulumi.test.yaml", "us-east-1",
                new NetworkSettings(Cidr.parse(cidr).orElseThrow(), zones, NatGatewayStrategy.SINGLE), accountLimit,
                true, Duration.ofMinutes(15), 30, List.of(functions), true, Optional.empty(),
                com.medialake.lambda.model.CostAssumptions.NONE);
    }

    /** The settings rules and the headroom against a quota equal to the configured account limit. */
    private static List<String> keys(StackSettings s) {
        var all = new java.util.ArrayList<>(FleetRules.check(s));
        all.addAll(FleetRules.checkHeadroom(s, s.accountConcurrencyLimit(), "configured"));
        return all.stream().map(Problem::key).toList();
    }

    @Test
    void valuesAtEachLimitAreAccepted() {
        assertEquals(List.of(), keys(stack(1000, "10.0.0.0/16", 1, fn(128, 1, 0, null))));
        assertEquals(List.of(), keys(stack(1000, "10.0.0.0/24", 6, fn(10240, 900, 0, null))));
        assertEquals(List.of(), keys(stack(1000, "10.0.0.0/16", 3, fn(512, 300, 2, 4))),
                "512 MB is the floor itself; reserved 4 holds PC 2 on two versions");
        assertEquals(List.of(), keys(stack(104, "10.0.0.0/16", 3, fn(512, 300, 2, null))),
                "exactly 100 left with PC 2 on two versions during a deploy");
    }

    @Test
    void valuesJustPastEachLimitAreRejected() {
        assertEquals(List.of("functions.api.memoryMb"), keys(stack(1000, "10.0.0.0/16", 3, fn(127, 300, 0, null))));
        assertEquals(List.of("functions.api.memoryMb"), keys(stack(1000, "10.0.0.0/16", 3, fn(10241, 300, 0, null))));
        assertEquals(List.of("functions.api.timeoutSeconds"), keys(stack(1000, "10.0.0.0/16", 3, fn(512, 0, 0, null))));
        assertEquals(List.of("functions.api.timeoutSeconds"), keys(stack(1000, "10.0.0.0/16", 3, fn(512, 901, 0, null))));
        assertEquals(List.of("functions.api.memoryMb"), keys(stack(1000, "10.0.0.0/16", 3, fn(511, 300, 1, null))));
        assertEquals(List.of("functions.api.reservedConcurrency"),
                keys(stack(1000, "10.0.0.0/16", 3, fn(512, 300, 2, 3))));
        assertEquals(List.of("concurrency.accountLimit"), keys(stack(103, "10.0.0.0/16", 3, fn(512, 300, 2, null))));
        assertEquals(List.of("network.cidr"), keys(stack(1000, "10.0.0.0/15", 3, fn(512, 300, 0, null))));
        assertEquals(List.of("network.cidr"), keys(stack(1000, "10.0.0.0/25", 3, fn(512, 300, 0, null))));
        assertEquals(List.of("network.availabilityZones"), keys(stack(1000, "10.0.0.0/16", 0, fn(512, 300, 0, null))));
        assertEquals(List.of("network.availabilityZones"), keys(stack(1000, "10.0.0.0/16", 7, fn(512, 300, 0, null))));
    }

    @Test
    void reservedConcurrencyCountsInsteadOfPcWhenBothAreSet() {
        var s = stack(150, "10.0.0.0/16", 3, fn(512, 300, 2, 60));
        assertEquals(List.of(), FleetRules.check(s));
        var v = FleetRules.checkHeadroom(s, 150, "Service Quotas");
        assertEquals(1, v.size());
        assertTrue(v.get(0).message().contains("take 60 (api 60)"), v.get(0).message());
        assertTrue(v.get(0).fix().contains("by 10 in total"), v.get(0).fix());
    }

    @Test
    void theRealQuotaDecides() {
        var s = stack(400, "10.0.0.0/16", 3, fn(512, 300, 2, 350));
        assertEquals(List.of(), FleetRules.checkHeadroom(s, 1000, "Service Quotas"), "a raised quota is enough");
        var v = FleetRules.checkHeadroom(s, 400, "Service Quotas lambda/L-B99A9384");
        assertTrue(v.get(0).message().contains("concurrency quota 400 (Service Quotas lambda/L-B99A9384)"), v.get(0).message());
    }

    @Test
    void sumsCannotOverflow() {
        var s = stack(1000, "10.0.0.0/16", 3, fn(512, 300, Integer.MAX_VALUE, null), fn(512, 300, Integer.MAX_VALUE, null));
        var v = FleetRules.checkHeadroom(s, 1000, "configured");
        assertTrue(v.get(0).message().contains("take 8589934588"), v.get(0).message());
    }

    @Test
    void theAzCountIsCheckedAgainstWhatTheRegionHas() {
        var s = stack(1000, "10.0.0.0/16", 3, fn(512, 300, 0, null));
        assertEquals(List.of(), NetworkRules.checkAvailabilityZones(s, List.of("x-1a", "x-1b", "x-1c")));
        var v = NetworkRules.checkAvailabilityZones(s, List.of("x-1a", "x-1b"));
        assertEquals("set network.availabilityZones to 2 or fewer", v.get(0).fix());
    }
}
