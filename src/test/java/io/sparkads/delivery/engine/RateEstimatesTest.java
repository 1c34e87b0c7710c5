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

    private static RateEstimates.AdOutcomes adOf(
            long adId, long adgroupId, long advertiserId, Outcomes outcomes) {
        return new RateEstimates.AdOutcomes(
                new AdLineage(adId, adgroupId, 1, advertiserId), Placement.IN_FEED, outcomes);
    }

    private static Outcomes clicks(long impressions, long clicks) {
        return new Outcomes(impressions, clicks, 0, 0, 0, 0, 0, 0);
    }

    /** One child of a level for {@link RateEstimates#strength}: k of n around a parent's rate. */
    private record Child(long k, long n, double parent) {}

    private static double strengthOf(List<Child> children) {
        return RateEstimates.strength(children, Child::k, Child::n, Child::parent);
    }

    @Test
    void childrenThatDifferOnlyByNoiseArePulledHardToTheirParent() {
        List<Child> identical =
                List.of(
                        new Child(100, 10_000, 0.01),
                        new Child(100, 10_000, 0.01),
                        new Child(100, 10_000, 0.01),
                        new Child(100, 10_000, 0.01));

        assertThat(strengthOf(identical)).isEqualTo(RateEstimates.MAX_STRENGTH);
    }

    @Test
    void childrenThatReallyDifferArePulledLittleAsTheMethodOfMomentsSays() {
        // given: rates 0.5%, 1%, 1.5%, 2% on 100,000 trials each around a parent of 1.25%
        List<Child> spread = new ArrayList<>();
        for (int i = 1; i <= 4; i++) {
            spread.add(new Child(500L * i, 100_000, 0.0125));
        }

        // then: τ² ≈ 0.3125e-4 − noise 1.23e-7 → m = μ(1−μ)/τ² − 1 ≈ 394
        assertThat(strengthOf(spread)).isCloseTo(394, within(5.0));
    }

    @Test
    void aLevelWithTooFewMeasuredChildrenUsesTheDefaultStrength() {
        List<Child> few =
                List.of(
                        new Child(5, 100, 0.01),
                        new Child(1, 10, 0.01),
                        new Child(0, 29, 0.01),
                        new Child(0, 5, 0.01));

        assertThat(strengthOf(few)).isEqualTo(RateEstimates.DEFAULT_STRENGTH);
    }

    @Test
    void conversionsAreARatePerClickNotPerImpression() {
        // given: 1,000 clicks of 100,000 impressions, 100 of the clicks converting
        RateEstimates estimates =
                RateEstimates.estimate(
                        List.of(adOf(1, 1, 1, new Outcomes(100_000, 1_000, 0, 0, 100, 0, 0, 0))));

        // then: about 10% per click, not 0.1% per impression
        PredictedRates rates = estimates.forAd(new AdLineage(1, 1, 1, 1), Placement.IN_FEED);
        assertThat(rates.mean(Rate.CONVERSION)).isCloseTo(0.1, within(0.01));
        assertThat(Rate.CONVERSION.trials(new Outcomes(100, 7, 0, 0, 9, 0, 0, 0))).isEqualTo(7);
        assertThat(Rate.CONVERSION.successes(new Outcomes(100, 7, 0, 0, 9, 0, 0, 0)))
                .as("never more successes than trials")
                .isEqualTo(7);
    }

    @Test
    void aNewAdFallsBackToItsGroupThenItsAdvertiserThenThePlacementThenTheDefaults() {
        // given: advertiser 1 clicks at 4% (groups 1 and 2), advertiser 2 at 0.5% (group 3)
        RateEstimates estimates =
                RateEstimates.estimate(
                        List.of(
                                adOf(1, 1, 1, clicks(100_000, 5_000)),
                                adOf(2, 2, 1, clicks(100_000, 3_000)),
                                adOf(3, 3, 2, clicks(100_000, 500))));

        double inGroup1 = ctr(estimates, new AdLineage(10, 1, 1, 1), Placement.IN_FEED);
        double newGroupOfAdvertiser1 =
                ctr(estimates, new AdLineage(11, 9, 1, 1), Placement.IN_FEED);
        double newAdvertiser = ctr(estimates, new AdLineage(12, 8, 1, 7), Placement.IN_FEED);
        double nothingKnown = ctr(estimates, new AdLineage(13, 8, 1, 7), Placement.TOPVIEW);

        // then
        assertThat(inGroup1).isCloseTo(0.05, within(0.002));
        assertThat(newGroupOfAdvertiser1).isCloseTo(0.04, within(0.002));
        assertThat(newAdvertiser).isCloseTo(0.0283, within(0.002)); // all 300,000 impressions
        assertThat(newAdvertiser)
                .isCloseTo(
                        estimates.placementMean(Placement.IN_FEED, Rate.CLICK_THROUGH),
                        within(1e-9));
        assertThat(nothingKnown).isCloseTo(Rate.CLICK_THROUGH.defaultMean(), within(1e-9));
    }

    private static double ctr(RateEstimates estimates, AdLineage lineage, Placement placement) {
        return estimates.forAd(lineage, placement).mean(Rate.CLICK_THROUGH);
    }
}
