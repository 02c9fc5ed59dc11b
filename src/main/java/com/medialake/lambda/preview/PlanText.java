package com.medialake.lambda.preview;

import static com.medialake.lambda.plan.ResourceTypes.*;

import com.medialake.lambda.cost.CostModel;
import com.medialake.lambda.cost.PriceTable;
import com.medialake.lambda.model.FunctionSettings;
import com.medialake.lambda.model.StackSettings;
import com.medialake.lambda.plan.Plan;
import com.medialake.lambda.plan.PlannedResource;
import com.medialake.lambda.rules.LambdaLimits;
import java.util.ArrayList;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The plan for a reviewer: the stack's settings, the function table, the resource tree, the counts. */
public final class PlanText {
    private PlanText() {
    }

    public static String render(Plan plan) {
        return render(plan, com.medialake.lambda.bill.StackBill.of(plan, java.util.Optional.empty()));
    }

    /** The plan with its monthly bill (priced with the traffic of --metrics, where given). */
    public static String render(Plan plan, com.medialake.lambda.bill.Bill bill) {
        var s = plan.settings();
        var out = new StringBuilder();
        out.append("Offline preview of ").append(s.project()).append('/').append(s.stack())
                .append(" (").append(s.origin()).append(") in ").append(s.region())
                .append(", on the mock engine: nothing is deployed.\n\n");
        header(out, s, plan);
        functions(out, plan);
        cost(out, plan);
        out.append(com.medialake.lambda.bill.BillText.render(bill));
        out.append("\nResources (").append(plan.resources().stream().filter(PlannedResource::custom).count())
                .append(" cloud resources in ").append(plan.resources().stream().filter(r -> !r.custom()).count())
                .append(" components):\n");
        tree(out, plan, null, 0);
        out.append("\nBy type:\n");
        plan.countsByType().forEach((type, count) ->
                out.append(String.format("  %-70s %3d%n", type, count)));
        out.append("\nOutputs:\n");
        plan.outputs().forEach((key, value) -> {
            if (value.isJsonObject()) {
                out.append("  ").append(key).append(":\n");
                value.getAsJsonObject().entrySet().forEach(e ->
                        out.append("    ").append(e.getKey()).append(": ").append(e.getValue().getAsString()).append('\n'));
            } else if (value.isJsonArray()) {
                out.append("  ").append(key).append(": ").append(String.join(", ", strings(value))).append('\n');
            } else {
                out.append("  ").append(key).append(": ").append(value.getAsString()).append('\n');
            }
        });
        return out.toString();
    }

    private static java.util.List<String> strings(com.google.gson.JsonElement array) {
        var out = new ArrayList<String>();
        array.getAsJsonArray().forEach(e -> out.add(e.getAsString()));
        return out;
    }

    private static void header(StringBuilder out, StackSettings s, Plan plan) {
        var net = s.network();
        out.append("Network:      ").append(net.cidr()).append(" over ").append(net.availabilityZones())
                .append(" AZs (").append(String.join(", ", strings(plan.outputs().get("availabilityZones")))).append(")")
                .append(", NAT gateways ").append(net.natGateways().configName())
                .append(" (").append(net.natGateways().gatewayCount(net.availabilityZones())).append(")\n");
        long taken = s.functions().stream().mapToLong(FunctionSettings::concurrencyTakenFromPool).sum();
        out.append("Concurrency:  ").append(taken).append(" of the account quota ").append(s.accountConcurrencyLimit())
                .append(" held at peak by PC and reserved concurrency (PC twice while a deploy moves an alias), ")
                .append(s.accountConcurrencyLimit() - taken)
                .append(" unreserved (at least ").append(LambdaLimits.MIN_UNRESERVED_CONCURRENCY).append(");")
                .append(" offline, concurrency.accountLimit stands in for Service Quotas' answer (")
                .append("lambda/L-B99A9384), which decides under the Pulumi CLI\n");
        out.append("SnapStart:    ").append(s.snapStartAllowed() ? "allowed" : "not allowed").append(" in ")
                .append(s.region()).append("; PC configs may take up to ")
                .append(StackSettings.durationText(s.provisionedConcurrencyTimeout()))
                .append(" to become ready; logs kept ").append(s.logRetentionDays()).append(" days\n");
    }

