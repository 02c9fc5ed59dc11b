package com.medialake.lambda.tune;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The REPORT records of a stack's functions as {@code aws logs get-query-results} wrote them for {@link LogsQuery}'s
 * query: {@code {"results": [[{"field": F, "value": V}, ...], ...], "statistics": {...}, "status": S}}, every value a
 * string, a field with no value left out of its row, and a {@code @ptr} in every row (API_GetQueryResults). Read as a
 * stream: a week of a busy function is hundreds of megabytes of the CLI's indented JSON.
 */
public final class ReportRecords {
    /** Logs Insights returns at most this many records for a query without a larger limit (CWL_QuerySyntax-Limit). */
    public static final int QUERY_LIMIT = 10_000;
    private static final JsonFactory JSON = new JsonFactory();
    /** The query's fields and @ptr, each to its place in a row. */
    private static final Map<String, Integer> COLUMNS = columns();
    private static final int PTR = COLUMNS.get("@ptr");

    /** The files cannot be used; the message names the file and says what to do. */
    public static final class Unreadable extends RuntimeException {
        public Unreadable(String message) {
            super(message);
        }
    }

    private ReportRecords() {
    }

    private static Map<String, Integer> columns() {
        var columns = new HashMap<String, Integer>();
        for (String field : LogsQuery.FIELDS) {
            columns.put(field, columns.size());
        }
        columns.put("@ptr", columns.size());
        return Map.copyOf(columns);
    }

    /**
     * The records of each function, by table name, in the order of the files. Files are read two at a time (each on
     * its own core); the first problem in file order is the one reported.
     *
     * @param functionByLogGroup the stack's log group names to their function
     */
    public static Map<String, ReportSeries> read(List<Path> files, Map<String, String> functionByLogGroup) {
        var pool = java.util.concurrent.Executors.newFixedThreadPool(Math.max(1, Math.min(files.size(),
                Runtime.getRuntime().availableProcessors())));
        try {
            var reads = files.stream().map(f -> pool.submit(() -> readFile(f, functionByLogGroup))).toList();
            var series = new TreeMap<String, ReportSeries>();
            var firstRecordOf = new HashMap<String, Path>();
            for (int i = 0; i < files.size(); i++) {
                FileRecords read;
                try {
                    read = reads.get(i).get();
                } catch (java.util.concurrent.ExecutionException e) {
                    if (e.getCause() instanceof Unreadable unreadable) {
                        throw unreadable;
                    }
                    throw new IllegalStateException(e.getCause());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new Unreadable("interrupted while reading " + files.get(i));
                }
                Path earlier = read.firstPtr() == null ? null : firstRecordOf.putIfAbsent(read.firstPtr(), files.get(i));
                if (earlier != null) {
                    throw new Unreadable(files.get(i) + " repeats the records of " + earlier + ": give each export once");
                }
                read.series().forEach((fn, s) -> series.computeIfAbsent(fn, k -> new ReportSeries()).addAll(s));
            }
            return series;
        } finally {
            pool.shutdownNow();
        }
    }

    /** One file's records, and its first record's @ptr (a file given twice repeats it). */
    private record FileRecords(Map<String, ReportSeries> series, String firstPtr) {
    }

