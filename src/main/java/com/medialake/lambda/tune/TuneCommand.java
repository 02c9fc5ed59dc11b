package com.medialake.lambda.tune;

import com.medialake.lambda.config.InvalidConfigException;
import com.medialake.lambda.config.SettingsParser;
import com.medialake.lambda.config.StackFile;
import com.medialake.lambda.json.Json;
import com.medialake.lambda.model.FunctionTable;
import com.medialake.lambda.preview.PathArgument;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code tune STACK --print-query [--days N] [--window-hours H] | --results FILE... [--function NAME]... [--json]
 * [--config-file PATH]}: memory and cold starts sized from each invocation's REPORT record. Exit 0 with the report
 * (or the export script), 1 for a usage error, 2 when the stack file, the records or the proposal cannot be used
 * (nothing on standard output).
 */
@Command(name = "tune", mixinStandardHelpOptions = true, sortOptions = false,
        versionProvider = com.medialake.lambda.preview.OfflinePreview.Version.class,
        description = "Size a stack's memory and cold starts from the REPORT records Lambda writes after every"
                + " invocation, by the strategy's rules: memory to raise or lower, SnapStart or provisioned concurrency"
                + " where cold starts are slow, and what the changes cost.",
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = {"0:the report (or the export script) was printed", "1:usage error",
                "2:the stack file, the records or the proposal cannot be used, nothing printed"})
public final class TuneCommand implements Callable<Integer> {
    public static final int EXIT_USAGE = 1;
    public static final int EXIT_UNUSABLE = 2;

    @Parameters(index = "0", paramLabel = "STACK", description = "the stack, for example us-east-1")
    String stack;

    @Option(names = "--print-query", description = "print a bash script that exports the REPORT records with aws logs"
            + " start-query and get-query-results, one file per function and window")
    boolean printQuery;

    @Option(names = "--days", paramLabel = "N", defaultValue = "7",
            description = "with --print-query: days to export, before now (default 7)")
    int days;

    @Option(names = "--window-hours", paramLabel = "H", defaultValue = "24",
            description = "with --print-query: hours per query (default 24); Logs Insights returns at most 10,000 records"
                    + " a query, so a busy function needs shorter windows")
    int windowHours;

    @Option(names = "--results", converter = PathArgument.class, arity = "1..*", paramLabel = "FILE",
            description = "what aws logs get-query-results wrote for the query --print-query prints, one file per query")
    List<Path> results;

    @Option(names = "--function", paramLabel = "NAME", description = "size only this function (repeatable); default all")
    List<String> functions = new ArrayList<>();

    @Option(names = "--json", description = "print one JSON document")
    boolean json;

    @Option(names = "--config-file", converter = PathArgument.class, paramLabel = "PATH",
            description = "read the stack's config from PATH")
    Path configFile;

    private PrintStream out;
    private PrintStream err;
    private FunctionTable table = FunctionTable.MEDIALAKE;

    /** The command, printing on these streams (App adds it as the jar's {@code tune} subcommand). */
    public static TuneCommand command(PrintStream out, PrintStream err) {
        var command = new TuneCommand();
        command.out = out;
        command.err = err;
        return command;
    }

    /** For another function table (tests and benchmarks with functions the MediaLake table does not have). */
    public TuneCommand withTable(FunctionTable other) {
        table = other;
        return this;
    }

    @Override
    public Integer call() {
        if (printQuery == (results != null)) {
            err.println("error: give either --print-query or --results FILE...");
            return EXIT_USAGE;
        }
        if (days < 1 || days > 455) {
            err.println("error: --days is 1 to 455 (CloudWatch Logs keeps what the log group's retention keeps), not "
                    + days);
            return EXIT_USAGE;
        }
        if (windowHours < 1 || windowHours > days * 24) {
            err.println("error: --window-hours is 1 to the export's " + days * 24 + " hours, not " + windowHours);
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
            var settings = SettingsParser.parse(config, table);
            var known = LogsQuery.logGroups(settings).keySet();
            for (String name : functions) {
                if (!known.contains(name)) {
                    err.println("error: --function " + name + " is not a function of stack " + stack + " ("
                            + String.join(", ", known) + ")");
                    return EXIT_USAGE;
                }
            }
            if (printQuery) {
                out.print(LogsQuery.script(settings, functions.isEmpty() ? List.copyOf(known) : functions, days,
                        windowHours));
                return 0;
            }
            var unreadable = PathArgument.firstUnreadable(results);
            if (unreadable.isPresent()) {
                err.println("error: no results file " + unreadable.get());
                return EXIT_USAGE;
            }
            var records = ReportRecords.read(results, LogsQuery.functionByLogGroup(settings));
            var result = Tuning.tune(config, settings, table, records, functions);
            out.print(json ? Json.PRETTY.toJson(TuneReport.json(result)) + "\n" : TuneReport.text(result));
            return 0;
        } catch (InvalidConfigException e) {
            err.println("error: " + e.getMessage());
            return EXIT_UNUSABLE;
        } catch (ReportRecords.Unreadable e) {
            err.println("error: " + e.getMessage().replace("\n", "\nerror: "));
            return EXIT_UNUSABLE;
        }
    }
}
