package io.sparkads.delivery.engine;

import static io.sparkads.delivery.engine.EngineFixtures.NOW;
import static io.sparkads.delivery.engine.EngineFixtures.SECRET;
import static org.assertj.core.api.Assertions.assertThat;

import io.sparkads.common.AdLineage;
import io.sparkads.delivery.engine.EngineFixtures.TestClock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.ToLongFunction;
import org.junit.jupiter.api.Test;

/**
 * Checks decide() on many random inventories with few bid levels (so ties are large and common),
 * shared items and random targeting: against a brute-force reading of its rules, and against two
 * properties any correct ranking has (fewer slots give a prefix of the same ads; removing an ad
 * that was not served changes nothing).
 */
class AdDecisionEngineReferenceTest {

    private static final List<String> REGIONS = List.of("US", "FR", "DE");
    private static final List<String> INTERESTS = List.of("cooking", "travel", "gaming");

    @Test
    void decideServesWhatABruteForceReadingOfTheRulesWouldServe() {
        Random random = new Random(20260601);
        for (int round = 0; round < 300; round++) {
            // given
            List<AdCandidate> ads = new ArrayList<>();
            for (int i = 0; i < 1 + random.nextInt(60); i++) {
                ads.add(randomAd(random, round * 100L + i));
            }
            AdDecisionEngine engine =
                    new AdDecisionEngine(new ImpressionIds(SECRET), new TestClock());
            engine.replaceAll(ads);
            AdRequest request = randomRequest(random);

            // when
            List<AdCandidate> served = adsFor(engine, request);

            // then
            List<AdCandidate> eligible =
                    ads.stream().filter(ad -> isEligible(ad, request, NOW)).toList();
            assertThat(eligible).containsAll(served);
            assertThat(served.stream().map(AdCandidate::itemId).filter(id -> id != null))
                    .doesNotHaveDuplicates();
            assertThat(served.stream().map(AdCandidate::ecpmMicros).toList())
                    .as("round %d", round)
                    .isEqualTo(referenceEcpms(eligible, request.slots()));
            assertThat(adsFor(engine, request)).as("the same request again").isEqualTo(served);
            int fewer = 1 + random.nextInt(request.slots());
            assertThat(adsFor(engine, withSlots(request, fewer)))
                    .as("round %d: fewer slots give the first of the same ads", round)
                    .isEqualTo(served.subList(0, Math.min(fewer, served.size())));
            List<AdCandidate> notServed = ads.stream().filter(ad -> !served.contains(ad)).toList();
            if (!notServed.isEmpty()) {
                engine.remove(notServed.get(random.nextInt(notServed.size())).lineage().adId());
                assertThat(adsFor(engine, request))
                        .as("round %d: removing an ad that was not served changes nothing", round)
                        .isEqualTo(served);
            }
        }
    }

    @Test
    void withLearnedRatesDecideServesTheBestEligibleAdsByTheirLearnedEcpm() {
        Random random = new Random(20261202);
        for (int round = 0; round < 200; round++) {
            // given: random inventories with random predicted rates, a few ads left at the prior
            List<AdCandidate> ads = new ArrayList<>();
            Map<Long, PredictedRates> rates = new HashMap<>();
            for (int i = 0; i < 1 + random.nextInt(60); i++) {
                AdCandidate ad = randomAd(random, round * 100L + i);
                ads.add(ad);
                if (random.nextInt(5) > 0) {
                    rates.put(
                            ad.lineage().adId(),
                            PredictedRates.known(
                                    Map.of(
                                            Rate.CLICK_THROUGH, 0.005 * (1 + random.nextInt(4)),
                                            Rate.SIX_SECOND_VIEW, 0.1 * (1 + random.nextInt(4)),
                                            Rate.CONVERSION, 0.05 * (1 + random.nextInt(2)),
                                            Rate.ENGAGEMENT, 0.015 * random.nextInt(4))));
                }
            }
            AdDecisionEngine engine =
                    new AdDecisionEngine(new ImpressionIds(SECRET), new TestClock());
            engine.replaceAll(ads);
            RateEstimates estimates = RateEstimates.known(rates);
            engine.useRates(estimates);
            AdRequest request = randomRequest(random);

            // when
            List<AdCandidate> served = adsFor(engine, request);

            // then
            List<AdCandidate> eligible =
                    ads.stream().filter(ad -> isEligible(ad, request, NOW)).toList();
            assertThat(eligible).containsAll(served);
            assertThat(served.stream().map(ad -> Valuation.of(ad, estimates).ecpmMicros()).toList())
                    .as("round %d", round)
                    .isEqualTo(
                            referenceEcpms(
                                    eligible,
                                    request.slots(),
                                    ad -> Valuation.of(ad, estimates).ecpmMicros()));
        }
    }

