package io.sparkads.delivery.engine;

import static io.sparkads.delivery.engine.EngineFixtures.NOW;
import static io.sparkads.delivery.engine.EngineFixtures.SECRET;
import static io.sparkads.delivery.engine.EngineFixtures.givenAd;
import static io.sparkads.delivery.engine.EngineFixtures.request;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sparkads.common.AdLineage;
import io.sparkads.delivery.engine.EngineFixtures.TestClock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class AdDecisionEngineTest {

    private final TestClock clock = new TestClock();
    private final ImpressionIds impressionIds = new ImpressionIds(SECRET);
    private final AdDecisionEngine engine = new AdDecisionEngine(impressionIds, clock);

    private List<Long> servedAdIds(AdRequest request) {
        return engine.decide(request).stream().map(d -> d.ad().lineage().adId()).toList();
    }

    @Nested
    class Placements {
        @Test
        void servesOnlyAdsOfTheRequestedPlacement() {
            // given
            AdCandidate inFeed = givenAd(a -> a.placement(Placement.IN_FEED));
            AdCandidate topView = givenAd(a -> a.placement(Placement.TOPVIEW));
            engine.replaceAll(List.of(inFeed, topView));

            // when
            List<Long> forFeed = servedAdIds(request(r -> r.placement(Placement.IN_FEED).slots(5)));
            List<Long> forAppOpen =
                    servedAdIds(request(r -> r.placement(Placement.TOPVIEW).slots(5)));

            // then
            assertThat(forFeed).containsExactly(inFeed.lineage().adId());
            assertThat(forAppOpen).containsExactly(topView.lineage().adId());
        }
    }

    @Nested
    class Schedule {
        @Test
        void doesNotServeAnAdBeforeItStarts() {
            // given
            engine.upsert(givenAd(a -> a.start(NOW.plusMillis(1))));

            // when / then
            assertThat(engine.decide(request())).isEmpty();
        }

        @Test
        void servesAnAdFromTheInstantItStarts() {
            // given
            AdCandidate ad = givenAd(a -> a.start(NOW));
            engine.upsert(ad);

            // when / then
            assertThat(servedAdIds(request())).containsExactly(ad.lineage().adId());
        }

        @Test
        void servesAnAdUntilJustBeforeItEnds() {
            // given
            AdCandidate ad = givenAd(a -> a.start(NOW.minusSeconds(60)).end(NOW.plusNanos(1)));
            engine.upsert(ad);

            // when / then
            assertThat(servedAdIds(request())).containsExactly(ad.lineage().adId());
        }

        @Test
        void doesNotServeAnAdFromTheInstantItEnds() {
            // given
            engine.upsert(givenAd(a -> a.start(NOW.minusSeconds(60)).end(NOW)));

            // when / then
            assertThat(engine.decide(request())).isEmpty();
        }

        @Test
        void servesAnOpenEndedAdLongAfterItStarted() {
            // given
            AdCandidate ad = givenAd(a -> a.start(NOW.minus(Duration.ofDays(3650))).end(null));
            engine.upsert(ad);

            // when / then
            assertThat(servedAdIds(request())).containsExactly(ad.lineage().adId());
        }

        @Test
        void readsTheClockOnEveryRequest() {
            // given
            AdCandidate ad = givenAd(a -> a.start(NOW).end(NOW.plusSeconds(60)));
            engine.upsert(ad);
            assertThat(servedAdIds(request())).containsExactly(ad.lineage().adId());

            // when
            clock.set(NOW.plusSeconds(60));

            // then
            assertThat(engine.decide(request())).isEmpty();
        }

        @Test
        void decidingAsOfAPastInstantServesTheAdsLiveThenWithIdsStampedWithIt() {
            // given an ad that ran last week and one that starts today
            java.time.Instant lastWeek = NOW.minus(Duration.ofDays(7));
            AdCandidate ranThen = givenAd(a -> a.start(lastWeek.minusSeconds(60)));
            AdCandidate startsToday = givenAd(a -> a.start(NOW.minusSeconds(60)));
            engine.replaceAll(List.of(ranThen, startsToday));

            // when
            List<Decision> then =
                    engine.decide(request(r -> r.slots(5)), ServingFilter.NONE, lastWeek);

            // then
            assertThat(then)
                    .extracting(d -> d.ad().lineage().adId())
                    .containsExactly(ranThen.lineage().adId());
            assertThat(impressionIds.verify(then.get(0).impressionId()).orElseThrow().servedAt())
                    .isEqualTo(lastWeek);
        }
    }

    @Nested
    class TargetingRules {
        @Test
        void servesAnAdOnlyToViewersItTargets() {
            // given
            AdCandidate usOnly = givenAd(a -> a.targeting(t -> t.regions("US")));
            engine.upsert(usOnly);

            // when
            List<Long> forUs = servedAdIds(request(r -> r.viewer(v -> v.region("US"))));
            List<Long> forFrance = servedAdIds(request(r -> r.viewer(v -> v.region("FR"))));
            List<Long> forUnknown = servedAdIds(request(r -> r.viewer(v -> v.region(null))));

            // then
            assertThat(forUs).containsExactly(usOnly.lineage().adId());
            assertThat(forFrance).isEmpty();
            assertThat(forUnknown).isEmpty();
        }

        @Test
        void passesOverAnUntargetedBetterAdToServeAWorseTargetedOne() {
            // given
            AdCandidate richButForFrance =
                    givenAd(a -> a.bid(9_000_000).targeting(t -> t.regions("FR")));
            AdCandidate modestForEveryone = givenAd(a -> a.bid(1_000_000));
            engine.replaceAll(List.of(richButForFrance, modestForEveryone));

            // when / then
            assertThat(servedAdIds(request(r -> r.viewer(v -> v.region("US")))))
                    .containsExactly(modestForEveryone.lineage().adId());
        }
    }

    @Nested
    class Exclusions {
        @Test
        void doesNotServeAnAdShowingAnExcludedItem() {
            // given
            AdCandidate excluded = givenAd(a -> a.item(77).bid(9_000_000));
            AdCandidate other = givenAd(a -> a.item(78).bid(1_000_000));
            engine.replaceAll(List.of(excluded, other));

            // when / then
            assertThat(servedAdIds(request(r -> r.slots(5).exclude(77L))))
                    .containsExactly(other.lineage().adId());
        }

        @Test
        void servesNonSparkAdsWithoutAnItemWhateverIsExcluded() {
            // given
            AdCandidate nonSpark = givenAd(a -> a.nonSparkWithoutItem());
            engine.upsert(nonSpark);

            // when / then
            assertThat(servedAdIds(request(r -> r.exclude(1L, 2L, 3L))))
                    .containsExactly(nonSpark.lineage().adId());
        }
    }

    @Nested
    class Slots {
        @Test
        void returnsAtMostTheRequestedNumberOfAdsTheBestFirst() {
            // given
            List<AdCandidate> ads = new ArrayList<>();
            for (int i = 1; i <= 6; i++) {
                long bid = i * 1_000_000L;
                ads.add(givenAd(a -> a.bid(bid)));
            }
            engine.replaceAll(ads);

            // when
            List<Long> served = servedAdIds(request(r -> r.slots(3)));

            // then
            assertThat(served)
                    .containsExactly(
                            ads.get(5).lineage().adId(),
                            ads.get(4).lineage().adId(),
                            ads.get(3).lineage().adId());
        }

        @Test
        void returnsFewerAdsWhenFewerAreEligible() {
            // given
            AdCandidate only = givenAd();
            engine.replaceAll(List.of(only, givenAd(a -> a.placement(Placement.TOPVIEW))));

            // when / then
            assertThat(servedAdIds(request(r -> r.slots(10))))
                    .containsExactly(only.lineage().adId());
        }

        @Test
        void returnsAnEmptyListWhenTheEngineHoldsNoAds() {
            assertThat(engine.decide(request(r -> r.slots(10)))).isEmpty();
        }
    }

    @Nested
    class DistinctItems {
        @Test
        void neverServesTwoAdsOfTheSameItemAndKeepsTheBetterOne() {
            // given
            AdCandidate best = givenAd(a -> a.item(7).bid(5_000_000));
            AdCandidate sameItemWorse = givenAd(a -> a.item(7).bid(4_000_000));
            AdCandidate otherItem = givenAd(a -> a.item(8).bid(3_000_000));
            engine.replaceAll(List.of(sameItemWorse, otherItem, best));

            // when / then
            assertThat(servedAdIds(request(r -> r.slots(3))))
                    .containsExactly(best.lineage().adId(), otherItem.lineage().adId());
        }

        @Test
        void neverServesTwoAdsOfTheSameItemWhenTheyTieOnEcpm() {
            // given
            List<AdCandidate> sameItem = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                sameItem.add(givenAd(a -> a.item(7).bid(2_000_000)));
            }
            engine.replaceAll(sameItem);

            // when / then
            for (int v = 0; v < 50; v++) {
                String viewerId = "viewer-" + v;
                assertThat(engine.decide(request(r -> r.slots(5).viewer(x -> x.id(viewerId)))))
                        .hasSize(1);
            }
        }

        @Test
        void fillsTheSlotsWithOtherItemsWhenAnItemRepeats() {
            // given: the two best ads show the same item
            AdCandidate first = givenAd(a -> a.item(7).bid(9_000_000));
            AdCandidate repeat = givenAd(a -> a.item(7).bid(8_000_000));
            AdCandidate second = givenAd(a -> a.item(8).bid(2_000_000));
            AdCandidate third = givenAd(a -> a.item(9).bid(1_000_000));
            engine.replaceAll(List.of(first, repeat, second, third));

            // when / then
            assertThat(servedAdIds(request(r -> r.slots(2))))
                    .containsExactly(first.lineage().adId(), second.lineage().adId());
        }

        @Test
        void treatsNonSparkAdsWithoutAnItemAsDistinct() {
            // given
            AdCandidate one = givenAd(a -> a.nonSparkWithoutItem().bid(2_000_000));
            AdCandidate two = givenAd(a -> a.nonSparkWithoutItem().bid(1_000_000));
            engine.replaceAll(List.of(one, two));

            // when / then
            assertThat(servedAdIds(request(r -> r.slots(2))))
                    .containsExactly(one.lineage().adId(), two.lineage().adId());
        }
    }

    @Nested
    class Ranking {
        @Test
        void ranksByExpectedRevenuePerThousandImpressionsAcrossBillingEvents() {
            // given: eCPM 3.00 (CPM), 4.00 (CPC 0.40 × 1000 × 1%), 2.50 (CPV 0.01 × 1000 × 25%)
            AdCandidate cpm = givenAd(a -> a.bid(BillingEvent.CPM, 3_000_000));
            AdCandidate cpc = givenAd(a -> a.bid(BillingEvent.CPC, 400_000));
            AdCandidate cpv = givenAd(a -> a.bid(BillingEvent.CPV, 10_000));
            engine.replaceAll(List.of(cpm, cpc, cpv));

            // when / then
            assertThat(servedAdIds(request(r -> r.slots(3))))
                    .containsExactly(
                            cpc.lineage().adId(), cpm.lineage().adId(), cpv.lineage().adId());
        }

        @Test
        void aHigherEcpmWinsForEveryViewer() {
            // given
            AdCandidate higher = givenAd(a -> a.bid(1_000_001));
            AdCandidate lower = givenAd(a -> a.bid(1_000_000));
            engine.replaceAll(List.of(lower, higher));

            // when / then
            for (int v = 0; v < 200; v++) {
                String viewerId = "viewer-" + v;
                assertThat(servedAdIds(request(r -> r.viewer(x -> x.id(viewerId)))))
                        .containsExactly(higher.lineage().adId());
            }
        }
    }

    @Nested
    class Ties {
        @Test
        void equalAdsTakeTurnsAcrossViewers() {
            // given: the same eCPM through three billing events, and a fourth plain CPM ad
            List<AdCandidate> equal =
                    List.of(
                            givenAd(a -> a.bid(BillingEvent.CPM, 10_000_000)),
                            givenAd(a -> a.bid(BillingEvent.CPC, 1_000_000)),
                            givenAd(a -> a.bid(BillingEvent.CPV, 40_000)),
                            givenAd(a -> a.bid(BillingEvent.CPM, 10_000_000)));
            engine.replaceAll(equal);

            // when
            Map<Long, Integer> firstPlaces = new HashMap<>();
            for (int v = 0; v < 400; v++) {
                String viewerId = "viewer-" + v;
                long first = servedAdIds(request(r -> r.viewer(x -> x.id(viewerId)))).get(0);
                firstPlaces.merge(first, 1, Integer::sum);
            }

            // then: each about a quarter of the time
            assertThat(firstPlaces).hasSize(4);
            assertThat(firstPlaces.values()).allSatisfy(n -> assertThat(n).isBetween(60, 140));
        }

        @Test
        void aViewerSeesTheSameOrderOfEqualAdsEveryTime() {
            // given
            List<AdCandidate> equal = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                equal.add(givenAd(a -> a.bid(2_000_000)));
            }
            engine.replaceAll(equal);
            AdRequest request = request(r -> r.slots(6).viewer(v -> v.id("viewer-42")));
            List<Long> firstOrder = servedAdIds(request);

            // when
            AdDecisionEngine restarted = new AdDecisionEngine(impressionIds, clock);
            List<AdCandidate> reversed = new ArrayList<>(equal);
            Collections.reverse(reversed);
            restarted.replaceAll(reversed);

            // then
            for (int i = 0; i < 20; i++) {
                assertThat(servedAdIds(request)).isEqualTo(firstOrder);
            }
            assertThat(restarted.decide(request).stream().map(d -> d.ad().lineage().adId()))
                    .containsExactlyElementsOf(firstOrder);
        }

        @Test
        void differentViewersSeeDifferentOrdersOfEqualAds() {
            // given
            List<AdCandidate> equal = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                equal.add(givenAd(a -> a.bid(2_000_000)));
            }
            engine.replaceAll(equal);

            // when
            List<List<Long>> orders = new ArrayList<>();
            for (int v = 0; v < 20; v++) {
                String viewerId = "viewer-" + v;
                orders.add(servedAdIds(request(r -> r.slots(6).viewer(x -> x.id(viewerId)))));
            }

            // then
            assertThat(orders.stream().distinct().count()).isGreaterThan(10);
        }
    }

    @Nested
    class Writes {
        @Test
        void upsertAddsAnAd() {
            // given
            AdCandidate ad = givenAd();

            // when
            engine.upsert(ad);

            // then
            assertThat(engine.size()).isEqualTo(1);
            assertThat(engine.find(ad.lineage().adId())).contains(ad);
            assertThat(servedAdIds(request())).containsExactly(ad.lineage().adId());
        }

        @Test
        void upsertReplacesTheAdWithTheSameId() {
            // given
            AdCandidate first = givenAd(a -> a.id(1).bid(1_000_000));
            AdCandidate second = givenAd(a -> a.id(2).bid(2_000_000));
            engine.replaceAll(List.of(first, second));

            // when
            AdCandidate raised = givenAd(a -> a.id(1).bid(3_000_000));
            engine.upsert(raised);

            // then
            assertThat(engine.size()).isEqualTo(2);
            assertThat(engine.find(1)).contains(raised);
            assertThat(servedAdIds(request(r -> r.slots(5)))).containsExactly(1L, 2L);
        }

        @Test
        void upsertMovesAnAdToAnotherPlacement() {
            // given
            engine.upsert(givenAd(a -> a.id(1).placement(Placement.IN_FEED)));

            // when
            engine.upsert(givenAd(a -> a.id(1).placement(Placement.TOPVIEW)));

            // then
            assertThat(servedAdIds(request(r -> r.placement(Placement.IN_FEED)))).isEmpty();
            assertThat(servedAdIds(request(r -> r.placement(Placement.TOPVIEW))))
                    .containsExactly(1L);
        }

        @Test
        void removeStopsServingTheAdAndOnlyIt() {
            // given
            AdCandidate best = givenAd(a -> a.bid(3_000_000));
            AdCandidate removed = givenAd(a -> a.bid(2_000_000));
            AdCandidate worst = givenAd(a -> a.bid(1_000_000));
            engine.replaceAll(List.of(best, removed, worst));

            // when
            engine.remove(removed.lineage().adId());

            // then
            assertThat(engine.find(removed.lineage().adId())).isEmpty();
            assertThat(engine.size()).isEqualTo(2);
            assertThat(servedAdIds(request(r -> r.slots(5))))
                    .containsExactly(best.lineage().adId(), worst.lineage().adId());
        }

        @Test
        void removeOfAnUnknownAdChangesNothing() {
            // given
            AdCandidate ad = givenAd();
            engine.upsert(ad);

            // when
            engine.remove(ad.lineage().adId() + 1);

            // then
            assertThat(engine.size()).isEqualTo(1);
            assertThat(servedAdIds(request())).containsExactly(ad.lineage().adId());
        }

        @Test
        void replaceAllDropsEveryAdNotInTheNewSet() {
            // given
            AdCandidate old = givenAd(a -> a.bid(9_000_000));
            engine.upsert(old);
            AdCandidate replacement = givenAd(a -> a.bid(1_000_000));

            // when
            engine.replaceAll(List.of(replacement));

            // then
            assertThat(engine.find(old.lineage().adId())).isEmpty();
            assertThat(engine.size()).isEqualTo(1);
            assertThat(servedAdIds(request(r -> r.slots(5))))
                    .containsExactly(replacement.lineage().adId());
        }

        @Test
        void replaceAllRejectsTheSameAdTwiceAndKeepsTheCurrentAds() {
            // given
            AdCandidate current = givenAd();
            engine.upsert(current);
            AdCandidate twice = givenAd();

            // when / then
            assertThatThrownBy(() -> engine.replaceAll(List.of(twice, twice)))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("ad " + twice.lineage().adId() + " is given twice");
            assertThat(engine.find(current.lineage().adId())).contains(current);
            assertThat(engine.size()).isEqualTo(1);
        }

        @Test
        void replaceAllRejectsANullAd() {
            // given
            List<AdCandidate> withNull = new ArrayList<>();
            withNull.add(givenAd());
            withNull.add(null);

            // when / then
            assertThatThrownBy(() -> engine.replaceAll(withNull))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("must not contain null");
            assertThat(engine.size()).isZero();
        }
    }

    @Nested
    class Decisions {
        @Test
        void eachDecisionCarriesAnImpressionIdThatVerifiesToTheServedAd() {
            // given
            AdCandidate ad = givenAd(a -> a.bid(BillingEvent.CPC, 250_000));
            engine.upsert(ad);

            // when
            Decision decision = engine.decide(request()).get(0);

            // then
            assertThat(decision.ad()).isEqualTo(ad);
            assertThat(impressionIds.verify(decision.impressionId()))
                    .contains(
                            new ImpressionTicket(
                                    new AdLineage(
                                            ad.lineage().adId(),
                                            ad.lineage().adgroupId(),
                                            ad.lineage().campaignId(),
                                            ad.lineage().advertiserId()),
                                    ad.itemId(),
                                    true,
                                    BillingEvent.CPC,
                                    250_000,
                                    NOW,
                                    ServedAudience.of(request())));
        }

        @Test
        void everyServingGetsAFreshImpressionId() {
            // given
            engine.upsert(givenAd());

            // when
            String first = engine.decide(request()).get(0).impressionId();
            String second = engine.decide(request()).get(0).impressionId();

            // then
            assertThat(first).isNotEqualTo(second);
        }
    }

    @Nested
    class Construction {
        @Test
        void rejectsMissingImpressionIds() {
            assertThatThrownBy(() -> new AdDecisionEngine(null, clock))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("impressionIds");
        }

        @Test
        void rejectsAMissingClock() {
            assertThatThrownBy(() -> new AdDecisionEngine(impressionIds, null))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("clock");
        }

        @Test
        void rejectsANullAdOnUpsert() {
            assertThatThrownBy(() -> engine.upsert(null))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("ad must not be null");
        }
    }
}
