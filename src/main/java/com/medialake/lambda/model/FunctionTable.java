package com.medialake.lambda.model;

import static com.medialake.lambda.model.FunctionProfile.EFS_BULK;
import static com.medialake.lambda.model.FunctionProfile.SEARCH;
import static com.medialake.lambda.model.FunctionProfile.VPC_API;
import static com.medialake.lambda.model.FunctionProfile.VPC_API_COMPLEX;

import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The MediaLake fleet as the strategy document sizes it. Keyed and iterated by name, so the order rows
 * are written in never changes a resource name or the plan.
 */
public final class FunctionTable {
    /** The fleet this program deploys. */
    public static final FunctionTable MEDIALAKE = new FunctionTable(List.of(
            FunctionDefinition.of("collections_api", VPC_API_COMPLEX,
                    "Collections CRUD API (user-facing)").withProvisionedConcurrency(2)
                    .routedFrom("ANY /collections/{proxy+}"),
            FunctionDefinition.of("search_api", SEARCH,
                    "Vector and semantic search API (user-facing)").withMemoryMb(9000).withProvisionedConcurrency(2)
                    .routedFrom("ANY /search"),
            FunctionDefinition.of("assets_get", VPC_API,
                    "Asset retrieval API (user-facing)").withProvisionedConcurrency(2)
                    .routedFrom("GET /assets/{id}"),
            FunctionDefinition.of("init_zip", EFS_BULK, "Bulk download: start a zip on EFS").withMemoryMb(512),
            FunctionDefinition.of("append_to_zip", EFS_BULK, "Bulk download: append assets to the zip"),
            FunctionDefinition.of("init_multipart", EFS_BULK, "Bulk download: start the multipart upload")
                    .readingEfsOnly(),
            FunctionDefinition.of("upload_part", EFS_BULK, "Bulk download: upload one part of the zip")
                    .consumingBulkQueue().readingEfsOnly(),
            FunctionDefinition.of("complete_multipart", EFS_BULK, "Bulk download: complete the multipart upload")));

    private final SortedMap<String, FunctionDefinition> byName;

    public FunctionTable(Collection<FunctionDefinition> rows) {
        var map = new TreeMap<String, FunctionDefinition>();
        for (var row : rows) {
            if (map.put(row.name(), row) != null) {
                throw new IllegalArgumentException("function " + row.name() + " is defined twice in the table");
            }
        }
        // One queue, one route per key: the components behind them are named for it.
        if (map.values().stream().filter(r -> r.trigger() == Trigger.BULK_QUEUE).count() > 1) {
            throw new IllegalArgumentException("only one function may consume the bulk-download queue");
        }
        var routes = map.values().stream().filter(r -> r.trigger() == Trigger.HTTP_API).map(FunctionDefinition::routeKey)
                .toList();
        if (routes.size() != Set.copyOf(routes).size()) {
            throw new IllegalArgumentException("two functions share an HTTP route: " + routes);
        }
        this.byName = Collections.unmodifiableSortedMap(map);
    }

    public Optional<FunctionDefinition> find(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    /** Rows sorted by name. */
    public Collection<FunctionDefinition> rows() {
        return byName.values();
    }

    public Collection<String> names() {
        return byName.keySet();
    }
}
