package io.sparkads.delivery.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.sparkads.common.AdLineage;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RateEstimatesTest {

    private static RateEstimates.AdOutcomes ad(
            long adId, long adgroupId, long impressions, long clicks) {
        return new RateEstimates.AdOutcomes(
                new AdLineage(adId, adgroupId, 1, 1),
                Placement.IN_FEED,
                new Outcomes(impressions, clicks, 0, 0, 0, 0, 0, 0));
    }

    @Test
    void anAdWithNoEvidenceAnywhereGetsTheDefaultRates() {
        RateEstimates estimates = RateEstimates.estimate(List.of());

        PredictedRates rates = estimates.forAd(new AdLineage(9, 9, 9, 9), Placement.IN_FEED);

        assertThat(rates.mean(Rate.CLICK_THROUGH)).isCloseTo(0.01, within(1e-9));
        assertThat(rates.mean(Rate.SIX_SECOND_VIEW)).isCloseTo(0.25, within(1e-9));
    }

    @Test
    void anAdWithMuchEvidenceIsPredictedNearItsOwnRateAndANewAdNearItsGroups() {
        List<RateEstimates.AdOutcomes> ads = new ArrayList<>();
        for (int g = 0; g < 5; g++) {
            for (int a = 0; a < 4; a++) {
                long clicks = g == 0 && a == 0 ? 5_000 : 100 * (g + 1);
                ads.add(ad(g * 10L + a, g, 100_000, clicks));
            }
        }

        RateEstimates estimates = RateEstimates.estimate(ads);

        assertThat(
                        estimates
                                .forAd(new AdLineage(0, 0, 1, 1), Placement.IN_FEED)
                                .mean(Rate.CLICK_THROUGH))
                .isCloseTo(0.05, within(0.002));
        // a new ad in group 3 starts from group 3's rate (0.4%), not the default 1%
        assertThat(
                        estimates
                                .forAd(new AdLineage(999, 3, 1, 1), Placement.IN_FEED)
                                .mean(Rate.CLICK_THROUGH))
                .isCloseTo(0.004, within(0.0005));
    }

    @Test
    void aFewImpressionsMoveAPredictionOnlyAsFarAsThePriorStrengthAllows() {
        List<RateEstimates.AdOutcomes> ads = new ArrayList<>();
        for (int a = 0; a < 10; a++) {
            ads.add(ad(a, 1, 50_000, 500 + 20 * a));
        }
        ads.add(ad(100, 1, 40, 4)); // 10% after 40 impressions: luck, most likely

        RateEstimates estimates = RateEstimates.estimate(ads);

        double lucky =
                estimates
                        .forAd(new AdLineage(100, 1, 1, 1), Placement.IN_FEED)
                        .mean(Rate.CLICK_THROUGH);
        assertThat(lucky).isBetween(0.011, 0.05);
    }
}
