package io.sparkads.delivery.engine;

import java.util.random.RandomGenerator;

/**
 * Picks the ad an exploring request gives one slot to: among the eligible unjudged ads not already
 * served (the first {@link #MAX_DRAWS} of them by eCPM), the best Thompson sample of eCPM, if it
 * beats the last ad served. See {@link Exploration} for the rule.
 */
final class Explorer {

    /**
     * How much of the displaced ad's eCPM a draw must reach. Below 1 on purpose: a new ad's prior
     * is its group's, often a worse sibling's, so requiring its draw to beat the winner outright
     * would show it too rarely to learn; a draw worth less than half the slot is not worth the
     * impression. The cost stays bounded: at most half of one slot's value on {@code share} of
     * requests.
     */
    static final double MIN_SHARE_OF_DISPLACED = 0.5;

    /**
     * The most eligible unjudged ads one exploring request draws for: the first ones by eCPM at
     * their posterior means. A draw costs about 1 µs (two Beta samples and the eligibility check),
     * and a placement may hold tens of thousands of unjudged ads, so drawing for all of them would
     * make an exploring request cost milliseconds. The ads further down wait their turn: each ad
     * above them leaves the list once judged. With at most this many eligible, every one draws.
     */
    static final int MAX_DRAWS = 32;

    /** The ad to explore and the eCPM its draw earned. */
    record Pick(int position, long sampledEcpmMicros) {}

    private Explorer() {}

    /**
     * The pick, or {@code null} when no unjudged eligible ad's draw reaches {@link
     * #MIN_SHARE_OF_DISPLACED} of the last of {@code served} (while {@code served} fills the
     * slots).
     *
     * @param served the positions the ranking serves, best first
     */
    static Pick pick(
            PlacementRanking ranking,
            int[] served,
            int servedCount,
            int slots,
            AdIndex index,
            Viewer viewer,
            Eligibility eligibility,
            RandomGenerator random) {
        long toBeat =
                servedCount < slots
                        ? 0
                        : (long)
                                (ranking.ecpmMicros[served[servedCount - 1]]
                                        * MIN_SHARE_OF_DISPLACED);
        Pick best = null;
        int draws = 0;
        TargetingIndex.Matches matches = ranking.unjudgedTargeting.matching(viewer);
        for (int u = matches.next(); u >= 0 && draws < MAX_DRAWS; u = matches.next()) {
            int position = ranking.unjudged[u];
            AdCandidate ad = ranking.ads[position];
            if (isServed(position, served, servedCount)
                    || sharesAnItem(ad, ranking, served, servedCount)
                    || !eligibility.test(ad)) {
                continue;
            }
            draws++;
            PredictedRates rates = ranking.values[position].rates();
            double placementQuality =
                    index.rates.placementMean(ad.placement(), Valuation.qualityRate(ad.goal()));
            long sampled =
                    Valuation.ecpmMicros(
                            ad, rate -> rates.posterior(rate).sample(random), placementQuality);
            if (sampled > toBeat && (best == null || sampled > best.sampledEcpmMicros())) {
                best = new Pick(position, sampled);
            }
        }
        return best;
    }

    /** Where among the served ads (best first) the pick's sample ranks: after its equals. */
    static int placeOf(Pick pick, PlacementRanking ranking, int[] served, int servedCount) {
        int at = 0;
        while (at < servedCount && ranking.ecpmMicros[served[at]] >= pick.sampledEcpmMicros()) {
            at++;
        }
        return at;
    }

    private static boolean isServed(int position, int[] served, int servedCount) {
        for (int i = 0; i < servedCount; i++) {
            if (served[i] == position) {
                return true;
            }
        }
        return false;
    }

    private static boolean sharesAnItem(
            AdCandidate ad, PlacementRanking ranking, int[] served, int servedCount) {
        if (ad.itemId() == null) {
            return false;
        }
        for (int i = 0; i < servedCount; i++) {
            if (ad.itemId().equals(ranking.ads[served[i]].itemId())) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether an ad whose targeting the viewer matches may be served to the request now (schedule,
     * exclusions, filter).
     */
    interface Eligibility {
        boolean test(AdCandidate ad);
    }
}
