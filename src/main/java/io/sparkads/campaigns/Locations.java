package io.sparkads.campaigns;

import io.sparkads.common.Refusal;
import java.util.Map;

/**
 * Ad group locations. TikTok names countries by their location ids (GeoNames numbers, e.g. {@code
 * 6252001} for the United States); ISO country codes are accepted too. Delivery compares the
 * viewer's region, an ISO code, so each location maps to one.
 */
final class Locations {
    private static final Map<String, String> COUNTRY_BY_LOCATION_ID =
            Map.ofEntries(
                    Map.entry("6252001", "US"),
                    Map.entry("6251999", "CA"),
                    Map.entry("3996063", "MX"),
                    Map.entry("2635167", "GB"),
                    Map.entry("2963597", "IE"),
                    Map.entry("2921044", "DE"),
                    Map.entry("3017382", "FR"),
                    Map.entry("3175395", "IT"),
                    Map.entry("2510769", "ES"),
                    Map.entry("2750405", "NL"),
                    Map.entry("2802361", "BE"),
                    Map.entry("2661886", "SE"),
                    Map.entry("798544", "PL"),
                    Map.entry("2629691", "IS"),
                    Map.entry("298795", "TR"),
                    Map.entry("1861060", "JP"),
                    Map.entry("1835841", "KR"),
                    Map.entry("1269750", "IN"),
                    Map.entry("1643084", "ID"),
                    Map.entry("1694008", "PH"),
                    Map.entry("1562822", "VN"),
                    Map.entry("1605651", "TH"),
                    Map.entry("1733045", "MY"),
                    Map.entry("1880251", "SG"),
                    Map.entry("2077456", "AU"),
                    Map.entry("2186224", "NZ"),
                    Map.entry("3469034", "BR"),
                    Map.entry("3865483", "AR"),
                    Map.entry("3686110", "CO"),
                    Map.entry("102358", "SA"),
                    Map.entry("290557", "AE"),
                    Map.entry("357994", "EG"),
                    Map.entry("953987", "ZA"),
                    Map.entry("2328926", "NG"));

    private Locations() {}

    /** The ISO country code a location id or code stands for; refuses what it does not know. */
    static String country(String location) {
        if (location == null) {
            throw Refusal.invalid("location_ids must not hold null");
        }
        if (location.matches("[A-Z]{2}")) {
            return location;
        }
        String country = COUNTRY_BY_LOCATION_ID.get(location);
        if (country == null) {
            throw Refusal.invalid(
                    "location_ids holds an unknown location '"
                            + location
                            + "': use a country's TikTok location id (e.g. 6252001 for the United States) or its ISO code (US)");
        }
        return country;
    }
}
