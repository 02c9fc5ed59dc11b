package com.medialake.lambda.capacity;

import com.medialake.lambda.config.InvalidConfigException;
import com.medialake.lambda.config.SettingsParser;
import com.medialake.lambda.config.StackFile;
import com.medialake.lambda.json.Json;
import com.medialake.lambda.model.ScalingSchedule;
import com.medialake.lambda.preview.PathArgument;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code capacity STACK --print-query [--period S] | --metrics FILE... [--coverage Q] [--timezone ZONE] [--replay]
 * [--plot DIR] [--json] [--config-file PATH]}: PC sized
 * from the CloudWatch metrics of a stack's functions. Exit 0 with the proposal, 1 for a usage error, 2 when the
 * stack file, the metrics or the proposal cannot be used (nothing on standard output).
 */
@Command(name = "capacity", mixinStandardHelpOptions = true, sortOptions = false,
        versionProvider = com.medialake.lambda.preview.OfflinePreview.Version.class,
        description = "Propose provisioned concurrency schedules for a stack from CloudWatch metrics: the warm"
                + " instances each hour of the week needs, the fewest schedules that hold them, and what they cost.",
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = {"0:the proposal (or the query) was printed", "1:usage error",
                "2:the stack file, the metrics or the proposal cannot be used, nothing printed"})
public final class CapacityCommand implements Callable<Integer> {
    public static final int EXIT_USAGE = 1;
    public static final int EXIT_UNUSABLE = 2;

    @Parameters(index = "0", paramLabel = "STACK", description = "the stack, for example eu-west-1")
    String stack;

    @Option(names = "--print-query", description = "print the --metric-data-queries JSON for aws cloudwatch get-metric-data")
    boolean printQuery;

    @Option(names = "--period", paramLabel = "SECONDS", defaultValue = "3600",
            description = "with --print-query: the period of the export, 60, 300 or 3600 (default)")
    int period;

    @Option(names = "--metrics", converter = PathArgument.class, arity = "1..*", paramLabel = "FILE",
            description = "what aws cloudwatch get-metric-data wrote (its paginated output, or one file per page"
                    + " with --no-paginate), at a period of 1 minute, 5 minutes or 1 hour")
    List<Path> metrics;

    @Option(names = "--coverage", paramLabel = "Q", defaultValue = "0.99",
            description = "the share of each hour of the week the warm pool must cover (default 0.99)")
    double coverage;

    @Option(names = "--timezone", paramLabel = "ZONE",
            description = "the zone the week is read in (default: the zone of the function's schedules, else the"
                    + " region's, for example Europe/Dublin for eu-west-1)")
    String timezone;

    @Option(names = "--replay", description = "replay today's configuration and the proposal over the traffic, minute by"
            + " minute as Application Auto Scaling and Lambda run them: PC level, spillover and the hours it fell in,"
            + " instance-hours, monthly cost")
    boolean replay;

    @Option(names = "--plot", converter = PathArgument.class, paramLabel = "DIR", description = "write one SVG chart per function into DIR: demand per"
            + " hour of the week, today's and the proposed PC (replayed), spillover")
    Path plot;

    @Option(names = "--json", description = "print one JSON document")
    boolean json;

    @Option(names = "--config-file", converter = PathArgument.class, paramLabel = "PATH",
            description = "read the stack's config from PATH")
    Path configFile;

    private PrintStream out;
    private PrintStream err;

    public static int run(String[] args, PrintStream out, PrintStream err) {
        return com.medialake.lambda.preview.OfflinePreview.execute(command(out, err), args, out, err);
    }

    /** The command, printing on these streams (App adds it as the jar's {@code capacity} subcommand). */
    public static CapacityCommand command(PrintStream out, PrintStream err) {
        var command = new CapacityCommand();
        command.out = out;
        command.err = err;
        return command;
    }

    @Override
    public Integer call() {
        if (printQuery == (metrics != null)) {
            err.println("error: give either --print-query or --metrics FILE...");
            return EXIT_USAGE;
        }
        if (!Double.isFinite(coverage) || coverage <= 0 || coverage > 1) {
            err.println("error: --coverage is a share of the hours, more than 0 and at most 1 (0.99 covers all but"
                    + " the busiest 1%), not " + coverage);
            return EXIT_USAGE;
        }
        Optional<ZoneId> zone = Optional.empty();
        if (timezone != null) {
            zone = ScalingSchedule.ianaZone(timezone);
            if (zone.isEmpty()) {
                err.println("error: --timezone " + timezone + " is not an IANA time zone name such as Europe/Dublin");
                return EXIT_USAGE;
            }
        }
        if (!MetricData.PERIODS.contains(period / 60) || period % 60 != 0) {
            err.println("error: --period is 60, 300 or 3600 seconds (the periods CloudWatch keeps and capacity reads),"
                    + " not " + period);
            return EXIT_USAGE;
        }
        Path file;
        try {
            file = PathArgument.stackFile(stack, configFile);
        } catch (IllegalArgumentException e) {
            err.println("error: " + e.getMessage());
            return EXIT_USAGE;
        }
        try {
            var config = StackFile.load(stack, file);
            var settings = SettingsParser.parse(config);
            if (printQuery) {
                out.println(Json.PRETTY.toJson(MetricQueries.queries(settings, period)));
                return 0;
            }
            var unreadable = PathArgument.firstUnreadable(metrics);
            if (unreadable.isPresent()) {
                err.println("error: no metrics file " + unreadable.get());
                return EXIT_USAGE;
            }
            // The export --print-query prints also holds each function's duration, for the preview's bill.
            var accepted = new HashSet<>(MetricQueries.ids(settings));
            accepted.addAll(MetricQueries.durationIds(settings));
            var data = MetricData.read(metrics, new HashSet<>(MetricQueries.ids(settings)), accepted);
            data.checkConcurrencyWithin(settings.accountConcurrencyLimit());
            var result = CapacitySizing.size(config, settings, data, coverage, zone);
            if (plot != null) {
                CapacityChart.writeAll(result, data, plot);
            }
            out.print(json ? Json.PRETTY.toJson(CapacityReport.json(result, replay)) + "\n"
                    : CapacityReport.text(result, replay));
            return 0;
        } catch (InvalidConfigException e) {
            err.println("error: " + e.getMessage());
            return EXIT_UNUSABLE;
        } catch (MetricData.Unreadable e) {
            err.println("error: " + e.getMessage());
            return EXIT_UNUSABLE;
        }
    }
}
