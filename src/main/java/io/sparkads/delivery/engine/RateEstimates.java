package io.sparkads.delivery.engine;

import io.sparkads.common.AdLineage;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * An immutable snapshot of what delivery has learned of every ad's rates, smoothed up a hierarchy
 * (see docs/delivery.md, "Predicted rates"): placement → advertiser in that placement → ad group →
 * ad. Each level's rate is its own successes and trials pulled toward its parent's rate by a prior
 * worth {@code m} trials: {@code (k + m·μ_parent) / (n + m)}. The strength {@code m} of each level
 * is estimated from the data (empirical Bayes, method of moments): the more the children of a level
 * really differ beyond binomial noise, the weaker the pull. An ad's prediction is the Beta
 * posterior {@code Beta(k + m·μ_group, n − k + m·(1 − μ_group))}.
 *
 * <p>An ad the snapshot has not seen (new since it was taken) gets the prior of its nearest known
 * level: its ad group's, else its advertiser's in the placement, else the placement's, else {@link
 * Rate#defaultMean()}.
 */
public final class RateEstimates {
    /** The prior strength of the placement level: the defaults are worth this many trials. */
    static final double PLACEMENT_STRENGTH = 100;

    /** The strength used where fewer than {@link #MIN_CHILDREN} children have enough trials. */
    static final double DEFAULT_STRENGTH = 200;

    static final double MIN_STRENGTH = 10;
    static final double MAX_STRENGTH = 10_000;
    static final int MIN_CHILDREN = 3;
    static final long MIN_CHILD_TRIALS = 30;

    private static final Rate[] RATES = Rate.values();

    /** One ad's evidence, where it sits in the account tree, and where it runs. */
    public record AdOutcomes(AdLineage lineage, Placement placement, Outcomes outcomes) {
        public AdOutcomes {
            if (lineage == null || placement == null || outcomes == null) {
                throw new IllegalArgumentException("lineage, placement and outcomes are required");
            }
        }
    }

    private record AdvertiserKey(long advertiserId, Placement placement) {}

    private final Map<Long, PredictedRates> byAd;
    private final Map<Long, PredictedRates> adGroupPriors;
    private final Map<AdvertiserKey, PredictedRates> advertiserPriors;
    private final Map<Placement, PredictedRates> placementPriors;

    private RateEstimates(
            Map<Long, PredictedRates> byAd,
            Map<Long, PredictedRates> adGroupPriors,
            Map<AdvertiserKey, PredictedRates> advertiserPriors,
            Map<Placement, PredictedRates> placementPriors) {
        this.byAd = byAd;
        this.adGroupPriors = adGroupPriors;
        this.advertiserPriors = advertiserPriors;
        this.placementPriors = placementPriors;
    }

    /** Nothing learned: every ad gets {@link PredictedRates#assumed()}, the fixed-rate ranking. */
    public static RateEstimates assumed() {
        return new RateEstimates(Map.of(), Map.of(), Map.of(), Map.of());
    }

    /** Rates given per ad (an oracle's); any other ad gets {@link PredictedRates#assumed()}. */
    public static RateEstimates known(Map<Long, PredictedRates> byAd) {
        return new RateEstimates(Map.copyOf(byAd), Map.of(), Map.of(), Map.of());
    }

