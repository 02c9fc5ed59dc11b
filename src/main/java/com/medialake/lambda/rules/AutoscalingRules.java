package com.medialake.lambda.rules;

import static com.medialake.lambda.rules.LambdaLimits.*;

import com.medialake.lambda.model.Autoscaling;
import com.medialake.lambda.model.FunctionSettings;
import com.medialake.lambda.model.WeeklyCapacity;
import java.util.List;

/** Autoscaling of a function's PC: bounds, target, and schedules whose cron and zone AWS takes (FleetRules). */
final class AutoscalingRules {
    private AutoscalingRules() {
    }

    static void check(FunctionSettings fn, Autoscaling a, String key, List<Problem> out) {
        if (!fn.hasProvisionedConcurrency()) {
            out.add(Problem.of(ConfigRule.AUTOSCALING_WITHOUT_PC, fn.name(), key,
                    "autoscaling scales provisioned concurrency, and this function has none",
                    "set provisionedConcurrency to the initial number of instances, or remove autoscaling"));
            return;
        }
        if (a.min() < 1) {
            out.add(Problem.of(ConfigRule.AUTOSCALING_MIN,
                    fn.name(), key + ".min", "autoscaling min " + a.min() + " would drop PC to none",
                    "set min to 1 or more; to stop PC, set provisionedConcurrency to 0 instead"));
        }
        if (a.min() > a.max()) {
            out.add(Problem.of(ConfigRule.AUTOSCALING_MAX,
                    fn.name(), key + ".max", "autoscaling max " + a.max() + " is below min " + a.min(),
                    "set max to at least " + a.min()));
        } else if (fn.provisionedConcurrency() < a.min() || fn.provisionedConcurrency() > a.max()) {
            out.add(Problem.of(ConfigRule.AUTOSCALING_PC_OUTSIDE, fn.name(), key,
                    "provisionedConcurrency " + fn.provisionedConcurrency() + " is outside autoscaling's "
                            + a.min() + "-" + a.max() + ", so the first deploy and the scaler would disagree",
                    "set provisionedConcurrency within " + a.min() + "-" + a.max()));
        }
        if (a.targetUtilization() < MIN_TARGET_UTILIZATION || a.targetUtilization() > MAX_TARGET_UTILIZATION) {
            out.add(Problem.of(ConfigRule.AUTOSCALING_TARGET, fn.name(), key + ".targetUtilization",
                    "target utilization " + a.targetUtilization() + " is outside " + MIN_TARGET_UTILIZATION + "-"
                            + MAX_TARGET_UTILIZATION,
                    "use 0.7 to scale out before the warm pool is exhausted"));
        }
        var names = new java.util.HashSet<String>();
        for (int i = 0; i < a.schedules().size(); i++) {
            var s = a.schedules().get(i);
            String at = key + ".schedules[" + s.name() + "]";
            if (!s.name().matches("[A-Za-z0-9_-]{1,64}") || !names.add(s.name())) {
                out.add(Problem.of(ConfigRule.SCHEDULE_NAME, fn.name(), at + ".name", "schedule name '" + s.name()
                        + "' must be unique and of letters, digits, - and _", "rename it, for example business-hours"));
            }
            var cron = s.parsedCron();
            if (cron.cron().isEmpty()) {
                out.add(Problem.of(ConfigRule.SCHEDULE_CRON,
                        fn.name(), at + ".cron", "'" + s.cron() + "' is not an AWS cron expression: "
                        + cron.error(), "write minutes hours day-of-month month day-of-week year, with ? in one day"
                        + " field, for example 0 8 ? * MON-FRI *"));
            }
            if (s.zone().isEmpty()) {
                out.add(Problem.of(ConfigRule.SCHEDULE_TIMEZONE,
                        fn.name(), at + ".timezone", "'" + s.timezone() + "' is not an IANA time zone"
                        + " name, which is what Application Auto Scaling takes (\"the canonical names of the IANA time"
                        + " zones, such as Etc/GMT+9 or Pacific/Tahiti\"); offsets such as +01:00 are not",
                        closestZone(s.timezone()).map(z -> "did you mean " + z + "? ").orElse("")
                                + "use a zone name such as Europe/London or America/New_York"));
            }
            if (s.min() < 1) {
                out.add(Problem.of(ConfigRule.SCHEDULE_MIN,
                        fn.name(), at + ".min", "a schedule may not take PC below 1 (min " + s.min() + ")",
                        "set min to 1 or more"));
            }
            if (s.max() < s.min()) {
                out.add(Problem.of(ConfigRule.SCHEDULE_MAX,
                        fn.name(), at + ".max", "schedule max " + s.max() + " is below its min " + s.min(),
                        "set max to at least " + s.min()));
            }
        }
        checkWeekly(fn, a, key, out);
    }

