package com.medialake.lambda.model;

import java.time.DayOfWeek;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** The hours and days fields of the crons {@link WeeklyCapacity} registers, and the days in their names. */
final class CronFields {
    private CronFields() {
    }

    static String hours(List<Integer> hours) {
        return hours.size() == 24 ? "*" : ranges(hours, String::valueOf);
    }

    static String days(List<DayOfWeek> days) {
        if (days.size() == 7) {
            return "*";
        }
        // AWS numbers the days from Sunday (1) to Saturday (7): ranges are made in that order, so none wraps.
        return ranges(days.stream().map(d -> d.getValue() % 7 + 1).sorted().toList(),
                d -> DayOfWeek.of((d + 5) % 7 + 1).getDisplayName(java.time.format.TextStyle.SHORT, Locale.ROOT)
                        .toUpperCase(Locale.ROOT));
    }

    /** The days in an action's name, Monday first: mon-fri, sat-sun, mon_wed (runs joined by -, others by _). */
    static String dayToken(List<DayOfWeek> days) {
        if (days.size() == 7) {
            return "daily";
        }
        var parts = new ArrayList<String>();
        int i = 0;
        while (i < days.size()) {
            int j = i;
            while (j + 1 < days.size() && days.get(j + 1).getValue() == days.get(j).getValue() + 1) {
                j++;
            }
            parts.add(shortName(days.get(i)) + (j > i ? "-" + shortName(days.get(j)) : ""));
            i = j + 1;
        }
        return String.join("_", parts);
    }

    private static String shortName(DayOfWeek day) {
        return day.getDisplayName(java.time.format.TextStyle.SHORT, Locale.ROOT).toLowerCase(Locale.ROOT);
    }

    /** Consecutive runs of three or more as a-b, the rest one by one: 0-7,19-23 and MON-FRI. */
    private static String ranges(List<Integer> values, java.util.function.IntFunction<String> label) {
        var parts = new ArrayList<String>();
        int i = 0;
        while (i < values.size()) {
            int j = i;
            while (j + 1 < values.size() && values.get(j + 1) == values.get(j) + 1) {
                j++;
            }
            if (j - i >= 2) {
                parts.add(label.apply(values.get(i)) + "-" + label.apply(values.get(j)));
            } else {
                for (int k = i; k <= j; k++) {
                    parts.add(label.apply(values.get(k)));
                }
            }
            i = j + 1;
        }
        return parts.stream().collect(Collectors.joining(","));
    }
}