    private static void functions(StringBuilder out, Plan plan) {
        var invokeArns = plan.outputs().get("invokeArns").getAsJsonObject();
        out.append("\nFunctions (").append(plan.settings().functions().size()).append("):\n");
        String format = "  %-19s %-21s %8s %7s %-8s %-9s %-9s %8s %-7s %s%n";
        out.append(String.format(format, "FUNCTION", "PROFILE", "MEMORY", "TIMEOUT", "NETWORK", "SNAPSTART", "PC",
                "RESERVED", "ARCH", "INVOKE TARGET"));
        for (FunctionSettings f : plan.settings().functions()) {
            out.append(String.format(format, f.name(), f.profile().title(), f.memoryMb() + " MB",
                    f.timeoutSeconds() + " s", f.attachment().label(), f.snapStart() ? "on" : "off",
                    pc(f),
                    f.reservedConcurrency() == null ? "-" : String.valueOf(f.reservedConcurrency()),
                    f.architecture().awsName(), invokeArns.get(f.name()).getAsString()));
        }
    }

    private static void cost(StringBuilder out, Plan plan) {
        var cost = CostModel.of(plan.settings());
        out.append("\nProvisioned concurrency, USD a month (").append(PriceTable.SOURCE).append(", ")
                .append(PriceTable.AS_OF).append("; at rest: what the scheduled actions hold without traffic, as"
                        + " Application Auto Scaling runs them; bursts and invocations are billed on top):\n");
        if (cost.missingPrice().isPresent()) {
            out.append("  not estimated: ").append(cost.missingPrice().get()).append('\n');
            return;
        }
        for (var c : cost.byFunction()) {
            var fn = plan.settings().functions().stream().filter(f -> f.name().equals(c.function())).findFirst()
                    .orElseThrow();
            String held = c.hoursAtLevel().size() == 1 && fn.autoscaling().isEmpty()
                    ? fn.provisionedConcurrency() + " always on"
                    : c.hoursAtLevel().entrySet().stream()
                            .map(e -> e.getKey() + " for " + Math.round(e.getValue()) + " h")
                            .collect(Collectors.joining(", ")) + " at rest";
            out.append(String.format("  %-19s %5.2f GB x %-52s %9s", c.function(), fn.memoryMb() / 1024.0, held,
                    c.monthlyUsd().toPlainString()));
            if (c.monthlyUsd().compareTo(c.alwaysOnMonthlyUsd()) != 0) {
                out.append("  (always-on ").append(c.alwaysOnMonthlyUsd().toPlainString()).append(", saves ")
                        .append(c.alwaysOnMonthlyUsd().subtract(c.monthlyUsd()).toPlainString()).append(")");
            }
            if (c.atMaxMonthlyUsd().compareTo(c.monthlyUsd()) > 0) {
                out.append("  up to ").append(c.atMaxMonthlyUsd().toPlainString()).append(" at autoscaling max");
            }
            if (!c.priceConfirmed()) {
                out.append("  [price derived, not published]");
            }
            out.append('\n');
        }
        out.append(String.format("  %-83s %9s", "total", cost.monthlyUsd().toPlainString()));
        if (cost.monthlyUsd().compareTo(cost.alwaysOnMonthlyUsd()) != 0) {
            out.append("  (always-on ").append(cost.alwaysOnMonthlyUsd().toPlainString()).append(")");
        }
        out.append('\n');
    }

    /** PC, with the range autoscaling may move it in: "2 (1-6)". */
    private static String pc(FunctionSettings f) {
        if (!f.hasProvisionedConcurrency()) {
            return "-";
        }
        return f.autoscaling().map(a -> f.provisionedConcurrency() + " (" + Math.min(a.min(), a.schedules().stream()
                .mapToInt(com.medialake.lambda.model.ScalingSchedule::min).min().orElse(a.min())) + "-" + a.peak() + ")")
                .orElse(String.valueOf(f.provisionedConcurrency()));
    }

    private static void tree(StringBuilder out, Plan plan, PlannedResource parent, int depth) {
        for (var r : plan.childrenOf(parent)) {
            out.append("  ".repeat(depth + 1)).append("+ ").append(r.type()).append("  ").append(r.name());
            String detail = detail(r);
            if (!detail.isEmpty()) {
                out.append("  ").append(detail);
            }
            if (r.protect()) {
                out.append("  [protected]");
            }
            out.append('\n');
            tree(out, plan, r, depth + 1);
        }
    }

