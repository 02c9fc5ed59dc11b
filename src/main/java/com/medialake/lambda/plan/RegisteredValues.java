package com.medialake.lambda.plan;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import com.google.protobuf.Struct;
import com.google.protobuf.Value;
import com.pulumi.core.internal.Constants;
import java.util.Map;
import java.util.TreeMap;

/**
 * Pulumi's wire values as plain JSON: keys sorted, whole numbers without a fraction, secrets masked, and
 * assets, archives and unknowns shown for what they are, so the same program always prints the same plan.
 */
public final class RegisteredValues {
    /** Pulumi's special-value signatures, as the SDK itself names them (com.pulumi.core.internal.Constants). */
    private static final String SIG_KEY = Constants.SpecialSigKey;
    private static final String SECRET_SIG = Constants.SpecialSecretSig;
    private static final String ARCHIVE_SIG = Constants.SpecialArchiveSig;
    private static final String ASSET_SIG = Constants.SpecialAssetSig;
    private static final String RESOURCE_SIG = Constants.SpecialResourceSig;
    private static final String UNKNOWN = Constants.UnknownValue;

    private RegisteredValues() {
    }

    public static JsonObject toJson(Struct struct) {
        return object(struct.getFieldsMap()).getAsJsonObject();
    }

    private static JsonElement object(Map<String, Value> fields) {
        var sig = fields.get(SIG_KEY);
        if (sig != null) {
            return special(sig.getStringValue(), fields);
        }
        var out = new JsonObject();
        new TreeMap<>(fields).forEach((k, v) -> out.add(k, value(v)));
        return out;
    }

    private static JsonElement special(String sig, Map<String, Value> fields) {
        if (sig.equals(SECRET_SIG)) {
            return new JsonPrimitive("[secret]");
        }
        var out = new JsonObject();
        switch (sig) {
            case ARCHIVE_SIG -> {
                if (fields.containsKey("path")) {
                    String path = fields.get("path").getStringValue();
                    out.addProperty("archive", path);
                    out.addProperty("digest", ArchiveDigest.of(java.nio.file.Path.of(path)));
                } else if (fields.containsKey("uri")) {
                    out.addProperty("archive", fields.get("uri").getStringValue());
                } else {
                    // An archive of assets (a handler and the shared module): each name with its file, and a
                    // digest of the names and contents, so a change of any file shows as a change of the code.
                    var assets = new TreeMap<String, java.nio.file.Path>();
                    var files = new JsonObject();
                    fields.getOrDefault("assets", Value.getDefaultInstance()).getStructValue().getFieldsMap()
                            .forEach((name, asset) -> {
                                var path = asset.getStructValue().getFieldsMap().get("path");
                                if (path != null) {
                                    assets.put(name, java.nio.file.Path.of(path.getStringValue()));
                                }
                            });
                    assets.forEach((name, path) -> files.addProperty(name, path.toString().replace('\\', '/')));
                    out.add("archive", files);
                    out.addProperty("digest", ArchiveDigest.of(assets));
                }
            }
            case ASSET_SIG -> {
                if (fields.containsKey("path")) {
                    out.addProperty("asset", fields.get("path").getStringValue());
                } else if (fields.containsKey("text")) {
                    out.addProperty("asset", fields.get("text").getStringValue());
                } else {
                    out.addProperty("asset", fields.getOrDefault("uri", Value.getDefaultInstance()).getStringValue());
                }
            }
            case RESOURCE_SIG -> out.addProperty("resource", fields.get("urn").getStringValue());
            default -> out.addProperty("special", sig);
        }
        return out;
    }

    static JsonElement value(Value v) {
        return switch (v.getKindCase()) {
            case NULL_VALUE, KIND_NOT_SET -> JsonNull.INSTANCE;
            case BOOL_VALUE -> new JsonPrimitive(v.getBoolValue());
            case NUMBER_VALUE -> number(v.getNumberValue());
            case STRING_VALUE -> new JsonPrimitive(UNKNOWN.equals(v.getStringValue()) ? "[unknown]" : v.getStringValue());
            case LIST_VALUE -> {
                var array = new JsonArray();
                v.getListValue().getValuesList().forEach(item -> array.add(value(item)));
                yield array;
            }
            case STRUCT_VALUE -> object(v.getStructValue().getFieldsMap());
        };
    }

    private static JsonPrimitive number(double d) {
        if (d == Math.rint(d) && !Double.isInfinite(d) && Math.abs(d) < 1e15) {
            return new JsonPrimitive((long) d);
        }
        return new JsonPrimitive(d);
    }

    /** A Java value of a stack output (maps, lists, strings, numbers) as sorted JSON. */
    public static JsonElement fromJava(Object o) {
        if (o == null) {
            return JsonNull.INSTANCE;
        }
        if (o instanceof Map<?, ?> map) {
            var out = new JsonObject();
            new TreeMap<>(map).forEach((k, v) -> out.add(String.valueOf(k), fromJava(v)));
            return out;
        }
        if (o instanceof Iterable<?> list) {
            var out = new JsonArray();
            list.forEach(item -> out.add(fromJava(item)));
            return out;
        }
        if (o instanceof Number n) {
            return number(n.doubleValue());
        }
        if (o instanceof Boolean b) {
            return new JsonPrimitive(b);
        }
        return new JsonPrimitive(String.valueOf(o));
    }
}
