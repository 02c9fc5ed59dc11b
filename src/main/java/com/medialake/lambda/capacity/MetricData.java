package com.medialake.lambda.capacity;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What {@code aws cloudwatch get-metric-data} wrote: per query id, its values by the start of their period.
 * The CLI writes {@code {"MetricDataResults": [{"Id", "Label", "Timestamps", "Values", "StatusCode"}],
 * "Messages": [...]}} with timestamps in ISO 8601 (with offsets), newest first. By default it follows
 * {@code NextToken} itself and concatenates the pages into one document, so an id appears once per page and
 * every part but the last says {@code PartialData} ("You can use the NextToken ... to retrieve more",
 * API_MetricDataResult); with {@code --no-paginate} each page is its own file. Both are read the same way: an
 * id's parts, over all files, are merged, and the id is complete once one part is {@code Complete}.
 *
 * <p>The period is the export's own: 1 minute (CloudWatch keeps it 15 days), 5 minutes (63 days) or an hour
 * (455 days); any other is refused. Concurrency is aggregated to hours by its maximum, invocations by their
 * sum. A series that is {@code Complete} with no points had no traffic.
 *
 * @param series        per query id, the value of each period that has one
 * @param periodMinutes 1, 5 or 60
 * @param first         the start of the first period of the data
 * @param last          the start of the last period of the data
 */
public record MetricData(Map<String, Map<Instant, Double>> series, int periodMinutes, Instant first, Instant last) {
    /** Fewer days of data than this say too little about a week. */
    public static final int MIN_DAYS = 7;
    /** The periods CloudWatch keeps and bin/capacity reads, in minutes. */
    public static final Set<Integer> PERIODS = Set.of(1, 5, 60);
    /** How long CloudWatch keeps data of each period, in days. */
    static final Map<Integer, Integer> RETENTION_DAYS = Map.of(1, 15, 5, 63, 60, 455);

    /** A file that cannot be read as the export, said so the reader can fix it. */
    public static final class Unreadable extends RuntimeException {
        public Unreadable(String message) {
            super(message);
        }
    }

    /** Reads the files; {@code expectedIds} are the query ids of the stack (conc_* and inv_* per function), all required. */
    public static MetricData read(List<Path> files, Set<String> expectedIds) {
        return read(files, expectedIds, expectedIds);
    }