    /**
     * What the schedules must be for {@link WeeklyCapacity} to register actions that hold their levels every
     * hour of the week; checked only once each schedule is well-formed.
     */
    private static void checkWeekly(FunctionSettings fn, Autoscaling a, String key, List<Problem> out) {
        var schedules = a.schedules();
        if (schedules.isEmpty() || schedules.stream().anyMatch(s -> s.parsedCron().cron().isEmpty()
                || s.zone().isEmpty() || s.min() < 1 || s.max() < s.min())) {
            return;
        }
        int before = out.size();
        var minutes = new java.util.TreeSet<Integer>();
        for (var s : schedules) {
            String at = key + ".schedules[" + s.name() + "].cron";
            if (!WeeklyCapacity.isWeekly(s)) {
                out.add(Problem.of(ConfigRule.SCHEDULE_WEEKLY, fn.name(), at, "'" + s.cron() + "' does not repeat every"
                        + " week, so the level it sets cannot be held and priced hour by hour",
                        "use ? for the day of month and * for month and year, and name the days of the week (MON-FRI)"));
            }
            var minute = WeeklyCapacity.minute(s);
            if (minute.isEmpty() || minute.get() > WeeklyCapacity.LATEST_MINUTE) {
                out.add(Problem.of(ConfigRule.SCHEDULE_MINUTE, fn.name(), at, "'" + s.cron() + "' must fire at one"
                        + " minute of the hour from 0 to " + WeeklyCapacity.LATEST_MINUTE + ": a step down is forced by a"
                        + " clamp and reopened " + WeeklyCapacity.REOPEN_AFTER_MINUTES + " minutes later, in the same hour",
                        "write the minutes field as one number, for example 0"));
            } else {
                minutes.add(minute.get());
            }
        }
        if (minutes.size() > 1) {
            out.add(Problem.of(ConfigRule.SCHEDULE_MINUTE, fn.name(), key + ".schedules", "the schedules fire at"
                    + " different minutes (" + minutes + "), but the levels are re-asserted at one minute each hour",
                    "use the same minute in every schedule's cron, for example 0"));
        }
        var zones = new java.util.TreeSet<String>();
        schedules.forEach(s -> zones.add(s.timezone()));
        if (zones.size() > 1) {
            out.add(Problem.of(ConfigRule.SCHEDULE_ZONES, fn.name(), key + ".schedules", "the schedules run in "
                    + String.join(" and ", zones) + ": daylight saving moves them apart, so no week of levels holds",
                    "give every schedule of the function the same timezone"));
        }
        if (out.size() > before) {
            return;
        }
        WeeklyCapacity.firings(schedules).forEach((minuteOfWeek, fired) -> {
            if (fired.size() > 1) {
                out.add(Problem.of(ConfigRule.SCHEDULE_COLLISION, fn.name(), key + ".schedules",
                        "schedules " + fired.stream().map(s -> s.name()).sorted().toList() + " fire at the same time ("
                                + java.time.DayOfWeek.of(minuteOfWeek / 1440 + 1) + " "
                                + String.format("%02d:%02d", minuteOfWeek / 60 % 24, minuteOfWeek % 60)
                                + "), so which level holds would be up to chance",
                        "give them crons that never fire at the same time"));
            }
        });
        if (out.size() > before) {
            return;
        }
        var capacity = fn.weeklyCapacity();
        if (fn.provisionedConcurrency() != capacity.startLevel()) {
            out.add(Problem.of(ConfigRule.AUTOSCALING_START, fn.name(), key.replace("autoscaling", "provisionedConcurrency"),
                    "provisionedConcurrency " + fn.provisionedConcurrency() + " is not the highest schedule min "
                            + capacity.startLevel() + ", the level a new version starts at (so no hour starts below its"
                            + " schedule)", "set provisionedConcurrency to " + capacity.startLevel()));
        }
        if (capacity.actions().size() > WeeklyCapacity.MAX_ACTIONS_PER_TARGET) {
            out.add(Problem.of(ConfigRule.SCHEDULE_QUOTA, fn.name(), key + ".schedules", "the schedules need "
                    + capacity.actions().size() + " scheduled actions, more than Application Auto Scaling's "
                    + WeeklyCapacity.MAX_ACTIONS_PER_TARGET + " per scalable target",
                    "use fewer distinct levels, or the same hours on more days"));
        }
    }

    private static java.util.Optional<String> closestZone(String zone) {
        return Suggestions.closest(zone, java.time.ZoneId.getAvailableZoneIds().stream()
                .filter(z -> z.contains("/") || z.equals("UTC")).sorted().toList());
    }
}
