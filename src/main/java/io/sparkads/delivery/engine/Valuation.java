package io.sparkads.delivery.engine;

import java.util.function.ToDoubleFunction;

/**
 * What one impression of an ad is worth, and what its billed event costs at a given place in the
 * ranking. See docs/delivery.md, "Ranking by expected value".
 *
 * <p>The eCPM, the expected revenue per 1000 impressions in micros, is the bid times the ad's
 * expected value events per 1000 impressions, times a small quality factor:
 *
 * <pre>
 * eCPM = bid × valueEventsPerThousand × (1 + q)
 *   CPM  → bid                     (goals REACH, SHOW, PAGE_VISIT, FOLLOWERS)
 *   CPC  → bid × 1000 × pCTR       (CLICK, TRAFFIC_LANDING_PAGE_VIEW)
 *   CPV  → bid × 1000 × p6s        (VIDEO_VIEW, ENGAGED_VIEW)
 *   OCPM → bid × 1000 × pCTR × pCVR (CONVERT: the bid is per conversion)
 * q = w × clamp((p − p_placement) / p_placement, −1, 1)
 * </pre>
 *
 * where p is the ad's predicted rate of its goal's {@link #qualityRate quality rate} and
 * p_placement the placement's. The quality term lets viewers see ads they like: an ad people engage
 * with twice as often as the placement's average gains 10% (w = {@value #QUALITY_WEIGHT}); goals
 * that pay for the quality outcome itself (ENGAGED_VIEW, FOLLOWERS, PAGE_VISIT) weigh their own
 * rate with w = {@value #GOAL_QUALITY_WEIGHT}. With nothing learned every ad has q = 0 and the
 * ranking is the fixed-rate one.
 *
 * <p>The charged price follows from the eCPM of the next ad: the price that keeps the ad in its
 * place is next eCPM / (billed events per 1000 impressions × (1 + q)), rounded up to the cent, plus
 * 0.01, capped at {@link #capMicros()}: the bid, or for OCPM its eCPM without the quality term, so
 * that its expected cost per conversion never exceeds its bid.
 */
public final class Valuation {

    /** The weight of relative engagement in the quality term. */
    public static final double QUALITY_WEIGHT = 0.1;

    /** The weight of a goal's own rate when the goal pays for that outcome. */
    public static final double GOAL_QUALITY_WEIGHT = 0.2;

    private final BillingEvent billingEvent;
    private final PredictedRates rates;
    private final long ecpmMicros;
    private final long capMicros;
    private final double qualityFactor;

    private Valuation(
            BillingEvent billingEvent,
            PredictedRates rates,
            long ecpmMicros,
            long capMicros,
            double qualityFactor) {
        this.billingEvent = billingEvent;
        this.rates = rates;
        this.ecpmMicros = ecpmMicros;
        this.capMicros = capMicros;
        this.qualityFactor = qualityFactor;
    }

    /** The ad's valuation by the estimates' prediction for it and its placement's reference. */
    public static Valuation of(AdCandidate ad, RateEstimates estimates) {
        if (ad == null || estimates == null) {
            throw new IllegalArgumentException("ad and estimates must not be null");
        }
        Rate quality = qualityRate(ad.goal());
        return of(
                ad,
                estimates.forAd(ad.lineage(), ad.placement()),
                estimates.placementMean(ad.placement(), quality));
    }

    /**
     * The ad's valuation by these rates, with {@code placementQualityRate} the placement's mean of
     * the ad's {@link #qualityRate}.
     */
    public static Valuation of(AdCandidate ad, PredictedRates rates, double placementQualityRate) {
        if (ad == null || rates == null) {
            throw new IllegalArgumentException("ad and rates must not be null");
        }
        double quality = qualityFactor(ad.goal(), rates::mean, placementQualityRate);
        double base = ad.bidMicros() * valueEventsPerThousand(ad.billingEvent(), rates::mean);
        long cap =
                ad.billingEvent() == BillingEvent.OCPM
                        ? Math.min(
                                toMicros(base), BillingEvent.OCPM.maxChargeMicros(ad.bidMicros()))
                        : ad.bidMicros();
        return new Valuation(ad.billingEvent(), rates, toMicros(base * quality), cap, quality);
    }

