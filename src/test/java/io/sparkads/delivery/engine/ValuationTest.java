package io.sparkads.delivery.engine;

import static io.sparkads.delivery.engine.EngineFixtures.givenAd;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class ValuationTest {

    private static PredictedRates rates(Map<Rate, Double> means) {
        return PredictedRates.known(means);
    }

    private static long ecpm(AdCandidate ad, PredictedRates rates) {
        return Valuation.of(ad, rates, Valuation.qualityRate(ad.goal()).defaultMean()).ecpmMicros();
    }

    @Nested
    class PerBillingEvent {
        @Test
        void aCpmBidIsItsOwnEcpmWhateverItsClickThrough() {
            AdCandidate ad = givenAd(a -> a.bid(BillingEvent.CPM, 2_500_000).goal(Goal.REACH));

            assertThat(ecpm(ad, rates(Map.of(Rate.CLICK_THROUGH, 0.3)))).isEqualTo(2_500_000);
        }

        @Test
        void aCpcBidIsWorthItsPredictedClicksPerThousandImpressions() {
            AdCandidate ad = givenAd(a -> a.bid(BillingEvent.CPC, 300_000));

            assertThat(ecpm(ad, rates(Map.of(Rate.CLICK_THROUGH, 0.02)))).isEqualTo(6_000_000);
        }

        @Test
        void aCpvBidIsWorthItsPredictedSixSecondViewsPerThousandImpressions() {
            AdCandidate ad = givenAd(a -> a.bid(BillingEvent.CPV, 20_000).goal(Goal.VIDEO_VIEW));

            assertThat(ecpm(ad, rates(Map.of(Rate.SIX_SECOND_VIEW, 0.4)))).isEqualTo(8_000_000);
        }

        @Test
        void anOcpmBidPerConversionIsWorthItsPredictedConversionsPerThousandImpressions() {
            // given: 5.00 per conversion, 2% click, 10% of clicks convert: 2 conversions per 1000
            AdCandidate ad = givenAd(a -> a.bid(BillingEvent.OCPM, 5_000_000).goal(Goal.CONVERT));
            PredictedRates rates = rates(Map.of(Rate.CLICK_THROUGH, 0.02, Rate.CONVERSION, 0.1));

            assertThat(ecpm(ad, rates)).isEqualTo(10_000_000);
        }

        @Test
        void atTheAssumedRatesTheFixedRateRankingIsKept() {
            assertThat(givenAd(a -> a.bid(BillingEvent.CPC, 300_000)).ecpmMicros())
                    .isEqualTo(3_000_000);
            assertThat(givenAd(a -> a.bid(BillingEvent.CPV, 20_000)).ecpmMicros())
                    .isEqualTo(5_000_000);
        }

        @Test
        void aHugeBidSaturatesInsteadOfOverflowing() {
            AdCandidate ad = givenAd(a -> a.bid(BillingEvent.CPC, Long.MAX_VALUE));

            assertThat(ad.ecpmMicros()).isEqualTo(Long.MAX_VALUE);
        }
    }

    @Nested
    class Quality {
        @Test
        void anAdViewersEngageWithTwiceAsOftenAsThePlacementGainsTenPercent() {
            AdCandidate ad = givenAd(a -> a.bid(1_000_000));

            long liked = Valuation.of(ad, rates(Map.of(Rate.ENGAGEMENT, 0.06)), 0.03).ecpmMicros();
            long loved = Valuation.of(ad, rates(Map.of(Rate.ENGAGEMENT, 0.3)), 0.03).ecpmMicros();
            long ignored = Valuation.of(ad, rates(Map.of(Rate.ENGAGEMENT, 0.0)), 0.03).ecpmMicros();

            assertThat(liked).isEqualTo(1_100_000);
            assertThat(loved).as("the term is bounded").isEqualTo(1_100_000);
            assertThat(ignored).isEqualTo(900_000);
        }

        @Test
        void aFollowersGoalWeighsItsFollowRateAndNotEngagement() {
            AdCandidate ad = givenAd(a -> a.bid(1_000_000).goal(Goal.FOLLOWERS));
            PredictedRates rates = rates(Map.of(Rate.FOLLOW, 0.004, Rate.ENGAGEMENT, 0.0));

            assertThat(Valuation.qualityRate(Goal.FOLLOWERS)).isEqualTo(Rate.FOLLOW);
            assertThat(Valuation.of(ad, rates, 0.002).ecpmMicros()).isEqualTo(1_200_000);
        }

        @Test
        void aPageVisitGoalWeighsProfileVisits() {
            assertThat(Valuation.qualityRate(Goal.PAGE_VISIT)).isEqualTo(Rate.PROFILE_VISIT);
            assertThat(Valuation.qualityRate(Goal.CLICK)).isEqualTo(Rate.ENGAGEMENT);
            assertThat(Valuation.qualityWeight(Goal.ENGAGED_VIEW))
                    .isGreaterThan(Valuation.qualityWeight(Goal.CLICK));
        }

        @Test
        void aBetterQualityAdPaysLessPerEventForTheSamePlace() {
            AdCandidate ad = givenAd(a -> a.bid(2_000_000));
            Valuation plain = Valuation.of(ad, rates(Map.of(Rate.ENGAGEMENT, 0.03)), 0.03);
            Valuation liked = Valuation.of(ad, rates(Map.of(Rate.ENGAGEMENT, 0.06)), 0.03);

            assertThat(plain.chargedMicros(1_100_000)).isEqualTo(1_110_000);
            assertThat(liked.chargedMicros(1_100_000)).isEqualTo(1_010_000);
        }
    }

    @Nested
    class Pricing {
        @Test
        void aPriceIsNeverAboveTheBidWhateverTheRatesAndTheNextEcpm() {
            Random random = new Random(13);
            for (int i = 0; i < 10_000; i++) {
                BillingEvent event = BillingEvent.values()[random.nextInt(3)];
                long bid = 1 + random.nextInt(5_000_000);
                AdCandidate ad = givenAd(a -> a.bid(event, bid));
                PredictedRates rates =
                        rates(
                                Map.of(
                                        Rate.CLICK_THROUGH, random.nextDouble() * 0.2,
                                        Rate.SIX_SECOND_VIEW, random.nextDouble(),
                                        Rate.ENGAGEMENT, random.nextDouble() * 0.1));
                Valuation value = Valuation.of(ad, rates, 0.03);
                long next = (long) (random.nextDouble() * 2 * value.ecpmMicros());

                assertThat(value.chargedMicros(next)).isBetween(1L, bid);
            }
        }

        @Test
        void aClickIsPricedByTheAdsOwnPredictedClickThrough() {
            // given: next eCPM 2.00; 4% click-through → 40 clicks per 1000 → 0.05 + 0.01
            AdCandidate ad = givenAd(a -> a.bid(BillingEvent.CPC, 1_000_000));
            Valuation value = Valuation.of(ad, rates(Map.of(Rate.CLICK_THROUGH, 0.04)), 0.03);

            assertThat(value.chargedMicros(2_000_000)).isEqualTo(60_000);
            assertThat(value.reservedMicros(60_000)).isEqualTo(2_400); // 4% of 0.06
        }

        @Test
        void anOcpmAdPaysACpmThatKeepsItsExpectedCostPerConversionWithinItsBid() {
            // given: 5.00 per conversion at 2 conversions per 1000 impressions → eCPM 10.00
            AdCandidate ad = givenAd(a -> a.bid(BillingEvent.OCPM, 5_000_000).goal(Goal.CONVERT));
            PredictedRates rates =
                    rates(
                            Map.of(
                                    Rate.CLICK_THROUGH, 0.02,
                                    Rate.CONVERSION, 0.1,
                                    Rate.ENGAGEMENT, 0.3));
            Valuation value = Valuation.of(ad, rates, 0.03);

            // then: its quality lifts its rank (11.00) but its price stops at 10.00 per 1000
            assertThat(value.ecpmMicros()).isEqualTo(11_000_000);
            assertThat(value.capMicros()).isEqualTo(10_000_000);
            assertThat(value.chargedMicros(10_999_999)).isEqualTo(10_000_000);
            assertThat(value.chargedMicros(5_500_000)).isEqualTo(5_010_000);
            double costPerConversion = value.chargedMicros(10_999_999) / 2.0;
            assertThat(costPerConversion).isLessThanOrEqualTo(5_000_000);
        }
    }
}
