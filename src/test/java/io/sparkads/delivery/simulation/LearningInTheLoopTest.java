package io.sparkads.delivery.simulation;

import static org.assertj.core.api.Assertions.assertThat;

import io.sparkads.common.AdLineage;
import io.sparkads.common.Creative;
import io.sparkads.delivery.engine.AdCandidate;
import io.sparkads.delivery.engine.BillingEvent;
import io.sparkads.delivery.engine.Goal;
import io.sparkads.delivery.engine.Placement;
import io.sparkads.delivery.engine.Rate;
import io.sparkads.delivery.engine.Targeting;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The learned ranking, closed loop: the real engine serves simulated viewers, their clicks are
 * counted per ad and folded into new estimates, and the ranking follows what viewers do.
 */
class LearningInTheLoopTest {
    private static final long WORSE = 1;
    private static final long BETTER = 2;

    @Test
    void ofTwoCpcAdsTheOneViewersClickWinsMostImpressionsAfterAFewThousandRequests() {
        // given the higher bid on the ad viewers rarely click: $0.80 at 0.5% against $0.50 at 3%
        Scenario scenario =
                new Scenario(
                        11,
                        Scenario.SEGMENTS,
                        List.of(cpcAd(WORSE, 800_000, 0.005), cpcAd(BETTER, 500_000, 0.03)),
                        5_000,
                        500,
                        0.05,
                        List.of(5_000L));
        Traffic traffic = new Traffic(scenario.seed(), scenario.segments());
        Arm fixed = Arm.fixed(scenario);
        Arm learned = Arm.learned(scenario);

        // when
        long betterAt3000 = 0, betterOnFixedAt3000 = 0;
        for (long request = 0; request < 5_000; request++) {
            fixed.serve(request, traffic, Scenario.START.plusMillis(request));
            learned.serve(request, traffic, Scenario.START.plusMillis(request));
            if ((request + 1) % scenario.refreshEvery() == 0) {
                learned.refresh();
            }
            if (request + 1 == 3_000) {
                betterAt3000 = learned.impressions(BETTER);
                betterOnFixedAt3000 = fixed.impressions(BETTER);
            }
        }

        // then over the last 2,000 requests the better ad takes most impressions when learned…
        assertThat(learned.impressions(BETTER) - betterAt3000).isGreaterThan(1_600);
        // …and few on today's fixed-rate ranking: only when the frequency cap bars the higher bid
        assertThat(fixed.impressions(BETTER) - betterOnFixedAt3000).isLessThan(400);
    }

    private static SimulatedAd cpcAd(long adId, long bidMicros, double clickThrough) {
        double[][] rates = new double[Scenario.SEGMENTS.size()][Rate.values().length];
        for (double[] r : rates) {
            r[Rate.CLICK_THROUGH.ordinal()] = clickThrough;
            r[Rate.SIX_SECOND_VIEW.ordinal()] = 0.25;
            r[Rate.COMPLETION.ordinal()] = 0.1;
            r[Rate.CONVERSION.ordinal()] = 0.05;
            r[Rate.ENGAGEMENT.ordinal()] = 0.03;
        }
        AdCandidate candidate =
                new AdCandidate(
                        new AdLineage(adId, 10 + adId, 20 + adId, 30),
                        null,
                        false,
                        Placement.IN_FEED,
                        Targeting.everyone(),
                        Scenario.START,
                        null,
                        BillingEvent.CPC,
                        bidMicros,
                        new Creative(
                                "1",
                                "A",
                                null,
                                "",
                                "https://cdn.example/v.mp4",
                                null,
                                "SHOP_NOW",
                                "WEBSITE",
                                "https://shop.example/"),
                        Goal.CLICK);
        return new SimulatedAd(candidate, rates, 0);
    }
}
