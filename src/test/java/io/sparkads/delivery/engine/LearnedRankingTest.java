package io.sparkads.delivery.engine;

import static io.sparkads.delivery.engine.EngineFixtures.SECRET;
import static io.sparkads.delivery.engine.EngineFixtures.givenAd;
import static io.sparkads.delivery.engine.EngineFixtures.request;
import static org.assertj.core.api.Assertions.assertThat;

import io.sparkads.delivery.engine.EngineFixtures.TestClock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LearnedRankingTest {
    private final ImpressionIds ids = new ImpressionIds(SECRET);
    private final AdDecisionEngine engine = new AdDecisionEngine(ids, new TestClock());

    private final AdCandidate highBidNobodyClicks =
            givenAd(a -> a.bid(BillingEvent.CPC, 1_000_000));
    private final AdCandidate lowBidOftenClicked = givenAd(a -> a.bid(BillingEvent.CPC, 500_000));

    private static RateEstimates clickThrough(
            AdCandidate a, double aRate, AdCandidate b, double bRate) {
        return RateEstimates.known(
                Map.of(
                        a.lineage().adId(),
                        PredictedRates.known(Map.of(Rate.CLICK_THROUGH, aRate)),
                        b.lineage().adId(),
                        PredictedRates.known(Map.of(Rate.CLICK_THROUGH, bRate))));
    }

    private AdCandidate first() {
        return engine.decide(request(r -> r.slots(1))).get(0).ad();
    }

    @Test
    void aCpcAdWithALowPredictedClickThroughLosesToALowerBidWithAHighOne() {
        // given: at the assumed 1% the higher bid wins
        engine.replaceAll(List.of(highBidNobodyClicks, lowBidOftenClicked));
        assertThat(first()).isEqualTo(highBidNobodyClicks);

        // when: 0.2% × 1.00 (eCPM 2.00) against 3% × 0.50 (eCPM 15.00)
        engine.useRates(clickThrough(highBidNobodyClicks, 0.002, lowBidOftenClicked, 0.03));

        // then
        assertThat(first()).isEqualTo(lowBidOftenClicked);
        assertThat(engine.valuation(lowBidOftenClicked.lineage().adId()).orElseThrow().ecpmMicros())
                .isEqualTo(15_000_000);
    }

    @Test
    void adsAddedAfterNewRatesAreValuedByThem() {
        // given
        engine.useRates(clickThrough(highBidNobodyClicks, 0.002, lowBidOftenClicked, 0.03));

        // when
        engine.upsert(highBidNobodyClicks);
        engine.upsert(lowBidOftenClicked);

        // then
        assertThat(first()).isEqualTo(lowBidOftenClicked);
        engine.replaceAll(List.of(highBidNobodyClicks, lowBidOftenClicked));
        assertThat(first()).isEqualTo(lowBidOftenClicked);
    }

    @Test
    void theRatesAreSwappedInWholeAndReadBack() {
        RateEstimates rates = clickThrough(highBidNobodyClicks, 0.002, lowBidOftenClicked, 0.03);

        engine.useRates(rates);

        assertThat(engine.rates()).isSameAs(rates);
    }

    @Test
    void theWinnerPaysTheNextEcpmOverItsOwnPredictedClicksAndReservesItsExpectedCost() {
        // given
        engine.replaceAll(List.of(highBidNobodyClicks, lowBidOftenClicked));
        engine.useRates(clickThrough(highBidNobodyClicks, 0.002, lowBidOftenClicked, 0.03));

        // when
        Decision decision = engine.decide(request(r -> r.slots(1))).get(0);

        // then: 2.00 per 1000 / 30 clicks = 0.0667 → 0.07 + 0.01; 3% of 0.08 reserved
        assertThat(decision.chargedMicros()).isEqualTo(80_000);
        assertThat(decision.reservedMicros()).isEqualTo(2_400);
        assertThat(decision.explored()).isFalse();
        assertThat(ids.verify(decision.impressionId()).orElseThrow().chargedMicros())
                .isEqualTo(80_000);
    }

    @Test
    void anOcpmAdIsServedChargedPerThousandImpressionsWithAnIdThatVerifies() {
        // given: 20.00 per conversion, 5% × 5% → 2.5 conversions per 1000: eCPM 50.00
        AdCandidate convert = givenAd(a -> a.bid(BillingEvent.OCPM, 20_000_000).goal(Goal.CONVERT));
        AdCandidate cpm = givenAd(a -> a.bid(30_000_000));
        engine.replaceAll(List.of(convert, cpm));
        engine.useRates(
                RateEstimates.known(
                        Map.of(
                                convert.lineage().adId(),
                                PredictedRates.known(
                                        Map.of(Rate.CLICK_THROUGH, 0.05, Rate.CONVERSION, 0.05)))));

        // when
        Decision decision = engine.decide(request(r -> r.slots(1))).get(0);

        // then: it pays the next eCPM, 30.00, plus a cent, as a CPM
        assertThat(decision.ad()).isEqualTo(convert);
        assertThat(decision.chargedMicros()).isEqualTo(30_010_000);
        assertThat(decision.reservedMicros()).isEqualTo(30_010);
        ImpressionTicket ticket = ids.verify(decision.impressionId()).orElseThrow();
        assertThat(ticket.billingEvent()).isEqualTo(BillingEvent.OCPM);
        assertThat(ticket.chargedMicros()).isEqualTo(30_010_000);
    }
}