    @Test
    void anEngineBuiltAdByAdDecidesAsOneBuiltAtOnceExplorationIncluded() {
        Random random = new Random(14);
        for (int round = 0; round < 20; round++) {
            // given: up to 300 ads (several bitset words), a third of them with few impressions
            List<AdCandidate> ads = new ArrayList<>();
            List<RateEstimates.AdOutcomes> outcomes = new ArrayList<>();
            for (int i = 0; i < 1 + random.nextInt(300); i++) {
                AdCandidate ad = randomAd(random, round * 1000L + i);
                ads.add(ad);
                long impressions = random.nextInt(3) == 0 ? 500 : 5_000;
                outcomes.add(
                        new RateEstimates.AdOutcomes(
                                ad.lineage(),
                                ad.placement(),
                                new Outcomes(
                                        impressions,
                                        impressions / (50 + random.nextInt(150)),
                                        impressions / 4,
                                        0,
                                        0,
                                        impressions / 50,
                                        0,
                                        0)));
            }
            RateEstimates rates = RateEstimates.estimate(outcomes);
            Exploration exploration = new Exploration(0.5, round);
            AdDecisionEngine atOnce =
                    new AdDecisionEngine(new ImpressionIds(SECRET), new TestClock(), exploration);
            atOnce.replaceAll(ads);
            atOnce.useRates(rates);

            // when: the same ads one by one, in another order, with ads added and removed again
            AdDecisionEngine adByAd =
                    new AdDecisionEngine(new ImpressionIds(SECRET), new TestClock(), exploration);
            adByAd.useRates(rates);
            List<AdCandidate> shuffled = new ArrayList<>(ads);
            Collections.shuffle(shuffled, random);
            for (AdCandidate ad : shuffled) {
                adByAd.upsert(ad);
                if (random.nextInt(4) == 0) {
                    AdCandidate passing = randomAd(random, 999_000L + random.nextInt(1000));
                    adByAd.upsert(passing);
                    adByAd.remove(passing.lineage().adId());
                }
            }
            for (AdCandidate ad : shuffled.subList(0, shuffled.size() / 3)) {
                adByAd.upsert(ad); // replaced by itself
            }

            // then
            for (int r = 0; r < 30; r++) {
                AdRequest request = randomRequest(random);
                assertThat(adsFor(adByAd, request))
                        .as("round %d, request %d", round, r)
                        .isEqualTo(adsFor(atOnce, request));
            }
        }
    }

    @Test
    void anEngineChangedInBatchesDecidesAsOneBuiltAtOnce() {
        Random random = new Random(15);
        for (int round = 0; round < 20; round++) {
            // given
            List<AdCandidate> ads = new ArrayList<>();
            for (int i = 0; i < 1 + random.nextInt(300); i++) {
                ads.add(randomAd(random, round * 1000L + i));
            }
            AdDecisionEngine atOnce =
                    new AdDecisionEngine(new ImpressionIds(SECRET), new TestClock());
            atOnce.replaceAll(ads);

            // when: batches of up to 20 that add the ads, an ad twice, passing ads added and
            // removed again, and an ad both removed and upserted (upserted)
            AdDecisionEngine inBatches =
                    new AdDecisionEngine(new ImpressionIds(SECRET), new TestClock());
            List<AdCandidate> shuffled = new ArrayList<>(ads);
            Collections.shuffle(shuffled, random);
            List<Long> passing = new ArrayList<>();
            for (int from = 0; from < shuffled.size(); from += 20) {
                List<AdCandidate> upserts =
                        new ArrayList<>(
                                shuffled.subList(from, Math.min(from + 20, shuffled.size())));
                upserts.add(upserts.get(0)); // the same ad twice
                AdCandidate passer = randomAd(random, 999_000L + round * 100 + from / 20);
                upserts.add(passer);
                List<Long> removals = new ArrayList<>(passing);
                removals.add(upserts.get(1 % upserts.size()).lineage().adId());
                inBatches.apply(upserts, removals);
                passing = List.of(passer.lineage().adId());
            }
            inBatches.apply(List.of(), passing);

            // then
            for (int r = 0; r < 30; r++) {
                AdRequest request = randomRequest(random);
                assertThat(adsFor(inBatches, request))
                        .as("round %d, request %d", round, r)
                        .isEqualTo(adsFor(atOnce, request));
            }
        }
    }

