package com.medialake.lambda.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class FunctionTableTest {
    @Test
    void theFleetIsTheStrategysEightFunctions() {
        var table = FunctionTable.MEDIALAKE;
        assertEquals(List.of("append_to_zip", "assets_get", "collections_api", "complete_multipart", "init_multipart",
                "init_zip", "search_api", "upload_part"), List.copyOf(table.names()));
        assertEquals(5, table.rows().stream().filter(r -> r.profile() == FunctionProfile.EFS_BULK).count());
        assertEquals(6, table.rows().stream().mapToInt(FunctionDefinition::provisionedConcurrency).sum());
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
