package io.sparkads.demo;

import static io.sparkads.support.ApiClient.params;
import static org.assertj.core.api.Assertions.assertThat;

import io.sparkads.accounts.Users;
import io.sparkads.support.ApiClient;
import io.sparkads.support.Eventually;
import io.sparkads.support.TrendsCaughtUp;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import tools.jackson.databind.JsonNode;

/**
 * The demo workspace is alive: its running campaign's Spark and non-Spark ads fill the reports
 * through the platform API and the event intake, with two weeks of history. The traffic plays
 * faster here than by default, and the history thinner, to keep the test short.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "sparkads.demo.traffic=true",
            "sparkads.demo.traffic-interval=150ms",
            "sparkads.demo.backfill-visits-per-hour=8"
        })
@ActiveProfiles("it")
@DirtiesContext // stops the traffic once done, rather than let it run beside other tests
class DemoTrafficIT {
    private static final ZoneId DEMO_ZONE = ZoneId.of("America/New_York");

    @LocalServerPort int port;
    @Autowired Users users;
    @Autowired JdbcClient jdbc;
    ApiClient api;

    @BeforeEach
    void connect() {
        api = new ApiClient(port);
    }

    @Test
    void theDemoCampaignsSparkAndNonSparkAdsFillTheReportsWithHistoryAndLiveTraffic() {
        // given the demo advertiser, read through the Business API with a token of its own
        String advertiserId =
                String.valueOf(users.findByUsername("advertiser").orElseThrow().advertiserId());
        String token =
                api.admin("POST", "/access_tokens", Map.of("advertiser_ids", List.of(advertiserId)))
                        .body()
                        .path("access_token")
                        .asString();

        // then its campaign runs a Spark ad and a non-Spark ad, both approved and delivering
        Map<String, String> identityOfAd =
                Eventually.await(
                        Duration.ofSeconds(90),
                        () -> {
                            JsonNode list =
                                    api.businessGet(
                                                    token,
                                                    "/ad/get/",
                                                    params("advertiser_id", advertiserId))
                                            .data()
                                            .path("list");
                            assertThat(list).hasSize(2);
                            Map<String, String> identities = new HashMap<>();
                            for (JsonNode ad : list) {
                                assertThat(ad.path("secondary_status").asString())
                                        .isEqualTo("AD_STATUS_DELIVERY_OK");
                                identities.put(
                                        ad.path("ad_id").asString(),
                                        ad.path("identity_type").asString());
                            }
                            return identities;
                        });
        assertThat(identityOfAd.values()).containsExactlyInAnyOrder("AUTH_CODE", "CUSTOMIZED_USER");

        // and once the history is played, the platform API takes live events
        Eventually.await(
                Duration.ofSeconds(180),
                () ->
                        assertThat(countEvents("paid and event_id not like 'demo-history-%'"))
                                .isPositive());

        // and the last two weeks have impressions of both ads on past days
        LocalDate today = LocalDate.now(DEMO_ZONE);
        Map<String, Set<String>> daysOfAd =
                Eventually.await(
                        Duration.ofSeconds(120),
                        () -> {
                            Map<String, Set<String>> days = new HashMap<>();
                            for (JsonNode row :
                                    report(
                                            token,
                                            advertiserId,
                                            List.of("ad_id", "stat_time_day"),
                                            today.minusDays(14),
                                            today)) {
                                if (row.path("metrics").path("impressions").asLong() > 0) {
                                    days.computeIfAbsent(
                                                    row.path("dimensions").path("ad_id").asString(),
                                                    k -> new HashSet<>())
                                            .add(
                                                    row.path("dimensions")
                                                            .path("stat_time_day")
                                                            .asString());
                                }
                            }
                            assertThat(days.keySet()).isEqualTo(identityOfAd.keySet());
                            days.values()
                                    .forEach(
                                            d ->
                                                    assertThat(d)
                                                            .as("days with impressions")
                                                            .hasSizeGreaterThanOrEqualTo(12));
                            return days;
                        });
        assertThat(daysOfAd.values()).allMatch(d -> d.contains(today.minusDays(13) + " 00:00:00"));

        // and over those weeks the Spark ad beats the non-Spark ad on view-through and engagement
        String sparkAd = adOfIdentity(identityOfAd, "AUTH_CODE");
        String nonSparkAd = adOfIdentity(identityOfAd, "CUSTOMIZED_USER");
        Map<String, JsonNode> metrics = new HashMap<>();
        for (JsonNode row :
                report(
                        token,
                        advertiserId,
                        List.of("ad_id"),
                        List.of("impressions", "view_through_rate", "engagement_rate"),
                        today.minusDays(14),
                        today)) {
            metrics.put(row.path("dimensions").path("ad_id").asString(), row.path("metrics"));
        }
        assertThat(metrics.get(sparkAd).path("view_through_rate").asDouble())
                .isGreaterThan(metrics.get(nonSparkAd).path("view_through_rate").asDouble());
        assertThat(metrics.get(sparkAd).path("engagement_rate").asDouble())
                .isGreaterThan(metrics.get(nonSparkAd).path("engagement_rate").asDouble());

        // when the live traffic plays on, both ads' impressions keep growing
        Map<String, Long> before = impressionsByAd(token, advertiserId, today);
        Eventually.await(
                Duration.ofSeconds(60),
                () -> {
                    Map<String, Long> now = impressionsByAd(token, advertiserId, today);
                    for (String adId : identityOfAd.keySet()) {
                        assertThat(now.getOrDefault(adId, 0L))
                                .as("impressions of ad %s", adId)
                                .isGreaterThan(before.getOrDefault(adId, 0L));
                    }
                    return now;
                });

        // and the event log holds what the intake took: paid and organic, live and past
        long livePaid = countEvents("paid and event_id not like 'demo-history-%'");
        long liveOrganic = countEvents("not paid and event_id not like 'demo-history-%'");
        long pastPaid = countEvents("paid and occurred_at < now() - interval '7 days'");
        assertThat(livePaid).isPositive();
        assertThat(liveOrganic).isPositive();
        assertThat(pastPaid).isPositive();
        assertThat(
                        jdbc.sql(
                                        "select count(distinct type) from event_log where paid and event_id like 'demo-%'")
                                .query(Long.class)
                                .single())
                .as(
                        "impressions, plays, quartiles, clicks, likes, follows, visits, page views, conversions")
                .isGreaterThanOrEqualTo(14);

        // and the demo creator's posts have organic views
        long creator = users.findByUsername("creator").orElseThrow().creatorAccountId();
        Long itemId =
                jdbc.sql("select min(id) from posts where account_id = ?")
                        .param(creator)
                        .query(Long.class)
                        .single();
        // (counted about a second after intake, from the queue)
        Eventually.await(
                TrendsCaughtUp.BOUND,
                () ->
                        assertThat(
                                        api.platform("GET", "/posts/" + itemId, null)
                                                .body()
                                                .path("organic")
                                                .path("views")
                                                .asLong())
                                .isPositive());
    }

    private long countEvents(String where) {
        return jdbc.sql("select count(*) from event_log where event_id like 'demo-%' and " + where)
                .query(Long.class)
                .single();
    }

    private Map<String, Long> impressionsByAd(String token, String advertiserId, LocalDate today) {
        Map<String, Long> impressions = new HashMap<>();
        for (JsonNode row :
                report(token, advertiserId, List.of("ad_id"), today.minusDays(14), today)) {
            impressions.put(
                    row.path("dimensions").path("ad_id").asString(),
                    row.path("metrics").path("impressions").asLong());
        }
        return impressions;
    }

    private static String adOfIdentity(Map<String, String> identityOfAd, String identityType) {
        return identityOfAd.entrySet().stream()
                .filter(e -> e.getValue().equals(identityType))
                .map(Map.Entry::getKey)
                .findFirst()
                .orElseThrow();
    }

    private JsonNode report(
            String token,
            String advertiserId,
            List<String> dimensions,
            LocalDate from,
            LocalDate to) {
        return report(token, advertiserId, dimensions, List.of("impressions"), from, to);
    }

    private JsonNode report(
            String token,
            String advertiserId,
            List<String> dimensions,
            List<String> metrics,
            LocalDate from,
            LocalDate to) {
        return api.businessGet(
                        token,
                        "/report/integrated/get/",
                        params(
                                "advertiser_id",
                                advertiserId,
                                "report_type",
                                "BASIC",
                                "data_level",
                                "AUCTION_AD",
                                "dimensions",
                                dimensions,
                                "metrics",
                                metrics,
                                "start_date",
                                from.toString(),
                                "end_date",
                                to.toString(),
                                "page",
                                1,
                                "page_size",
                                1000))
                .data()
                .path("list");
    }
}
