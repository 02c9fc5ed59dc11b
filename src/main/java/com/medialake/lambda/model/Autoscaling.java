package com.medialake.lambda.model;

import java.util.List;

/**
 * Application Auto Scaling of a function's PC on its published version: target tracking on PC utilization
 * between min and max, and scheduled changes of those bounds for off-peak hours.
 *
 * @param min               the least PC autoscaling may set
 * @param max               the most PC autoscaling may set
 * @param targetUtilization the PC utilization target tracking aims at, 0.1-0.9
 * @param schedules         scheduled changes of min and max, sorted by name
 */
public record Autoscaling(int min, int max, double targetUtilization, List<ScalingSchedule> schedules) {
    public static final double DEFAULT_TARGET_UTILIZATION = 0.7;

    public Autoscaling {
        schedules = List.copyOf(schedules);
    }

    /**
     * The bounds a new version's scalable target starts with. A deploy that publishes a version registers a
     * new target, and the schedules act again only at their next time: starting at the highest floor and
     * ceiling any schedule sets never leaves callers below what the current window holds.
     */
    public int initialMin() {
        return Math.max(min, schedules.stream().mapToInt(ScalingSchedule::min).max().orElse(min));
    }

    public int initialMax() {
        return Math.max(initialMin(), peak());
    }

    /** The most PC this function can ever hold: what the account quota must have room for. */
    public int peak() {
        return Math.max(max, schedules.stream().mapToInt(ScalingSchedule::max).max().orElse(0));
    }
}
