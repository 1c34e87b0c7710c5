package io.sparkads.delivery;

import io.sparkads.campaigns.Ad;
import io.sparkads.campaigns.AdGroup;
import io.sparkads.campaigns.AdGroups;
import io.sparkads.campaigns.Ads;
import io.sparkads.common.AdLineage;
import io.sparkads.delivery.engine.AdDecisionEngine;
import io.sparkads.delivery.engine.BillingEvent;
import io.sparkads.delivery.engine.Exploration;
import io.sparkads.delivery.engine.Goal;
import io.sparkads.delivery.engine.Outcomes;
import io.sparkads.delivery.engine.Placement;
import io.sparkads.delivery.engine.PredictedRates;
import io.sparkads.delivery.engine.Rate;
import io.sparkads.delivery.engine.RateEstimates;
import io.sparkads.delivery.engine.Valuation;
import io.sparkads.reporting.AdOutcomeTotals;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.springframework.stereotype.Service;

/**
 * What delivery predicts of an ad, for its page: each rate it predicts beside the rate measured so
 * far and its ad group's, which of them decide the ad's place in the ranking, and, when one of
 * those is low, the reason in words ("Low predicted click-through: 0.2% vs 1.4% in its ad group").
 * The predictions are the engine's current ones, which every server shares (see {@link
 * PredictedRatesFeed}).
 */
@Service
public class AdPredictions {
    /** A deciding rate below this share of its reference is reported as holding delivery back. */
    static final double LOW_SHARE = 0.6;

    /** The rates an ad's page shows, in this order. */
    private static final List<Rate> SHOWN =
            List.of(
                    Rate.CLICK_THROUGH,
                    Rate.SIX_SECOND_VIEW,
                    Rate.COMPLETION,
                    Rate.CONVERSION,
                    Rate.ENGAGEMENT);

    private final AdDecisionEngine engine;
    private final AdOutcomeTotals totals;
    private final Ads ads;
    private final AdGroups adGroups;

    AdPredictions(AdDecisionEngine engine, AdOutcomeTotals totals, Ads ads, AdGroups adGroups) {
        this.engine = engine;
        this.totals = totals;
        this.ads = ads;
        this.adGroups = adGroups;
    }

    /**
     * One rate of the ad.
     *
     * @param label the rate in words, e.g. "Click-through"
     * @param predicted what delivery predicts, in [0, 1]
     * @param measured what the ad's own events measure, or {@code null} before any trial
     * @param adGroup the ad group's smoothed rate
     * @param decides whether the rate decides the ad's place in the ranking
     */
    public record RatePrediction(
            String label, double predicted, Double measured, double adGroup, boolean decides) {

        public String predictedPercent() {
            return percent(predicted);
        }

        /** The measured rate, or "—" before any trial. */
        public String measuredPercent() {
            return measured == null ? "—" : percent(measured);
        }

        public String adGroupPercent() {
            return percent(adGroup);
        }
    }

    /**
     * The ad's predictions.
     *
     * @param impressions the ad's own impressions the predictions rest on
     * @param learning whether delivery still tries the ad on a share of traffic to judge it
     * @param slowReasons why delivery may be slow, in words; empty when nothing holds it back
     */
    public record AdPrediction(
            long adId,
            long impressions,
            boolean learning,
            List<RatePrediction> rates,
            List<String> slowReasons) {}

    /** The predictions for the advertiser's ad; refused like {@link Ads#get} when not theirs. */
    public AdPrediction of(long advertiserId, long adId) {
        Ad ad = ads.get(advertiserId, adId);
        AdGroup group = adGroups.get(advertiserId, ad.adgroupId());
        AdLineage lineage = new AdLineage(adId, ad.adgroupId(), ad.campaignId(), advertiserId);
        Placement placement = Placement.valueOf(group.placement().name());
        BillingEvent billing = BillingEvent.valueOf(group.billingEvent().name());
        Goal goal = Goal.valueOf(group.optimizationGoal().name());
        Outcomes measured =
                totals.ofAd(adId).map(PredictedRatesFeed::outcomesOf).orElse(Outcomes.NONE);
        return predict(lineage, placement, billing, goal, engine.rates(), measured);
    }

