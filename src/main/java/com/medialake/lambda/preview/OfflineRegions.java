package com.medialake.lambda.preview;

import java.util.List;
import java.util.Map;

/** The regions the offline engine answers for, and the AZ names AWS lists in each. */
final class OfflineRegions {
    static final String FILE = "offline-regions.properties";

    /** The AZ letters per region, from offline-regions.properties beside this class. */
    static final Map<String, List<String>> ZONE_LETTERS = load();

    private static Map<String, List<String>> load() {
        var properties = new java.util.Properties();
        try (var in = OfflineRegions.class.getResourceAsStream(FILE)) {
            if (in == null) {
                throw new IllegalStateException("the jar has no " + FILE);
            }
            properties.load(in);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("cannot read " + FILE, e);
        }
        var zones = new java.util.TreeMap<String, List<String>>();
        properties.forEach((region, letters) -> zones.put((String) region,
                List.of(((String) letters).trim().split("\\s+"))));
        return java.util.Collections.unmodifiableMap(zones);
    }

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
                    + "; add it to " + FILE + " (known: " + ZONE_LETTERS.keySet().stream().sorted().toList() + ")");
        }
        return letters.stream().map(l -> region + l).toList();
    }
}