    /** The valuation at the rates assumed before anything is learned: the fixed-rate ranking. */
    public static Valuation assumed(AdCandidate ad) {
        Rate quality = qualityRate(ad.goal());
        return of(ad, PredictedRates.assumed(), quality.defaultMean());
    }

    /**
     * The eCPM, in micros, of the ad if its rates were those {@code rate} gives (a draw from the
     * posteriors, for exploration); see the class comment.
     */
    static long ecpmMicros(
            AdCandidate ad, ToDoubleFunction<Rate> rate, double placementQualityRate) {
        return toMicros(
                ad.bidMicros()
                        * valueEventsPerThousand(ad.billingEvent(), rate)
                        * qualityFactor(ad.goal(), rate, placementQualityRate));
    }

    /**
     * The rate that measures whether viewers like the ad, for the quality term: the goal's own
     * outcome for ENGAGED_VIEW (engagement), FOLLOWERS (follows) and PAGE_VISIT (profile visits);
     * engagement for every other goal.
     */
    public static Rate qualityRate(Goal goal) {
        return switch (goal) {
            case FOLLOWERS -> Rate.FOLLOW;
            case PAGE_VISIT -> Rate.PROFILE_VISIT;
            default -> Rate.ENGAGEMENT;
        };
    }

    /** The weight of the quality term for an ad group with this goal. */
    public static double qualityWeight(Goal goal) {
        return switch (goal) {
            case ENGAGED_VIEW, FOLLOWERS, PAGE_VISIT -> GOAL_QUALITY_WEIGHT;
            default -> QUALITY_WEIGHT;
        };
    }

    /** The expected revenue per 1000 impressions, in micros, at least 1: what ranks the ad. */
    public long ecpmMicros() {
        return ecpmMicros;
    }

    /** 1 + q: how much the quality term scales the eCPM. */
    public double qualityFactor() {
        return qualityFactor;
    }

    /** The most one billed event is charged: the bid, or for OCPM the eCPM without quality. */
    public long capMicros() {
        return capMicros;
    }

    /** The rates the valuation rests on. */
    public PredictedRates rates() {
        return rates;
    }

    /**
     * The price per billed event, in micros, of an ad ranked just above one worth {@code
     * nextEcpmMicros}: see the class comment. Never above {@link #capMicros()}, never below 1.
     */
    public long chargedMicros(long nextEcpmMicros) {
        long price =
                billingEvent.priceMicros(
                        BillingEvent.roundUpToMicro(nextEcpmMicros / qualityFactor), rates);
        long withCent =
                price > Long.MAX_VALUE - BillingEvent.CENT_MICROS
                        ? Long.MAX_VALUE
                        : price + BillingEvent.CENT_MICROS;
        return Math.max(1, Math.min(capMicros, withCent));
    }

    /** What the ad's budgets reserve for one serving charged {@code chargedMicros}. */
    public long reservedMicros(long chargedMicros) {
        return billingEvent.reservedMicros(chargedMicros, rates);
    }

    private static double valueEventsPerThousand(BillingEvent event, ToDoubleFunction<Rate> rate) {
        return switch (event) {
            case CPM -> 1;
            case CPC -> 1000 * rate.applyAsDouble(Rate.CLICK_THROUGH);
            case CPV -> 1000 * rate.applyAsDouble(Rate.SIX_SECOND_VIEW);
            case OCPM ->
                    1000
                            * rate.applyAsDouble(Rate.CLICK_THROUGH)
                            * rate.applyAsDouble(Rate.CONVERSION);
        };
    }

    private static double qualityFactor(
            Goal goal, ToDoubleFunction<Rate> rate, double placementQualityRate) {
        if (!(placementQualityRate > 0)) {
            return 1;
        }
        double relative =
                (rate.applyAsDouble(qualityRate(goal)) - placementQualityRate)
                        / placementQualityRate;
        return 1 + qualityWeight(goal) * Math.max(-1, Math.min(1, relative));
    }

    /** Rounded to the nearest micro, at least 1, saturating at {@link Long#MAX_VALUE}. */
    private static long toMicros(double micros) {
        return Math.max(1, Math.round(micros));
    }
}
