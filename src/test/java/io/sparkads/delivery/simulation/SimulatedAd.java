package io.sparkads.delivery.simulation;

import io.sparkads.delivery.engine.AdCandidate;
import io.sparkads.delivery.engine.Rate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * An ad in the simulation: the candidate the engine sees, and what only the simulation knows, its
 * true rates per viewer segment.
 *
 * @param trueRates per segment, per {@link Rate} (by ordinal): the chance an impression (a click,
 *     for {@link Rate#CONVERSION}) ends in that event. {@link Rate#COMPLETION} is per impression
 *     and never above {@link Rate#SIX_SECOND_VIEW}.
 * @param budgetMicros what the ad may spend in the whole run; 0 for no budget
 */
record SimulatedAd(AdCandidate candidate, double[][] trueRates, long budgetMicros) {

    SimulatedAd {
        if (candidate == null || trueRates == null) {
            throw new IllegalArgumentException("candidate and trueRates are required");
        }
        if (budgetMicros < 0) {
            throw new IllegalArgumentException("budgetMicros must not be negative");
        }
        for (double[] segment : trueRates) {
            if (segment.length != Rate.values().length) {
                throw new IllegalArgumentException("one true rate per Rate in every segment");
            }
            for (double rate : segment) {
                if (!(rate >= 0 && rate <= 1)) {
                    throw new IllegalArgumentException("true rates must be in [0, 1]");
                }
            }
            if (segment[Rate.COMPLETION.ordinal()] > segment[Rate.SIX_SECOND_VIEW.ordinal()]) {
                throw new IllegalArgumentException("completions cannot outnumber 6-second views");
            }
        }
    }

    long adId() {
        return candidate.lineage().adId();
    }

    double rate(int segment, Rate rate) {
        return trueRates[segment][rate.ordinal()];
    }

    /**
     * The ad's true rates over the traffic it can reach: each segment it targets, weighted by the
     * segment's share of traffic (and conversions by its clicks). What an oracle ranking per ad,
     * not per viewer, would know.
     */
    Map<Rate, Double> meanRates(List<Segment> segments) {
        double weight = 0;
        double[] sums = new double[Rate.values().length];
        double clicks = 0;
        double conversions = 0;
        for (int s = 0; s < segments.size(); s++) {
            Segment segment = segments.get(s);
            if (!candidate.targeting().matches(segment.prototype())) {
                continue;
            }
            weight += segment.share();
            for (Rate rate : Rate.values()) {
                sums[rate.ordinal()] += segment.share() * rate(s, rate);
            }
            double segmentClicks = segment.share() * rate(s, Rate.CLICK_THROUGH);
            clicks += segmentClicks;
            conversions += segmentClicks * rate(s, Rate.CONVERSION);
        }
        Map<Rate, Double> means = new EnumMap<>(Rate.class);
        if (weight == 0) {
            return means; // reaches nobody: any rate will do
        }
        for (Rate rate : Rate.values()) {
            means.put(rate, sums[rate.ordinal()] / weight);
        }
        means.put(
                Rate.CONVERSION,
                clicks > 0 ? conversions / clicks : sums[Rate.CONVERSION.ordinal()] / weight);
        return means;
    }
}