    /**
     * Reads the files: every id of {@code required} must be there and complete; others of {@code accepted} may be
     * (the preview's bill needs inv_ and reads dur_ where the export has it); any other id is refused.
     */
    public static MetricData read(List<Path> files, Set<String> required, Set<String> accepted) {
        var expectedIds = new java.util.HashSet<>(accepted);
        expectedIds.addAll(required);
        var series = new TreeMap<String, Map<Instant, Double>>();
        var complete = new TreeSet<String>();
        var seenIn = new TreeMap<String, Path>();
        var messages = new ArrayList<String>();
        var instants = new java.util.HashMap<String, Instant>();
        for (Path file : files) {
            JsonObject document;
            try {
                JsonElement parsed = JsonParser.parseString(Files.readString(file));
                if (!parsed.isJsonObject() || !parsed.getAsJsonObject().has("MetricDataResults")
                        || !parsed.getAsJsonObject().get("MetricDataResults").isJsonArray()) {
                    throw new Unreadable(file + " is not what aws cloudwatch get-metric-data writes (no"
                            + " \"MetricDataResults\" list); export with the command capacity --print-query shows");
                }
                document = parsed.getAsJsonObject();
            } catch (IOException e) {
                throw new Unreadable("cannot read " + file + ": " + e.getMessage());
            } catch (RuntimeException e) {
                if (e instanceof Unreadable u) {
                    throw u;
                }
                throw new Unreadable(file + " is not JSON; save the output of aws cloudwatch get-metric-data as it is");
            }
            if (document.has("Messages") && document.get("Messages").isJsonArray()) {
                for (JsonElement m : document.getAsJsonArray("Messages")) {
                    messages.add(file + ": " + m);
                }
            }
            for (JsonElement element : document.getAsJsonArray("MetricDataResults")) {
                if (!element.isJsonObject()) {
                    throw new Unreadable(file + ": a MetricDataResults entry is not an object");
                }
                String id = MetricResults.read(file, element.getAsJsonObject(), expectedIds, series, instants);
                seenIn.putIfAbsent(id, file);
                if (MetricResults.status(element.getAsJsonObject()).equals("Complete")) {
                    complete.add(id);
                }
            }
        }
        String aws = messages.isEmpty() ? "" : "; AWS said: " + String.join("; ", messages);
        var absent = required.stream().filter(id -> !seenIn.containsKey(id)).sorted().toList();
        if (!absent.isEmpty()) {
            throw new Unreadable("the export has no series for " + String.join(", ", absent) + ": export with the"
                    + " queries capacity --print-query prints, for this stack" + aws);
        }
        var incomplete = seenIn.keySet().stream().filter(id -> !complete.contains(id)).sorted().toList();
        if (!incomplete.isEmpty()) {
            throw new Unreadable(incomplete.stream().map(id -> seenIn.get(id) + ": " + id).toList()
                    + " never completes (every part is PartialData or InternalError): pass every page of the export"
                    + " (the AWS CLI follows NextToken itself unless --no-paginate was given)" + aws);
        }
        int period = period(series);
        var earliest = series.values().stream().flatMap(v -> v.keySet().stream()).min(Instant::compareTo);
        if (earliest.isEmpty()) {
            throw new Unreadable("the export has no data points at all: no function of the stack was invoked in"
                    + " the period; export a period they ran in" + aws);
        }
        Instant first = earliest.get();
        Instant last = series.values().stream().flatMap(v -> v.keySet().stream()).max(Instant::compareTo).orElseThrow();
        // CloudWatch keeps 1-minute data 15 days, 5-minute data 63 days and hourly data 455 days (CloudWatch
        // concepts, "Metrics retention"): a longer span holds a wrong timestamp, and would size years of nothing.
        long keptDays = RETENTION_DAYS.get(period);
        if (Duration.between(first, last).toDays() > keptDays) {
            throw new Unreadable("the data spans " + Duration.between(first, last).toDays() + " days (" + first + " in "
                    + holder(series, first) + " to " + last + " in " + holder(series, last) + "), more than CloudWatch"
                    + " keeps at a " + period + "-minute period (" + keptDays + " days): a timestamp is wrong; export"
                    + " again as the AWS CLI writes it");
        }
        long days = Duration.between(first, last.plus(Duration.ofMinutes(period))).toDays();
        if (days < MIN_DAYS) {
            throw new Unreadable("the data covers " + days + " day" + (days == 1 ? "" : "s") + " (" + first + " to "
                    + last + "): fewer than " + MIN_DAYS + " say nothing about a whole week; export several weeks"
                    + " (--start-time four weeks back)");
        }
        var frozen = new TreeMap<String, Map<Instant, Double>>();
        // Every id the export holds (a Complete series without points included), none it does not.
        seenIn.keySet().forEach(id -> frozen.put(id, Collections.unmodifiableNavigableMap(
                new TreeMap<>(series.getOrDefault(id, Map.of())))));
        return new MetricData(Collections.unmodifiableMap(frozen), period, first, last);
    }

    /** The query id whose series holds a point at that time. */
    private static String holder(Map<String, Map<Instant, Double>> series, Instant at) {
        return series.entrySet().stream().filter(e -> e.getValue().containsKey(at)).map(Map.Entry::getKey).findFirst()
                .orElse("?");
    }

