package io.sparkads.delivery.engine;

import io.sparkads.common.AdLineage;
import io.sparkads.common.Creative;
import java.time.Instant;
import java.util.Objects;

/**
 * An ad that may be served: everything the engine needs to decide on it and to render it, taken
 * from an approved ad, its ad group and its campaign.
 *
 * @param itemId the post the ad shows; required for a Spark ad, {@code null} for a non-Spark ad
 *     without one. Two ads with the same item are never served together.
 * @param start first instant the ad may be served (inclusive)
 * @param end instant from which it may no longer be served (exclusive); {@code null} when
 *     open-ended
 * @param bidMicros the bid in micros of the account currency: per 1000 impressions for {@link
 *     BillingEvent#CPM}, per click for {@link BillingEvent#CPC}, per 6-second view for {@link
 *     BillingEvent#CPV}, per conversion for {@link BillingEvent#OCPM} (which is billed per 1000
 *     impressions)
 * @param goal what the ad group optimizes for: which predicted rate ranks the ad
 */
public record AdCandidate(
        AdLineage lineage,
        Long itemId,
        boolean spark,
        Placement placement,
        Targeting targeting,
        Instant start,
        Instant end,
        BillingEvent billingEvent,
        long bidMicros,
        Creative creative,
        Goal goal) {

    public AdCandidate {
        Objects.requireNonNull(lineage, "lineage must not be null");
        long adId = lineage.adId();
        require(placement != null, adId, "placement must not be null");
        require(targeting != null, adId, "targeting must not be null (use Targeting.everyone())");
        require(start != null, adId, "start must not be null");
        require(end == null || end.isAfter(start), adId, "end must be after start");
        require(billingEvent != null, adId, "billingEvent must not be null");
        require(bidMicros > 0, adId, "bidMicros must be positive");
        require(creative != null, adId, "creative must not be null");
        require(goal != null, adId, "goal must not be null");
        require(!spark || itemId != null, adId, "a Spark ad must have an itemId");
    }

    /** Whether the schedule contains the instant: {@code start <= at < end}. */
    public boolean isLiveAt(Instant at) {
        return !at.isBefore(start) && (end == null || at.isBefore(end));
    }

    /**
     * The expected revenue per 1000 impressions, in micros, at the rates assumed before anything is
     * learned (1% click-through, 25% six-second views, ...); the engine ranks by {@link
     * Valuation#of(AdCandidate, RateEstimates)} instead, with the rates it has learned.
     */
    public long ecpmMicros() {
        return Valuation.assumed(this).ecpmMicros();
    }

    private static void require(boolean condition, long adId, String message) {
        if (!condition) {
            throw new IllegalArgumentException("ad " + adId + ": " + message);
        }
    }
}
