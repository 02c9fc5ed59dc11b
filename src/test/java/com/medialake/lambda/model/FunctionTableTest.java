package com.medialake.lambda.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class FunctionTableTest {
    @Test
    void theFleetHoldsTheStrategysFunctionsAsItSizesThem() {
        var table = FunctionTable.MEDIALAKE;
        // The strategy's three user-facing APIs with PC 2, and its five bulk-download functions on EFS.
        var byName = table.rows().stream().collect(java.util.stream.Collectors.toMap(FunctionDefinition::name, r -> r));
        for (String api : List.of("collections_api", "search_api", "assets_get")) {
            assertEquals(2, byName.get(api).provisionedConcurrency(), api);
        }
        for (String bulk : List.of("init_zip", "append_to_zip", "init_multipart", "upload_part", "complete_multipart")) {
            assertEquals(FunctionProfile.EFS_BULK, byName.get(bulk).profile(), bulk);
            assertEquals(0, byName.get(bulk).provisionedConcurrency(), bulk + ": no PC on EFS functions");
        }
        assertEquals(List.copyOf(new java.util.TreeSet<>(table.names())), List.copyOf(table.names()),
                "iterated by name, whatever the order of the rows");
    }

    @Test
    void aFunctionDefinedTwiceIsRefused() {
        var row = FunctionDefinition.of("a", FunctionProfile.SIMPLE_API, "a");
        assertThrows(IllegalArgumentException.class, () -> new FunctionTable(List.of(row, row)));
    }

    @Test
    void twoQueueConsumersOrTwoFunctionsOnOneRouteAreRefused() {
        var a = FunctionDefinition.of("a", FunctionProfile.SIMPLE_API, "a");
        var b = FunctionDefinition.of("b", FunctionProfile.SIMPLE_API, "b");
        assertThrows(IllegalArgumentException.class,
                () -> new FunctionTable(List.of(a.consumingBulkQueue(), b.consumingBulkQueue())));
        assertThrows(IllegalArgumentException.class,
                () -> new FunctionTable(List.of(a.routedFrom("GET /x"), b.routedFrom("GET /x"))));
    }
}
