package io.sparkads.reporting;

import io.sparkads.common.AdLineage;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * One accepted paid event, as the rollups need it: the ad and its parents, what it counts, when,
 * what it cost, who saw the ad and the audience of the ad request that served it.
 *
 * @param viewerId the viewer the host app named, {@code null} when it named none
 * @param impressionId the signed impression id, standing for an unnamed viewer
 * @param audience {@code null} attributes are unknown (reported as NONE)
 */
public record PaidEvent(
        AdLineage lineage,
        Long itemId,
        boolean spark,
        PaidMetric metric,
        Instant occurredAt,
        BigDecimal cost,
        String viewerId,
        String impressionId,
        Audience audience) {

    /** The attributes of the ad request that served the impression; {@code null} is unknown. */
    public record Audience(String placement, String age, String gender, String countryCode) {
        public static final String NONE = "NONE";

        static final Audience UNKNOWN = new Audience(null, null, null, null);

        String placementOrNone() {
            return placement == null ? NONE : placement;
        }

        String ageOrNone() {
            return age == null ? NONE : age;
        }

        String genderOrNone() {
            return gender == null ? NONE : gender;
        }

        String countryCodeOrNone() {
            return countryCode == null ? NONE : countryCode;
        }
    }

    public PaidEvent {
        audience = audience == null ? Audience.UNKNOWN : audience;
        cost = cost == null ? BigDecimal.ZERO : cost;
    }
}
