package com.medialake.lambda.capacity;

import java.time.ZoneId;
import java.util.Map;
import java.util.Optional;

/**
 * The local time zone of each commercial AWS region's city, for reading a week of traffic where the function has
 * no schedules of its own: users of eu-west-1 keep Dublin's hours (08:00 UTC is 09:00 there in summer), not UTC's.
 */
final class RegionZones {
    private static final Map<String, String> ZONES = Map.ofEntries(
            Map.entry("us-east-1", "America/New_York"), Map.entry("us-east-2", "America/New_York"),
            Map.entry("us-west-1", "America/Los_Angeles"), Map.entry("us-west-2", "America/Los_Angeles"),
            Map.entry("ca-central-1", "America/Toronto"), Map.entry("ca-west-1", "America/Edmonton"),
            Map.entry("mx-central-1", "America/Mexico_City"), Map.entry("sa-east-1", "America/Sao_Paulo"),
            Map.entry("eu-west-1", "Europe/Dublin"), Map.entry("eu-west-2", "Europe/London"),
            Map.entry("eu-west-3", "Europe/Paris"), Map.entry("eu-central-1", "Europe/Berlin"),
            Map.entry("eu-central-2", "Europe/Zurich"), Map.entry("eu-north-1", "Europe/Stockholm"),
            Map.entry("eu-south-1", "Europe/Rome"), Map.entry("eu-south-2", "Europe/Madrid"),
            Map.entry("il-central-1", "Asia/Jerusalem"), Map.entry("me-south-1", "Asia/Bahrain"),
            Map.entry("me-central-1", "Asia/Dubai"), Map.entry("af-south-1", "Africa/Johannesburg"),
            Map.entry("ap-south-1", "Asia/Kolkata"), Map.entry("ap-south-2", "Asia/Kolkata"),
            Map.entry("ap-east-1", "Asia/Hong_Kong"), Map.entry("ap-east-2", "Asia/Taipei"),
            Map.entry("ap-northeast-1", "Asia/Tokyo"), Map.entry("ap-northeast-2", "Asia/Seoul"),
            Map.entry("ap-northeast-3", "Asia/Tokyo"), Map.entry("ap-southeast-1", "Asia/Singapore"),
            Map.entry("ap-southeast-2", "Australia/Sydney"), Map.entry("ap-southeast-3", "Asia/Jakarta"),
            Map.entry("ap-southeast-4", "Australia/Melbourne"), Map.entry("ap-southeast-5", "Asia/Kuala_Lumpur"),
            Map.entry("ap-southeast-6", "Pacific/Auckland"), Map.entry("ap-southeast-7", "Asia/Bangkok"));

    private RegionZones() {
    }

    /** The region's zone, empty for a region this table does not know (the week is then read in UTC). */
    static Optional<ZoneId> of(String region) {
        return Optional.ofNullable(ZONES.get(region)).map(ZoneId::of);
    }
}
