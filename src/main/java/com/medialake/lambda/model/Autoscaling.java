package com.medialake.lambda.model;

import java.util.List;

/**
 * Application Auto Scaling of a function's PC on its published version: target tracking on PC utilization
 * between min and max, and scheduled changes of those bounds for off-peak hours (registered as
 * {@link WeeklyCapacity} compiles them).
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

    /** The most PC this function can ever hold: what the account quota must have room for. */
    public int peak() {
        return Math.max(max, schedules.stream().mapToInt(ScalingSchedule::max).max().orElse(0));
    }
}
