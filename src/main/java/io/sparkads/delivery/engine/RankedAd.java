package io.sparkads.delivery.engine;

import java.util.Comparator;

/** An ad with its valuation by the index's rates: what a {@link PlacementRanking} is sorted by. */
record RankedAd(AdCandidate ad, Valuation value) {

    /** By eCPM, then by ad id (only so that the order is deterministic). */
    static final Comparator<RankedAd> BEST_FIRST =
            Comparator.comparingLong((RankedAd r) -> r.value.ecpmMicros())
                    .reversed()
                    .thenComparingLong(r -> r.ad.lineage().adId());

    long adId() {
        return ad.lineage().adId();
    }

    /**
     * Whether exploration may still judge the ad: its price depends on a learned rate (CPC, CPV,
     * OCPM) and it has fewer than {@link Exploration#JUDGED_AFTER_IMPRESSIONS} impressions of its
     * own.
     */
    boolean isUnjudged() {
        return ad.billingEvent() != BillingEvent.CPM
                && value.rates().impressions() < Exploration.JUDGED_AFTER_IMPRESSIONS;
    }
}
