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
}
