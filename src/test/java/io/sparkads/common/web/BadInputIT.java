package io.sparkads.common.web;

import static io.sparkads.support.ApiClient.params;
import static org.assertj.core.api.Assertions.assertThat;

import io.sparkads.edge.LeanListener;
import io.sparkads.support.ApiClient;
import io.sparkads.support.ApiFixtures;
import io.sparkads.support.TrendsCaughtUp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

/**
 * Bad input gets a clear error that says what to fix: problem details on the platform and admin
 * APIs, TikTok's envelope and codes on the Business API; never a 500 and never a half-written
 * record.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("it")
class BadInputIT {
    @LocalServerPort int port;
    @Autowired JdbcClient jdbc;
    @Autowired LeanListener listener;
    ApiClient api;
    ApiFixtures given;

    @BeforeEach
    void connect() {
        api = new ApiClient(port);
        given = new ApiFixtures(api);
    }

    // ---- platform and admin APIs: problem details

    @Test
    void malformedJsonIsABadRequestThatSaysTheBodyIsNotJson() {
        var response =
                api.send(
                        "POST",
                        "/platform/v1/accounts",
                        "{\"handle\": ",
                        Map.of("Authorization", "Bearer " + ApiClient.PLATFORM_TOKEN));
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.body().path("detail").asString()).contains("not valid JSON");
        assertThat(response.body().path("status").asInt()).isEqualTo(400);
    }

    @Test
    void aWrongTypedFieldIsNamedInTheError() {
        var account = given.givenPublicPost();
        var response =
                api.platform(
                        "POST",
                        "/posts",
                        Map.of(
                                "account_id",
                                account.accountId(),
                                "duration_ms",
                                "long",
                                "visibility",
                                "PUBLIC"));
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.body().path("detail").asString())
                .contains("duration_ms")
                .contains("whole number");
    }

    @Test
    void anUnknownEnumValueListsTheAllowedOnes() {
        var response =
                api.platform(
                        "POST",
                        "/accounts",
                        Map.of(
                                "handle",
                                "x.y",
                                "display_name",
                                "X",
                                "account_type",
                                "ROBOT",
                                "region",
                                "US"));
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.body().path("detail").asString())
                .contains("account_type")
                .contains("CREATOR")
                .contains("BUSINESS");
    }

    @Test
    void aMissingFieldIsNamed() {
        var response =
                api.platform(
                        "POST",
                        "/accounts",
                        Map.of("handle", "nobody.here", "account_type", "CREATOR", "region", "US"));
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.body().path("detail").asString()).contains("display_name");
    }

    @Test
    void anUnknownPostIsNotFound() {
        var response = api.platform("GET", "/posts/123456789", null);
        assertThat(response.status()).isEqualTo(404);
        assertThat(response.body().path("detail").asString()).contains("123456789");
        assertThat(api.platform("GET", "/posts/abc", null).status()).isEqualTo(400);
    }

    @Test
    void aCodeForAnInvalidPeriodIsRefused() {
        var post = given.givenPublicPost();
        var response =
                api.platform(
                        "POST",
                        "/posts/" + post.itemId() + "/ad_authorization",
                        Map.of("days", 10));
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.body().path("detail").asString()).contains("7, 30, 60 or 365");
    }

    @Test
    void aPrivatePostCannotBeAuthorized() {
        var post = given.givenPublicPost();
        api.platform("PATCH", "/posts/" + post.itemId(), Map.of("visibility", "PRIVATE"));
        var response =
                api.platform(
                        "POST", "/posts/" + post.itemId() + "/ad_authorization", Map.of("days", 7));
        assertThat(response.status()).isEqualTo(409);
        assertThat(response.body().path("detail").asString()).contains("not public");
    }

    @Test
    void platformAndAdminApisNeedTheirOwnTokens() {
        assertThat(api.send("GET", "/platform/v1/posts/1", null, Map.of()).status()).isEqualTo(401);
        var wrong =
                api.send(
                        "GET",
                        "/platform/v1/posts/1",
                        null,
                        Map.of("Authorization", "Bearer nope"));
        assertThat(wrong.status()).isEqualTo(401);
        assertThat(wrong.body().path("detail").asString()).contains("not a valid platform token");
        var platformTokenOnAdmin =
                api.send(
                        "POST",
                        "/admin/v1/advertisers",
                        Map.of("name", "A"),
                        Map.of("Authorization", "Bearer " + ApiClient.PLATFORM_TOKEN));
        assertThat(platformTokenOnAdmin.status()).isEqualTo(401);
    }

    @Test
    void anAdvertiserNeedsAKnownCurrencyAndTimeZone() {
        var currency =
                api.admin(
                        "POST",
                        "/advertisers",
                        Map.of("name", "A", "currency", "XXQ", "timezone", "UTC"));
        assertThat(currency.status()).isEqualTo(400);
        assertThat(currency.body().path("detail").asString()).contains("currency");
        var zone =
                api.admin(
                        "POST",
                        "/advertisers",
                        Map.of("name", "A", "currency", "EUR", "timezone", "Mars/Olympus"));
        assertThat(zone.status()).isEqualTo(400);
        assertThat(zone.body().path("detail").asString()).contains("timezone");
    }

    @Test
    void aReviewDecisionNeedsAReasonToReject() {
        var live = given.givenLiveAd(Map.of());
        var reviews =
                api.admin("GET", "/reviews?status=APPROVED&page_size=1000", null)
                        .body()
                        .path("reviews");
        String reviewId = null;
        for (var review : reviews) {
            if (review.path("ad_id").asString().equals(live.adId())) {
                reviewId = review.path("review_id").asString();
            }
        }
        assertThat(reviewId).isNotNull();
        var again =
                api.admin(
                        "POST",
                        "/reviews/" + reviewId + "/decision",
                        Map.of("decision", "REJECT", "reason", "late"));
        assertThat(again.status()).isEqualTo(409);
        assertThat(api.admin("POST", "/reviews/1/decision", Map.of("decision", "REJECT")).status())
                .isEqualTo(400);
        assertThat(api.admin("GET", "/reviews?status=MAYBE", null).status()).isEqualTo(400);
    }

    @ParameterizedTest(name = "through the lean listener: {0}")
    @ValueSource(booleans = {false, true})
    void invalidEventsAreRejectedByIndexWhileValidOnesAreKept(boolean lean) {
        ApiClient api = lean ? new ApiClient(port, listener.port()) : this.api;
        var post = given.givenPublicPost();
        String now = Instant.now().toString();
        var response =
                api.platform(
                        "POST",
                        "/events",
                        Map.of(
                                "events",
                                List.of(
                                        Map.of(
                                                "event_id",
                                                ApiFixtures.unique(),
                                                "type",
                                                "LIKE",
                                                "occurred_at",
                                                now,
                                                "item_id",
                                                post.itemId()),
                                        Map.of(
                                                "event_id",
                                                ApiFixtures.unique(),
                                                "type",
                                                "TELEPORT",
                                                "occurred_at",
                                                now,
                                                "item_id",
                                                post.itemId()),
                                        Map.of(
                                                "event_id",
                                                ApiFixtures.unique(),
                                                "type",
                                                "CLICK",
                                                "occurred_at",
                                                now,
                                                "impression_id",
                                                "forged.id"),
                                        Map.of(
                                                "event_id",
                                                ApiFixtures.unique(),
                                                "type",
                                                "LIKE",
                                                "occurred_at",
                                                "yesterday",
                                                "item_id",
                                                post.itemId()),
                                        Map.of(
                                                "event_id",
                                                ApiFixtures.unique(),
                                                "type",
                                                "LIKE",
                                                "occurred_at",
                                                Instant.now().plusSeconds(3600).toString(),
                                                "item_id",
                                                post.itemId()),
                                        Map.of(
                                                "type",
                                                "LIKE",
                                                "occurred_at",
                                                now,
                                                "item_id",
                                                post.itemId()))));
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.body().path("accepted").asInt()).isEqualTo(1);
        var rejected = response.body().path("rejected");
        assertThat(rejected).hasSize(5);
        assertThat(rejected.get(0).path("index").asInt()).isEqualTo(1);
        assertThat(rejected.get(0).path("reason").asString()).contains("TELEPORT");
        assertThat(rejected.get(1).path("reason").asString()).contains("impression_id");
        assertThat(rejected.get(2).path("reason").asString()).contains("occurred_at");
        assertThat(rejected.get(3).path("reason").asString()).contains("future");
        assertThat(rejected.get(4).path("reason").asString()).contains("event_id");
        TrendsCaughtUp.await(jdbc); // organic counters: about a second after intake
        assertThat(
                        api.platform("GET", "/posts/" + post.itemId(), null)
                                .body()
                                .path("organic")
                                .path("likes")
                                .asLong())
                .isEqualTo(1);
    }

    @ParameterizedTest(name = "through the lean listener: {0}")
    @ValueSource(booleans = {false, true})
    void anAdRequestNeedsAPlacementAndAViewer(boolean lean) {
        ApiClient api = lean ? new ApiClient(port, listener.port()) : this.api;
        var placement =
                api.platform(
                        "POST",
                        "/ad_requests",
                        params("placement", "BANNER", "viewer", params("viewer_id", "v")));
        assertThat(placement.status()).isEqualTo(400);
        assertThat(placement.body().path("detail").asString()).contains("IN_FEED or TOPVIEW");
        var viewer = api.platform("POST", "/ad_requests", params("placement", "IN_FEED"));
        assertThat(viewer.status()).isEqualTo(400);
        assertThat(viewer.body().path("detail").asString()).contains("viewer_id");
        var slots =
                api.platform(
                        "POST",
                        "/ad_requests",
                        params(
                                "request_id",
                                "r",
                                "placement",
                                "IN_FEED",
                                "slots",
                                50,
                                "viewer",
                                params("viewer_id", "v")));
        assertThat(slots.status()).isEqualTo(400);
        assertThat(slots.body().path("detail").asString()).contains("slots");
        var requestId =
                api.platform(
                        "POST",
                        "/ad_requests",
                        params("placement", "IN_FEED", "viewer", params("viewer_id", "v")));
        assertThat(requestId.status()).isEqualTo(400);
        assertThat(requestId.body().path("detail").asString()).contains("request_id");
    }

    // ---- Business API: TikTok's envelope and codes

    @Test
    void theBusinessApiNeedsAnAccessToken() {
        var missing =
                api.send("GET", "/open_api/v1.3/tt_video/list/?advertiser_id=1", null, Map.of());
        assertThat(missing.status()).isEqualTo(200);
        assertThat(missing.code()).isEqualTo(40001);
        assertThat(missing.message()).contains("Access-Token");
        assertThat(api.businessGet("wrong", "/tt_video/list/", params("advertiser_id", "1")).code())
                .isEqualTo(40001);
    }

    @Test
    void aTokenNeverReachesAnotherAdvertiser() {
        var mine = given.givenAdvertiser();
        var theirs = given.givenAdvertiser();
        var post = given.givenPublicPost();
        given.givenBound(theirs, post);
        var list =
                api.businessGet(
                        mine.token(), "/tt_video/list/", params("advertiser_id", theirs.id()));
        assertThat(list.code()).isEqualTo(40001);
        var campaign =
                api.businessPost(
                        mine.token(),
                        "/campaign/create/",
                        Map.of(
                                "advertiser_id",
                                theirs.id(),
                                "campaign_name",
                                "x",
                                "objective_type",
                                "REACH",
                                "budget_mode",
                                "BUDGET_MODE_INFINITE"));
        assertThat(campaign.code()).isEqualTo(40001);
        // Their campaign is as unknown to me as a missing one, even when I name it under my own id.
        String theirCampaign = given.givenCampaign(theirs);
        var adgroup =
                api.businessPost(
                        mine.token(),
                        "/adgroup/create/",
                        Map.of(
                                "advertiser_id",
                                mine.id(),
                                "campaign_id",
                                theirCampaign,
                                "adgroup_name",
                                "g",
                                "billing_event",
                                "CPM",
                                "bid_price",
                                1));
        assertThat(adgroup.code()).isEqualTo(40002);
        assertThat(adgroup.message()).contains(theirCampaign);
        // And their bound post cannot be used in my ads.
        String myCampaign = given.givenCampaign(mine);
        String myAdgroup = given.givenAdGroup(mine, myCampaign, Map.of());
        var ad =
                api.businessPost(
                        mine.token(),
                        "/ad/create/",
                        Map.of(
                                "advertiser_id",
                                mine.id(),
                                "adgroup_id",
                                myAdgroup,
                                "creatives",
                                List.of(
                                        Map.of(
                                                "ad_name",
                                                "x",
                                                "identity_type",
                                                "AUTH_CODE",
                                                "identity_id",
                                                post.accountId(),
                                                "tiktok_item_id",
                                                post.itemId()))));
        assertThat(ad.code()).isEqualTo(40002);
        assertThat(ad.message()).contains("not authorized to this ad account");
    }

    @Test
    void malformedJsonOnTheBusinessApiKeepsTheEnvelope() {
        var advertiser = given.givenAdvertiser();
        var response =
                api.send(
                        "POST",
                        "/open_api/v1.3/campaign/create/",
                        "{oops",
                        Map.of("Access-Token", advertiser.token()));
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.code()).isEqualTo(40002);
        assertThat(response.message()).contains("not valid JSON");
        assertThat(response.body().has("request_id")).isTrue();
    }

    @Test
    void invalidCampaignFieldsAreNamed() {
        var advertiser = given.givenAdvertiser();
        var objective =
                api.businessPost(
                        advertiser.token(),
                        "/campaign/create/",
                        Map.of(
                                "advertiser_id",
                                advertiser.id(),
                                "campaign_name",
                                "x",
                                "objective_type",
                                "FAME",
                                "budget_mode",
                                "BUDGET_MODE_INFINITE"));
        assertThat(objective.code()).isEqualTo(40002);
        assertThat(objective.message()).contains("objective_type").contains("REACH");
        var budget =
                api.businessPost(
                        advertiser.token(),
                        "/campaign/create/",
                        Map.of(
                                "advertiser_id",
                                advertiser.id(),
                                "campaign_name",
                                "x",
                                "objective_type",
                                "REACH",
                                "budget_mode",
                                "BUDGET_MODE_DAY"));
        assertThat(budget.code()).isEqualTo(40002);
        assertThat(budget.message()).contains("budget");
        var typed =
                api.businessPost(
                        advertiser.token(),
                        "/campaign/create/",
                        Map.of(
                                "advertiser_id",
                                advertiser.id(),
                                "campaign_name",
                                "x",
                                "objective_type",
                                "REACH",
                                "budget_mode",
                                "BUDGET_MODE_DAY",
                                "budget",
                                "lots"));
        assertThat(typed.code()).isEqualTo(40002);
        assertThat(typed.message()).contains("budget");
    }

    @Test
    void anAdGroupWithAGoalThatDoesNotFitItsBillingIsRefused() {
        var advertiser = given.givenAdvertiser();
        String campaign = given.givenCampaign(advertiser);
        String traffic =
                api.businessPost(
                                advertiser.token(),
                                "/campaign/create/",
                                Map.of(
                                        "advertiser_id",
                                        advertiser.id(),
                                        "campaign_name",
                                        "t",
                                        "objective_type",
                                        "TRAFFIC",
                                        "budget_mode",
                                        "BUDGET_MODE_INFINITE"))
                        .data()
                        .path("campaign_id")
                        .asString();
        var response =
                api.businessPost(
                        advertiser.token(),
                        "/adgroup/create/",
                        Map.of(
                                "advertiser_id",
                                advertiser.id(),
                                "campaign_id",
                                traffic,
                                "adgroup_name",
                                "g",
                                "billing_event",
                                "CPC",
                                "bid_price",
                                0.5,
                                "optimization_goal",
                                "REACH"));
        assertThat(response.code()).isEqualTo(40002);
        assertThat(response.message()).contains("optimization_goal").contains("CPC");
        var objective =
                api.businessPost(
                        advertiser.token(),
                        "/adgroup/create/",
                        Map.of(
                                "advertiser_id",
                                advertiser.id(),
                                "campaign_id",
                                campaign,
                                "adgroup_name",
                                "g",
                                "billing_event",
                                "CPC",
                                "bid_price",
                                0.5));
        assertThat(objective.code()).isEqualTo(40002);
        assertThat(objective.message()).contains("billing_event").contains("REACH");
        var schedule =
                api.businessPost(
                        advertiser.token(),
                        "/adgroup/create/",
                        Map.of(
                                "advertiser_id",
                                advertiser.id(),
                                "campaign_id",
                                campaign,
                                "adgroup_name",
                                "g",
                                "billing_event",
                                "CPM",
                                "bid_price",
                                5,
                                "schedule_type",
                                "SCHEDULE_START_END",
                                "schedule_start_time",
                                "2026-13-01 00:00:00"));
        assertThat(schedule.code()).isEqualTo(40002);
        assertThat(schedule.message()).contains("schedule_start_time");
    }

    @Test
    void aBatchOfAdsIsCreatedWhollyOrNotAtAll() {
        var advertiser = given.givenAdvertiser();
        var post = given.givenPublicPost();
        given.givenBound(advertiser, post);
        String campaign = given.givenCampaign(advertiser);
        String adgroup = given.givenAdGroup(advertiser, campaign, Map.of());
        var response =
                api.businessPost(
                        advertiser.token(),
                        "/ad/create/",
                        Map.of(
                                "advertiser_id",
                                advertiser.id(),
                                "adgroup_id",
                                adgroup,
                                "creatives",
                                List.of(
                                        Map.of(
                                                "ad_name",
                                                "good",
                                                "identity_type",
                                                "AUTH_CODE",
                                                "identity_id",
                                                post.accountId(),
                                                "tiktok_item_id",
                                                post.itemId()),
                                        Map.of(
                                                "ad_name",
                                                "bad",
                                                "identity_type",
                                                "AUTH_CODE",
                                                "identity_id",
                                                post.accountId(),
                                                "tiktok_item_id",
                                                post.itemId(),
                                                "landing_page_url",
                                                "http://insecure.example"))));
        assertThat(response.code()).isEqualTo(40002);
        assertThat(response.message()).contains("creatives[1].landing_page_url");
        var ads =
                api.businessGet(
                                advertiser.token(),
                                "/ad/get/",
                                params("advertiser_id", advertiser.id()))
                        .data();
        assertThat(ads.path("page_info").path("total_number").asInt()).isZero();
        var quota =
                api.businessGet(
                                advertiser.token(),
                                "/ad/quota/get/",
                                params("advertiser_id", advertiser.id()))
                        .data();
        assertThat(quota.path("spark_ads_used").asInt()).isZero();
    }

    @Test
    void badReportParametersAreExplained() {
        var advertiser = given.givenAdvertiser();
        var dimension =
                api.businessGet(
                        advertiser.token(),
                        "/report/integrated/get/",
                        params(
                                "advertiser_id",
                                advertiser.id(),
                                "report_type",
                                "BASIC",
                                "dimensions",
                                List.of("colour"),
                                "start_date",
                                "2026-11-01",
                                "end_date",
                                "2026-11-02"));
        assertThat(dimension.code()).isEqualTo(40002);
        assertThat(dimension.message()).contains("colour");
        var notJson =
                api.businessGet(
                        advertiser.token(),
                        "/report/integrated/get/",
                        params(
                                "advertiser_id",
                                advertiser.id(),
                                "report_type",
                                "BASIC",
                                "dimensions",
                                "ad_id",
                                "start_date",
                                "2026-11-01",
                                "end_date",
                                "2026-11-02"));
        assertThat(notJson.code()).isEqualTo(40002);
        assertThat(notJson.message()).contains("dimensions");
        var dates =
                api.businessGet(
                        advertiser.token(),
                        "/report/integrated/get/",
                        params(
                                "advertiser_id",
                                advertiser.id(),
                                "report_type",
                                "BASIC",
                                "dimensions",
                                List.of("ad_id"),
                                "start_date",
                                "2026-11-05",
                                "end_date",
                                "2026-11-02"));
        assertThat(dates.code()).isEqualTo(40002);
        assertThat(dates.message()).contains("end_date");
        var page =
                api.businessGet(
                        advertiser.token(),
                        "/tt_video/list/",
                        params("advertiser_id", advertiser.id(), "page", 0));
        assertThat(page.code()).isEqualTo(40002);
        assertThat(page.message()).contains("page");
    }

    @Test
    void anInvalidAuthorizationCodeIsRefusedAndBindsNothing() {
        var advertiser = given.givenAdvertiser();
        var response =
                api.businessPost(
                        advertiser.token(),
                        "/tt_video/authorize/",
                        Map.of("advertiser_id", advertiser.id(), "auth_code", "#guess"));
        assertThat(response.code()).isEqualTo(40002);
        assertThat(response.message()).contains("not a valid authorization code");
        assertThat(
                        api.businessGet(
                                        advertiser.token(),
                                        "/tt_video/list/",
                                        params("advertiser_id", advertiser.id()))
                                .data()
                                .path("page_info")
                                .path("total_number")
                                .asInt())
                .isZero();
    }
}
