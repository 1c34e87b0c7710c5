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

    /** A posterior this strong is a rate given for certain (assumed, or an oracle's). */
    private static final double CERTAIN_STRENGTH = 1e9;

    /**
     * Whether exploration may still judge the ad: its price depends on a learned rate (CPC, CPV,
     * OCPM), that rate is a posterior and not a rate given for certain ({@link
     * PredictedRates#known}, {@link RateEstimates#assumed()}: nothing to learn there), and it has
     * fewer than {@link Exploration#JUDGED_AFTER_IMPRESSIONS} impressions of its own.
     */
    boolean isUnjudged() {
        Rate billed =
                switch (ad.billingEvent()) {
                    case CPM -> null;
                    case CPC, OCPM -> Rate.CLICK_THROUGH;
                    case CPV -> Rate.SIX_SECOND_VIEW;
                };
        return billed != null
                && value.rates().posterior(billed).strength() < CERTAIN_STRENGTH
                && value.rates().impressions() < Exploration.JUDGED_AFTER_IMPRESSIONS;
    }
}
