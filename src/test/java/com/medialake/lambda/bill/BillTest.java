package com.medialake.lambda.bill;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.medialake.lambda.capacity.MetricPages;
import com.medialake.lambda.config.SettingsParser;
import com.medialake.lambda.config.StackFile;
import com.medialake.lambda.cost.CostModel;
import com.medialake.lambda.plan.Plan;
import com.medialake.lambda.plan.ResourceTypes;
import com.medialake.lambda.preview.OfflineEngine;
import com.medialake.lambda.preview.StackPlans;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The bill, category by category, computed here by hand from the prices PriceTable cites (the AWS Price List
 * files and pricing pages, 2026), and the three stacks' fixed totals.
 */
class BillTest {
    static List<String> stacks() {
        return StackPlans.STACKS;
    }

    private static BigDecimal usd(double amount) {
        return BigDecimal.valueOf(amount).setScale(2, RoundingMode.HALF_UP);
    }

    private static Bill bill(Plan plan) {
        return StackBill.of(plan, Optional.empty());
    }

    /** The sum of the lines whose "what" starts with a label. */
    private static BigDecimal sum(Bill bill, String what) {
        return bill.items().stream().filter(i -> i.what().startsWith(what)).map(Bill.Item::monthlyUsd)
                .reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add);
    }

    @ParameterizedTest
    @MethodSource("stacks")
    void everyTypeAStackRegistersIsInTheCostTable(String stack) throws Exception {
        var plans = new ArrayList<Plan>(List.of(StackPlans.of(stack)));
        try (var files = Files.list(Path.of("src/test/resources/valid"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList()) {
                String region = StackFile.load("limits", file).get("aws:region").orElseThrow();
                plans.add(OfflineEngine.run(SettingsParser.parse(StackFile.load(region, file))));
            }
        }
        for (var plan : plans) {
            for (var r : plan.resources()) {
                // Components (medialake:...) are the program's own grouping, never billed.
                assertTrue(!r.custom() || CostTable.lists(r.type()), r.type() + " " + r.name()
                        + " is registered but not in CostTable: give it a price, a usage line, or a reason it is free");
            }
        }
        ResourceTypes.ALL.forEach(type -> assertTrue(CostTable.lists(type), type));
    }

    @Test
    void natGatewaysAndTheirAddressesByTheHour() {
        // us-east-1, onePerAz over 3 AZs: 3 x $0.045 x 730 h and 3 x $0.005 x 730 h (AmazonEC2 NatGateway-Hours,
        // AmazonVPC PublicIPv4:InUseAddress).
        var bill = bill(StackPlans.of("us-east-1"));
        assertEquals(usd(3 * 0.045 * 730), sum(bill, "NAT gateway"));
        assertEquals(new BigDecimal("98.55"), sum(bill, "NAT gateway"));
        assertEquals(new BigDecimal("10.95"), sum(bill, "public IPv4 address"));
        // eu-west-1 at $0.048 an hour (EU-NatGateway-Hours).
        assertEquals(usd(3 * 0.048 * 730), sum(bill(StackPlans.of("eu-west-1")), "NAT gateway"));
    }

    @ParameterizedTest
    @MethodSource("stacks")
    void alarmsDashboardAndMetricsByTheMonth(String stack) {
        var plan = StackPlans.of(stack);
        var bill = bill(plan);
        int functions = plan.settings().functions().size();
        long pc = plan.settings().functions().stream().filter(f -> f.hasProvisionedConcurrency()).count();
        // 5 alarms a function (errors, throttles, duration, cold start, memory), 2 more a PC function.
        assertEquals(5L * functions + 2 * pc, plan.ofType(ResourceTypes.METRIC_ALARM).size());
        assertEquals(usd((5 * functions + 2 * pc) * 0.10), sum(bill, "alarm"));
        assertEquals(new BigDecimal("3.00"), sum(bill, "dashboard"));
        // 3 metrics a function without SnapStart (memory, init duration, cold starts): $0.30 each.
        assertEquals(usd(3 * functions * 0.30), sum(bill, "custom metric"));
        // Target tracking's own two alarms, where a function has autoscaling.
        long policies = plan.ofType(ResourceTypes.SCALING_POLICY).size();
        assertEquals(usd(policies * 2 * 0.10), sum(bill, "the 2 alarms target tracking creates"));
    }

    @Test
    void aSnapStartFunctionsColdStartsAreOneMetricFromTwoFilters() {
        var plan = StackPlans.plan("us-east-1", StackPlans.stackFile("us-east-1", StackPlans.SNAPSTART_SEARCH_API));
        // 8 x 3 metrics, and search_api's restore duration; its restores count into its ColdStarts.
        assertEquals(26, plan.ofType(ResourceTypes.LOG_METRIC_FILTER).size());
        assertEquals(usd(25 * 0.30), sum(bill(plan), "custom metric"));
    }

    @ParameterizedTest
    @MethodSource("stacks")
    void provisionedConcurrencyIsTheCostModels(String stack) {
        var plan = StackPlans.of(stack);
        assertEquals(CostModel.of(plan.settings()).monthlyUsd(), bill(plan).total(Bill.Category.PROVISIONED_CONCURRENCY));
    }

    @Test
    void theThreeStacksFixedTotals() {
        // us-east-1: NAT 98.55 + IPv4 10.95 + 46 alarms 4.60 + dashboard 3.00 + 24 metrics 7.20.
        assertEquals(usd(98.55 + 10.95 + 4.60 + 3.00 + 7.20), bill(StackPlans.of("us-east-1")).total(Bill.Category.FIXED));
        // eu-west-1: NAT 3 x 0.048 x 730 = 105.12, the same IPv4, alarms, dashboard, metrics, and one target-tracking
        // policy's 2 alarms.
        assertEquals(usd(105.12 + 10.95 + 4.60 + 3.00 + 7.20 + 0.20),
                bill(StackPlans.of("eu-west-1")).total(Bill.Category.FIXED));
        // eu-west-2, one NAT: 0.05 x 730 = 36.50 and one address 3.65.
        assertEquals(usd(36.50 + 3.65 + 4.60 + 3.00 + 7.20), bill(StackPlans.of("eu-west-2")).total(Bill.Category.FIXED));
    }

    @Test
    void usageFromTheStackFilesAssumptions() {
        var plan = StackPlans.plan("us-east-1", StackPlans.stackFile("us-east-1", """
                costAssumptions:
                  natGbPerMonth: 100
                  efsStorageGb: 50
                  efsReadGbPerMonth: 200
                  efsWriteGbPerMonth: 40
                  logIngestionGbPerMonth: 10
                  flowLogGbPerMonth: 5
                  sqsRequestsPerMonth: 2000000
                """));
        var bill = bill(plan);
        assertEquals(usd(100 * 0.045), sum(bill, "data processed by the NAT gateways"));
        assertEquals(usd(50 * 0.30), sum(bill, "EFS storage"));
        assertEquals(usd(200 * 0.03), sum(bill, "EFS reads"));
        assertEquals(usd(40 * 0.06), sum(bill, "EFS writes"));
        assertEquals(usd(10 * 0.50), sum(bill, "the functions' log ingestion"));
        // Kept logRetentionDays (30): a month's ingestion stored for one month at $0.03 a GB-month.
        assertEquals(usd(10 * 30 / 30.0 * 0.03), sum(bill, "the functions' log storage"));
        assertEquals(usd(5 * 0.50), sum(bill, "VPC flow log ingestion"));
        assertEquals(usd(2_000_000 * 0.0000004), sum(bill, "SQS requests"));
        assertTrue(bill.notEstimated().stream().noneMatch(n -> n.contains("costAssumptions")), bill.notEstimated().toString());
    }

    @Test
    void whatIsNotGivenIsSaidNotEstimatedNeverZero() {
        var bill = bill(StackPlans.of("us-east-1"));
        assertEquals(BigDecimal.ZERO.setScale(2), bill.total(Bill.Category.USAGE));
        for (String key : List.of("natGbPerMonth", "efsStorageGb", "logIngestionGbPerMonth", "flowLogGbPerMonth",
                "sqsRequestsPerMonth")) {
            assertTrue(bill.notEstimated().stream().anyMatch(n -> n.endsWith("costAssumptions." + key)), key);
        }
        assertTrue(bill.notEstimated().stream().anyMatch(n -> n.startsWith("Lambda requests and duration")));
        // A price this table does not have (EFS outside us-east-1) is said, not taken as 0.
        var eu = bill(StackPlans.plan("eu-west-1", StackPlans.stackFile("eu-west-1", """
                costAssumptions:
                  efsStorageGb: 50
                """)));
        assertTrue(eu.notEstimated().contains("EFS storage: no EFS Standard storage price for eu-west-1 in PriceTable"),
                eu.notEstimated().toString());
    }

    @Test
    void lambdaAndHttpApiFromTheCapacityExport(@TempDir Path dir) throws Exception {
        var settings = StackPlans.settings("us-east-1");
        var ids = new ArrayList<String>();
        settings.functions().forEach(fn -> ids.addAll(List.of("conc_" + fn.name(), "inv_" + fn.name(),
                "dur_" + fn.name())));
        var hours = Stream.iterate(Instant.parse("2026-11-02T00:00:00Z"), h -> h.plusSeconds(3600)).limit(168).toList();
        // Every function: 3,600 invocations an hour of 100 ms each (Duration's Sum is in milliseconds).
        var files = MetricPages.write(dir, ids, hours, (id, hour) -> id.startsWith("conc_") ? 1.0
                : id.startsWith("inv_") ? 3600.0 : 3600 * 100.0, 1, Map.of());
        var traffic = Traffic.read(files, settings);
        var bill = StackBill.of(StackPlans.of("us-east-1"), Optional.of(traffic));
        // 168 hours scaled to 730: 3,600 x 730 = 2,628,000 requests a month a function, $0.20 a million.
        double requests = 3600 * 730;
        assertEquals(usd(requests * 0.0000002), sum(bill, "requests of search_api"));
        // search_api (PC): 262,800 s x 9000/1024 GB at the price while provisioned, $0.0000097222.
        assertEquals(usd(requests * 0.1 * 9000 / 1024 * 0.0000097222), sum(bill, "duration of search_api"));
        // init_zip (no PC, 512 MB) on demand, $0.0000166667.
        assertEquals(usd(requests * 0.1 * 512 / 1024 * 0.0000166667), sum(bill, "duration of init_zip"));
        // The three API functions' requests through the HTTP API at $1.00 a million.
        assertEquals(usd(3 * requests * 0.000001), sum(bill, "HTTP API requests"));
        assertTrue(bill.notEstimated().stream().noneMatch(n -> n.startsWith("Lambda requests")));
    }
}
