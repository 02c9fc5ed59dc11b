package com.medialake.lambda.infra;

import com.medialake.lambda.json.Json;
import com.medialake.lambda.model.FunctionSettings;
import com.medialake.lambda.model.ReportMetrics;
import com.medialake.lambda.rules.PerformanceTargets;
import com.pulumi.aws.cloudwatch.Dashboard;
import com.pulumi.aws.cloudwatch.DashboardArgs;
import com.pulumi.aws.cloudwatch.MetricAlarm;
import com.pulumi.aws.cloudwatch.MetricAlarmArgs;
import com.pulumi.aws.sns.Topic;
import com.pulumi.aws.sns.TopicArgs;
import com.pulumi.aws.sns.TopicSubscription;
import com.pulumi.aws.sns.TopicSubscriptionArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Knowing when the fleet fails: an alarm topic, per function alarms on errors, throttles and p99 duration
 * near the timeout, for PC functions alarms on spillover (requests that missed the warm pool: cold starts
 * users felt) and on sustained high PC utilization (time to raise PC), alarms on p99 cold-start duration and
 * memory used at the strategy's targets, and two dashboard rows per function.
 */
public final class Monitoring extends ComponentResource {
    public static final String TYPE = "medialake:monitoring:Monitoring";
    public static final String NAMESPACE = "AWS/Lambda";
    public static final String PC_UTILIZATION = "ProvisionedConcurrencyUtilization";
    public static final String PC_SPILLOVER = "ProvisionedConcurrencySpilloverInvocations";
    /** Seconds per alarm period. */
    static final int PERIOD = 300;
    /** p99 duration above this share of the timeout means invocations are about to time out. */
    static final double DURATION_ALARM_SHARE_OF_TIMEOUT = 0.8;
    /** Seconds per period of the alarms on the REPORT record's metrics. */
    static final int REPORT_PERIOD = 3600;
    /** PC utilization held above this for three periods means the warm pool is too small. */
    static final double HIGH_UTILIZATION = 0.9;

    private final Topic topic;
    private final Dashboard dashboard;

    public Monitoring(String name, String stack, String region, List<LambdaService> services,
                      Optional<String> alarmEmail, Map<String, String> tags, ComponentResourceOptions options) {
        super(TYPE, name, options);
        var child = CustomResourceOptions.builder().parent(this).build();
        String prefix = Names.PREFIX + "-" + stack;
        topic = new Topic(name, TopicArgs.builder().name(Names.of(Names.Service.SNS_TOPIC, prefix + "-alarms")).tags(tags).build(), child);
        // An address is personal data: it is kept as a secret whether or not it was set with --secret.
        alarmEmail.ifPresent(email -> new TopicSubscription(name + "-email", TopicSubscriptionArgs.builder()
                .topic(topic.arn())
                .protocol("email")
                .endpoint(Output.ofSecret(email))
                .build(), child));

        for (LambdaService service : services) {
            FunctionSettings fn = service.settings();
            String fnName = service.physicalName();
            var byFunction = Output.of(Map.of("FunctionName", fnName));
            alarm(fn.name() + "-errors", prefix, fn, "invocations failed", "Errors", "Sum", null, byFunction, 0, 1);
            alarm(fn.name() + "-throttles", prefix, fn, "invocations were throttled (concurrency exhausted)",
                    "Throttles", "Sum", null, byFunction, 0, 1);
            alarm(fn.name() + "-duration-p99", prefix, fn, "p99 duration is within 20% of the "
                    + fn.timeoutSeconds() + " s timeout", "Duration", null, "p99", byFunction,
                    fn.timeoutSeconds() * 1000 * DURATION_ALARM_SHARE_OF_TIMEOUT, 3);
            // On the version that holds PC, where Lambda emits the PC metrics and target tracking reads them
            // (VersionedConcurrency): the alias holds no PC and carries none. A new version moves the alarms.
            service.pcVersion().ifPresent(version -> {
                var onVersion = version.applyValue(v -> Map.of("FunctionName", fnName, "Resource", fnName + ":" + v));
                alarm(fn.name() + "-pc-spillover", prefix, fn, "requests missed the warm pool and cold-started"
                                + " (spillover beyond PC)", PC_SPILLOVER, "Sum", null, onVersion, 0, 1);
                alarm(fn.name() + "-pc-utilization", prefix, fn, "PC utilization stayed above "
                                + (int) (HIGH_UTILIZATION * 100) + "% for 15 minutes: raise PC or autoscaling max",
                        PC_UTILIZATION, "Maximum", null, onVersion, HIGH_UTILIZATION, 3);
            });
            reportAlarms(prefix, stack, fn);
        }

        dashboard = new Dashboard(name, DashboardArgs.builder()
                .dashboardName(Names.of(Names.Service.DASHBOARD, prefix))
                .dashboardBody(dashboardBody(stack, region, services))
                .build(), child);

        registerOutputs(Map.of("alarmTopicArn", topic.arn(), "dashboardName", dashboard.dashboardName()));
    }

