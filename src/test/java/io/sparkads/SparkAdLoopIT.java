package io.sparkads;

import static io.sparkads.support.ApiClient.params;
import static org.assertj.core.api.Assertions.assertThat;

import io.sparkads.edge.LeanListener;
import io.sparkads.support.ApiClient;
import io.sparkads.support.ApiFixtures;
import io.sparkads.support.Eventually;
import io.sparkads.support.TrendsCaughtUp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import tools.jackson.databind.JsonNode;

/**
 * The whole Spark Ad loop over HTTP against the started server on a real PostgreSQL: a creator's
 * post, its authorization code, the advertiser's campaign tree, review, an ad request, events, and
 * the report line they make.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("it")
class SparkAdLoopIT {
    @LocalServerPort int port;
    @Autowired JdbcClient jdbc;
    @Autowired LeanListener listener;
    ApiClient api;

    @BeforeEach
    void connect() {
        api = new ApiClient(port);
    }

    /** With {@code lean}, the ad request and the events go to the lean listener's port. */
    @ParameterizedTest(name = "through the lean listener: {0}")
    @ValueSource(booleans = {false, true})
    void aCreatorsPostBecomesAnApprovedSparkAdWhoseEventsShowInTheReport(boolean lean) {
        if (lean) {
            api = new ApiClient(port, listener.port());
        }
        // Each run alone in its region, so the other run's live ad is never served here.
        String region = lean ? ApiFixtures.uniqueRegion() : "US";
        // Admin: an ad account in New York and a Business API token for it.
        var advertiser =
                api.admin(
                        "POST",
                        "/advertisers",
                        Map.of(
                                "name",
                                "Acme Shoes",
                                "currency",
                                "USD",
                                "timezone",
                                "America/New_York"));
        assertThat(advertiser.status()).isEqualTo(201);
        String advertiserId = advertiser.body().path("advertiser_id").asString();
        String token =
                api.admin("POST", "/access_tokens", Map.of("advertiser_ids", List.of(advertiserId)))
                        .body()
                        .path("access_token")
                        .asString();
        JsonNode advertiserInfo =
                api.businessGet(
                                token,
                                "/advertiser/info/",
                                params("advertiser_ids", List.of(advertiserId)))
                        .data()
                        .path("list")
                        .get(0);
        assertThat(advertiserInfo.path("timezone").asString()).isEqualTo("America/New_York");
        assertThat(advertiserInfo.propertyNames())
                .containsExactly(
                        "advertiser_id", "name", "currency", "timezone", "status", "create_time");

        // Platform: a creator, a public post, and an authorization code for it.
        String accountId =
                api.platform(
                                "POST",
                                "/accounts",
                                Map.of(
                                        "handle",
                                        lean ? "dance.maria.lean" : "dance.maria",
                                        "display_name",
                                        "Maria Dances",
                                        "account_type",
                                        "CREATOR",
                                        "region",
                                        "US"))
                        .body()
                        .path("account_id")
                        .asString();
        var post =
                api.platform(
                        "POST",
                        "/posts",
                        Map.of(
                                "account_id",
                                accountId,
                                "caption",
                                "New routine #dance",
                                "hashtags",
                                List.of("dance"),
                                "duration_ms",
                                21000,
                                "visibility",
                                "PUBLIC"));
        assertThat(post.status()).isEqualTo(201);
        String itemId = post.body().path("item_id").asString();
        var code =
                api.platform("POST", "/posts/" + itemId + "/ad_authorization", Map.of("days", 30));
        assertThat(code.status()).isEqualTo(201);
        String authCode = code.body().path("auth_code").asString();
        assertThat(authCode).hasSizeGreaterThanOrEqualTo(22);

        // Business API: preview the code, apply it, see the post and the identity.
        JsonNode info =
                api.businessGet(
                                token,
                                "/tt_video/info/",
                                params("advertiser_id", advertiserId, "auth_code", authCode))
                        .data();
        assertThat(info.path("user_info").path("display_name").asString())
                .isEqualTo("Maria Dances");
        assertThat(info.path("auth_info").path("ad_auth_status").asString())
                .isEqualTo("AUTHORIZED");
        api.businessPost(
                        token,
                        "/tt_video/authorize/",
                        Map.of("advertiser_id", advertiserId, "auth_code", authCode))
                .data();
        JsonNode library =
                api.businessGet(
                                token,
                                "/tt_video/list/",
                                params("advertiser_id", advertiserId, "page", 1, "page_size", 20))
                        .data();
        assertThat(library.path("page_info").path("total_number").asInt()).isEqualTo(1);
        assertThat(library.path("list").get(0).path("item_info").path("item_id").asString())
                .isEqualTo(itemId);
        JsonNode identities =
                api.businessGet(
                                token,
                                "/identity/get/",
                                params("advertiser_id", advertiserId, "identity_type", "AUTH_CODE"))
                        .data();
        assertThat(identities.path("identity_list").get(0).path("identity_id").asString())
                .isEqualTo(accountId);

        // Campaign, ad group, Spark ad: the ad waits in review.
        String campaignId =
                api.businessPost(
                                token,
                                "/campaign/create/",
                                Map.of(
                                        "advertiser_id",
                                        advertiserId,
                                        "campaign_name",
                                        "Winter drop",
                                        "objective_type",
                                        "TRAFFIC",
                                        "budget_mode",
                                        "BUDGET_MODE_DAY",
                                        "budget",
                                        100))
                        .data()
                        .path("campaign_id")
                        .asString();
        String adgroupId =
                api.businessPost(
                                token,
                                "/adgroup/create/",
                                Map.of(
                                        "advertiser_id",
                                        advertiserId,
                                        "campaign_id",
                                        campaignId,
                                        "adgroup_name",
                                        "US feed",
                                        "location_ids",
                                        List.of(region),
                                        "billing_event",
                                        "CPM",
                                        "bid_price",
                                        10,
                                        "schedule_type",
                                        "SCHEDULE_FROM_NOW"))
                        .data()
                        .path("adgroup_id")
                        .asString();
        JsonNode created =
                api.businessPost(
                                token,
                                "/ad/create/",
                                Map.of(
                                        "advertiser_id",
                                        advertiserId,
                                        "adgroup_id",
                                        adgroupId,
                                        "creatives",
                                        List.of(
                                                Map.of(
                                                        "ad_name",
                                                        "Maria's routine",
                                                        "ad_format",
                                                        "SINGLE_VIDEO",
                                                        "identity_type",
                                                        "AUTH_CODE",
                                                        "identity_id",
                                                        accountId,
                                                        "tiktok_item_id",
                                                        itemId,
                                                        "call_to_action",
                                                        "SHOP_NOW",
                                                        "landing_page_url",
                                                        "https://acme.example/shoes"))))
                        .data();
        String adId = created.path("ad_ids").get(0).asString();
        assertThat(secondaryStatus(token, advertiserId, adId)).isEqualTo("AD_STATUS_AUDIT");

        // Nothing is served before approval.
        assertThat(adRequest("viewer-1", region).path("ads")).isEmpty();

        // Review: the admin approves; the ad becomes deliverable.
        new ApiFixtures(api).approve(adId);
        assertThat(secondaryStatus(token, advertiserId, adId)).isEqualTo("AD_STATUS_DELIVERY_OK");

        // Delivery: a US viewer gets the ad with the creator's identity; a viewer elsewhere gets
        // nothing.
        JsonNode served =
                Eventually.await(
                        Duration.ofSeconds(5),
                        () -> {
                            JsonNode ads = adRequest("viewer-1", region).path("ads");
                            assertThat(ads).hasSize(1);
                            return ads.get(0);
                        });
        assertThat(served.path("ad_id").asString()).isEqualTo(adId);
        assertThat(served.path("item_id").asString()).isEqualTo(itemId);
        assertThat(served.path("spark").asBoolean()).isTrue();
        assertThat(served.path("identity").path("display_name").asString())
                .isEqualTo("Maria Dances");
        assertThat(served.path("call_to_action").asString()).isEqualTo("SHOP_NOW");
        assertThat(served.path("destination").path("url").asString())
                .isEqualTo("https://acme.example/shoes");
        assertThat(adRequest("viewer-2", "FR").path("ads")).isEmpty();

        // Tracking: four impressions, one click, one duplicate, one organic play.
        List<String> impressions = new ArrayList<>();
        impressions.add(served.path("impression_id").asString());
        for (int i = 0; i < 3; i++) {
            impressions.add(
                    adRequest("viewer-" + (10 + i), region)
                            .path("ads")
                            .get(0)
                            .path("impression_id")
                            .asString());
        }
        assertThat(impressions).doesNotHaveDuplicates();
        String now = Instant.now().toString();
        String idPrefix = lean ? "lean-" : ""; // event ids count once across both runs
        List<Map<String, Object>> events = new ArrayList<>();
        for (int i = 0; i < impressions.size(); i++) {
            events.add(
                    Map.of(
                            "event_id",
                            idPrefix + "imp-" + i,
                            "type",
                            "IMPRESSION",
                            "occurred_at",
                            now,
                            "viewer_id",
                            "v" + i,
                            "impression_id",
                            impressions.get(i)));
        }
        events.add(
                Map.of(
                        "event_id",
                        idPrefix + "click-0",
                        "type",
                        "CLICK",
                        "occurred_at",
                        now,
                        "viewer_id",
                        "v0",
                        "impression_id",
                        impressions.get(0)));
        events.add(
                Map.of(
                        "event_id",
                        idPrefix + "imp-0",
                        "type",
                        "IMPRESSION",
                        "occurred_at",
                        now,
                        "viewer_id",
                        "v0",
                        "impression_id",
                        impressions.get(0)));
        events.add(
                Map.of(
                        "event_id",
                        idPrefix + "organic-0",
                        "type",
                        "VIDEO_PLAY",
                        "occurred_at",
                        now,
                        "viewer_id",
                        "v9",
                        "item_id",
                        itemId));
        var accepted = api.platform("POST", "/events", Map.of("events", events));
        assertThat(accepted.status()).as(accepted.raw()).isEqualTo(200);
        assertThat(accepted.body().path("accepted").asInt()).isEqualTo(6);
        assertThat(accepted.body().path("duplicates").asInt()).isEqualTo(1);
        assertThat(accepted.body().path("rejected")).isEmpty();
        // The same batch again counts nothing.
        var again = api.platform("POST", "/events", Map.of("events", events));
        assertThat(again.body().path("accepted").asInt()).isZero();
        assertThat(again.body().path("duplicates").asInt()).isEqualTo(7);

        // Reporting: per ad and day in the advertiser's time zone.
        String today = LocalDate.now(ZoneId.of("America/New_York")).toString();
        JsonNode row =
                Eventually.await(
                        Duration.ofSeconds(5),
                        () -> {
                            JsonNode list =
                                    api.businessGet(
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
                                                            List.of("ad_id", "stat_time_day"),
                                                            "metrics",
                                                            List.of(
                                                                    "impressions",
                                                                    "clicks",
                                                                    "ctr",
                                                                    "spend",
                                                                    "cpm"),
                                                            "start_date",
                                                            today,
                                                            "end_date",
                                                            today,
                                                            "page",
                                                            1,
                                                            "page_size",
                                                            10))
                                            .data()
                                            .path("list");
                            assertThat(list).hasSize(1);
                            return list.get(0);
                        });
        assertThat(row.path("dimensions").path("ad_id").asString()).isEqualTo(adId);
        assertThat(row.path("dimensions").path("stat_time_day").asString())
                .isEqualTo(today + " 00:00:00");
        assertThat(row.path("metrics").path("impressions").asString()).isEqualTo("4");
        assertThat(row.path("metrics").path("clicks").asString()).isEqualTo("1");
        assertThat(row.path("metrics").path("ctr").asString()).isEqualTo("25.00");
        assertThat(row.path("metrics").path("spend").asString()).isEqualTo("0.04");
        assertThat(row.path("metrics").path("cpm").asString()).isEqualTo("10.00");

        // Organic and paid run independently: only the organic play counts as an organic view
        // (folded from the queue about a second after intake).
        TrendsCaughtUp.await(jdbc);
        JsonNode organic = api.platform("GET", "/posts/" + itemId, null).body().path("organic");
        assertThat(organic.path("views").asLong()).isEqualTo(1);
    }

    private JsonNode adRequest(String viewerId, String region) {
        return new ApiFixtures(api).adRequest("IN_FEED", 1, viewerId, region);
    }

    private String secondaryStatus(String token, String advertiserId, String adId) {
        JsonNode list =
                api.businessGet(
                                token,
                                "/ad/get/",
                                params(
                                        "advertiser_id",
                                        advertiserId,
                                        "filtering",
                                        Map.of("ad_ids", List.of(adId))))
                        .data()
                        .path("list");
        assertThat(list).hasSize(1);
        return list.get(0).path("secondary_status").asString();
    }
}
