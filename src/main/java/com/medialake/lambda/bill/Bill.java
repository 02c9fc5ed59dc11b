package com.medialake.lambda.bill;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.medialake.lambda.cost.Usd;
import com.medialake.lambda.json.Json;
import java.math.BigDecimal;
import java.util.List;
import java.util.TreeMap;

/**
 * What a stack costs a month, line by line: the fixed cost of what the plan registers, the provisioned concurrency
 * it holds, and the usage the traffic (a CloudWatch export) and the stack file's assumptions price. What cannot be
 * priced is listed as not estimated, never counted as 0.
 *
 * @param items        every priced line, resources first (by URN), then the stack's usage lines
 * @param notEstimated what is billed but not priced here, and why
 */
public record Bill(String region, List<Item> items, List<String> notEstimated) {
    /** What AWS does not bill, or this bill does not price: said beside every total. */
    public static final List<String> NOT_PRICED = List.of("data transfer out of AWS and between AZs",
            "X-Ray traces beyond the free tier (the functions trace actively)", "support plans", "taxes",
            "free tiers (account-wide: 10 alarms, 10 custom metrics, 3 dashboards, 1 million Lambda and SQS requests,"
                    + " 400,000 Lambda GB-seconds a month)");

    public enum Category {
        FIXED("fixed"), PROVISIONED_CONCURRENCY("provisioned concurrency"), USAGE("usage");

        private final String label;

        Category(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /**
     * @param urn   the resource, or empty for a usage line of the stack
     * @param what  what is billed, for a person: "NAT gateway", "requests of search_api"
     * @param basis how the figure comes about: "730 h x $0.045"
     */
    public record Item(Category category, String urn, String type, String name, String what, BigDecimal monthlyUsd,
                       String basis) {
    }

    public BigDecimal total(Category category) {
        return items.stream().filter(i -> i.category() == category).map(Item::monthlyUsd)
                .reduce(Usd.ZERO, BigDecimal::add);
    }

    public BigDecimal total() {
        return items.stream().map(Item::monthlyUsd).reduce(Usd.ZERO, BigDecimal::add);
    }

    /** The monthly cost of each resource that has one, by URN: what --diff-against compares. */
    public TreeMap<String, BigDecimal> byResource() {
        var out = new TreeMap<String, BigDecimal>();
        items.stream().filter(i -> !i.urn().isEmpty()).forEach(i -> out.merge(i.urn(), i.monthlyUsd(), BigDecimal::add));
        return out;
    }

    /** The bill as --json carries it (the document's "bill"). */
    public JsonObject json() {
        var byResource = new JsonObject();
        byResource().forEach(byResource::addProperty);
        var usage = new JsonArray();
        var lines = new JsonArray();
        for (var i : items) {
            var line = Json.object("category", i.category().name(), "what", i.what(), "monthlyUsd", i.monthlyUsd(),
                    "basis", i.basis());
            if (i.urn().isEmpty()) {
                usage.add(line);
            } else {
                line.addProperty("urn", i.urn());
                lines.add(line);
            }
        }
        return Json.object("currency", "USD",
                "fixedMonthlyUsd", total(Category.FIXED),
                "provisionedConcurrencyMonthlyUsd", total(Category.PROVISIONED_CONCURRENCY),
                "usageMonthlyUsd", total(Category.USAGE),
                "totalMonthlyUsd", total(),
                "byResource", byResource,
                "resources", lines,
                "usage", usage,
                "notEstimated", Json.array(notEstimated),
                "notPriced", Json.array(NOT_PRICED));
    }

}