    private void alarm(String name, String prefix, FunctionSettings fn, String what, String metric, String statistic,
                       String extendedStatistic, Output<Map<String, String>> dimensions, double threshold, int periods) {
        // No traffic is not a failure.
        alarm(name, prefix, fn, what, new Watched(NAMESPACE, metric, statistic, extendedStatistic, dimensions, PERIOD),
                threshold, periods, "notBreaching");
    }

    /** A metric an alarm reads: without dimensions for the stack's own metrics (model.ReportMetrics says why). */
    private record Watched(String namespace, String metric, String statistic, String extendedStatistic,
                           Output<Map<String, String>> dimensions, int period) {
    }

    private void alarm(String name, String prefix, FunctionSettings fn, String what, Watched watched, double threshold,
                       int periods, String treatMissingData) {
        var args = MetricAlarmArgs.builder()
                .name(Names.of(Names.Service.ALARM, prefix + "-" + name))
                .alarmDescription(fn.name() + ": " + what)
                .namespace(watched.namespace())
                .metricName(watched.metric())
                .period(watched.period())
                .evaluationPeriods(periods)
                .datapointsToAlarm(periods)
                .threshold(threshold)
                .comparisonOperator("GreaterThanThreshold")
                .treatMissingData(treatMissingData)
                .alarmActions(topic.arn().applyValue(List::of))
                .okActions(topic.arn().applyValue(List::of));
        if (watched.dimensions() != null) {
            args.dimensions(watched.dimensions());
        }
        if (watched.extendedStatistic() != null) {
            args.extendedStatistic(watched.extendedStatistic());
        } else {
            args.statistic(watched.statistic());
        }
        new MetricAlarm(name, args.build(), CustomResourceOptions.builder().parent(this).build());
    }

    /**
     * The strategy's targets for what only the REPORT record holds (rules.PerformanceTargets), on the metrics the
     * function's log group filters publish. Hourly: cold starts are rare, and a p99 of five minutes is one sample.
     * A cold start counted on a PC function is already the spillover alarm's (its callers missed the warm pool), so
     * no alarm counts cold starts; the duration alarm watches how long one takes, PC or not.
     */
    private void reportAlarms(String prefix, String stack, FunctionSettings fn) {
        String namespace = ReportMetrics.namespace(stack);
        var coldStart = ReportMetrics.coldStartDuration(fn);
        // No cold start in an hour is the good case, not a gap: notBreaching.
        alarm(fn.name() + "-cold-start-p99", prefix, fn, "p99 " + (fn.snapStart() ? "restore" : "init")
                        + " duration of cold starts above the strategy's " + (int) PerformanceTargets.COLD_START_MS + " ms",
                new Watched(namespace, coldStart.metricName(fn.name()), null, "p99", null, REPORT_PERIOD),
                PerformanceTargets.COLD_START_MS, 1, "notBreaching");
        // Memory does not shrink because traffic paused: a quiet hour keeps the alarm's state (ignore).
        alarm(fn.name() + "-memory-p99", prefix, fn, "p99 memory used above "
                        + (int) (PerformanceTargets.MEMORY_HIGH_SHARE * 100) + "% of its " + fn.memoryMb()
                        + " MB for 3 hours: raise memorySize (bin/tune)",
                new Watched(namespace, ReportMetrics.Quantity.MAX_MEMORY_USED.metricName(fn.name()), null, "p99", null,
                        REPORT_PERIOD),
                PerformanceTargets.memoryAlarmMb(fn), 3, "ignore");
    }