    /** The SDK sends timeouts as Go durations in nanoseconds ("900000000000ns"); show them as 15m. */
    private static String goDuration(String text) {
        if (!text.endsWith("ns")) {
            return text;
        }
        return StackSettings.durationText(java.time.Duration.ofNanos(Long.parseLong(text.substring(0, text.length() - 2))));
    }

    /** The inputs a reviewer looks for first, per type. */
    private static final Map<String, Function<PlannedResource, String>> DETAIL = Map.ofEntries(
            Map.entry(VPC, r -> r.input("cidrBlock")),
            Map.entry(SUBNET, r -> r.input("availabilityZone") + " " + r.input("cidrBlock")),
            Map.entry(EC2_ROUTE, r -> r.input("destinationCidrBlock") + " via "
                    + (r.input("natGatewayId") != null ? r.input("natGatewayId") : r.input("gatewayId"))),
            Map.entry(VPC_ENDPOINT, r -> r.input("serviceName")),
            Map.entry(SECURITY_GROUP, r -> r.input("description")),
            Map.entry(FILE_SYSTEM, r -> "encrypted=" + r.input("encrypted")),
            Map.entry(ACCESS_POINT, r -> r.inputs().getAsJsonObject("rootDirectory")
                    .get("path").getAsString() + " as " + r.inputs().getAsJsonObject("posixUser").get("uid") + ":"
                    + r.inputs().getAsJsonObject("posixUser").get("gid")),
            Map.entry(ROLE, r -> r.input("name")),
            Map.entry(LOG_GROUP, r -> r.input("name")),
            Map.entry(ROLE_POLICY_ATTACHMENT, r -> r.input("policyArn")),
            Map.entry(FUNCTION, r -> r.input("name") + ", " + r.input("memorySize") + " MB, "
                    + r.input("timeout") + " s, publish=" + r.input("publish")),
            Map.entry(ALIAS, r -> r.input("name") + " -> version " + r.input("functionVersion")),
            Map.entry(API_ROUTE, r -> r.input("routeKey")),
            Map.entry(API_INTEGRATION, r -> "-> " + r.input("integrationUri")),
            Map.entry(PERMISSION, r -> r.input("principal")
                    + (r.input("qualifier") == null ? "" : " on " + r.input("qualifier"))),
            Map.entry(EVENT_SOURCE_MAPPING, r -> "-> " + r.input("functionName")),
            Map.entry(EVENT_TARGET, r -> "-> " + r.input("arn")),
            Map.entry(EVENT_RULE, r -> r.input("scheduleExpression")),
            Map.entry(METRIC_ALARM, r -> r.input("metricName") + " > " + r.input("threshold")),
            Map.entry(LOG_METRIC_FILTER, r -> r.inputs().getAsJsonObject("metricTransformation").get("name").getAsString()
                    + " = " + r.inputs().getAsJsonObject("metricTransformation").get("value").getAsString()),
            Map.entry(SQS_QUEUE, r -> r.input("name")),
            Map.entry(SCALING_TARGET, r -> r.input("resourceId") + " " + r.input("minCapacity")
                    + "-" + r.input("maxCapacity")),
            Map.entry(SCHEDULED_ACTION, r -> r.input("schedule") + " "
                    + r.input("timezone") + " " + r.inputs().getAsJsonObject("scalableTargetAction").get("minCapacity")
                    + "-" + r.inputs().getAsJsonObject("scalableTargetAction").get("maxCapacity")),
            Map.entry(PROVISIONED_CONCURRENCY_CONFIG, r -> r.input("provisionedConcurrentExecutions") + " on "
                    + (r.input("qualifier").matches("\\d+") ? "version " : "") + r.input("qualifier")
                    + (r.customTimeouts().isEmpty() ? "" : ", ready within " + goDuration(r.customTimeouts().get(0)))));

    private static String detail(PlannedResource r) {
        var detail = DETAIL.get(r.type());
        return detail == null ? "" : String.valueOf(detail.apply(r));
    }
}