    /** What the evidence of these ads says of each of them; see the class comment. */
    public static RateEstimates estimate(Collection<AdOutcomes> ads) {
        Map<Placement, Outcomes> placementSums = new EnumMap<>(Placement.class);
        Map<AdvertiserKey, Outcomes> advertiserSums = new HashMap<>();
        Map<Long, Outcomes> adGroupSums = new HashMap<>();
        Map<Long, AdOutcomes> adGroupSample = new HashMap<>();
        for (AdOutcomes ad : ads) {
            placementSums.merge(ad.placement(), ad.outcomes(), Outcomes::plus);
            advertiserSums.merge(advertiserOf(ad), ad.outcomes(), Outcomes::plus);
            adGroupSums.merge(ad.lineage().adgroupId(), ad.outcomes(), Outcomes::plus);
            adGroupSample.putIfAbsent(ad.lineage().adgroupId(), ad);
        }

        double[][] placementMeans = new double[Placement.values().length][];
        Map<Placement, PredictedRates> placementPriors = new EnumMap<>(Placement.class);
        for (Placement placement : Placement.values()) {
            Outcomes sum = placementSums.getOrDefault(placement, Outcomes.NONE);
            double[] means = new double[RATES.length];
            for (Rate rate : RATES) {
                means[rate.ordinal()] =
                        Beta.posterior(
                                        rate.defaultMean(),
                                        PLACEMENT_STRENGTH,
                                        rate.successes(sum),
                                        rate.trials(sum))
                                .mean();
            }
            placementMeans[placement.ordinal()] = means;
            placementPriors.put(placement, prior(means, strengths(DEFAULT_STRENGTH)));
        }

        // advertisers in a placement, pulled toward the placement
        List<Child<AdvertiserKey>> advertisers = new ArrayList<>();
        advertiserSums.forEach(
                (key, sum) ->
                        advertisers.add(
                                new Child<>(key, sum, placementMeans[key.placement().ordinal()])));
        Map<AdvertiserKey, double[]> advertiserMeans = smooth(advertisers);

        // ad groups, pulled toward their advertiser in their placement
        List<Child<Long>> adGroups = new ArrayList<>();
        adGroupSums.forEach(
                (adgroupId, sum) ->
                        adGroups.add(
                                new Child<>(
                                        adgroupId,
                                        sum,
                                        advertiserMeans.get(
                                                advertiserOf(adGroupSample.get(adgroupId))))));
        Map<Long, double[]> adGroupMeans = smooth(adGroups);

        // ads, pulled toward their ad group
        List<Child<AdOutcomes>> adChildren = new ArrayList<>();
        for (AdOutcomes ad : ads) {
            adChildren.add(
                    new Child<>(ad, ad.outcomes(), adGroupMeans.get(ad.lineage().adgroupId())));
        }
        double[] adStrengths = strengths(adChildren);
        Map<Long, PredictedRates> byAd = new HashMap<>();
        for (Child<AdOutcomes> ad : adChildren) {
            Map<Rate, Beta> posteriors = new EnumMap<>(Rate.class);
            for (Rate rate : RATES) {
                posteriors.put(
                        rate,
                        Beta.posterior(
                                ad.parentMeans[rate.ordinal()],
                                adStrengths[rate.ordinal()],
                                rate.successes(ad.sum),
                                rate.trials(ad.sum)));
            }
            byAd.put(ad.key.lineage().adId(), PredictedRates.of(posteriors, ad.sum.impressions()));
        }

        return new RateEstimates(
                byAd,
                priors(adGroupMeans, adStrengths),
                priors(advertiserMeans, adStrengths),
                placementPriors);
    }

    /** The ad's prediction, or the prior of its nearest known level when it is new. */
    public PredictedRates forAd(AdLineage lineage, Placement placement) {
        PredictedRates own = byAd.get(lineage.adId());
        if (own != null) {
            return own;
        }
        PredictedRates prior = adGroupPriors.get(lineage.adgroupId());
        if (prior == null) {
            prior = advertiserPriors.get(new AdvertiserKey(lineage.advertiserId(), placement));
        }
        if (prior == null) {
            prior = placementPriors.get(placement);
        }
        return prior == null ? PredictedRates.assumed() : prior;
    }

    /** The ad group's smoothed rate (what its ads are pulled toward), for comparisons. */
    public double adGroupMean(AdLineage lineage, Placement placement, Rate rate) {
        PredictedRates prior = adGroupPriors.get(lineage.adgroupId());
        if (prior == null) {
            prior = advertiserPriors.get(new AdvertiserKey(lineage.advertiserId(), placement));
        }
        if (prior == null) {
            prior = placementPriors.get(placement);
        }
        return prior == null ? rate.defaultMean() : prior.mean(rate);
    }

    /**
     * The placement's smoothed rate (every ad there, pulled toward the defaults), the reference of
     * the quality term; {@link Rate#defaultMean()} when nothing was estimated.
     */
    public double placementMean(Placement placement, Rate rate) {
        PredictedRates prior = placementPriors.get(placement);
        return prior == null ? rate.defaultMean() : prior.mean(rate);
    }

