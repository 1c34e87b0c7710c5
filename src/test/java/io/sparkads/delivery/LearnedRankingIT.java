package io.sparkads.delivery;

import static io.sparkads.support.ApiClient.params;
import static org.assertj.core.api.Assertions.assertThat;

import io.sparkads.common.AdLineage;
import io.sparkads.delivery.engine.AdCandidate;
import io.sparkads.delivery.engine.AdDecisionEngine;
import io.sparkads.delivery.engine.Placement;
import io.sparkads.delivery.engine.Rate;
import io.sparkads.support.ApiClient;
import io.sparkads.support.ApiFixtures;
import io.sparkads.support.Eventually;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import tools.jackson.databind.JsonNode;

/**
 * Delivery learns from outcomes, end to end: ads served through the platform API, impressions and
 * clicks reported through the real event intake, the rollups read back by the rate feed, and the
 * engine's ranking moving to the ad viewers really click. A context of its own, so the placement's
 * rates are these two ads' alone and the feed refreshes often.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "sparkads.delivery.rates-refresh=200ms",
            "sparkads.delivery.exploration-share=0.20"
        })
@ActiveProfiles("it")
class LearnedRankingIT {
    private static final Logger log = LoggerFactory.getLogger(LearnedRankingIT.class);
    private static final int ROUNDS = 30;
    private static final int REQUESTS_PER_ROUND = 100;
    private static final int JUDGED_REQUESTS = 500;

    @LocalServerPort int port;
    @Autowired AdDecisionEngine engine;
    ApiClient api;
    ApiFixtures given;

    @BeforeEach
    void connect() {
        api = new ApiClient(port);
        given = new ApiFixtures(api);
    }

    @Test
    void theEngineRanksByRatesLearnedFromTheOutcomesReportedThroughTheIntake() {
        // given an ad served 40 times
        String region = ApiFixtures.uniqueRegion();
        String adId = givenCpcAd(region, "1.00");
        double assumed = predictedClickThrough(adId);
        List<Map<String, Object>> events = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            JsonNode ad = serveOne(region, "feed-" + i);
            assertThat(ad.path("ad_id").asString()).isEqualTo(adId);
            String impressionId = ad.path("impression_id").asString();
            events.add(event("IMPRESSION", impressionId));
            if (i % 4 == 0) {
                events.add(event("CLICK", impressionId));
            }
        }

        // when its impressions and clicks (one in four) are reported
        var accepted = api.platform("POST", "/events", Map.of("events", events));
        assertThat(accepted.status()).as(accepted.raw()).isEqualTo(200);

        // then within a refresh the engine's rates rest on them, and its click-through rose
        awaitRatesSeeing(Map.of(adId, 40));
        assertThat(predictedClickThrough(adId)).isGreaterThan(assumed);
    }

    @Test
    void theAdViewersClickWinsMostImpressionsOverAHigherBidThatNobodyClicks() {
        // given two CPC ads for the same viewers: the worse one bids twice the better one's bid,
        // while the better one is clicked 10× as often
        String region = ApiFixtures.uniqueRegion();
        String worse = givenCpcAd(region, "1.00");
        String better = givenCpcAd(region, "0.50");
        Map<String, Double> trueClickThrough = Map.of(worse, 0.005, better, 0.05);
        Random clicks = new Random(42);

        // when viewers ask for one ad at a time, and their impressions and clicks are reported
        List<String> served = new ArrayList<>();
        Map<String, Integer> impressions = new HashMap<>(Map.of(worse, 0, better, 0));
        List<Long> betterPerRound = new ArrayList<>();
        for (int round = 0; round < ROUNDS; round++) {
            List<Map<String, Object>> events = new ArrayList<>();
            for (int i = 0; i < REQUESTS_PER_ROUND; i++) {
                JsonNode ad = serveOne(region, "viewer-" + round + "-" + i);
                if (ad == null) {
                    served.add(null);
                    continue;
                }
                String adId = ad.path("ad_id").asString();
                served.add(adId);
                impressions.merge(adId, 1, Integer::sum);
                String impressionId = ad.path("impression_id").asString();
                events.add(event("IMPRESSION", impressionId));
                if (clicks.nextDouble() < trueClickThrough.get(adId)) {
                    events.add(event("CLICK", impressionId));
                }
            }
            var accepted = api.platform("POST", "/events", Map.of("events", events));
            assertThat(accepted.status()).as(accepted.raw()).isEqualTo(200);
            awaitRatesSeeing(impressions);
            betterPerRound.add(
                    served.subList(served.size() - REQUESTS_PER_ROUND, served.size()).stream()
                            .filter(better::equals)
                            .count());
        }

        log.info(
                "Impressions of the better ad per round of {} requests: {}",
                REQUESTS_PER_ROUND,
                betterPerRound);

        // then the ad viewers click wins most of the last requests
        List<String> last = served.subList(served.size() - JUDGED_REQUESTS, served.size());
        long wonByBetter = last.stream().filter(better::equals).count();
        long wonByWorse = last.stream().filter(worse::equals).count();
        assertThat(wonByBetter)
                .as(
                        "the better ad's share of the last %d requests (worse ad: %d; better ad"
                                + " per round of %d: %s)",
                        JUDGED_REQUESTS, wonByWorse, REQUESTS_PER_ROUND, betterPerRound)
                .isGreaterThan(JUDGED_REQUESTS * 7L / 10);
        double predictedBetter = predictedClickThrough(better);
        double predictedWorse = predictedClickThrough(worse);
        assertThat(predictedBetter).isGreaterThan(predictedWorse * 3);
    }

    @Test
    void anOcpmAdGroupBidsPerConversionAndEachImpressionCostsItsShareOfTheChargedCpm() {
        // given a conversion campaign
        var advertiser = given.givenAdvertiser();
        var post = given.givenPublicPost();
        given.givenBound(advertiser, post);
        String conversions = given.givenCampaign(advertiser, "CONVERSIONS");
        String region = ApiFixtures.uniqueRegion();

        // when ad groups bid per conversion, without a bid, and in a traffic campaign
        var withoutBid =
                api.businessPost(
                        advertiser.token(),
                        "/adgroup/create/",
                        Map.of(
                                "advertiser_id", advertiser.id(),
                                "campaign_id", conversions,
                                "adgroup_name", "no bid",
                                "billing_event", "OCPM",
                                "optimization_goal", "CONVERT"));
        var inTraffic =
                api.businessPost(
                        advertiser.token(),
                        "/adgroup/create/",
                        Map.of(
                                "advertiser_id",
                                advertiser.id(),
                                "campaign_id",
                                given.givenCampaign(advertiser, "TRAFFIC"),
                                "adgroup_name",
                                "traffic",
                                "billing_event",
                                "OCPM",
                                "conversion_bid_price",
                                20));
        String adgroup =
                given.givenAdGroup(
                        advertiser,
                        conversions,
                        Map.of(
                                "location_ids",
                                List.of(region),
                                "billing_event",
                                "OCPM",
                                "optimization_goal",
                                "CONVERT",
                                "conversion_bid_price",
                                20,
                                "bid_price",
                                20));

        // then the refusals say what to fix, and the ad group shows its target cost
        assertThat(withoutBid.code()).isEqualTo(40002);
        assertThat(withoutBid.message()).contains("conversion_bid_price");
        assertThat(inTraffic.code()).isEqualTo(40002);
        assertThat(inTraffic.message())
                .contains("billing_event OCPM does not serve the campaign's objective TRAFFIC");
        JsonNode shown =
                api.businessGet(
                                advertiser.token(),
                                "/adgroup/get/",
                                params(
                                        "advertiser_id",
                                        advertiser.id(),
                                        "filtering",
                                        Map.of("adgroup_ids", List.of(adgroup))))
                        .data()
                        .path("list")
                        .get(0);
        assertThat(shown.path("billing_event").asString()).isEqualTo("OCPM");
        assertThat(shown.path("optimization_goal").asString()).isEqualTo("CONVERT");
        assertThat(shown.path("conversion_bid_price").decimalValue()).isEqualByComparingTo("20");

        // and its ad is served and charged per impression, at most what a conversion is worth
        String adId = given.givenSparkAd(advertiser, adgroup, post);
        given.approve(adId);
        JsonNode ad =
                Eventually.await(
                        Duration.ofSeconds(10),
                        () -> {
                            JsonNode served = serveOne(region, "ocpm-" + ApiFixtures.unique());
                            assertThat(served).as("the OCPM ad is served").isNotNull();
                            return served;
                        });
        var accepted =
                api.platform(
                        "POST",
                        "/events",
                        Map.of(
                                "events",
                                List.of(event("IMPRESSION", ad.path("impression_id").asString()))));
        assertThat(accepted.status()).as(accepted.raw()).isEqualTo(200);
        JsonNode metrics = given.lifetimeMetrics(advertiser, adId, List.of("cpm", "impressions"));
        assertThat(metrics.path("impressions").asString()).isEqualTo("1");
        double chargedCpm = Double.parseDouble(metrics.path("cpm").asString());
        var predicted = engine.rates().forAd(lineage(adId), Placement.IN_FEED);
        double worthPerThousand =
                20.0 * 1000 * predicted.mean(Rate.CLICK_THROUGH) * predicted.mean(Rate.CONVERSION);
        assertThat(chargedCpm)
                .as("the charged CPM, no higher than 20 × 1000 × pCTR × pCVR")
                .isGreaterThan(0)
                // the rates may have moved by a refresh since the ad was priced
                .isLessThanOrEqualTo(worthPerThousand * 1.5 + 0.01);
    }

    /** Waits until the engine's rates rest on every impression reported so far. */
    private void awaitRatesSeeing(Map<String, Integer> impressions) {
        Eventually.await(
                Duration.ofSeconds(10),
                () ->
                        impressions.forEach(
                                (adId, count) ->
                                        assertThat(
                                                        engine.rates()
                                                                .forAd(
                                                                        lineage(adId),
                                                                        Placement.IN_FEED)
                                                                .impressions())
                                                .as("impressions the rates of ad %s rest on", adId)
                                                .isEqualTo(count.longValue())));
    }

    private double predictedClickThrough(String adId) {
        return engine.rates().forAd(lineage(adId), Placement.IN_FEED).mean(Rate.CLICK_THROUGH);
    }

    private AdLineage lineage(String adId) {
        return engine.find(Long.parseLong(adId)).map(AdCandidate::lineage).orElseThrow();
    }

    private String givenCpcAd(String region, String bid) {
        var advertiser = given.givenAdvertiser();
        var post = given.givenPublicPost();
        given.givenBound(advertiser, post);
        String campaign = given.givenCampaign(advertiser, "TRAFFIC");
        String adgroup =
                given.givenAdGroup(
                        advertiser,
                        campaign,
                        Map.of(
                                "location_ids",
                                List.of(region),
                                "billing_event",
                                "CPC",
                                "optimization_goal",
                                "CLICK",
                                "bid_price",
                                new java.math.BigDecimal(bid)));
        String adId = given.givenSparkAd(advertiser, adgroup, post);
        given.approve(adId);
        Eventually.await(
                Duration.ofSeconds(10),
                () -> assertThat(engine.find(Long.parseLong(adId))).as("ad %s", adId).isPresent());
        return adId;
    }

    private JsonNode serveOne(String region, String viewerId) {
        JsonNode ads = given.adRequest("IN_FEED", 1, viewerId, region).path("ads");
        return ads.isEmpty() ? null : ads.get(0);
    }

    private static Map<String, Object> event(String type, String impressionId) {
        return Map.of(
                "event_id",
                ApiFixtures.unique(),
                "type",
                type,
                "occurred_at",
                Instant.now().toString(),
                "impression_id",
                impressionId);
    }
}
