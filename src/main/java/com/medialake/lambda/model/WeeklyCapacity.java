package com.medialake.lambda.model;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A function's autoscaling schedules as Application Auto Scaling must be told them so that it holds, at every
 * hour of the week, the level they price.
 *
 * <p>Why the schedules are not registered as written: at a scheduled action's time Application Auto Scaling
 * only scales out to a raised minimum or scales in to a lowered maximum ("If current capacity is less than the
 * specified minimum capacity, Application Auto Scaling scales out ... If current capacity is greater than the
 * specified maximum capacity, it scales in ... to the specified maximum", autoscaling/application/userguide/
 * scheduled-scaling-policy-overview.html). An off-hours action with min 1 / max 4 leaves 2 warm instances at 2,
 * and target tracking cannot scale in without traffic (no utilization datapoints: its alarm stays in
 * INSUFFICIENT_DATA, application-auto-scaling-target-tracking.html). So every hour the schedules hold a floor
 * below the level a new version starts at is registered as a <em>clamp</em> (min = max = the floor: capacity is
 * forced to it whichever way it stands) and, {@link #REOPEN_AFTER_MINUTES} minutes later, a <em>reopen</em>
 * (the floor and the schedule's max, so target tracking can scale out for bursts again). Hours at the highest
 * floor are re-asserted with one action (a raised minimum only scales out). Re-asserting every hour, not only
 * where the schedules change, is what brings a new version, which starts at the highest floor (never below the
 * coming hour's level), to the hour's level within the hour. The cost of that guarantee: a burst that target
 * tracking scaled out for in a low hour is clamped back at the next full hour (the replay counts the spillover).
 *
 * <p>Hours with the same bounds on the same days share one cron ({@code 0 0-7,19-23 ? * MON-FRI *}), so a
 * business-hours week is five actions, well within Application Auto Scaling's quota of
 * {@value #MAX_ACTIONS_PER_TARGET} scheduled actions per scalable target. The schedules must be weekly (their
 * day-of-month, month and year fields {@code ?} or {@code *}), fire at one minute of the hour (0-54, so the
 * reopen falls in the same hour), in one time zone, and never two at the same time: {@code AutoscalingRules}
 * refuses anything else before this is built.
 */
public final class WeeklyCapacity {
    public static final int HOURS_PER_WEEK = 168;
    /** The clamp holds max = min this long; then the reopen restores the max so bursts can scale out again. */
    public static final int REOPEN_AFTER_MINUTES = 5;
    /** Application Auto Scaling quotas: "Scheduled actions per scalable target: 200". */
    public static final int MAX_ACTIONS_PER_TARGET = 200;
    /** The latest minute a clamp may fire at so that its reopen falls in the same hour. */
    public static final int LATEST_MINUTE = 59 - REOPEN_AFTER_MINUTES;

    /** The bounds Application Auto Scaling holds. */
    public record Bounds(int min, int max) {
    }

    /** What a registered action does. */
    public enum Kind {
        /** sets the bounds; capacity below the min scales out */
        HOLD,
        /** min = max = the floor: capacity is forced to it */
        CLAMP,
        /** the floor and the schedule's max again, after a clamp */
        REOPEN
    }

    /**
     * One scheduled action as registered.
     *
     * @param name   unique per function, from its days, bounds and kind: renaming nothing renames nothing
     * @param days   the days it fires on, Monday first
     * @param hours  the hours it fires in, ascending
     * @param minute the minute of those hours
     */
    public record Action(String name, List<DayOfWeek> days, List<Integer> hours, int minute, Kind kind, Bounds bounds) {
        /** AWS's six-field cron, as Application Auto Scaling takes it. */
        public String cron() {
            return minute + " " + CronFields.hours(hours) + " ? * " + CronFields.days(days) + " *";
        }
    }

    private final ZoneId zone;
    private final Bounds[] hours;
    private final List<Action> actions;
    private final int startLevel;
    private final Bounds startBounds;

    private WeeklyCapacity(ZoneId zone, Bounds[] hours, List<Action> actions, int startLevel, Bounds startBounds) {
        this.zone = zone;
        this.hours = hours;
        this.actions = List.copyOf(actions);
        this.startLevel = startLevel;
        this.startBounds = startBounds;
    }

    /** The zone the schedules run in (UTC without schedules). */
    public ZoneId zone() {
        return zone;
    }

    /** The actions to register, in a fixed order (days, then hours, then kind). */
    public List<Action> actions() {
        return actions;
    }

    /** The level a new version's PC starts at: the highest floor of the week (never below the coming hour's). */
    public int startLevel() {
        return startLevel;
    }

    /** The bounds a new version's scalable target is registered with; the hour's action replaces them within the hour. */
    public Bounds startBounds() {
        return startBounds;
    }

    /** The bounds held in an hour of the week (0 is Monday 00:00 in {@link #zone()}). */
    public Bounds at(int hourOfWeek) {
        return hours[hourOfWeek];
    }

    /** The bounds of every hour of the week, Monday 00:00 first. */
    public Bounds[] hoursOfWeek() {
        return hours.clone();
    }

    /** The floor of each hour of the week: the level held at rest. */
    public int[] floors() {
        return Arrays.stream(hours).mapToInt(Bounds::min).toArray();
    }

    /**
     * A function's weekly capacity: its schedules compiled into the actions to register, or, without
     * schedules, its fixed bounds (autoscaling's min and max, starting at provisionedConcurrency).
     */
    public static WeeklyCapacity of(Autoscaling autoscaling, int provisionedConcurrency) {
        if (autoscaling.schedules().isEmpty()) {
            var bounds = new Bounds(autoscaling.min(), autoscaling.max());
            var all = new Bounds[HOURS_PER_WEEK];
            Arrays.fill(all, bounds);
            return new WeeklyCapacity(ZoneOffset.UTC, all, List.of(), provisionedConcurrency, bounds);
        }
        ZoneId zone = autoscaling.schedules().get(0).zoneId();
        int minute = minute(autoscaling.schedules().get(0)).orElseThrow();
        var hours = hourlyBounds(autoscaling.schedules());
        int start = Arrays.stream(hours).mapToInt(Bounds::min).max().orElseThrow();
        int peak = Arrays.stream(hours).mapToInt(Bounds::max).max().orElseThrow();
        return new WeeklyCapacity(zone, hours, actions(hours, minute, start), start, new Bounds(start, peak));
    }

    /** A fixed level all week, as a function with PC and no autoscaling holds. */
    public static WeeklyCapacity fixed(int level) {
        return of(new Autoscaling(level, level, Autoscaling.DEFAULT_TARGET_UTILIZATION, List.of()), level);
    }

    /** The minute of the hour a schedule fires at, where its minutes field is one number. */
    public static Optional<Integer> minute(ScalingSchedule schedule) {
        String field = schedule.expression().fields().get(0);
        return field.matches("\\d{1,2}") ? Optional.of(Integer.parseInt(field)) : Optional.empty();
    }

    /** Whether a schedule repeats every week: day-of-month ? or *, month *, year *, no # or L among the days. */
    public static boolean isWeekly(ScalingSchedule schedule) {
        var f = schedule.expression().fields();
        return (f.get(2).equals("?") || f.get(2).equals("*")) && f.get(3).equals("*") && f.get(5).equals("*")
                && !f.get(4).contains("#") && !f.get(4).contains("L");
    }

    /** Each time any schedule fires, as minutes from Monday 00:00 local time, with the schedule. */
    public static java.util.NavigableMap<Integer, List<ScalingSchedule>> firings(List<ScalingSchedule> schedules) {
        // Evaluated on a reference week in UTC: the wall-clock times are the schedules' own, without DST shifts.
        var monday = LocalDate.of(2027, 1, 4).atStartOfDay(ZoneOffset.UTC);
        var end = monday.plusDays(7);
        var out = new java.util.TreeMap<Integer, List<ScalingSchedule>>();
        for (ScalingSchedule s : schedules) {
            for (var t = s.expression().nextAfter(monday.minusSeconds(1)); t.isPresent() && t.get().isBefore(end);
                 t = s.expression().nextAfter(t.get())) {
                int minuteOfWeek = (int) java.time.Duration.between(monday, t.get()).toMinutes();
                out.computeIfAbsent(minuteOfWeek, k -> new ArrayList<>()).add(s);
            }
        }
        return out;
    }

    /** The bounds each hour holds: those of the last schedule that fired at or before it, around the week. */
    private static Bounds[] hourlyBounds(List<ScalingSchedule> schedules) {
        var firings = firings(schedules);
        int minute = minute(schedules.get(0)).orElseThrow();
        var out = new Bounds[HOURS_PER_WEEK];
        for (int h = 0; h < HOURS_PER_WEEK; h++) {
            var last = firings.floorEntry(h * 60 + minute);
            var fired = (last != null ? last : firings.lastEntry()).getValue().get(0);
            out[h] = new Bounds(fired.min(), fired.max());
        }
        return out;
    }

    private static List<Action> actions(Bounds[] hours, int minute, int start) {
        // Days with the same 24 hours share their actions.
        var dayGroups = new LinkedHashMap<List<Bounds>, List<DayOfWeek>>();
        for (int d = 0; d < 7; d++) {
            var day = List.of(Arrays.copyOfRange(hours, d * 24, d * 24 + 24));
            dayGroups.computeIfAbsent(day, k -> new ArrayList<>()).add(DayOfWeek.of(d + 1));
        }
        var out = new ArrayList<Action>();
        dayGroups.forEach((day, days) -> {
            var byBounds = new LinkedHashMap<Bounds, List<Integer>>();
            for (int h = 0; h < 24; h++) {
                byBounds.computeIfAbsent(day.get(h), k -> new ArrayList<>()).add(h);
            }
            byBounds.forEach((bounds, at) -> {
                String base = CronFields.dayToken(days) + "-" + bounds.min() + "-" + bounds.max();
                if (bounds.min() >= start) {
                    out.add(new Action(base + "-hold", days, at, minute, Kind.HOLD, bounds));
                } else {
                    out.add(new Action(base + "-clamp", days, at, minute, Kind.CLAMP,
                            new Bounds(bounds.min(), bounds.min())));
                    if (bounds.max() > bounds.min()) {
                        out.add(new Action(base + "-reopen", days, at, minute + REOPEN_AFTER_MINUTES, Kind.REOPEN,
                                bounds));
                    }
                }
            });
        });
        out.sort(Comparator.comparing(Action::name));
        return out;
    }

    /**
     * Every firing of the registered actions from {@code from} (inclusive) to {@code to} (exclusive), in order:
     * the instant and the bounds it sets. Computed from the days and hours, not by a cron library, so a year
     * of hourly actions is cheap.
     */
    public List<Firing> firings(Instant from, Instant to) {
        var out = new ArrayList<Firing>();
        var first = from.atZone(zone).toLocalDate().minusDays(1);
        var last = to.atZone(zone).toLocalDate().plusDays(1);
        for (var date = first; !date.isAfter(last); date = date.plusDays(1)) {
            for (Action action : actions) {
                if (!action.days().contains(date.getDayOfWeek())) {
                    continue;
                }
                for (int hour : action.hours()) {
                    Instant at = ZonedDateTime.of(date, java.time.LocalTime.of(hour, action.minute()), zone).toInstant();
                    if (!at.isBefore(from) && at.isBefore(to)) {
                        out.add(new Firing(at, action.bounds()));
                    }
                }
            }
        }
        out.sort(Comparator.comparing(Firing::at));
        return out;
    }

    /** An action firing: from this instant the target's bounds are these. */
    public record Firing(Instant at, Bounds bounds) {
    }
}
