package io.sparkads.delivery.simulation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.sparkads.delivery.engine.Rate;
import io.sparkads.delivery.simulation.DeliverySimulator.Report;
import io.sparkads.delivery.simulation.Traffic.Draw;
import java.util.List;
import org.junit.jupiter.api.Test;

class DeliverySimulatorTest {

    @Test
    void theSameSeedPlaysTheSameRunToTheLastFigure() {
        // given
        Scenario scenario = Scenario.tiny(7, 4_000);

        // when
        Report first = DeliverySimulator.run(scenario);
        Report second = DeliverySimulator.run(Scenario.tiny(7, 4_000));

        // then
        assertThat(second.checkpoints()).isEqualTo(first.checkpoints());
        assertThat(second.markdown()).isEqualTo(first.markdown());
        assertThat(first.checkpoints()).hasSize(2);
        assertThat(first.markdown())
                .contains("| 4,000 | fixed |", "| 4,000 | learned |", "| 4,000 | oracle |");
    }

    @Test
    void aTinyRunServesAndChargesEveryArm() {
        Report report = DeliverySimulator.run(Scenario.tiny(7, 4_000));

        for (int arm = 0; arm < 3; arm++) {
            Figures end = report.at(4_000, arm);
            assertThat(end.impressions()).isPositive().isLessThanOrEqualTo(4_000);
            assertThat(end.revenue()).isPositive();
            assertThat(end.engagementRate()).isBetween(0.0, 1.0);
            assertThat(end.exploredShare()).isBetween(0.0, 1.0);
        }
    }

    @Test
    void anotherSeedPlaysOtherTraffic() {
        Report seven = DeliverySimulator.run(Scenario.tiny(7, 2_000));
        Report eight = DeliverySimulator.run(Scenario.tiny(8, 2_000));

        assertThat(eight.checkpoints()).isNotEqualTo(seven.checkpoints());
    }

    @Test
    void everyArmMeetsTheSameViewersAndTheSameDraws() {
        // given two arms' view of the traffic of one seed
        Traffic one = new Traffic(42, Scenario.SEGMENTS);
        Traffic other = new Traffic(42, Scenario.SEGMENTS);

        // then each request has the same viewer, segment and draws on both
        for (long request = 0; request < 1_000; request++) {
            assertThat(other.viewer(request)).isEqualTo(one.viewer(request));
            assertThat(other.segment(request)).isEqualTo(one.segment(request));
            for (Draw draw : Draw.values()) {
                assertThat(other.uniform(request, 0, draw))
                        .isEqualTo(one.uniform(request, 0, draw));
            }
        }
        // and the draws of one impression are independent of each other
        assertThat(one.uniform(5, 0, Draw.CLICK)).isNotEqualTo(one.uniform(5, 0, Draw.ENGAGEMENT));
        assertThat(one.uniform(5, 0, Draw.CLICK)).isNotEqualTo(one.uniform(5, 1, Draw.CLICK));
    }

    @Test
    void viewersActAtTheAdsTrueRatesAndNeverClickAnAdNobodyClicks() {
        // given
        Traffic traffic = new Traffic(3, Scenario.SEGMENTS);
        SimulatedAd liked = adWithRates(0.2, 0.05);
        SimulatedAd ignored = adWithRates(0, 0.05);

        // when
        int likedClicks = 0, ignoredClicks = 0, engagements = 0;
        int n = 20_000;
        for (long request = 0; request < n; request++) {
            int segment = traffic.segment(request);
            Impression a = Impression.play(liked, segment, traffic, request, 0);
            Impression b = Impression.play(ignored, segment, traffic, request, 0);
            likedClicks += a.click() ? 1 : 0;
            ignoredClicks += b.click() ? 1 : 0;
            engagements += a.engagement() ? 1 : 0;
        }

        // then
        assertThat(likedClicks / (double) n).isCloseTo(0.2, within(0.01));
        assertThat(engagements / (double) n).isCloseTo(0.05, within(0.005));
        assertThat(ignoredClicks).isZero();
    }

    private static SimulatedAd adWithRates(double clickThrough, double engagement) {
        SimulatedAd template = Scenario.tiny(1, 1_000).ads().get(0);
        double[][] rates = new double[Scenario.SEGMENTS.size()][Rate.values().length];
        for (double[] r : rates) {
            r[Rate.CLICK_THROUGH.ordinal()] = clickThrough;
            r[Rate.SIX_SECOND_VIEW.ordinal()] = 0.3;
            r[Rate.COMPLETION.ordinal()] = 0.1;
            r[Rate.CONVERSION.ordinal()] = 0.05;
            r[Rate.ENGAGEMENT.ordinal()] = engagement;
        }
        return new SimulatedAd(template.candidate(), rates, 0);
    }

    @Test
    void theOracleKnowsAnAdsRatesOverTheSegmentsItReaches() {
        SimulatedAd ad = adWithRates(0.02, 0.04);

        assertThat(ad.meanRates(List.copyOf(Scenario.SEGMENTS)).get(Rate.CLICK_THROUGH))
                .isCloseTo(0.02, within(1e-12));
    }
}
