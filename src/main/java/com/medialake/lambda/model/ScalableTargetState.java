package com.medialake.lambda.model;

import static com.medialake.lambda.model.PcReplay.HIGH_ALARM_DATAPOINTS;
import static com.medialake.lambda.model.PcReplay.LOW_ALARM_DATAPOINTS;
import static com.medialake.lambda.model.PcReplay.LOW_ALARM_SHARE;
import static com.medialake.lambda.model.PcReplay.READY_MINUTES;

/**
 * Application Auto Scaling's view of one scalable target (its bounds, the capacity it last set, its target
 * tracking alarms' counts) and Lambda's of the PC behind it (what is ready), for {@link PcReplay}, which cites
 * the rules.
 */
final class ScalableTargetState {
    int min;
    int max;
    /** What AAS last set (billed). */
    int requested;
    /** What serves invocations. */
    int ready;
    long readyAt = Long.MAX_VALUE;
    int high;
    int low;
    double lowPeak;

    ScalableTargetState(int level, WeeklyCapacity.Bounds bounds) {
        requested = level;
        ready = level;
        apply(bounds, 0);
        readyAll();
    }

    void apply(WeeklyCapacity.Bounds bounds, long minute) {
        min = bounds.min();
        max = bounds.max();
        if (requested < min || requested > max) {
            set(clamp(requested), minute);
        }
    }

    void set(int level, long minute) {
        if (level > requested) {
            readyAt = minute + READY_MINUTES;
        } else {
            ready = Math.min(ready, level);
        }
        requested = level;
        high = 0;
        low = 0;
        lowPeak = 0;
    }

    void readyAll() {
        ready = requested;
        readyAt = Long.MAX_VALUE;
    }

    void tick(long minute) {
        if (readyAt <= minute) {
            readyAll();
        }
    }

    void noData() {
        high = 0;
        low = 0;
        lowPeak = 0;
    }

    void observe(long minute, double utilization, double target) {
        if (utilization > target) {
            high++;
            low = 0;
            lowPeak = 0;
        } else if (utilization < LOW_ALARM_SHARE * target) {
            low++;
            high = 0;
            lowPeak = Math.max(lowPeak, utilization);
        } else {
            high = 0;
            low = 0;
            lowPeak = 0;
        }
        if (high >= HIGH_ALARM_DATAPOINTS) {
            int wanted = clamp((int) Math.ceil(requested * utilization / target - 1e-9));
            if (wanted > requested) {
                set(wanted, minute);
            } else {
                high = 0;
            }
        } else if (low >= LOW_ALARM_DATAPOINTS) {
            int wanted = clamp((int) Math.ceil(requested * lowPeak / target - 1e-9));
            if (wanted < requested) {
                set(wanted, minute);
            } else {
                low = 0;
                lowPeak = 0;
            }
        }
    }

    /** What the steady test compares: the bounds and the levels. */
    long signature() {
        return ((long) min << 48) ^ ((long) max << 32) ^ ((long) requested << 16) ^ ready;
    }

    /**
     * {@code minutes} datapoints of one utilization that change nothing (the state was steady longer than
     * either alarm takes): their counts cycle as {@link #observe} leaves them after a scaling that does not
     * move (at max, or at min).
     */
    void observeUnchanged(long minutes, double utilization, double target) {
        if (utilization > target) {
            high = (int) ((high + minutes) % HIGH_ALARM_DATAPOINTS);
            low = 0;
            lowPeak = 0;
        } else if (utilization < LOW_ALARM_SHARE * target) {
            low = (int) ((low + minutes) % LOW_ALARM_DATAPOINTS);
            lowPeak = low > 0 ? utilization : 0;
            high = 0;
        } else {
            high = 0;
            low = 0;
            lowPeak = 0;
        }
    }

    int clamp(int level) {
        return Math.max(min, Math.min(max, level));
    }
}
