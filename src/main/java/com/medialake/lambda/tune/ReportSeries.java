package com.medialake.lambda.tune;

import java.util.Arrays;

/** One function's records, column by column; init and restore are NaN where the invocation was warm. */
public final class ReportSeries {
    private int size;
    private double[] duration = new double[1024];
    private double[] billed = new double[1024];
    private int[] memorySize = new int[1024];
    private int[] maxUsed = new int[1024];
    private double[] init = new double[1024];
    private double[] restore = new double[1024];
    private String first;
    private String last;

    void add(double durationMs, double billedMs, int memorySizeMb, int maxUsedMb, double initMs, double restoreMs,
             String timestamp) {
        ensureCapacity(size + 1);
        duration[size] = durationMs;
        billed[size] = billedMs;
        memorySize[size] = memorySizeMb;
        maxUsed[size] = maxUsedMb;
        init[size] = initMs;
        restore[size] = restoreMs;
        size++;
        // Logs Insights writes @timestamp as "2026-11-30 10:00:00.000" (UTC): text order is time order.
        if (first == null || timestamp.compareTo(first) < 0) {
            first = timestamp;
        }
        if (last == null || timestamp.compareTo(last) > 0) {
            last = timestamp;
        }
    }

    void addAll(ReportSeries other) {
        if (other.size == 0) {
            return;
        }
        int n = size + other.size;
        ensureCapacity(n);
        System.arraycopy(other.duration, 0, duration, size, other.size);
        System.arraycopy(other.billed, 0, billed, size, other.size);
        System.arraycopy(other.memorySize, 0, memorySize, size, other.size);
        System.arraycopy(other.maxUsed, 0, maxUsed, size, other.size);
        System.arraycopy(other.init, 0, init, size, other.size);
        System.arraycopy(other.restore, 0, restore, size, other.size);
        size = n;
        first = first == null || other.first.compareTo(first) < 0 ? other.first : first;
        last = last == null || other.last.compareTo(last) > 0 ? other.last : last;
    }

    private void ensureCapacity(int n) {
        if (n <= duration.length) {
            return;
        }
        int capacity = Math.max(n, duration.length * 2);
        duration = Arrays.copyOf(duration, capacity);
        billed = Arrays.copyOf(billed, capacity);
        memorySize = Arrays.copyOf(memorySize, capacity);
        maxUsed = Arrays.copyOf(maxUsed, capacity);
        init = Arrays.copyOf(init, capacity);
        restore = Arrays.copyOf(restore, capacity);
    }

    public int size() {
        return size;
    }

    public double duration(int i) {
        return duration[i];
    }

    public double billed(int i) {
        return billed[i];
    }

    public int memorySize(int i) {
        return memorySize[i];
    }

    public int maxUsed(int i) {
        return maxUsed[i];
    }

    public double init(int i) {
        return init[i];
    }

    public double restore(int i) {
        return restore[i];
    }

    /** Seconds from the first record to the last. */
    public double spanSeconds() {
        return java.time.Duration.between(instant(first), instant(last)).toMillis() / 1000.0;
    }

    public String first() {
        return first;
    }

    public String last() {
        return last;
    }

    private static java.time.Instant instant(String timestamp) {
        return java.time.LocalDateTime.parse(timestamp.replace(' ', 'T')).toInstant(java.time.ZoneOffset.UTC);
    }
}
