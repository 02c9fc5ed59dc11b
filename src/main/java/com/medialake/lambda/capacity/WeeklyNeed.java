package com.medialake.lambda.capacity;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * The warm instances a function needs in each hour of the week: for hour h (Monday 00:00 = 0, in the given
 * zone, so weekday patterns survive daylight saving), the {@code coverage} quantile of the hourly maximum
 * concurrency observed in that hour over all the weeks of the data, rounded up.
 */
public final class WeeklyNeed {
    public static final int HOURS_PER_WEEK = 168;

    private WeeklyNeed() {
    }

    /** The hour of the week of an instant in a zone: Monday 00:00-00:59 is 0, Sunday 23:00-23:59 is 167. */
    public static int hourOfWeek(Instant instant, ZoneId zone) {
        ZonedDateTime local = instant.atZone(zone);
        return (local.getDayOfWeek().getValue() - DayOfWeek.MONDAY.getValue()) * 24 + local.getHour();
    }

    /**
     * @param hours    every hour of the data
     * @param observed the hourly maximum concurrency of an hour (0 where there was no traffic)
     */
    public static int[] levels(List<Instant> hours, ToDoubleFunction<Instant> observed, ZoneId zone, double coverage) {
        var byHour = new ArrayList<List<Double>>();
        for (int h = 0; h < HOURS_PER_WEEK; h++) {
            byHour.add(new ArrayList<>());
        }
        for (Instant hour : hours) {
            byHour.get(hourOfWeek(hour, zone)).add(observed.applyAsDouble(hour));
        }
        int[] levels = new int[HOURS_PER_WEEK];
        for (int h = 0; h < HOURS_PER_WEEK; h++) {
            levels[h] = byHour.get(h).isEmpty() ? 0 : (int) Math.ceil(quantile(byHour.get(h), coverage));
        }
        return levels;
    }

    /**
     * The nearest-rank quantile: the smallest observed value with at least {@code q} of the observations at
     * or below it. With four weeks of data the 0.99 quantile of an hour is its largest observation; it never
     * interpolates to a value that was not seen.
     */
    public static double quantile(List<Double> values, double q) {
        if (values.isEmpty()) {
            throw new IllegalArgumentException("no values");
        }
        var sorted = values.stream().sorted().toList();
        int rank = (int) Math.ceil(q * sorted.size());
        return sorted.get(Math.max(1, Math.min(rank, sorted.size())) - 1);
    }
}
