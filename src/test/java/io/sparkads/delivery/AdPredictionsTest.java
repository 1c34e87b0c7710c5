package io.sparkads.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import io.sparkads.common.AdLineage;
import io.sparkads.delivery.engine.BillingEvent;
import io.sparkads.delivery.engine.Goal;
import io.sparkads.delivery.engine.Outcomes;
import io.sparkads.delivery.engine.Placement;
import io.sparkads.delivery.engine.Rate;
import io.sparkads.delivery.engine.RateEstimates;
import io.sparkads.delivery.engine.RateEstimates.AdOutcomes;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What an ad's page says of its predicted rates and of why it delivers slowly. */
class AdPredictionsTest {
    private static final AdLineage WEAK = new AdLineage(1, 10, 100, 1000);
    private static final AdLineage STRONG = new AdLineage(2, 10, 100, 1000);
    private static final AdLineage STRONGER = new AdLineage(3, 10, 100, 1000);

    private static Outcomes clicks(long impressions, long clicks) {
        return new Outcomes(impressions, clicks, impressions / 4, impressions / 10, 0, 0, 0, 0);
    }

    private static final Outcomes WEAK_OUTCOMES = clicks(5000, 10);

    private static final RateEstimates ESTIMATES =
            RateEstimates.estimate(
                    List.of(
                            new AdOutcomes(WEAK, Placement.IN_FEED, WEAK_OUTCOMES),
                            new AdOutcomes(STRONG, Placement.IN_FEED, clicks(5000, 100)),
                            new AdOutcomes(STRONGER, Placement.IN_FEED, clicks(5000, 120))));

    @Test
    void aCpcAdClickedFarLessThanItsAdGroupSaysSoInWords() {
        AdPredictions.AdPrediction prediction =
                AdPredictions.predict(
                        WEAK,
                        Placement.IN_FEED,
                        BillingEvent.CPC,
                        Goal.CLICK,
                        ESTIMATES,
                        WEAK_OUTCOMES);

        assertThat(prediction.learning()).isFalse();
        assertThat(prediction.slowReasons()).hasSize(1);
        assertThat(prediction.slowReasons().get(0))
                .matches("Low predicted click-through: 0\\.[0-9]% vs 1\\.[0-9]% in its ad group");
        AdPredictions.RatePrediction clickThrough = prediction.rates().get(0);
        assertThat(clickThrough.label()).isEqualTo("Click-through");
        assertThat(clickThrough.decides()).isTrue();
        assertThat(clickThrough.measuredPercent()).isEqualTo("0.2%");
        assertThat(clickThrough.predicted()).isLessThan(clickThrough.adGroup());
        assertThat(prediction.rates())
                .extracting(AdPredictions.RatePrediction::label)
                .containsExactly(
                        "Click-through",
                        "6-second view",
                        "Completion",
                        "Conversion (per click)",
                        "Engagement");
    }

    @Test
    void aCpmAdIsNotRankedByItsClickThroughSoALowOneIsNoReason() {
        AdPredictions.AdPrediction prediction =
                AdPredictions.predict(
                        WEAK,
                        Placement.IN_FEED,
                        BillingEvent.CPM,
                        Goal.REACH,
                        ESTIMATES,
                        WEAK_OUTCOMES);

        assertThat(prediction.slowReasons()).isEmpty();
        assertThat(prediction.rates().get(0).decides()).isFalse();
    }

    @Test
    void aNewCpcAdIsStillLearningAndItsMeasuredRatesAreNotKnownYet() {
        AdLineage fresh = new AdLineage(4, 10, 100, 1000);

        AdPredictions.AdPrediction prediction =
                AdPredictions.predict(
                        fresh,
                        Placement.IN_FEED,
                        BillingEvent.CPC,
                        Goal.CLICK,
                        ESTIMATES,
                        Outcomes.NONE);

        assertThat(prediction.learning()).isTrue();
        assertThat(prediction.impressions()).isZero();
        assertThat(prediction.slowReasons())
                .containsExactly(
                        "Still learning: 0 impressions so far. Until 1,000, delivery tries the ad"
                                + " on a small share of traffic to judge it");
        assertThat(prediction.rates().get(0).measuredPercent()).isEqualTo("—");
        assertThat(prediction.rates().get(0).predicted())
                .isEqualTo(ESTIMATES.adGroupMean(fresh, Placement.IN_FEED, Rate.CLICK_THROUGH));
    }

    @Test
    void ocpmIsRankedByClickThroughAndConversionAndEveryGoalByItsQualityRate() {
        assertThat(AdPredictions.deciding(BillingEvent.OCPM, Goal.CONVERT))
                .containsExactly(Rate.CLICK_THROUGH, Rate.CONVERSION, Rate.ENGAGEMENT);
        assertThat(AdPredictions.deciding(BillingEvent.CPM, Goal.FOLLOWERS))
                .containsExactly(Rate.FOLLOW);
        assertThat(AdPredictions.explains(Rate.ENGAGEMENT, BillingEvent.CPC, Goal.CLICK))
                .as("a tenth of the eCPM at most")
                .isFalse();
        assertThat(AdPredictions.explains(Rate.FOLLOW, BillingEvent.CPM, Goal.FOLLOWERS)).isTrue();
        assertThat(AdPredictions.percent(0.0004)).isEqualTo("0.04%");
        assertThat(AdPredictions.percent(0.014)).isEqualTo("1.4%");
    }
}
