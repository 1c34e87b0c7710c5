package io.sparkads.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import io.sparkads.common.AdLineage;
import io.sparkads.common.Creative;
import io.sparkads.delivery.engine.AdCandidate;
import io.sparkads.delivery.engine.AdDecisionEngine;
import io.sparkads.delivery.engine.AdRequest;
import io.sparkads.delivery.engine.BillingEvent;
import io.sparkads.delivery.engine.Decision;
import io.sparkads.delivery.engine.Goal;
import io.sparkads.delivery.engine.ImpressionIds;
import io.sparkads.delivery.engine.InMemoryServingCounts;
import io.sparkads.delivery.engine.Placement;
import io.sparkads.delivery.engine.ServingRules;
import io.sparkads.delivery.engine.Targeting;
import io.sparkads.delivery.engine.Viewer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The order in which serving asks an ad's budgets and its serving rules: an ad one of them refuses
 * keeps nothing of the other, so a budget-refused ad uses up no frequency-cap or TopView place and
 * a rule-refused ad holds no budget.
 */
class AdServingTest {
    static final Instant NOW = Instant.parse("2026-11-23T12:00:00Z");
    static final ZoneId UTC = ZoneId.of("UTC");
    static final long ADGROUP = 200;

    final InMemoryServingCounts counts = new InMemoryServingCounts(); // shared by "servers"
    final ServingRules rules = new ServingRules(counts);
    final CountedBudget budget = new CountedBudget();
    final AdDecisionEngine engine =
            new AdDecisionEngine(
                    new ImpressionIds(
                            "test secret of at least thirty-two bytes"
                                    .getBytes(StandardCharsets.US_ASCII)),
                    () -> NOW);
    final AdServing serving =
            new AdServing(engine, rules, budget, Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void aTopViewAdWithItsBudgetUsedUpDoesNotUseUpItsDailyTopViewPlace() {
        // given a TopView ad with one reserved impression a day and no budget left
        AdCandidate ad = givenAd(Placement.TOPVIEW);
        rules.setRule(ADGROUP, new ServingRules.Rule(null, null, null, 1, UTC));
        budget.left = 0;

        // when a viewer opens the app
        List<Decision> refused = serving.serve(request(Placement.TOPVIEW, "viewer-a"), NOW);

        // then the ad is not served, and once its budget is raised the day's place is still free
        assertThat(refused).isEmpty();
        budget.left = 1;
        assertThat(serving.serve(request(Placement.TOPVIEW, "viewer-b"), NOW))
                .extracting(d -> d.ad().lineage().adId())
                .containsExactly(ad.lineage().adId());
    }

    @Test
    void aBudgetRefusedServeDoesNotRaiseACappedViewersCount() {
        // given an ad capped at one impression per viewer a day, with no budget left
        AdCandidate ad = givenAd(Placement.IN_FEED);
        rules.setRule(ADGROUP, new ServingRules.Rule(1, 1, null, null, UTC));
        budget.left = 0;

        // when the viewer asks for ads while the budget refuses
        assertThat(serving.serve(request(Placement.IN_FEED, "viewer-a"), NOW)).isEmpty();

        // then the viewer's one impression is still to come once the budget allows it
        budget.left = 5;
        assertThat(serving.serve(request(Placement.IN_FEED, "viewer-a"), NOW))
                .extracting(d -> d.ad().lineage().adId())
                .containsExactly(ad.lineage().adId());
        assertThat(serving.serve(request(Placement.IN_FEED, "viewer-a"), NOW))
                .as("the cap of one counts only the served impression")
                .isEmpty();
    }

    @Test
    void anAdTheRulesRefuseGivesItsBudgetReservationBack() {
        // given a TopView ad whose only place of the day another server has just taken
        AdCandidate ad = givenAd(Placement.TOPVIEW);
        ServingRules.Rule onePerDay = new ServingRules.Rule(null, null, null, 1, UTC);
        rules.setRule(ADGROUP, onePerDay);
        ServingRules otherServer = new ServingRules(counts);
        otherServer.setRule(ADGROUP, onePerDay);
        assertThat(otherServer.serve(ad, viewer("viewer-x"), NOW)).isTrue();
        budget.left = 3;

        // when this server, which has not yet seen the day full, serves the ad
        List<Decision> served = serving.serve(request(Placement.TOPVIEW, "viewer-a"), NOW);

        // then the ad is dropped and its budget holds nothing for it
        assertThat(served).isEmpty();
        assertThat(budget.reserveCalls).isEqualTo(1);
        assertThat(budget.left).isEqualTo(3);
    }

    private AdCandidate givenAd(Placement placement) {
        long adId = 1000 + engine.size();
        AdCandidate ad =
                new AdCandidate(
                        new AdLineage(adId, ADGROUP, 300, 400),
                        5000 + adId,
                        true,
                        placement,
                        Targeting.everyone(),
                        NOW.minusSeconds(3600),
                        null,
                        BillingEvent.CPM,
                        1_000_000,
                        new Creative(
                                "7001",
                                "Chef Ana",
                                "https://cdn.example/ana.jpg",
                                "Ten-minute pasta",
                                "https://cdn.example/v/1.mp4",
                                null,
                                "LEARN_MORE",
                                "PROFILE_PAGE",
                                null),
                        Goal.REACH);
        engine.upsert(ad);
        return ad;
    }

    private static AdRequest request(Placement placement, String viewerId) {
        return new AdRequest("req-" + viewerId, placement, 1, viewer(viewerId), Set.of());
    }

    private static Viewer viewer(String viewerId) {
        return new Viewer(viewerId, "US", null, null, List.of(), "en", "ANDROID");
    }

    /** A budget that allows {@code left} more servings, and takes a released one back. */
    static final class CountedBudget implements ServingBudgets {
        int left = Integer.MAX_VALUE;
        int reserveCalls;

        @Override
        public Reservation reserve(Decision decision, Instant at) {
            reserveCalls++;
            if (left == 0) {
                return null;
            }
            left--;
            return () -> left++;
        }
    }
}
