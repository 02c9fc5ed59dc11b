package com.medialake.lambda.bill;

import com.medialake.lambda.cost.CostModel;
import com.medialake.lambda.cost.Meter;
import com.medialake.lambda.cost.PriceTable;
import com.medialake.lambda.cost.Usd;
import com.medialake.lambda.model.CostAssumptions;
import com.medialake.lambda.model.FunctionSettings;
import com.medialake.lambda.model.StackSettings;
import com.medialake.lambda.model.Trigger;
import com.medialake.lambda.plan.Plan;
import com.medialake.lambda.plan.ResourceTypes;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A plan's monthly bill: each registered resource through the {@link CostTable}, then the stack's usage, priced from
 * the traffic where an export was given and from the stack file's costAssumptions for what no export holds.
 */
public final class StackBill {
    private StackBill() {
    }

    public static Bill of(Plan plan, Optional<Traffic> traffic) {
        var settings = plan.settings();
        var notEstimated = new ArrayList<String>();
        var context = new CostTable.Context(settings.region(), CostModel.of(settings), new HashSet<>(), notEstimated);
        var items = new ArrayList<Bill.Item>();
        for (var r : plan.resources()) {
            var rule = CostTable.RULES.get(r.type());
            if (rule != null) {
                rule.price(r, context).ifPresent(items::add);
            }
        }
        var usage = new Usage(settings, items, notEstimated);
        usage.assumed(plan);
        usage.traffic(traffic);
        return new Bill(settings.region(), items, notEstimated);
    }

    /** The usage lines: one per quantity, priced or said not to be. */
    private record Usage(StackSettings settings, List<Bill.Item> items, List<String> notEstimated) {
        void assumed(Plan plan) {
            CostAssumptions a = settings.costAssumptions();
            if (!plan.ofType(ResourceTypes.NAT_GATEWAY).isEmpty()) {
                line("data processed by the NAT gateways", a.natGbPerMonth(), "costAssumptions.natGbPerMonth", "GB",
                        Meter.NAT_GATEWAY_GB);
            }
            if (!plan.ofType(ResourceTypes.FILE_SYSTEM).isEmpty()) {
                line("EFS storage", a.efsStorageGb(), "costAssumptions.efsStorageGb", "GB-month",
                        Meter.EFS_STORAGE_GB_MONTH);
                line("EFS reads", a.efsReadGbPerMonth(), "costAssumptions.efsReadGbPerMonth", "GB", Meter.EFS_READ_GB);
                line("EFS writes", a.efsWriteGbPerMonth(), "costAssumptions.efsWriteGbPerMonth", "GB", Meter.EFS_WRITE_GB);
            }
            // Logs are stored for the retention: a month's ingestion held retention/30 months (an upper bound, as
            // CloudWatch Logs bills storage on the compressed bytes).
            double months = settings.logRetentionDays() / 30.0;
            line("the functions' log ingestion", a.logIngestionGbPerMonth(), "costAssumptions.logIngestionGbPerMonth",
                    "GB", Meter.LOG_INGESTION_GB);
            if (a.logIngestionGbPerMonth() > 0) {
                line("the functions' log storage", a.logIngestionGbPerMonth() * months,
                        "costAssumptions.logIngestionGbPerMonth x " + settings.logRetentionDays() + " days / 30",
                        "GB-month", Meter.LOG_STORAGE_GB_MONTH);
            }
            if (!plan.ofType(ResourceTypes.FLOW_LOG).isEmpty()) {
                line("VPC flow log ingestion", a.flowLogGbPerMonth(), "costAssumptions.flowLogGbPerMonth", "GB",
                        Meter.LOG_INGESTION_GB);
            }
            if (!plan.ofType(ResourceTypes.SQS_QUEUE).isEmpty()) {
                line("SQS requests", a.sqsRequestsPerMonth(), "costAssumptions.sqsRequestsPerMonth", "requests",
                        Meter.SQS_REQUEST);
            }
        }

        void traffic(Optional<Traffic> traffic) {
            if (traffic.isEmpty()) {
                notEstimated.add("Lambda requests and duration, HTTP API requests: no traffic given (preview --metrics"
                        + " FILE..., the export bin/capacity --print-query makes)");
                return;
            }
            var t = traffic.get();
            String over = String.format(Locale.ROOT, " (%.1f days of metrics scaled to 730 h)", t.spanDays());
            double apiRequests = 0;
            for (FunctionSettings fn : settings.functions()) {
                double invocations = t.invocationsPerMonth().getOrDefault(fn.name(), 0.0);
                quantity("requests of " + fn.name(), invocations, "requests" + over, Meter.LAMBDA_REQUEST);
                if (fn.trigger() == Trigger.HTTP_API && settings.httpApiEnabled()) {
                    apiRequests += invocations;
                }
                duration(fn, t, over);
            }
            if (settings.httpApiEnabled()) {
                quantity("HTTP API requests", apiRequests, "requests to the API functions" + over, Meter.HTTP_API_REQUEST);
            }
        }

        /** GB-seconds at the on-demand price, or on a PC function at the price while provisioned. */
        private void duration(FunctionSettings fn, Traffic t, String over) {
            var price = com.medialake.lambda.cost.PriceTable.price(settings.region(), fn.architecture());
            if (t.durationSecondsPerMonth().isEmpty() || price.isEmpty()) {
                notEstimated.add("duration of " + fn.name() + ": " + (price.isEmpty() ? "no Lambda price for "
                        + settings.region() : "the export has no dur_ series (export again with --print-query)"));
                return;
            }
            double gbSeconds = t.durationSecondsPerMonth().get().getOrDefault(fn.name(), 0.0) * fn.memoryMb() / 1024.0;
            double perGbSecond = fn.hasProvisionedConcurrency() ? price.get().durationWhileProvisioned()
                    : price.get().onDemandDuration();
            items.add(new Bill.Item(Bill.Category.USAGE, "", ResourceTypes.FUNCTION, fn.name(), "duration of " + fn.name(),
                    Usd.cents(gbSeconds * perGbSecond), String.format(Locale.ROOT, "%.0f GB-s x $%s%s%s", gbSeconds,
                    Usd.price(perGbSecond), fn.hasProvisionedConcurrency()
                            ? " (on PC; spillover is billed on demand, not counted)" : "", over)));
        }

        /** An assumed quantity: 0 is not estimated, said by its key. */
        private void line(String what, double quantity, String key, String unit, Meter meter) {
            if (quantity <= 0) {
                notEstimated.add(what + ": set " + key.split(" ")[0]);
                return;
            }
            quantity(what, quantity, unit + " (" + key + ")", meter);
        }

        private void quantity(String what, double quantity, String unit, Meter meter) {
            var price = PriceTable.of(settings.region(), meter);
            if (price.isEmpty()) {
                notEstimated.add(what + ": no " + meter.label() + " price for " + settings.region() + " in PriceTable");
                return;
            }
            items.add(new Bill.Item(Bill.Category.USAGE, "", "", "", what, Usd.cents(quantity * price.get().usd()),
                    String.format(Locale.ROOT, "%s %s x $%s", number(quantity), unit,
                            Usd.price(price.get().usd()))));
        }

        private static String number(double quantity) {
            return quantity == Math.rint(quantity) ? String.format(Locale.ROOT, "%,.0f", quantity)
                    : String.format(Locale.ROOT, "%,.2f", quantity);
        }
    }
}
