package com.medialake.lambda.bill;

import com.medialake.lambda.cost.AmountGroups;
import java.math.RoundingMode;

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
            var groups = new AmountGroups();
            for (var item : bill.items()) {
                if (item.category() == category) {
                    boolean perResource = category == Bill.Category.FIXED;
                    groups.add(perResource ? item.what() + "\u0000" + item.basis() : item.what(), item.monthlyUsd(),
                            item.basis());
                }
            }
            for (var g : groups.largestFirst()) {
                out.append(String.format(LINE, clip(g.counted(g.key().split("\u0000")[0]), 58),
                        g.total().setScale(2, RoundingMode.HALF_UP).toPlainString(), g.detail()));
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
