package com.medialake.lambda.preview;

import java.util.List;
import java.util.Map;

/** The regions the offline engine answers for, and the AZ names AWS lists in each. */
final class OfflineRegions {
    /** AZs per region as AWS lists them for an account with no opt-in zones (zone ids vary per account). */
    static final Map<String, List<String>> ZONE_LETTERS = Map.ofEntries(
            Map.entry("us-east-1", List.of("a", "b", "c", "d", "e", "f")),
            Map.entry("us-east-2", List.of("a", "b", "c")),
            Map.entry("us-west-1", List.of("b", "c")),
            Map.entry("us-west-2", List.of("a", "b", "c", "d")),
            Map.entry("ca-central-1", List.of("a", "b", "d")),
            Map.entry("sa-east-1", List.of("a", "b", "c")),
            Map.entry("eu-west-1", List.of("a", "b", "c")),
            Map.entry("eu-west-2", List.of("a", "b", "c")),
            Map.entry("eu-west-3", List.of("a", "b", "c")),
            Map.entry("eu-central-1", List.of("a", "b", "c")),
            Map.entry("eu-north-1", List.of("a", "b", "c")),
            Map.entry("eu-south-1", List.of("a", "b", "c")),
            Map.entry("ap-northeast-1", List.of("a", "c", "d")),
            Map.entry("ap-northeast-2", List.of("a", "b", "c", "d")),
            Map.entry("ap-south-1", List.of("a", "b", "c")),
            Map.entry("ap-southeast-1", List.of("a", "b", "c")),
            Map.entry("ap-southeast-2", List.of("a", "b", "c")),
            Map.entry("ap-southeast-3", List.of("a", "b", "c")),
            Map.entry("ap-southeast-4", List.of("a", "b", "c")),
            Map.entry("ap-southeast-5", List.of("a", "b", "c")),
            Map.entry("ap-southeast-7", List.of("a", "b", "c")),
            Map.entry("ap-northeast-3", List.of("a", "b", "c")),
            Map.entry("ap-south-2", List.of("a", "b", "c")),
            Map.entry("ap-east-1", List.of("a", "b", "c")),
            Map.entry("ca-west-1", List.of("a", "b", "c")),
            Map.entry("eu-central-2", List.of("a", "b", "c")),
            Map.entry("eu-south-2", List.of("a", "b", "c")),
            Map.entry("eu-north-2", List.of("a", "b", "c")),
            Map.entry("il-central-1", List.of("a", "b", "c")),
            Map.entry("me-central-1", List.of("a", "b", "c")),
            Map.entry("me-south-1", List.of("a", "b", "c")),
            Map.entry("af-south-1", List.of("a", "b", "c")),
            Map.entry("mx-central-1", List.of("a", "b", "c")));

    private OfflineRegions() {
    }

    /** Whether the offline engine can answer for a region (it has the region's AZ list). */
    static boolean knows(String region) {
        return ZONE_LETTERS.containsKey(region);
    }

    /** The regions the offline engine can answer for, sorted. */
    static List<String> known() {
        return ZONE_LETTERS.keySet().stream().sorted().toList();
    }

    static List<String> zones(String region) {
        var letters = ZONE_LETTERS.get(region);
        if (letters == null) {
            throw new IllegalArgumentException("the offline engine has no AZ list for region " + region
                    + "; add it to OfflineRegions.ZONE_LETTERS (known: " + ZONE_LETTERS.keySet().stream().sorted().toList() + ")");
        }
        return letters.stream().map(l -> region + l).toList();
    }
}
