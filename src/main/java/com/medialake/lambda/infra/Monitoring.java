package com.medialake.lambda.infra;

import com.medialake.lambda.json.Json;
import com.medialake.lambda.model.FunctionSettings;
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
 * users felt) and on sustained high PC utilization (time to raise PC), and one dashboard row per function.
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
        }

        dashboard = new Dashboard(name, DashboardArgs.builder()
                .dashboardName(Names.of(Names.Service.DASHBOARD, prefix))
                .dashboardBody(dashboardBody(region, services))
                .build(), child);

        registerOutputs(Map.of("alarmTopicArn", topic.arn(), "dashboardName", dashboard.dashboardName()));
    }

    private void alarm(String name, String prefix, FunctionSettings fn, String what, String metric, String statistic,
                       String extendedStatistic, Output<Map<String, String>> dimensions, double threshold, int periods) {
        var args = MetricAlarmArgs.builder()
                .name(Names.of(Names.Service.ALARM, prefix + "-" + name))
                .alarmDescription(fn.name() + ": " + what)
                .namespace(NAMESPACE)
                .metricName(metric)
                .dimensions(dimensions)
                .period(PERIOD)
                .evaluationPeriods(periods)
                .datapointsToAlarm(periods)
                .threshold(threshold)
                .comparisonOperator("GreaterThanThreshold")
                // No traffic is not a failure.
                .treatMissingData("notBreaching")
                .alarmActions(topic.arn().applyValue(List::of))
                .okActions(topic.arn().applyValue(List::of));
        if (extendedStatistic != null) {
            args.extendedStatistic(extendedStatistic);
        } else {
            args.statistic(statistic);
        }
        new MetricAlarm(name, args.build(), CustomResourceOptions.builder().parent(this).build());
    }

    /** One row per function: traffic and failures, duration, and for PC functions the warm pool on its version. */
    static Output<String> dashboardBody(String region, List<LambdaService> services) {
        var versions = new ArrayList<Output<String>>();
        for (LambdaService service : services) {
            versions.add(service.pcVersion().orElse(Output.of("")));
        }
        return Output.all(versions).applyValue(resolved -> {
            var widgets = new ArrayList<Map<String, Object>>();
            for (int row = 0; row < services.size(); row++) {
                LambdaService service = services.get(row);
                int y = row * 6;
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
            }
            return Json.COMPACT.toJson(Map.of("widgets", widgets));
        });
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
