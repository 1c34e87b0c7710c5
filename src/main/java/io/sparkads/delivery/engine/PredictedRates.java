package io.sparkads.delivery.engine;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;

/**
 * What delivery believes of one ad's rates: a {@link Beta} posterior per {@link Rate}, and how many
 * impressions of the ad's own that belief rests on.
 */
public final class PredictedRates {
    private static final Rate[] RATES = Rate.values();

    private final Beta[] posteriors;
    private final long impressions;

    private PredictedRates(Beta[] posteriors, long impressions) {
        this.posteriors = posteriors;
        this.impressions = impressions;
    }

    /** The given posteriors; every rate must have one. */
    public static PredictedRates of(Map<Rate, Beta> posteriors, long impressions) {
        if (impressions < 0) {
            throw new IllegalArgumentException("impressions must not be negative");
        }
        Beta[] byRate = new Beta[RATES.length];
        for (Rate rate : RATES) {
            byRate[rate.ordinal()] = posteriors.get(rate);
            if (byRate[rate.ordinal()] == null) {
                throw new IllegalArgumentException("no posterior for " + rate);
            }
        }
        return new PredictedRates(byRate, impressions);
    }

    /**
     * Rates known for certain (an oracle's, or fixed assumptions): each a Beta of the given mean so
     * strong that no evidence moves it and no draw strays from it.
     */
    public static PredictedRates known(Map<Rate, Double> means) {
        Map<Rate, Beta> posteriors = new EnumMap<>(Rate.class);
        for (Rate rate : RATES) {
            double mean = means.getOrDefault(rate, rate.defaultMean());
            posteriors.put(rate, Beta.posterior(mean, 1e12, 0, 0));
        }
        return of(posteriors, 0);
    }

    /** The rates assumed before anything is learned: each {@link Rate#defaultMean()}. */
    public static PredictedRates assumed() {
        return known(Map.of());
    }

    public Beta posterior(Rate rate) {
        return posteriors[rate.ordinal()];
    }

    /** The predicted rate: the posterior's mean. */
    public double mean(Rate rate) {
        return posteriors[rate.ordinal()].mean();
    }

    /** The ad's own impressions the prediction has seen. */
    public long impressions() {
        return impressions;
    }

    @Override
    public String toString() {
        return "PredictedRates" + Arrays.toString(posteriors) + " after " + impressions;
    }
}
