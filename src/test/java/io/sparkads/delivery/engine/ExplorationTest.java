package io.sparkads.delivery.engine;

import static io.sparkads.delivery.engine.EngineFixtures.SECRET;
import static io.sparkads.delivery.engine.EngineFixtures.givenAd;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.sparkads.delivery.engine.EngineFixtures.TestClock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ExplorationTest {
    private static final long NEW_ADVERTISER = 999;

    private final ImpressionIds ids = new ImpressionIds(SECRET);

    /** Three CPC ads at 1.00 with 100,000 impressions and a 1% click-through each: judged. */
    private final List<AdCandidate> judged =
            List.of(
                    givenAd(a -> a.bid(BillingEvent.CPC, 1_000_000)),
                    givenAd(a -> a.bid(BillingEvent.CPC, 1_000_000)),
                    givenAd(a -> a.bid(BillingEvent.CPC, 1_000_000)));

    /** A CPC ad at 0.90 of an advertiser the estimates have never seen: below them at 1%. */
    private final AdCandidate newAd =
            givenAd(a -> a.bid(BillingEvent.CPC, 900_000).advertiser(NEW_ADVERTISER).adGroup(9));

    private RateEstimates evidenceOfTheJudgedAds() {
        List<RateEstimates.AdOutcomes> outcomes = new ArrayList<>();
        for (AdCandidate ad : judged) {
            outcomes.add(
                    new RateEstimates.AdOutcomes(
                            ad.lineage(),
                            Placement.IN_FEED,
                            new Outcomes(100_000, 1_000, 25_000, 0, 0, 3_000, 0, 0)));
        }
        return RateEstimates.estimate(outcomes);
    }

    private AdDecisionEngine engineWith(Exploration exploration) {
        AdDecisionEngine engine = new AdDecisionEngine(ids, new TestClock(), exploration);
        List<AdCandidate> ads = new ArrayList<>(judged);
        ads.add(newAd);
        engine.replaceAll(ads);
        engine.useRates(evidenceOfTheJudgedAds());
        return engine;
    }

    private static AdRequest request(int n, int slots) {
        return new AdRequest("request-" + n, Placement.IN_FEED, slots, Viewer.anonymous(), null);
    }

    @Test
    void aboutTheShareOfRequestsExploresAndTheChoiceIsReproducible() {
        Exploration exploration = new Exploration(0.05, 7);

        int exploring = 0;
        for (int n = 0; n < 100_000; n++) {
            if (exploration.explores("request-" + n)) {
                exploring++;
            }
        }

        assertThat(exploring / 100_000.0).isCloseTo(0.05, within(0.005));
        assertThat(exploration.explores("request-1"))
                .isEqualTo(new Exploration(0.05, 7).explores("request-1"));
    }

    @Test
    void aNewAdGetsExploredButOnlyOnExploringRequestsAndOnlyOneSlotOfEach() {
        // given: by its prior mean (1%) the new ad ranks last and is never served
        Exploration exploration = new Exploration(0.2, 42);
        AdDecisionEngine engine = engineWith(exploration);

        // when
        int explored = 0;
        int exploring = 0;
        for (int n = 0; n < 2_000; n++) {
            List<Decision> decisions = engine.decide(request(n, 2));
            long flagged = decisions.stream().filter(Decision::explored).count();
            assertThat(flagged).isLessThanOrEqualTo(1);
            assertThat(decisions).hasSizeLessThanOrEqualTo(2);
            if (flagged == 1) {
                explored++;
                assertThat(exploration.explores("request-" + n)).isTrue();
                Decision pick = decisions.stream().filter(Decision::explored).findFirst().get();
                assertThat(pick.ad()).isEqualTo(newAd);
                assertThat(pick.chargedMicros()).isBetween(1L, newAd.bidMicros());
            }
            if (exploration.explores("request-" + n)) {
                exploring++;
            }
        }

        // then: a good share of the exploring requests try it, and no other request does
        assertThat(explored).isGreaterThan(exploring / 5).isLessThanOrEqualTo(exploring);
        assertThat(explored / 2_000.0).isLessThanOrEqualTo(0.25);
    }

    @Test
    void anExploringRequestDrawsOnlyForTheFirstMaxDrawsUnjudgedAdsByEcpm() {
        // given: 200 new ads like newAd (equal eCPMs, so ranked by ad id), every request
        // exploring
        AdDecisionEngine engine =
                new AdDecisionEngine(ids, new TestClock(), new Exploration(0.99, 5));
        List<AdCandidate> ads = new ArrayList<>(judged);
        Set<Long> newAdIds = new HashSet<>();
        for (int i = 0; i < 200; i++) {
            AdCandidate ad =
                    givenAd(a -> a.bid(BillingEvent.CPC, 900_000).advertiser(NEW_ADVERTISER));
            ads.add(ad);
            newAdIds.add(ad.lineage().adId());
        }
        engine.replaceAll(ads);
        engine.useRates(evidenceOfTheJudgedAds());
        AtomicInteger newAdsChecked = new AtomicInteger();
        ServingFilter counting =
                (ad, viewer, now) -> {
                    if (newAdIds.contains(ad.lineage().adId())) {
                        newAdsChecked.incrementAndGet();
                    }
                    return true;
                };

        // when
        Set<Long> explored = new HashSet<>();
        for (int n = 0; n < 3_000; n++) {
            newAdsChecked.set(0);
            for (Decision decision : engine.decide(request(n, 1), counting)) {
                if (decision.explored()) {
                    explored.add(decision.ad().lineage().adId());
                }
            }
            // then: the ranking stops above the new ads, so only exploration checks them
            assertThat(newAdsChecked.get()).isLessThanOrEqualTo(Explorer.MAX_DRAWS);
        }
        Set<Long> first =
                new HashSet<>(newAdIds.stream().sorted().limit(Explorer.MAX_DRAWS).toList());
        assertThat(explored).isNotEmpty().isSubsetOf(first);
    }

    @Test
    void theSameRequestExploresTheSameWayEveryTime() {
        AdDecisionEngine engine = engineWith(new Exploration(0.5, 3));

        for (int n = 0; n < 200; n++) {
            List<Long> first = adIds(engine.decide(request(n, 2)));
            assertThat(adIds(engine.decide(request(n, 2)))).isEqualTo(first);
        }
    }

    @Test
    void withAShareOfZeroNothingIsEverExplored() {
        AdDecisionEngine engine = engineWith(Exploration.NONE);

        for (int n = 0; n < 2_000; n++) {
            List<Decision> decisions = engine.decide(request(n, 2));
            assertThat(decisions).noneMatch(Decision::explored);
            assertThat(decisions).extracting(Decision::ad).doesNotContain(newAd);
        }
    }

    @Test
    void aJudgedAdIsNeverExploredAndCpmAdsNeedNoJudging() {
        // given: only judged ads and a new CPM ad, every request exploring
        AdDecisionEngine engine =
                new AdDecisionEngine(ids, new TestClock(), new Exploration(0.99, 1));
        List<AdCandidate> ads = new ArrayList<>(judged);
        ads.add(givenAd(a -> a.bid(100_000).advertiser(NEW_ADVERTISER)));
        engine.replaceAll(ads);
        engine.useRates(evidenceOfTheJudgedAds());

        for (int n = 0; n < 500; n++) {
            assertThat(engine.decide(request(n, 1))).noneMatch(Decision::explored);
        }
    }

    @Test
    void ratesGivenForCertainNeedNoExploring() {
        // given: nothing learned yet (the assumed rates), every request exploring
        AdDecisionEngine engine =
                new AdDecisionEngine(ids, new TestClock(), new Exploration(0.99, 1));
        List<AdCandidate> ads = new ArrayList<>(judged);
        ads.add(newAd);
        engine.replaceAll(ads);

        for (int n = 0; n < 500; n++) {
            assertThat(engine.decide(request(n, 2))).noneMatch(Decision::explored);
        }
    }

    @Test
    void aShareOfOneOrMoreIsRefused() {
        assertThatThrownBy(() -> new Exploration(1, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("share must be in [0, 1)");
        assertThatThrownBy(
                        () ->
                                new AdDecisionEngine(
                                        new ImpressionIds(SECRET), new TestClock(), null))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static List<Long> adIds(List<Decision> decisions) {
        return decisions.stream().map(d -> d.ad().lineage().adId()).toList();
    }
}