    /**
     * Two rows per function: traffic and failures, duration, and for PC functions the warm pool on its version; then
     * cold starts (how many, and their p99 duration against the target) and memory used against its size.
     */
    static Output<String> dashboardBody(String stack, String region, List<LambdaService> services) {
        var versions = new ArrayList<Output<String>>();
        for (LambdaService service : services) {
            versions.add(service.pcVersion().orElse(Output.of("")));
        }
        return Output.all(versions).applyValue(resolved -> {
            var widgets = new ArrayList<Map<String, Object>>();
            for (int row = 0; row < services.size(); row++) {
                LambdaService service = services.get(row);
                int y = row * 12;
                String fn = service.physicalName();
                String title = service.settings().name();
                widgets.add(widget(0, y, title + ": invocations, errors, throttles", region, "Sum", List.of(
                        List.of(NAMESPACE, "Invocations", "FunctionName", fn),
                        List.of(NAMESPACE, "Errors", "FunctionName", fn),
                        List.of(NAMESPACE, "Throttles", "FunctionName", fn))));
                widgets.add(widget(8, y, title + ": duration p99 (timeout " + service.settings().timeoutSeconds()
                        + " s)", region, "p99", List.of(List.of(NAMESPACE, "Duration", "FunctionName", fn))));
                if (service.pcVersion().isPresent()) {
                    String resource = fn + ":" + resolved.get(row);
                    widgets.add(widget(16, y, title + ": provisioned concurrency on version " + resolved.get(row),
                            region, "Maximum", List.of(
                                    List.of(NAMESPACE, PC_UTILIZATION, "FunctionName", fn, "Resource", resource),
                                    List.of(NAMESPACE, PC_SPILLOVER, "FunctionName", fn, "Resource", resource))));
                }
                reportWidgets(widgets, y + 6, stack, region, service.settings());
            }
            return Json.COMPACT.toJson(Map.of("widgets", widgets));
        });
    }

    private static void reportWidgets(List<Map<String, Object>> widgets, int y, String stack, String region,
                                      FunctionSettings fn) {
        String namespace = ReportMetrics.namespace(stack);
        var coldStart = ReportMetrics.coldStartDuration(fn);
        widgets.add(widget(0, y, fn.name() + ": cold starts", region, "Sum", List.of(
                List.of(namespace, ReportMetrics.Quantity.COLD_STARTS.metricName(fn.name())))));
        widgets.add(annotated(widget(8, y, fn.name() + ": cold start p99, " + (fn.snapStart() ? "restore" : "init")
                        + " (target " + (int) PerformanceTargets.COLD_START_MS + " ms)", region, "p99",
                List.of(List.of(namespace, coldStart.metricName(fn.name())))), "target", PerformanceTargets.COLD_START_MS));
        widgets.add(annotated(widget(16, y, fn.name() + ": memory used p99 of " + fn.memoryMb() + " MB", region, "p99",
                List.of(List.of(namespace, ReportMetrics.Quantity.MAX_MEMORY_USED.metricName(fn.name())))),
                (int) (PerformanceTargets.MEMORY_HIGH_SHARE * 100) + "%", PerformanceTargets.memoryAlarmMb(fn)));
    }

    /** A horizontal line where the alarm fires. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> annotated(Map<String, Object> widget, String label, double value) {
        var properties = (Map<String, Object>) widget.get("properties");
        // Ordered maps: Map.of iterates in an order that changes from one JVM run to the next.
        var line = new LinkedHashMap<String, Object>();
        line.put("label", label);
        line.put("value", value);
        properties.put("annotations", Map.of("horizontal", List.of(line)));
        return widget;
    }

    private static Map<String, Object> widget(int x, int y, String title, String region, String stat,
                                              List<List<String>> metrics) {
        var properties = new LinkedHashMap<String, Object>();
        properties.put("title", title);
        properties.put("region", region);
        properties.put("stat", stat);
        properties.put("period", PERIOD);
        properties.put("view", "timeSeries");
        properties.put("metrics", metrics);
        var widget = new LinkedHashMap<String, Object>();
        widget.put("type", "metric");
        widget.put("x", x);
        widget.put("y", y);
        widget.put("width", 8);
        widget.put("height", 6);
        widget.put("properties", properties);
        return widget;
    }

    public Output<String> alarmTopicArn() {
        return topic.arn();
    }

    public Output<String> dashboardName() {
        return dashboard.dashboardName();
    }
}
