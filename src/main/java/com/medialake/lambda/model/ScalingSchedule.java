package com.medialake.lambda.model;

import java.time.ZoneId;
import java.util.Optional;

/**
 * A scheduled change of the PC scaling bounds, as an Application Auto Scaling scheduled action. It holds
 * its cron and zone parsed, once, so that the rules, the autoscaling and the cost model read the same
 * values and none parses them again.
 *
 * @param name       unique per function, part of the action's name
 * @param cron       AWS cron as configured: minutes hours day-of-month month day-of-week year
 * @param timezone   IANA zone the cron runs in as configured, for example Europe/London
 * @param min        minimum PC from then on, at least 1
 * @param max        maximum PC from then on
 * @param parsedCron the cron parsed, or why it is not one (FleetRules reports it)
 * @param zone       the zone, empty when the name is not an IANA zone (FleetRules reports it)
 */
public record ScalingSchedule(String name, String cron, String timezone, int min, int max,
                              AwsCron.ParseResult parsedCron, Optional<ZoneId> zone) {

    public ScalingSchedule(String name, String cron, String timezone, int min, int max) {
        this(name, cron, timezone, min, max, AwsCron.parse(cron), ianaZone(timezone));
    }

    /** The zone of that name, only for the IANA names Java knows (tzdb), not fixed offsets, which ZoneId.of also takes. */
    public static Optional<ZoneId> ianaZone(String name) {
        return ZoneId.getAvailableZoneIds().contains(name) ? Optional.of(ZoneId.of(name)) : Optional.empty();
    }

    /** The parsed cron of validated settings (FleetRules refuses a schedule without one). */
    public AwsCron expression() {
        return parsedCron.cron().orElseThrow(() -> new IllegalStateException("schedule " + name + " was not validated"));
    }

    /** The zone of validated settings (FleetRules refuses a schedule without one). */
    public ZoneId zoneId() {
        return zone.orElseThrow(() -> new IllegalStateException("schedule " + name + " was not validated"));
    }
}
