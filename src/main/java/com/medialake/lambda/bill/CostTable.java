package com.medialake.lambda.bill;

import static com.medialake.lambda.plan.ResourceTypes.*;

import com.medialake.lambda.cost.CostModel;
import com.medialake.lambda.cost.Meter;
import com.medialake.lambda.cost.PriceTable;
import com.medialake.lambda.cost.Usd;
import com.medialake.lambda.plan.PlannedResource;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What each type the program registers costs a month by itself, one entry per type: a price, the usage line that
 * prices it (UsageCosts), or no charge with the reason. A type without an entry is a bill that silently leaves
 * something out: {@code CostTableTest} fails for any registered type missing here.
 */
public final class CostTable {
    /** How one resource is priced. */
    interface Rule {
        /** Its monthly line, or empty when it costs nothing by itself. */
        Optional<Bill.Item> price(PlannedResource r, Context context);
    }

    /** What the rules read beside the resource: the region, the PC cost model, the metrics already priced. */
    record Context(String region, CostModel.StackCost pc, Set<String> metricsPriced, List<String> notEstimated) {
    }

    static final Map<String, Rule> RULES = Map.ofEntries(
            Map.entry(NAT_GATEWAY, hourly(Meter.NAT_GATEWAY_HOUR, "NAT gateway")),
            // Every public IPv4 address, an Elastic IP included, is billed by the hour since February 2024.
            Map.entry(EIP, hourly(Meter.PUBLIC_IPV4_HOUR, "public IPv4 address (the NAT gateway's Elastic IP)")),
            Map.entry(METRIC_ALARM, monthly(Meter.ALARM_MONTH, 1, "alarm")),
            // "Application Auto Scaling creates and manages the CloudWatch alarms that trigger scaling events"
            // (application-auto-scaling-target-tracking.html): two per policy, AlarmHigh and AlarmLow (the
            // PutScalingPolicy output's Alarms, aws-cli put-scaling-policy example), billed as any standard alarm.
            Map.entry(SCALING_POLICY, monthly(Meter.ALARM_MONTH, 2, "the 2 alarms target tracking creates")),
            Map.entry(DASHBOARD, monthly(Meter.DASHBOARD_MONTH, 1, "dashboard (beyond the account's 3 free)")),
            Map.entry(LOG_METRIC_FILTER, CostTable::customMetric),
            Map.entry(PROVISIONED_CONCURRENCY_CONFIG, CostTable::provisionedConcurrency),
            // Priced by use, in the stack's usage lines (UsageCosts): nothing by itself.
            Map.entry(FUNCTION, free("requests and duration: a usage line")),
            Map.entry(LOG_GROUP, free("ingestion and storage: a usage line")),
            Map.entry(FLOW_LOG, free("its records' ingestion: a usage line")),
            Map.entry(FILE_SYSTEM, free("storage and throughput: usage lines")),
            Map.entry(HTTP_API, free("requests: a usage line")),
            Map.entry(SQS_QUEUE, free("requests: a usage line")),
            Map.entry(SNS_TOPIC, free("the first million publishes and 1,000 email deliveries a month are free")),
            Map.entry(SNS_SUBSCRIPTION, free("deliveries are the topic's")),
            // No charge for these (VPC, IAM, Lambda, EventBridge and Application Auto Scaling pricing pages).
            Map.entry(VPC, free("no charge")),
            Map.entry(SUBNET, free("no charge")),
            Map.entry(ROUTE_TABLE, free("no charge")),
            Map.entry(ROUTE_TABLE_ASSOCIATION, free("no charge")),
            Map.entry(EC2_ROUTE, free("no charge")),
            Map.entry(INTERNET_GATEWAY, free("no charge (its data transfer out is not priced)")),
            Map.entry(SECURITY_GROUP, free("no charge")),
            Map.entry(DEFAULT_SECURITY_GROUP, free("no charge")),
            Map.entry(VPC_ENDPOINT, free("gateway endpoints (S3, DynamoDB) have no charge")),
            Map.entry(MOUNT_TARGET, free("no charge; the file system's use is")),
            Map.entry(ACCESS_POINT, free("no charge")),
            Map.entry(FILE_SYSTEM_POLICY, free("no charge")),
            Map.entry(ROLE, free("IAM has no charge")),
            Map.entry(ROLE_POLICY, free("IAM has no charge")),
            Map.entry(ROLE_POLICY_ATTACHMENT, free("IAM has no charge")),
            Map.entry(IAM_POLICY, free("IAM has no charge")),
            Map.entry(ALIAS, free("no charge")),
            Map.entry(PERMISSION, free("no charge")),
            Map.entry(EVENT_SOURCE_MAPPING, free("no charge; its polling is SQS requests")),
            Map.entry(EVENT_RULE, free("scheduled rules have no charge")),
            Map.entry(EVENT_TARGET, free("no charge")),
            Map.entry(SCALING_TARGET, free("Application Auto Scaling has no charge")),
            Map.entry(SCHEDULED_ACTION, free("Application Auto Scaling has no charge")),
            Map.entry(API_STAGE, free("requests are the API's")),
            Map.entry(API_ROUTE, free("requests are the API's")),
            Map.entry(API_INTEGRATION, free("requests are the API's")));

