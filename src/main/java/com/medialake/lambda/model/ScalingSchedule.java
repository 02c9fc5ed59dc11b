package com.medialake.lambda.model;

/**
 * A scheduled change of the PC scaling bounds, as an Application Auto Scaling scheduled action.
 *
 * @param name     unique per function, part of the action's name
 * @param cron     AWS cron: minutes hours day-of-month month day-of-week year
 * @param timezone IANA zone the cron runs in, for example Europe/London
 * @param min      minimum PC from then on, at least 1
 * @param max      maximum PC from then on
 */
public record ScalingSchedule(String name, String cron, String timezone, int min, int max) {
}