    private static List<AdCandidate> adsFor(AdDecisionEngine engine, AdRequest request) {
        return engine.decide(request).stream().map(Decision::ad).toList();
    }

    private static AdRequest withSlots(AdRequest request, int slots) {
        return new AdRequest(
                request.requestId(),
                request.placement(),
                slots,
                request.viewer(),
                request.excludeItemIds());
    }

    /** The eCPMs of the best ad of each item (each item-less ad on its own), best first. */
    private static List<Long> referenceEcpms(List<AdCandidate> eligible, int slots) {
        return referenceEcpms(eligible, slots, AdCandidate::ecpmMicros);
    }

    private static List<Long> referenceEcpms(
            List<AdCandidate> eligible, int slots, ToLongFunction<AdCandidate> ecpm) {
        Map<Object, Long> bestPerItem = new HashMap<>();
        for (AdCandidate ad : eligible) {
            Object item = ad.itemId() != null ? ad.itemId() : "ad-" + ad.lineage().adId();
            bestPerItem.merge(item, ecpm.applyAsLong(ad), Math::max);
        }
        return bestPerItem.values().stream()
                .sorted(Comparator.reverseOrder())
                .limit(slots)
                .toList();
    }

    private static boolean isEligible(AdCandidate ad, AdRequest request, Instant now) {
        Viewer viewer = request.viewer();
        Targeting t = ad.targeting();
        return ad.placement() == request.placement()
                && !ad.start().isAfter(now)
                && (ad.end() == null || ad.end().isAfter(now))
                && (ad.itemId() == null || !request.excludeItemIds().contains(ad.itemId()))
                && (t.regions().isEmpty()
                        || (viewer.region() != null && t.regions().contains(viewer.region())))
                && (t.interests().isEmpty()
                        || viewer.interests().stream().anyMatch(t.interests()::contains));
    }

    private static AdCandidate randomAd(Random random, long adId) {
        boolean spark = random.nextInt(4) > 0;
        BillingEvent billingEvent = BillingEvent.values()[random.nextInt(4)];
        long bidMicros =
                switch (billingEvent) {
                    case CPM -> 1_000_000L * (1 + random.nextInt(4));
                    case CPC -> 100_000L * (1 + random.nextInt(4));
                    case CPV -> 4_000L * (1 + random.nextInt(4));
                    case OCPM -> 2_000_000L * (1 + random.nextInt(4)); // eCPM 1.00 to 4.00
                };
        Instant start = NOW.minusSeconds(random.nextInt(100) - 10);
        Instant end = random.nextInt(4) == 0 ? start.plusSeconds(1 + random.nextInt(200)) : null;
        return new AdCandidate(
                new AdLineage(adId, 1, 1, 1),
                spark ? 1L + random.nextInt(15) : null,
                spark,
                random.nextInt(5) == 0 ? Placement.TOPVIEW : Placement.IN_FEED,
                new Targeting(
                        someOf(random, REGIONS),
                        Set.of(),
                        Set.of(),
                        Set.of(),
                        someOf(random, INTERESTS),
                        Set.of()),
                start,
                end,
                billingEvent,
                bidMicros,
                EngineFixtures.creative(),
                Goal.CLICK);
    }

    private static AdRequest randomRequest(Random random) {
        String region = random.nextInt(4) == 0 ? null : REGIONS.get(random.nextInt(3));
        Set<Long> excluded = new HashSet<>();
        for (int i = 0; i < random.nextInt(4); i++) {
            excluded.add(1L + random.nextInt(15));
        }
        Viewer viewer =
                new Viewer(
                        "viewer-" + random.nextInt(1000),
                        region,
                        null,
                        null,
                        List.copyOf(someOf(random, INTERESTS)),
                        null,
                        null);
        Placement placement = random.nextInt(5) == 0 ? Placement.TOPVIEW : Placement.IN_FEED;
        return new AdRequest("r", placement, 1 + random.nextInt(10), viewer, excluded);
    }

    private static Set<String> someOf(Random random, List<String> values) {
        Set<String> chosen = new HashSet<>();
        for (String value : values) {
            if (random.nextInt(3) == 0) {
                chosen.add(value);
            }
        }
        return chosen;
    }
}