    private CostTable() {
    }

    /** Whether the table has an entry for a type: what CostTableTest checks for every registered type. */
    public static boolean lists(String type) {
        return RULES.containsKey(type);
    }

    /** Nothing billed by the resource itself; the reason is this table's documentation, read by its reviewer. */
    static Rule free(String reason) {
        return (r, c) -> Optional.empty();
    }

    private static Rule hourly(Meter meter, String what) {
        return (r, c) -> priced(r, c, meter, what, 730, price -> "730 h x $" + price);
    }

    private static Rule monthly(Meter meter, int count, String what) {
        return (r, c) -> priced(r, c, meter, what, count, price -> (count == 1 ? "$" : count + " x $") + price
                + " a month");
    }

    /** @param basis how the figure comes about, given the unit price as written */
    private static Optional<Bill.Item> priced(PlannedResource r, Context c, Meter meter, String what, double quantity,
                                              java.util.function.Function<String, String> basis) {
        var price = PriceTable.of(c.region(), meter);
        if (price.isEmpty()) {
            c.notEstimated().add(what + " " + r.name() + ": no " + meter.label() + " price for " + c.region()
                    + " in PriceTable");
            return Optional.empty();
        }
        return Optional.of(new Bill.Item(Bill.Category.FIXED, r.urn(), r.type(), r.name(), what,
                Usd.cents(quantity * price.get().usd()), basis.apply(Usd.price(price.get().usd()))));
    }

    /**
     * A metric filter publishes a custom metric, billed per metric-month and prorated by the hour it has data: at
     * most this. Two filters publishing the same metric (a SnapStart function's cold starts) pay once.
     */
    private static Optional<Bill.Item> customMetric(PlannedResource r, Context c) {
        var transformation = r.inputs().getAsJsonObject("metricTransformation");
        String metric = transformation.get("namespace").getAsString() + "/" + transformation.get("name").getAsString();
        if (!c.metricsPriced().add(metric)) {
            return Optional.empty();
        }
        return priced(r, c, Meter.CUSTOM_METRIC_MONTH, "custom metric (a metric filter's)", 1,
                price -> "$" + price + " a metric-month, at most (billed for hours with data)");
    }

    /** The PC a function holds, as the preview's cost model prices it (scheduled levels replayed over a year). */
    private static Optional<Bill.Item> provisionedConcurrency(PlannedResource r, Context c) {
        if (c.pc().missingPrice().isPresent()) {
            c.notEstimated().add("provisioned concurrency: " + c.pc().missingPrice().get());
            return Optional.empty();
        }
        return c.pc().byFunction().stream().filter(f -> f.function().equals(r.name())).findFirst()
                .map(f -> new Bill.Item(Bill.Category.PROVISIONED_CONCURRENCY, r.urn(), r.type(), r.name(),
                        "provisioned concurrency of " + r.name(), f.monthlyUsd(), "the levels held at rest, replayed over a"
                        + " year (the PC section above)"));
    }
}