    /** The export's period: the least gap between two points of one series, which must be one CloudWatch keeps. */
    private static int period(Map<String, Map<Instant, Double>> series) {
        long leastSeconds = Long.MAX_VALUE;
        String where = "";
        for (var e : series.entrySet()) {
            Instant previous = null;
            for (Instant t : e.getValue().keySet()) {
                if (previous != null && Duration.between(previous, t).toSeconds() < leastSeconds) {
                    leastSeconds = Duration.between(previous, t).toSeconds();
                    where = e.getKey();
                }
                previous = t;
            }
        }
        if (leastSeconds == Long.MAX_VALUE) {
            return 60;
        }
        // A gap that is no whole number of minutes is no period CloudWatch keeps.
        long least = leastSeconds % 60 == 0 ? leastSeconds / 60 : 0;
        if (!PERIODS.contains((int) Math.min(least, Integer.MAX_VALUE))) {
            throw new Unreadable(where + " has points " + (least == 0 ? "less than a minute" : least + " minutes")
                    + " apart: bin/capacity reads periods of 1 minute, 5 minutes or 1 hour; export with \"Period\": 60,"
                    + " 300 or 3600");
        }
        // Every point must start a period of that length, or the export mixes periods.
        for (var e : series.entrySet()) {
            for (Instant t : e.getValue().keySet()) {
                if (t.getEpochSecond() % (least * 60) != 0) {
                    throw new Unreadable(e.getKey() + " has a point at " + t + ", not at the start of a " + least
                            + "-minute period: the export mixes periods; export every query with one \"Period\"");
                }
            }
        }
        return (int) least;
    }

    /** Every hour of the data, first to last; an hour without a value had no traffic. */
    public List<Instant> hours() {
        var out = new ArrayList<Instant>();
        for (Instant t = first.truncatedTo(ChronoUnit.HOURS); !t.isAfter(last); t = t.plus(1, ChronoUnit.HOURS)) {
            out.add(t);
        }
        return out;
    }

    /**
     * The value of an hour, 0 where the export has none (CloudWatch leaves out periods without traffic):
     * a concurrency ({@code conc_}) by the maximum of its periods, invocations by their sum.
     */
    public double at(String id, Instant hour) {
        var points = series.getOrDefault(id, Map.of());
        if (periodMinutes == 60) {
            return points.getOrDefault(hour, 0.0);
        }
        var within = ((java.util.NavigableMap<Instant, Double>) points).subMap(hour, true, hour.plus(1, ChronoUnit.HOURS), false);
        return id.startsWith("conc_") ? within.values().stream().mapToDouble(d -> d).max().orElse(0)
                : within.values().stream().mapToDouble(d -> d).sum();
    }

    /**
     * A concurrency no function could reach: Lambda throttles at the account's quota, so a point above it is a
     * data error (or the quota the stack states is wrong), said before it can turn into a proposal the headroom
     * rule refuses.
     */
    public void checkConcurrencyWithin(long accountQuota) {
        for (var e : series.entrySet()) {
            if (!e.getKey().startsWith("conc_")) {
                continue;
            }
            for (var point : e.getValue().entrySet()) {
                if (point.getValue() > accountQuota) {
                    throw new Unreadable(e.getKey() + " has " + Math.round(point.getValue()) + " concurrent executions at "
                            + point.getKey() + ", more than the account's concurrency quota of " + accountQuota
                            + " (concurrency.accountLimit): Lambda throttles at the quota, so the export is wrong, or"
                            + " concurrency.accountLimit is (set it to the region's quota)");
                }
            }
        }
    }

    /** Whether a query had any traffic at all (a Complete series without points had none). */
    public boolean hasTraffic(String id) {
        return series.getOrDefault(id, Map.of()).values().stream().anyMatch(v -> v > 0);
    }

    /** One function's traffic at the export's own period, first to last, for the replay. */
    public com.medialake.lambda.model.PcReplay.Demand demand(String function) {
        int periods = (int) (Duration.between(first, last).toMinutes() / periodMinutes) + 1;
        double[] concurrency = new double[periods];
        double[] invocations = new double[periods];
        var conc = series.getOrDefault("conc_" + function, Map.of());
        var inv = series.getOrDefault("inv_" + function, Map.of());
        for (int p = 0; p < periods; p++) {
            Instant at = first.plus(Duration.ofMinutes((long) p * periodMinutes));
            concurrency[p] = conc.getOrDefault(at, 0.0);
            invocations[p] = inv.getOrDefault(at, 0.0);
        }
        return new com.medialake.lambda.model.PcReplay.Demand(first, periodMinutes, concurrency, invocations);
    }
}
