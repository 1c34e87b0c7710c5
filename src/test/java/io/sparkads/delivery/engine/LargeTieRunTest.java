package io.sparkads.delivery.engine;

import static io.sparkads.delivery.engine.EngineFixtures.SECRET;
import static io.sparkads.delivery.engine.EngineFixtures.givenAd;
import static io.sparkads.delivery.engine.EngineFixtures.request;
import static org.assertj.core.api.Assertions.assertThat;

import io.sparkads.delivery.engine.EngineFixtures.TestClock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Runs of more than {@link TieBreak#WINDOW} ads of one eCPM (an ad group's new ads at one bid):
 * each viewer compares a window of them, and the ads still take turns fairly across viewers.
 */
class LargeTieRunTest {

    private final AdDecisionEngine engine =
            new AdDecisionEngine(new ImpressionIds(SECRET), new TestClock());

    private List<AdCandidate> equalAds(int count, long bidMicros) {
        List<AdCandidate> ads = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            ads.add(givenAd(a -> a.bid(bidMicros)));
        }
        return ads;
    }

    private List<Long> served(String viewerId, int slots) {
        return engine.decide(request(r -> r.slots(slots).viewer(v -> v.id(viewerId)))).stream()
                .map(d -> d.ad().lineage().adId())
                .toList();
    }

    @Test
    void everyAdOfALargeRunGetsItsShareOfViewers() {
        // given: 1,000 equal ads, four windows' worth
        List<AdCandidate> ads = equalAds(1_000, 2_000_000);
        engine.replaceAll(ads);

        // when: 20,000 viewers, one slot each
        Map<Long, Integer> serves = new HashMap<>();
        for (int v = 0; v < 20_000; v++) {
            for (long adId : served("viewer-" + v, 1)) {
                serves.merge(adId, 1, Integer::sum);
            }
        }

        // then: 20 each on average; every ad served, none more than three times its share
        assertThat(serves).hasSize(1_000);
        assertThat(serves.values()).allSatisfy(count -> assertThat(count).isBetween(1, 60));
    }

    @Test
    void aViewerSeesTheSameAdsOfALargeRunOnEveryRequest() {
        // given
        engine.replaceAll(equalAds(2_000, 2_000_000));

        // when / then
        assertThat(served("ana", 5)).hasSize(5).isEqualTo(served("ana", 5));
        assertThat(served("ana", 5)).isNotEqualTo(served("bo", 5));
    }

    @Test
    void aLargeRunRanksBelowAHigherBidAndAboveALowerOne() {
        // given
        AdCandidate higher = givenAd(a -> a.bid(3_000_000));
        AdCandidate lower = givenAd(a -> a.bid(1_000_000));
        List<AdCandidate> ads = new ArrayList<>(equalAds(1_000, 2_000_000));
        ads.add(higher);
        ads.add(lower);
        engine.replaceAll(ads);

        // when
        List<Long> served = served("ana", 5);

        // then
        assertThat(served).hasSize(5).first().isEqualTo(higher.lineage().adId());
        assertThat(served).doesNotContain(lower.lineage().adId());
    }

    @Test
    void aViewerGetsOnlyTheAdsOfALargeRunItMatches() {
        // given: 1,000 equal ads, every other one for France only
        List<AdCandidate> ads = new ArrayList<>();
        Set<Long> forFrance = new HashSet<>();
        for (int i = 0; i < 1_000; i++) {
            boolean france = i % 2 == 0;
            AdCandidate ad =
                    givenAd(
                            a -> {
                                a.bid(2_000_000);
                                if (france) {
                                    a.targeting(t -> t.regions("FR"));
                                }
                            });
            ads.add(ad);
            if (france) {
                forFrance.add(ad.lineage().adId());
            }
        }
        engine.replaceAll(ads);

        // when
        List<Long> served = new ArrayList<>();
        for (int v = 0; v < 200; v++) {
            String viewerId = "us-" + v;
            engine.decide(request(r -> r.slots(5).viewer(w -> w.id(viewerId).region("US"))))
                    .forEach(d -> served.add(d.ad().lineage().adId()));
        }

        // then
        assertThat(served).hasSize(1_000).doesNotContainAnyElementsOf(forFrance);
    }

    @Test
    void whenTheServingRulesRefuseAViewersWindowTheRestOfTheRunStillFillsTheSlots() {
        // given: 2,000 equal ads and a lower one; the rules allow only 3 of the equal ones
        List<AdCandidate> ads = new ArrayList<>(equalAds(2_000, 2_000_000));
        Set<Long> allowed = new HashSet<>();
        for (int i = 0; i < 3; i++) {
            allowed.add(ads.get(i * 600).lineage().adId());
        }
        AdCandidate lower = givenAd(a -> a.bid(1_000_000));
        ads.add(lower);
        engine.replaceAll(ads);
        ServingFilter rules =
                (ad, viewer, now) -> ad == lower || allowed.contains(ad.lineage().adId());

        // when
        List<Long> served =
                engine.decide(request(r -> r.slots(5).viewer(v -> v.id("ana"))), rules).stream()
                        .map(d -> d.ad().lineage().adId())
                        .toList();

        // then: the three allowed equal ads first, wherever they are in the run, then the lower
        assertThat(served.subList(0, 3)).containsExactlyInAnyOrderElementsOf(allowed);
        assertThat(served).hasSize(4).last().isEqualTo(lower.lineage().adId());
    }
}
