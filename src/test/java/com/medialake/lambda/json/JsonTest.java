package com.medialake.lambda.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class JsonTest {
    @Test
    void objectsKeepTheirOrderAndWriteNullsAndListsAsGsonWould() {
        var o = Json.object("z", "text", "a", null, "n", 2, "d", 0.5, "b", true, "l", List.of("x", 1));
        assertEquals("{\"z\":\"text\",\"a\":null,\"n\":2,\"d\":0.5,\"b\":true,\"l\":[\"x\",1]}", Json.COMPACT.toJson(o));
        assertThrows(IllegalArgumentException.class, () -> Json.object("odd"));
        assertThrows(IllegalArgumentException.class, () -> Json.object("k", new Object()));
    }

    @Test
    void rebuildSortsKeysAsGoWritesThemAndReplacesWhatItIsAskedTo() {
        Object tree = Map.of("b", List.of(Map.of("y", 1, "x", 2)), "a", "secret");
        Object rebuilt = Json.rebuild(tree, node -> "secret".equals(node) ? Optional.of("[secret]") : Optional.empty(), true);
        assertEquals("{\"a\":\"[secret]\",\"b\":[{\"x\":2,\"y\":1}]}", Json.COMPACT.toJson(rebuilt));
        // "=>" stays readable: HTML is not escaped
        assertEquals("\"a=>b\"", Json.COMPACT.toJson("a=>b"));
    }
}