    private static FileRecords readFile(Path file, Map<String, String> functionByLogGroup) {
        String status = null;
        FileRecords read = null;
        try (var parser = JSON.createParser(Files.newInputStream(file))) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw notQueryResults(file);
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String key = parser.currentName();
                JsonToken value = parser.nextToken();
                if (key.equals("results") && value == JsonToken.START_ARRAY) {
                    read = readRows(file, parser, functionByLogGroup);
                } else if (key.equals("status") && value == JsonToken.VALUE_STRING) {
                    status = parser.getText();
                } else {
                    parser.skipChildren();
                }
            }
        } catch (IOException e) {
            throw new Unreadable(file + " is not what aws logs get-query-results writes (" + e.getMessage() + ")");
        }
        if (status == null || read == null) {
            throw notQueryResults(file);
        }
        // GetQueryResults: "If the value of the Status field in the output is Running, this operation returns only
        // partial results"; Failed, Cancelled, Timeout and Unknown return none to trust.
        if (status.equals("Running") || status.equals("Scheduled")) {
            throw new Unreadable(file + ": the query is still " + status + ", so its results are partial; run aws logs"
                    + " get-query-results again once its status is Complete");
        }
        if (!status.equals("Complete")) {
            throw new Unreadable(file + ": the query ended " + status + "; start it again (over a shorter window if it"
                    + " timed out)");
        }
        int rows = read.series().values().stream().mapToInt(ReportSeries::size).sum();
        if (rows >= QUERY_LIMIT) {
            throw new Unreadable(file + " holds " + rows + " records, as many as Logs Insights returns for one query:"
                    + " the window was cut off, and its counts and percentiles would be wrong; export shorter windows"
                    + " (--print-query --window-hours)");
        }
        return read;
    }

    private static Unreadable notQueryResults(Path file) {
        return new Unreadable(file + " is not what aws logs get-query-results writes (an object with \"results\" and"
                + " \"status\")");
    }

    /** The rows of "results", each an array of {"field": F, "value": V}. */
    private static FileRecords readRows(Path file, JsonParser parser, Map<String, String> functionByLogGroup)
            throws IOException {
        var series = new TreeMap<String, ReportSeries>();
        var row = new String[COLUMNS.size()];
        String firstPtr = null;
        String log = null;
        ReportSeries current = null;
        int count = 0;
        while (parser.nextToken() != JsonToken.END_ARRAY) {
            if (parser.currentToken() != JsonToken.START_ARRAY) {
                throw new Unreadable(file + ": result " + (count + 1) + " is not a list of fields and values");
            }
            Arrays.fill(row, null);
            while (parser.nextToken() == JsonToken.START_OBJECT) {
                Integer column = null;
                String value = null;
                while (parser.nextToken() == JsonToken.FIELD_NAME) {
                    String key = parser.currentName();
                    parser.nextToken();
                    if (key.equals("field")) {
                        column = COLUMNS.get(parser.getValueAsString());
                    } else if (key.equals("value") && (column == null || column != PTR || count == 0)) {
                        // Only the first record's @ptr is kept: the rest are a third of the bytes and never read.
                        value = parser.getValueAsString();
                    } else {
                        parser.skipChildren();
                    }
                }
                if (column != null && value != null) {
                    row[column] = value;
                }
            }
            if (parser.currentToken() != JsonToken.END_ARRAY) {
                throw new Unreadable(file + ": result " + (count + 1) + " is not a list of fields and values");
            }
            count++;
            if (count == 1) {
                firstPtr = row[PTR];
            }
            String rowLog = required(file, count, row, "@log");
            if (!rowLog.equals(log)) {
                log = rowLog;
                current = series.computeIfAbsent(function(file, count, log, functionByLogGroup), k -> new ReportSeries());
            }
            current.add(number(file, count, row, "@duration"), number(file, count, row, "@billedDuration"),
                    (int) number(file, count, row, "memorySizeMB"), (int) number(file, count, row, "maxMemoryUsedMB"),
                    optional(file, count, row, "initDuration"), optional(file, count, row, "restoreDuration"),
                    timestamp(file, count, row));
        }
        return new FileRecords(series, firstPtr);
    }

    /** The function whose log group a row's @log ("ACCOUNT:LOG-GROUP") names. */
    private static String function(Path file, int number, String log, Map<String, String> functionByLogGroup) {
        String group = log.substring(log.indexOf(':') + 1);
        String function = functionByLogGroup.get(group);
        if (function == null) {
            throw new Unreadable(file + ": record " + number + " is from log group " + group + ", which is no function"
                    + " of this stack (" + String.join(", ", new java.util.TreeSet<>(functionByLogGroup.keySet()))
                    + "); was the export made for another stack?");
        }
        return function;
    }

    /** Logs Insights' @timestamp, "2026-11-30 10:00:00.000" (UTC), checked by shape: read for every record. */
    private static String timestamp(Path file, int number, String[] row) {
        String value = required(file, number, row, "@timestamp");
        boolean shaped = value.length() >= 19 && value.charAt(4) == '-' && value.charAt(7) == '-'
                && value.charAt(10) == ' ' && value.charAt(13) == ':' && value.charAt(16) == ':';
        if (!shaped) {
            throw new Unreadable(file + ": record " + number + " has a @timestamp Logs Insights does not write (such as"
                    + " 2026-11-30 10:00:00.000): " + value);
        }
        return value;
    }

    private static String required(Path file, int number, String[] row, String field) {
        String value = row[COLUMNS.get(field)];
        if (value == null) {
            throw new Unreadable(file + ": record " + number + " has no " + field + "; export with the query"
                    + " bin/tune --print-query prints (its fields: " + String.join(", ", LogsQuery.FIELDS) + ")");
        }
        return value;
    }

    private static double number(Path file, int number, String[] row, String field) {
        return parse(file, number, field, required(file, number, row, field));
    }

    private static double optional(Path file, int number, String[] row, String field) {
        String value = row[COLUMNS.get(field)];
        return value == null ? Double.NaN : parse(file, number, field, value);
    }

    private static double parse(Path file, int number, String field, String value) {
        try {
            double parsed = Double.parseDouble(value);
            if (Double.isFinite(parsed) && parsed >= 0) {
                return parsed;
            }
        } catch (NumberFormatException e) {
            // said below
        }
        throw new Unreadable(file + ": record " + number + " has a " + field + " that is not a duration or size: " + value);
    }
}
