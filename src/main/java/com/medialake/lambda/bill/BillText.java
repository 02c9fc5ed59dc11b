package com.medialake.lambda.bill;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.LinkedHashMap;
import java.util.Map;

/** The bill for a reviewer: totals by category, the lines that make them, what is not estimated or priced. */
public final class BillText {
    private static final String LINE = "    %-58s %9s  %s%n";

    private BillText() {
    }

    public static String render(Bill bill) {
        var out = new StringBuilder();
        out.append("\nMonthly bill, USD (list prices in ").append(bill.region()).append(" from PriceTable, each with its"
                + " source; fixed from the plan, usage from --metrics and costAssumptions):\n");
        for (var category : Bill.Category.values()) {
            out.append(String.format("  %-60s %9s%n", category.label(), bill.total(category).toPlainString()));
            // Lines of the same kind and basis are one line with their count: 46 x alarm.
            var grouped = new LinkedHashMap<String, BigDecimal>();
            var counts = new LinkedHashMap<String, Integer>();
            var bases = new LinkedHashMap<String, String>();
            for (var item : bill.items()) {
                if (item.category() != category) {
                    continue;
                }
                boolean perResource = category == Bill.Category.FIXED;
                String key = perResource ? item.what() + "\u0000" + item.basis() : item.what();
                grouped.merge(key, item.monthlyUsd(), BigDecimal::add);
                counts.merge(key, 1, Integer::sum);
                bases.putIfAbsent(key, item.basis());
            }
            // The largest first; equal ones by what they are, so the same plan prints the same bill.
            var order = new java.util.ArrayList<>(grouped.entrySet());
            order.sort(Map.Entry.<String, BigDecimal>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()));
            for (Map.Entry<String, BigDecimal> e : order) {
                String what = e.getKey().split("\u0000")[0];
                int count = counts.get(e.getKey());
                out.append(String.format(LINE, clip((count > 1 ? count + " x " : "") + what, 58),
                        e.getValue().setScale(2, RoundingMode.HALF_UP).toPlainString(), bases.get(e.getKey())));
            }
        }
        out.append(String.format("  %-60s %9s%n", "total", bill.total().toPlainString()));
        bill.notEstimated().forEach(n -> out.append("  not estimated: ").append(n).append('\n'));
        out.append("  not priced: ").append(String.join("; ", Bill.NOT_PRICED)).append('\n');
        return out.toString();
    }

    private static String clip(String text, int width) {
        return text.length() <= width ? text : text.substring(0, width - 3) + "...";
    }
}
