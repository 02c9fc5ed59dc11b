package com.medialake.lambda.json;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;

/**
 * The project's one configured Gson. Nulls are written (a plan shows an input set to null), HTML is not
 * escaped ("=>" in a policy stays readable, and AWS reads the JSON either way).
 */
public final class Json {
    /** One line: what goes to AWS (policy documents, dashboards, redrive policies) and into env vars. */
    public static final Gson COMPACT = new GsonBuilder().disableHtmlEscaping().serializeNulls().create();
    /** Indented: what people read and diff (plans, reports). */
    public static final Gson PRETTY = new GsonBuilder().disableHtmlEscaping().serializeNulls().setPrettyPrinting()
            .create();

    private Json() {
    }

    /**
     * A tree of maps, lists and leaves as YAML and Gson read them, rebuilt: each node {@code replace} answers
     * for stands as its answer, other maps and lists are rebuilt from their members (map keys as text,
     * sorted when {@code sortKeys}, as Go's encoding/json writes them; else in their order), and other leaves
     * stay.
     */
    public static Object rebuild(Object tree, java.util.function.Function<Object, java.util.Optional<Object>> replace,
                                 boolean sortKeys) {
        var replaced = replace.apply(tree);
        if (replaced.isPresent()) {
            return replaced.get();
        }
        if (tree instanceof java.util.Map<?, ?> map) {
            java.util.Map<String, Object> out = sortKeys ? new java.util.TreeMap<>() : new java.util.LinkedHashMap<>();
            map.forEach((k, v) -> out.put(String.valueOf(k), rebuild(v, replace, sortKeys)));
            return out;
        }
        if (tree instanceof java.util.List<?> list) {
            return list.stream().map(v -> rebuild(v, replace, sortKeys)).toList();
        }
        return tree;
    }

    /** A JSON object of these keys and values, in this order: {@code object("name", n, "min", 1)}. */
    public static com.google.gson.JsonObject object(Object... keysAndValues) {
        return put(new com.google.gson.JsonObject(), keysAndValues);
    }

    /**
     * Adds keys and values to an object, in order. A value is a JsonElement, text, a number, a boolean, an
     * Iterable (an array of such values) or null (JSON null), as Gson's addProperty would write it.
     */
    public static com.google.gson.JsonObject put(com.google.gson.JsonObject target, Object... keysAndValues) {
        if (keysAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("keys and values come in pairs");
        }
        for (int i = 0; i < keysAndValues.length; i += 2) {
            target.add((String) keysAndValues[i], element(keysAndValues[i + 1]));
        }
        return target;
    }

    /** A JSON array of these values (as {@link #put} takes them). */
    public static com.google.gson.JsonArray array(Iterable<?> values) {
        var array = new com.google.gson.JsonArray();
        values.forEach(v -> array.add(element(v)));
        return array;
    }

    private static com.google.gson.JsonElement element(Object value) {
        if (value == null) {
            return com.google.gson.JsonNull.INSTANCE;
        }
        if (value instanceof com.google.gson.JsonElement e) {
            return e;
        }
        if (value instanceof String text) {
            return new com.google.gson.JsonPrimitive(text);
        }
        if (value instanceof Number n) {
            return new com.google.gson.JsonPrimitive(n);
        }
        if (value instanceof Boolean b) {
            return new com.google.gson.JsonPrimitive(b);
        }
        if (value instanceof Iterable<?> values) {
            return array(values);
        }
        throw new IllegalArgumentException("not a JSON value: " + value.getClass().getName());
    }
}