    /** The predictions from these estimates and the ad's measured outcomes. */
    static AdPrediction predict(
            AdLineage lineage,
            Placement placement,
            BillingEvent billing,
            Goal goal,
            RateEstimates estimates,
            Outcomes measured) {
        PredictedRates predicted = estimates.forAd(lineage, placement);
        Set<Rate> deciding = deciding(billing, goal);
        Set<Rate> shown = new LinkedHashSet<>(SHOWN);
        shown.addAll(deciding);
        List<RatePrediction> rates = new ArrayList<>();
        List<String> reasons = new ArrayList<>();
        // a CPM ad's price rests on no learned rate, so exploration never judges it
        boolean learning =
                billing != BillingEvent.CPM
                        && predicted.impressions() < Exploration.JUDGED_AFTER_IMPRESSIONS;
        for (Rate rate : shown) {
            double own = predicted.mean(rate);
            double group = estimates.adGroupMean(lineage, placement, rate);
            long trials = rate.trials(measured);
            Double seen = trials == 0 ? null : (double) rate.successes(measured) / trials;
            rates.add(new RatePrediction(label(rate), own, seen, group, deciding.contains(rate)));
            if (explains(rate, billing, goal)) {
                double across = estimates.placementMean(placement, rate);
                if (own < LOW_SHARE * group) {
                    reasons.add(low(rate, own, group, "in its ad group"));
                } else if (own < LOW_SHARE * across) {
                    reasons.add(low(rate, own, across, "across " + words(placement) + " ads"));
                }
            }
        }
        if (learning) {
            reasons.add(
                    String.format(
                            Locale.ROOT,
                            "Still learning: %,d impressions so far. Until %,d, delivery tries the"
                                    + " ad on a small share of traffic to judge it",
                            predicted.impressions(),
                            Exploration.JUDGED_AFTER_IMPRESSIONS));
        }
        return new AdPrediction(lineage.adId(), predicted.impressions(), learning, rates, reasons);
    }

    /**
     * The rates that set the ad's place: its billed event's (see {@link Valuation}), and the rate
     * of its quality term.
     */
    static Set<Rate> deciding(BillingEvent billing, Goal goal) {
        Set<Rate> rates = new LinkedHashSet<>();
        switch (billing) {
            case CPC -> rates.add(Rate.CLICK_THROUGH);
            case CPV -> rates.add(Rate.SIX_SECOND_VIEW);
            case OCPM -> {
                rates.add(Rate.CLICK_THROUGH);
                rates.add(Rate.CONVERSION);
            }
            case CPM -> {}
        }
        rates.add(Valuation.qualityRate(goal));
        return rates;
    }

    /**
     * Whether a low value of the rate is reason enough for slow delivery: a rate the eCPM is
     * multiplied by (its billed event's), or the quality rate of a goal that pays for that outcome.
     * The engagement term of other goals moves the eCPM by a tenth at most.
     */
    static boolean explains(Rate rate, BillingEvent billing, Goal goal) {
        if (rate == Valuation.qualityRate(goal)) {
            return Valuation.qualityWeight(goal) >= Valuation.GOAL_QUALITY_WEIGHT;
        }
        return deciding(billing, goal).contains(rate);
    }

    /** A rate in people's words. */
    static String label(Rate rate) {
        return switch (rate) {
            case CLICK_THROUGH -> "Click-through";
            case SIX_SECOND_VIEW -> "6-second view";
            case COMPLETION -> "Completion";
            case CONVERSION -> "Conversion (per click)";
            case ENGAGEMENT -> "Engagement";
            case PROFILE_VISIT -> "Profile visit";
            case FOLLOW -> "Follow";
        };
    }

    /** A rate as a percentage: one decimal, two below 0.1%. */
    public static String percent(double rate) {
        double percent = rate * 100;
        return String.format(Locale.ROOT, percent < 0.1 ? "%.2f%%" : "%.1f%%", percent);
    }

    private static String low(Rate rate, double own, double reference, String where) {
        return "Low predicted "
                + label(rate).toLowerCase(Locale.ROOT)
                + ": "
                + percent(own)
                + " vs "
                + percent(reference)
                + " "
                + where;
    }

    private static String words(Placement placement) {
        return placement == Placement.TOPVIEW ? "TopView" : "In-Feed";
    }
}
