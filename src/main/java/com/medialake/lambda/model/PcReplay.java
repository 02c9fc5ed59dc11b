package com.medialake.lambda.model;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What a function's provisioned concurrency does, minute by minute, under Lambda's and Application Auto
 * Scaling's documented behaviour: the registered scheduled actions, target tracking on the version's
 * {@code ProvisionedConcurrencyUtilization}, the time new PC takes to be ready, and spillover to on-demand when
 * concurrency exceeds what is ready. The preview's cost is this replay without traffic; {@code bin/capacity
 * --replay} runs it over exported traffic. Plain Java, no Pulumi types.
 *
 * <p>The rules, each from AWS's documentation:
 * <ul>
 *   <li>A scheduled action sets min and max; capacity below the min scales out to it, above the max scales in
 *   to it, otherwise nothing changes (scheduled-scaling-policy-overview.html).</li>
 *   <li>Target tracking: Application Auto Scaling's alarms on the metric, one datapoint a minute (Lambda's PC
 *   metrics have 1-minute granularity, lambda/latest/dg/monitoring-concurrency.html); scale out after
 *   {@value #HIGH_ALARM_DATAPOINTS} consecutive datapoints above the target, scale in after
 *   {@value #LOW_ALARM_DATAPOINTS} below {@value #LOW_ALARM_SHARE} of it (the two alarms AAS creates for
 *   Lambda, as AWS's serverless lead described them: "3 data points over 1 minute each", "15 data points over
 *   15 minutes"). The new capacity is proportional: current x metric / target, rounded up, within min and max
 *   ("calculates the scaling adjustment based on the metric and the target value"). No cooldown: Lambda's
 *   default is 0 (API_TargetTrackingScalingPolicyConfiguration: "For all other scalable targets, the default
 *   value is 0"). A minute without invocations has no datapoint, so alarms cannot fire: "If the metric is
 *   missing data points ... Application Auto Scaling cannot scale" (application-auto-scaling-target-tracking).
 *   After an activity the alarms need fresh datapoints.</li>
 *   <li>The metric is {@code Maximum} of {@code ProvisionedConcurrencyUtilization}: concurrency on PC over PC
 *   ready, at most 1 (invocations beyond PC spill to on-demand and are not in it).</li>
 *   <li>Added PC is billed from the request and serves after {@value #READY_MINUTES} minutes (an assumption:
 *   Lambda documents only that allocation "can take a few minutes"); removed PC stops at once.</li>
 *   <li>Spillover: in a minute whose concurrency exceeds the PC ready, that share of its invocations ran on
 *   on-demand instances: the cold starts users felt, at most.</li>
 * </ul>
 * Demand is the export's: per period (1, 5 or 60 minutes) the peak concurrency, held for the whole period
 * (an upper bound), and the invocations, spread evenly over it.
 */
public final class PcReplay {
    public static final int HIGH_ALARM_DATAPOINTS = 3;
    public static final int LOW_ALARM_DATAPOINTS = 15;
    public static final double LOW_ALARM_SHARE = 0.9;
    public static final int READY_MINUTES = 2;
    /** Off only in the test that proves skipping steady minutes changes nothing. */
    static boolean steadySkip = true;
    /** Warm-up before the first period, so the replay opens at the level the schedules held then. */
    static final Duration WARM_UP = Duration.ofDays(8);

    private PcReplay() {
    }

    /**
     * Traffic of one function.
     *
     * @param start         the first period's start
     * @param periodMinutes 1, 5 or 60
     * @param concurrency   peak concurrency per period
     * @param invocations   invocations per period
     */
    public record Demand(Instant start, int periodMinutes, double[] concurrency, double[] invocations) {
        public Instant end() {
            return start.plus(Duration.ofMinutes((long) periodMinutes * concurrency.length));
        }

        /** No traffic over a span: what the preview's cost is computed on. */
        public static Demand none(Instant start, Instant end) {
            int hours = (int) Duration.between(start, end).toHours();
            return new Demand(start, 60, new double[hours], new double[hours]);
        }
    }

    /**
     * What happened, per hour of the demand (the last hour may be partial).
     *
     * @param instanceMinutes    PC billed: instances requested x minutes
     * @param spillover          invocations that ran on-demand because PC was exhausted
     * @param invocations        all invocations
     * @param levelByHour        the most PC requested in each hour
     * @param spilloverByHour    spillover invocations in each hour
     */
    public record Result(double instanceMinutes, double spillover, double invocations, int[] levelByHour,
                         double[] spilloverByHour, long minutes) {
        /** The average PC held: instance-minutes over minutes. */
        public double averageLevel() {
            return minutes == 0 ? 0 : instanceMinutes / minutes;
        }

        /** Spillover as a share of all invocations (0 without traffic). */
        public double spilloverShare() {
            return invocations == 0 ? 0 : spillover / invocations;
        }

        /** Hours in which some invocations spilled over. */
        public int hoursWithSpillover() {
            int n = 0;
            for (double s : spilloverByHour) {
                if (s > 0) {
                    n++;
                }
            }
            return n;
        }
    }

    /**
     * Replays one function.
     *
     * @param capacity          the registered schedule (or a fixed level)
     * @param targetUtilization target tracking's target; empty without autoscaling
     */
    public static Result run(WeeklyCapacity capacity, Optional<Double> targetUtilization, Demand demand) {
        return run(capacity, targetUtilization, demand, demand.start().minus(WARM_UP));
    }

    /**
     * Replays from a deploy that published a new version at the demand's start: its PC config and scalable
     * target are new resources, registered at the start level and bounds, and nothing of the old version's
     * state carries over (VersionedConcurrency sets no ignoreChanges the engine would fill from it).
     */
    public static Result fromDeploy(WeeklyCapacity capacity, Optional<Double> targetUtilization, Demand demand) {
        // The actions are created as the deploy ends, just after the start: one due at that very minute is missed.
        return run(capacity, targetUtilization, demand, demand.start().plusSeconds(1));
    }

    private static Result run(WeeklyCapacity capacity, Optional<Double> targetUtilization, Demand demand,
                              Instant from) {
        return run(capacity.startLevel(), capacity.startBounds(), capacity.firings(from, demand.end()),
                targetUtilization, demand);
    }

    /**
     * Replays from a new version's PC config and scalable target as registered ({@code startLevel},
     * {@code startBounds}) under the given action firings, in order; the firings before the demand's start
     * are applied without traffic first.
     */
    public static Result run(int startLevel, WeeklyCapacity.Bounds startBounds, List<WeeklyCapacity.Firing> firings,
                             Optional<Double> targetUtilization, Demand demand) {
        var state = new ScalableTargetState(startLevel, startBounds);
        int next = 0;
        // The warm-up: no traffic, only the actions.
        for (; next < firings.size() && firings.get(next).at().isBefore(demand.start()); next++) {
            state.apply(firings.get(next).bounds(), 0);
            state.readyAll();
        }
        long startMinute = demand.start().getEpochSecond() / 60;
        int periods = demand.concurrency().length;
        int period = demand.periodMinutes();
        var tally = new Tally(startMinute, (long) periods * period);
        long[] firingMinutes = firings.stream().mapToLong(f -> f.at().getEpochSecond() / 60).toArray();
        for (int p = 0; p < periods; p++) {
            double concurrency = demand.concurrency()[p];
            double perMinute = demand.invocations()[p] / period;
            tally.invocations += demand.invocations()[p];
            long periodStart = startMinute + (long) p * period;
            long periodEnd = periodStart + period;
            if (concurrency == 0 && steadySkip) {
                // No invocations, no datapoints: only the actions and PC becoming ready change anything, so the
                // period goes from one of those to the next instead of minute by minute.
                state.noData();
                for (long minute = periodStart; minute < periodEnd; ) {
                    while (next < firings.size() && firingMinutes[next] <= minute) {
                        state.apply(firings.get(next++).bounds(), minute);
                    }
                    state.tick(minute);
                    long until = next < firings.size() ? Math.min(periodEnd, firingMinutes[next]) : periodEnd;
                    if (state.readyAt > minute) {
                        until = Math.min(until, state.readyAt);
                    }
                    tally.add(minute, until - minute, state.requested, 0);
                    minute = until;
                }
                continue;
            }
            long unchangedSince = periodStart;
            long signature = state.signature();
            for (long minute = periodStart; minute < periodEnd; ) {
                while (next < firings.size() && firingMinutes[next] <= minute) {
                    state.apply(firings.get(next++).bounds(), minute);
                }
                state.tick(minute);
                if (state.signature() != signature) {
                    signature = state.signature();
                    unchangedSince = minute;
                }
                // Steady: nothing on its way to ready, and no change for twice as long as the slower alarm takes
                // (its first firing after a change may still count datapoints from before it; the second counts
                // only this minute's kind). Every minute until the next action or the period's end is then alike
                // (the alarms' counts only cycle), so they are added at once: a year of hourly data replays in
                // milliseconds. PcReplayTest holds this to the minute-by-minute result.
                long span = 1;
                if (steadySkip && minute - unchangedSince > 2 * LOW_ALARM_DATAPOINTS && state.readyAt == Long.MAX_VALUE) {
                    long until = next < firings.size() ? Math.min(periodEnd, firingMinutes[next]) : periodEnd;
                    span = Math.max(1, until - minute);
                }
                double spilled = concurrency > state.ready ? perMinute * (concurrency - state.ready) / concurrency : 0;
                tally.add(minute, span, state.requested, spilled);
                if (concurrency == 0) {
                    // No invocations, no datapoint: the alarms cannot fire.
                    state.noData();
                } else if (targetUtilization.isPresent()) {
                    double utilization = Math.min(concurrency, state.ready) / state.ready;
                    if (span == 1) {
                        state.observe(minute, utilization, targetUtilization.get());
                    } else {
                        state.observeUnchanged(span, utilization, targetUtilization.get());
                    }
                }
                minute += span;
            }
        }
        return tally.result();
    }

    /** What the replay adds up: PC requested and spillover, in total and per hour of the demand. */
    private static final class Tally {
        final long startMinute;
        final long minutes;
        final int[] levelByHour;
        final double[] spilloverByHour;
        double instanceMinutes;
        double spillover;
        double invocations;

        Tally(long startMinute, long minutes) {
            this.startMinute = startMinute;
            this.minutes = minutes;
            this.levelByHour = new int[(int) ((minutes + 59) / 60)];
            this.spilloverByHour = new double[levelByHour.length];
        }

        /** {@code count} minutes from {@code from} at this level, with this spillover in each. */
        void add(long from, long count, int level, double spilledPerMinute) {
            instanceMinutes += (double) level * count;
            spillover += spilledPerMinute * count;
            for (long m = from; m < from + count; m += 60 - (m - startMinute) % 60) {
                int hour = (int) ((m - startMinute) / 60);
                long inHour = Math.min(from + count, startMinute + (hour + 1) * 60L) - m;
                levelByHour[hour] = Math.max(levelByHour[hour], level);
                spilloverByHour[hour] += spilledPerMinute * inHour;
            }
        }

        Result result() {
            return new Result(instanceMinutes, spillover, invocations, levelByHour, spilloverByHour, minutes);
        }
    }
}
