package io.sparkads.delivery.engine;

import static io.sparkads.delivery.engine.EngineFixtures.SECRET;
import static io.sparkads.delivery.engine.EngineFixtures.givenAd;
import static io.sparkads.delivery.engine.EngineFixtures.request;
import static org.assertj.core.api.Assertions.assertThat;

import io.sparkads.delivery.engine.EngineFixtures.TestClock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ChargedPriceTest {
    private final ImpressionIds ids = new ImpressionIds(SECRET);
    private final AdDecisionEngine engine = new AdDecisionEngine(ids, new TestClock());

    @Test
    void eachAdPaysTheNextAdsEcpmPlusACentCappedAtItsBid() {
        // given: CPM bids of 12.00, 10.00, 9.995→ a CPC bid of 0.80 (eCPM 8.00)
        AdCandidate first = givenAd(a -> a.bid(12_000_000));
        AdCandidate second = givenAd(a -> a.bid(10_000_000));
        AdCandidate third = givenAd(a -> a.bid(BillingEvent.CPC, 800_000));
        engine.replaceAll(List.of(first, second, third));

        // when: two slots, the third ad left out sets the second's price
        List<Decision> decisions = engine.decide(request(r -> r.slots(2)));

        // then
        assertThat(decisions).extracting(Decision::ad).containsExactly(first, second);
        assertThat(decisions.get(0).chargedMicros()).isEqualTo(10_010_000);
        assertThat(decisions.get(1).chargedMicros()).isEqualTo(8_010_000);
    }

    @Test
    void theLastEligibleAdPaysItsBidAndEqualBidsPayTheBid() {
        // given
        AdCandidate a = givenAd(x -> x.bid(10_000_000));
        AdCandidate b = givenAd(x -> x.bid(10_000_000));
        engine.replaceAll(List.of(a, b));

        // when
        List<Decision> decisions = engine.decide(request(r -> r.slots(5)));

        // then: 10.00 + 0.01 is capped at 10.00; the last pays its bid
        assertThat(decisions)
                .extracting(Decision::chargedMicros)
                .containsExactly(10_000_000L, 10_000_000L);
    }

    @Test
    void aClickPriceIsTheNextEcpmAsAClickRoundedUpToTheCentPlusACent() {
        // given: CPC 1.00 (eCPM 10.00) above a CPM 3.333 → 0.3333 per click → 0.34 + 0.01
        AdCandidate click = givenAd(x -> x.bid(BillingEvent.CPC, 1_000_000));
        AdCandidate below = givenAd(x -> x.bid(3_333_000));
        engine.replaceAll(List.of(click, below));

        // when
        Decision decision = engine.decide(request(r -> r.slots(1))).get(0);

        // then
        assertThat(decision.ad()).isEqualTo(click);
        assertThat(decision.chargedMicros()).isEqualTo(350_000);
        assertThat(decision.reservedMicros()).isEqualTo(3_500); // 1% of a click
    }

    @Test
    void theImpressionIdCarriesTheChargedPrice() {
        // given
        engine.replaceAll(
                List.of(givenAd(x -> x.bid(12_000_000)), givenAd(x -> x.bid(10_000_000))));

        // when
        Decision decision = engine.decide(request(r -> r.slots(1))).get(0);

        // then
        ImpressionTicket ticket = ids.verify(decision.impressionId()).orElseThrow();
        assertThat(ticket.bidMicros()).isEqualTo(12_000_000);
        assertThat(ticket.chargedMicros()).isEqualTo(10_010_000);
        assertThat(decision.impressionId()).hasSize(ImpressionIds.ID_LENGTH);
    }

    @Test
    void aReservationIsWhatOneServingIsExpectedToCostAtTheAdsPredictedRate() {
        PredictedRates assumed = PredictedRates.assumed();
        PredictedRates clicky = PredictedRates.known(Map.of(Rate.CLICK_THROUGH, 0.04));

        assertThat(BillingEvent.CPM.reservedMicros(10_000_000, clicky)).isEqualTo(10_000);
        assertThat(BillingEvent.CPM.reservedMicros(10_050_000, assumed)).isEqualTo(10_050);
        assertThat(BillingEvent.OCPM.reservedMicros(10_050_000, clicky)).isEqualTo(10_050);
        assertThat(BillingEvent.CPC.reservedMicros(500_000, assumed)).isEqualTo(5_000);
        assertThat(BillingEvent.CPC.reservedMicros(500_000, clicky)).isEqualTo(20_000);
        assertThat(BillingEvent.CPV.reservedMicros(40_000, assumed)).isEqualTo(10_000);
    }

    @Test
    void aPricePerEventIsTheEcpmOverThePredictedEventsPerThousandRoundedUpToTheCent() {
        PredictedRates clicky = PredictedRates.known(Map.of(Rate.CLICK_THROUGH, 0.04));

        assertThat(BillingEvent.CPV.priceMicros(10_000_000, PredictedRates.assumed()))
                .isEqualTo(40_000);
        assertThat(BillingEvent.CPC.priceMicros(10_000_001, PredictedRates.assumed()))
                .isEqualTo(1_010_000);
        assertThat(BillingEvent.CPC.priceMicros(10_000_000, clicky)).isEqualTo(250_000);
        assertThat(BillingEvent.OCPM.priceMicros(10_000_001, clicky)).isEqualTo(10_010_000);
    }
}
