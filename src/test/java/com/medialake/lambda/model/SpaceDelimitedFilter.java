package com.medialake.lambda.model;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * CloudWatch Logs' space-delimited filter patterns, as far as ReportMetrics uses them ("Using metric filters to
 * extract values from space-delimited log events"): the event splits into fields at white space, a run of characters
 * in double quotes or square brackets being one field; {@code [a, b="X", ...]} names fields by position, a condition
 * compares a field with a literal, and {@code ...} stands for any number of fields. A test's model of AWS's matcher.
 */
final class SpaceDelimitedFilter {
    private static final Pattern FIELD = Pattern.compile("\\s*([a-z_]+)(?:\\s*=\\s*\"([^\"]*)\")?\\s*|\\s*\\.\\.\\.\\s*");
    private static final Pattern TOKEN = Pattern.compile("\"[^\"]*\"|\\[[^\\]]*\\]|\\S+");

    private record Field(String name, String equals) {
    }

    private final List<Field> fields = new ArrayList<>();
    private final boolean trailingEllipsis;

    SpaceDelimitedFilter(String pattern) {
        if (!pattern.startsWith("[") || !pattern.endsWith("]")) {
            throw new IllegalArgumentException("not a space-delimited pattern: " + pattern);
        }
        String[] parts = pattern.substring(1, pattern.length() - 1).split(",");
        boolean ellipsis = false;
        for (int i = 0; i < parts.length; i++) {
            var m = FIELD.matcher(parts[i]);
            if (!m.matches()) {
                throw new IllegalArgumentException("field " + i + " of " + pattern + ": '" + parts[i] + "'");
            }
            if (m.group(1) == null) {
                if (i != parts.length - 1) {
                    throw new IllegalArgumentException("this model takes ... only at the end: " + pattern);
                }
                ellipsis = true;
            } else {
                fields.add(new Field(m.group(1), m.group(2)));
            }
        }
        trailingEllipsis = ellipsis;
    }

    /** The named fields of a matching event, or empty when the pattern does not match it. */
    Optional<Map<String, String>> match(String event) {
        var tokens = new ArrayList<String>();
        var m = TOKEN.matcher(event);
        while (m.find()) {
            tokens.add(m.group());
        }
        if (tokens.size() < fields.size() || (!trailingEllipsis && tokens.size() != fields.size())) {
            return Optional.empty();
        }
        var values = new LinkedHashMap<String, String>();
        for (int i = 0; i < fields.size(); i++) {
            var field = fields.get(i);
            if (field.equals() != null && !field.equals().equals(tokens.get(i))) {
                return Optional.empty();
            }
            values.put(field.name(), tokens.get(i));
        }
        return Optional.of(values);
    }

    /** What the metric filter publishes for an event: the named field's value, or a constant; empty if no match. */
    Optional<Double> value(String event, String metricValue) {
        return match(event).map(values -> Double.parseDouble(metricValue.startsWith("$")
                ? values.get(metricValue.substring(1)) : metricValue));
    }
}