    /** How many ads have evidence of their own in this snapshot. */
    public int size() {
        return byAd.size();
    }

    private static AdvertiserKey advertiserOf(AdOutcomes ad) {
        return new AdvertiserKey(ad.lineage().advertiserId(), ad.placement());
    }

    /** A node of one level: its key, its evidence and its parent's means per rate. */
    private record Child<K>(K key, Outcomes sum, double[] parentMeans) {}

    /** Each child's means, pulled toward its parent by the level's estimated strength. */
    private static <K> Map<K, double[]> smooth(List<Child<K>> children) {
        double[] strengths = strengths(children);
        Map<K, double[]> means = new HashMap<>();
        for (Child<K> child : children) {
            double[] own = new double[RATES.length];
            for (Rate rate : RATES) {
                own[rate.ordinal()] =
                        Beta.posterior(
                                        child.parentMeans[rate.ordinal()],
                                        strengths[rate.ordinal()],
                                        rate.successes(child.sum),
                                        rate.trials(child.sum))
                                .mean();
            }
            means.put(child.key, own);
        }
        return means;
    }

    /** Per rate, the level's prior strength estimated from its children (see {@link #strength}). */
    private static <K> double[] strengths(List<Child<K>> children) {
        double[] strengths = new double[RATES.length];
        for (Rate rate : RATES) {
            strengths[rate.ordinal()] =
                    strength(
                            children,
                            c -> rate.successes(c.sum),
                            c -> rate.trials(c.sum),
                            c -> c.parentMeans[rate.ordinal()]);
        }
        return strengths;
    }

    /**
     * The method-of-moments strength of a level: the spread of the children's observed rates around
     * their parents' (weighted by trials), less the spread binomial noise alone would give, is the
     * true between-children variance τ²; a Beta prior of mean μ with that variance is worth {@code
     * μ(1 − μ)/τ² − 1} trials. Clamped to [{@value #MIN_STRENGTH}, {@value #MAX_STRENGTH}]; {@value
     * #DEFAULT_STRENGTH} when fewer than {@value #MIN_CHILDREN} children have {@value
     * #MIN_CHILD_TRIALS} trials.
     */
    static <C> double strength(
            Collection<C> children,
            Function<C, Long> successes,
            Function<C, Long> trials,
            Function<C, Double> parentMean) {
        double weight = 0, spread = 0, noise = 0, meanSum = 0;
        int counted = 0;
        for (C child : children) {
            long n = trials.apply(child);
            if (n < MIN_CHILD_TRIALS) {
                continue;
            }
            double parent = parentMean.apply(child);
            double observed = (double) successes.apply(child) / n;
            double d = observed - parent;
            weight += n;
            spread += n * d * d;
            noise += parent * (1 - parent);
            meanSum += n * parent;
            counted++;
        }
        if (counted < MIN_CHILDREN) {
            return DEFAULT_STRENGTH;
        }
        double mu = meanSum / weight;
        double tau2 = spread / weight - noise / weight;
        if (tau2 <= 0) {
            return MAX_STRENGTH;
        }
        double m = mu * (1 - mu) / tau2 - 1;
        return Math.max(MIN_STRENGTH, Math.min(MAX_STRENGTH, m));
    }

    private static double[] strengths(double value) {
        double[] strengths = new double[RATES.length];
        Arrays.fill(strengths, value);
        return strengths;
    }

    private static PredictedRates prior(double[] means, double[] strengths) {
        Map<Rate, Beta> posteriors = new EnumMap<>(Rate.class);
        for (Rate rate : RATES) {
            posteriors.put(
                    rate, Beta.posterior(means[rate.ordinal()], strengths[rate.ordinal()], 0, 0));
        }
        return PredictedRates.of(posteriors, 0);
    }

    private static <K> Map<K, PredictedRates> priors(Map<K, double[]> means, double[] strengths) {
        Map<K, PredictedRates> priors = new HashMap<>();
        means.forEach((key, m) -> priors.put(key, prior(m, strengths)));
        return priors;
    }
}
