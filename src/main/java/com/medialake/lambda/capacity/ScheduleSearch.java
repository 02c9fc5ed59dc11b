package com.medialake.lambda.capacity;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The fewest, cheapest scheduled actions that hold at least the needed instances in every hour of the week.
 * An action sets the level on weekdays (Monday to Friday) or at weekends (Saturday and Sunday) at a full hour
 * and holds it until the next action fires, as Application Auto Scaling's scheduled actions do; the week
 * wraps around. Every set of at most {@link #MAX_ACTIONS} actions at the hours where the need changes is
 * tried, each action at the least level that covers every hour it holds; the one with the fewest
 * instance-hours wins (then the fewest actions, then the earliest hours, so the answer is always the same).
 * Actions anywhere else cannot do better: moving one to where the need changes never costs more.
 */
public final class ScheduleSearch {
    public static final int MAX_ACTIONS = 6;
    /** Candidate hours per day class; noisier needs keep the largest changes. */
    static final int MAX_CANDIDATES = 10;

    /** When an action fires. */
    public enum Days {
        WEEKDAYS("MON-FRI", 0, 5), WEEKENDS("SAT-SUN", 5, 7);

        private final String cron;
        private final int firstDay;
        private final int endDay;

        Days(String cron, int firstDay, int endDay) {
            this.cron = cron;
            this.firstDay = firstDay;
            this.endDay = endDay;
        }

        /** The day-of-week field of AWS's cron. */
        public String cron() {
            return cron;
        }
    }

    /** One scheduled action: from this hour on these days, this many instances. */
    public record Action(Days days, int hour, int level) {
        /** AWS's six-field cron, as Application Auto Scaling takes it. */
        public String cron() {
            return "0 " + hour + " ? * " + days.cron() + " *";
        }

        public String name() {
            return days.name().toLowerCase() + "-" + String.format("%02d00", hour);
        }
    }

    /**
     * @param actions       the scheduled actions, in the order they fire in a week; empty for one level all
     *                      week
     * @param constantLevel the level all week when there are no actions
     * @param levels        the level held in each hour of the week
     */
    public record Result(List<Action> actions, int constantLevel, int[] levels) {
        public int instanceHoursPerWeek() {
            int sum = 0;
            for (int level : levels) {
                sum += level;
            }
            return sum;
        }

        public int lowest() {
            int min = Integer.MAX_VALUE;
            for (int level : levels) {
                min = Math.min(min, level);
            }
            return min;
        }

        public int highest() {
            int max = 0;
            for (int level : levels) {
                max = Math.max(max, level);
            }
            return max;
        }
    }

    private ScheduleSearch() {
    }

    public static Result search(int[] need) {
        if (need.length != WeeklyNeed.HOURS_PER_WEEK) {
            throw new IllegalArgumentException("a week has " + WeeklyNeed.HOURS_PER_WEEK + " hours");
        }
        int peak = 0;
        for (int n : need) {
            peak = Math.max(peak, n);
        }
        int[] constant = new int[need.length];
        java.util.Arrays.fill(constant, peak);
        Result best = new Result(List.of(), peak, constant);
        long bestCost = (long) peak * need.length;
        var candidates = new ArrayList<Candidate>();
        for (Days days : Days.values()) {
            candidates.addAll(candidates(need, days));
        }
        var chosen = new ArrayList<Candidate>();
        Result[] bestHolder = {best};
        long[] bestCostHolder = {bestCost};
        enumerate(candidates, 0, chosen, need, bestHolder, bestCostHolder);
        return bestHolder[0];
    }

    private record Candidate(Days days, int hour) {
    }

    /** Hours where the need of some day of the class differs from the hour before. */
    private static List<Candidate> candidates(int[] need, Days days) {
        record Change(int hour, long size) {
        }
        var changes = new ArrayList<Change>();
        for (int hour = 0; hour < 24; hour++) {
            long size = 0;
            for (int day = days.firstDay; day < days.endDay; day++) {
                int t = day * 24 + hour;
                size += Math.abs(need[t] - need[(t + need.length - 1) % need.length]);
            }
            if (size > 0) {
                changes.add(new Change(hour, size));
            }
        }
        return changes.stream()
                .sorted(Comparator.comparingLong(Change::size).reversed().thenComparingInt(Change::hour))
                .limit(MAX_CANDIDATES)
                .sorted(Comparator.comparingInt(Change::hour))
                .map(c -> new Candidate(days, c.hour()))
                .toList();
    }

    private static void enumerate(List<Candidate> candidates, int from, List<Candidate> chosen, int[] need,
                                  Result[] best, long[] bestCost) {
        if (!chosen.isEmpty()) {
            // Cost first, into scratch arrays: tens of thousands of sets are tried, and only a better one is kept.
            long cost = levels(chosen, need);
            if (cost < bestCost[0] || cost == bestCost[0] && chosen.size() < best[0].actions().size()) {
                best[0] = evaluate(chosen, need);
                bestCost[0] = cost;
            }
        }
        if (chosen.size() == MAX_ACTIONS) {
            return;
        }
        for (int i = from; i < candidates.size(); i++) {
            chosen.add(candidates.get(i));
            enumerate(candidates, i + 1, chosen, need, best, bestCost);
            chosen.remove(chosen.size() - 1);
        }
    }

    private static final ThreadLocal<int[][]> SCRATCH = ThreadLocal.withInitial(
            () -> new int[][] {new int[WeeklyNeed.HOURS_PER_WEEK], new int[WeeklyNeed.HOURS_PER_WEEK],
                    new int[MAX_ACTIONS]});

    /**
     * For these action times: the least level of each action (into the scratch arrays: the action in force at
     * each hour, and each action's level), and the instance-hours a week they make.
     */
    private static long levels(List<Candidate> chosen, int[] need) {
        int[][] scratch = SCRATCH.get();
        int[] firing = scratch[0];
        int[] inForce = scratch[1];
        int[] levelOf = scratch[2];
        int hours = need.length;
        java.util.Arrays.fill(firing, -1);
        for (int a = 0; a < chosen.size(); a++) {
            var c = chosen.get(a);
            for (int day = c.days().firstDay; day < c.days().endDay; day++) {
                firing[day * 24 + c.hour()] = a;
            }
        }
        // The action in force at each hour: the last one fired, the week wrapping around.
        int current = -1;
        for (int t = hours - 1; t >= 0 && current < 0; t--) {
            current = firing[t];
        }
        java.util.Arrays.fill(levelOf, 0);
        for (int t = 0; t < hours; t++) {
            if (firing[t] >= 0) {
                current = firing[t];
            }
            inForce[t] = current;
            levelOf[current] = Math.max(levelOf[current], need[t]);
        }
        long cost = 0;
        for (int t = 0; t < hours; t++) {
            cost += levelOf[inForce[t]];
        }
        return cost;
    }

    /** The least levels for these action times, and the week they make. */
    private static Result evaluate(List<Candidate> chosen, int[] need) {
        levels(chosen, need);
        int[][] scratch = SCRATCH.get();
        int[] inForce = scratch[1];
        int[] levelOf = scratch[2];
        int[] levels = new int[need.length];
        for (int t = 0; t < need.length; t++) {
            levels[t] = levelOf[inForce[t]];
        }
        var actions = new ArrayList<Action>();
        for (int a = 0; a < chosen.size(); a++) {
            actions.add(new Action(chosen.get(a).days(), chosen.get(a).hour(), levelOf[a]));
        }
        actions.sort(Comparator.comparing(Action::days).thenComparingInt(Action::hour));
        return new Result(List.copyOf(actions), 0, levels);
    }
}
