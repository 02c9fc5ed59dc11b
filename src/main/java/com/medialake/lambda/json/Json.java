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
}
