package io.sparkads.campaigns;

import static io.sparkads.support.ApiClient.params;
import static org.assertj.core.api.Assertions.assertThat;

import io.sparkads.support.ApiClient;
import io.sparkads.support.ApiFixtures;
import io.sparkads.support.Eventually;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import tools.jackson.databind.JsonNode;

/** Changing campaigns, ad groups and ads over the Business API, and what delivery makes of it. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("it")
class CampaignTreeIT {
    @LocalServerPort int port;
    ApiClient api;
    ApiFixtures given;

    @BeforeEach
    void connect() {
        api = new ApiClient(port);
        given = new ApiFixtures(api);
    }

    @Test
    void aCampaignCanBeRenamedAndItsBudgetChangedButNotItsMode() {
        var advertiser = given.givenAdvertiser();
        String id =
                api.businessPost(
                                advertiser.token(),
                                "/campaign/create/",
                                Map.of(
                                        "advertiser_id",
                                        advertiser.id(),
                                        "campaign_name",
                                        "Before",
                                        "objective_type",
                                        "VIDEO_VIEWS",
                                        "budget_mode",
                                        "BUDGET_MODE_DAY",
                                        "budget",
                                        50))
                        .data()
                        .path("campaign_id")
                        .asString();
        JsonNode updated =
                api.businessPost(
                                advertiser.token(),
                                "/campaign/update/",
                                Map.of(
                                        "advertiser_id",
                                        advertiser.id(),
                                        "campaign_id",
                                        id,
                                        "campaign_name",
                                        "After",
                                        "budget",
                                        75.5))
                        .data();
        assertThat(updated.path("campaign_name").asString()).isEqualTo("After");
        assertThat(updated.path("budget").decimalValue()).isEqualByComparingTo("75.5");
        var bad =
                api.businessPost(
                        advertiser.token(),
                        "/campaign/update/",
                        Map.of("advertiser_id", advertiser.id(), "campaign_id", id, "budget", -1));
        assertThat(bad.code()).isEqualTo(40002);
        assertThat(bad.message()).contains("budget");
        JsonNode listed =
                api.businessGet(
                                advertiser.token(),
                                "/campaign/get/",
                                params(
                                        "advertiser_id",
                                        advertiser.id(),
                                        "filtering",
                                        Map.of("campaign_ids", List.of(id))))
                        .data();
        assertThat(listed.path("list").get(0).path("campaign_name").asString()).isEqualTo("After");
    }

    @Test
    void campaignsAreFilteredByObjectiveNameAndStatusAndUnknownFiltersAreRefused() {
        var advertiser = given.givenAdvertiser();
        String reach = given.givenCampaign(advertiser);
        String traffic =
                api.businessPost(
                                advertiser.token(),
                                "/campaign/create/",
                                Map.of(
                                        "advertiser_id",
                                        advertiser.id(),
                                        "campaign_name",
                                        "Traffic push",
                                        "objective_type",
                                        "TRAFFIC",
                                        "budget_mode",
                                        "BUDGET_MODE_INFINITE"))
                        .data()
                        .path("campaign_id")
                        .asString();
        JsonNode byObjective =
                api.businessGet(
                                advertiser.token(),
                                "/campaign/get/",
                                params(
                                        "advertiser_id",
                                        advertiser.id(),
                                        "filtering",
                                        Map.of("objective_type", "TRAFFIC")))
                        .data();
        assertThat(byObjective.path("list")).hasSize(1);
        assertThat(byObjective.path("list").get(0).path("campaign_id").asString())
                .isEqualTo(traffic);
        JsonNode byName =
                api.businessGet(
                                advertiser.token(),
                                "/campaign/get/",
                                params(
                                        "advertiser_id",
                                        advertiser.id(),
                                        "filtering",
                                        Map.of("campaign_name", "push")))
                        .data();
        assertThat(byName.path("list").get(0).path("campaign_id").asString()).isEqualTo(traffic);

        api.businessPost(
                        advertiser.token(),
                        "/campaign/status/update/",
                        Map.of(
                                "advertiser_id",
                                advertiser.id(),
                                "campaign_ids",
                                List.of(reach),
                                "operation_status",
                                "DELETE"))
                .data();
        JsonNode deleted =
                api.businessGet(
                                advertiser.token(),
                                "/campaign/get/",
                                params(
                                        "advertiser_id",
                                        advertiser.id(),
                                        "filtering",
                                        Map.of("secondary_status", "CAMPAIGN_STATUS_DELETE")))
                        .data();
        assertThat(deleted.path("list")).hasSize(1);
        assertThat(deleted.path("list").get(0).path("campaign_id").asString()).isEqualTo(reach);
        assertThat(
                        api.businessGet(
                                        advertiser.token(),
                                        "/campaign/get/",
                                        params("advertiser_id", advertiser.id()))
                                .data()
                                .path("list"))
                .hasSize(1);

        var unknown =
                api.businessGet(
                        advertiser.token(),
                        "/campaign/get/",
                        params(
                                "advertiser_id",
                                advertiser.id(),
                                "filtering",
                                Map.of("buying_type", "RESERVATION")));
        assertThat(unknown.code()).isEqualTo(40002);
        assertThat(unknown.message()).contains("filtering.buying_type");
    }

    @Test
    void changingAnAdGroupsTargetingMovesDeliveryAtOnce() {
        var live = given.givenLiveAd(Map.of());
        given.servedImpression(live.adId(), "tree-us");
        String elsewhere = ApiFixtures.uniqueRegion();
        api.businessPost(
                        live.advertiser().token(),
                        "/adgroup/update/",
                        Map.of(
                                "advertiser_id",
                                live.advertiser().id(),
                                "adgroup_id",
                                live.adgroupId(),
                                "location_ids",
                                List.of(elsewhere)))
                .data();
        assertThat(served("tree-us", ApiFixtures.regionOf(live.adId())))
                .doesNotContain(live.adId());
        assertThat(served("tree-ca", elsewhere)).contains(live.adId());
        var inconsistent =
                api.businessPost(
                        live.advertiser().token(),
                        "/adgroup/update/",
                        Map.of(
                                "advertiser_id",
                                live.advertiser().id(),
                                "adgroup_id",
                                live.adgroupId(),
                                "billing_event",
                                "CPC",
                                "optimization_goal",
                                "REACH"));
        assertThat(inconsistent.code()).isEqualTo(40002);
        assertThat(inconsistent.message()).contains("billing_event").contains("REACH");
    }

    @Test
    void changingTheCreativeSendsTheAdBackToReviewButRenamingDoesNot() {
        var live = given.givenLiveAd(Map.of());
        given.servedImpression(live.adId(), "tree-creative");
        var renamed =
                api.businessPost(
                                live.advertiser().token(),
                                "/ad/update/",
                                Map.of(
                                        "advertiser_id",
                                        live.advertiser().id(),
                                        "adgroup_id",
                                        live.adgroupId(),
                                        "creatives",
                                        List.of(
                                                Map.of(
                                                        "ad_id",
                                                        live.adId(),
                                                        "ad_name",
                                                        "Renamed"))))
                        .data();
        assertThat(renamed.path("creatives").get(0).path("secondary_status").asString())
                .isEqualTo("AD_STATUS_DELIVERY_OK");

        var changed =
                api.businessPost(
                                live.advertiser().token(),
                                "/ad/update/",
                                Map.of(
                                        "advertiser_id",
                                        live.advertiser().id(),
                                        "adgroup_id",
                                        live.adgroupId(),
                                        "creatives",
                                        List.of(
                                                Map.of(
                                                        "ad_id",
                                                        live.adId(),
                                                        "call_to_action",
                                                        "LEARN_MORE"))))
                        .data();
        assertThat(changed.path("creatives").get(0).path("secondary_status").asString())
                .isEqualTo("AD_STATUS_AUDIT");
        assertThat(served("tree-creative", ApiFixtures.regionOf(live.adId())))
                .doesNotContain(live.adId());
        given.approve(live.adId());
        Eventually.await(
                Duration.ofSeconds(5),
                () ->
                        assertThat(served("tree-creative", ApiFixtures.regionOf(live.adId())))
                                .contains(live.adId()));
    }

    @Test
    void aDeletedAdCannotBeEnabledAgain() {
        var live = given.givenLiveAd(Map.of());
        var token = live.advertiser().token();
        api.businessPost(
                        token,
                        "/ad/status/update/",
                        Map.of(
                                "advertiser_id",
                                live.advertiser().id(),
                                "ad_ids",
                                List.of(live.adId()),
                                "operation_status",
                                "DELETE"))
                .data();
        var enable =
                api.businessPost(
                        token,
                        "/ad/status/update/",
                        Map.of(
                                "advertiser_id",
                                live.advertiser().id(),
                                "ad_ids",
                                List.of(live.adId()),
                                "operation_status",
                                "ENABLE"));
        assertThat(enable.code()).isEqualTo(40002);
        assertThat(enable.message()).contains(live.adId());
        assertThat(served("tree-deleted", ApiFixtures.regionOf(live.adId())))
                .doesNotContain(live.adId());
    }

    @Test
    void aScheduleIsReadInTheAdAccountsTimeZone() {
        var advertiser = given.givenAdvertiser("Asia/Tokyo");
        String campaign = given.givenCampaign(advertiser);
        JsonNode created =
                api.businessPost(
                                advertiser.token(),
                                "/adgroup/create/",
                                Map.of(
                                        "advertiser_id",
                                        advertiser.id(),
                                        "campaign_id",
                                        campaign,
                                        "adgroup_name",
                                        "tokyo",
                                        "billing_event",
                                        "CPM",
                                        "bid_price",
                                        5,
                                        "schedule_type",
                                        "SCHEDULE_START_END",
                                        "schedule_start_time",
                                        "2030-01-01 09:00:00",
                                        "schedule_end_time",
                                        "2030-01-31 21:00:00"))
                        .data();
        assertThat(created.path("schedule_start_time").asString()).isEqualTo("2030-01-01 09:00:00");
        assertThat(created.path("schedule_time_zone").asString()).isEqualTo("Asia/Tokyo");
        assertThat(created.path("secondary_status").asString())
                .isEqualTo("ADGROUP_STATUS_NOT_START");
        // The same wall-clock time in New York is a different moment: 14 hours later.
        var newYork = given.givenAdvertiser("America/New_York");
        JsonNode other =
                api.businessPost(
                                newYork.token(),
                                "/adgroup/create/",
                                Map.of(
                                        "advertiser_id",
                                        newYork.id(),
                                        "campaign_id",
                                        given.givenCampaign(newYork),
                                        "adgroup_name",
                                        "ny",
                                        "billing_event",
                                        "CPM",
                                        "bid_price",
                                        5,
                                        "schedule_type",
                                        "SCHEDULE_START_END",
                                        "schedule_start_time",
                                        "2030-01-01T00:00:00Z",
                                        "schedule_end_time",
                                        "2030-01-02T00:00:00Z"))
                        .data();
        assertThat(other.path("schedule_start_time").asString())
                .as("an ISO time keeps its own offset")
                .isEqualTo("2029-12-31 19:00:00");
    }

    @Test
    void aLifetimeReportNeedsNoDatesAndFiltersByAd() {
        var live = given.givenLiveAd(Map.of());
        String impression = given.servedImpression(live.adId(), "tree-report");
        given.givenEvents(impression, java.time.Instant.now().toString(), "IMPRESSION");
        String filter =
                "[{\"field_name\":\"ad_ids\",\"filter_type\":\"IN\",\"filter_value\":\"[\\\""
                        + live.adId()
                        + "\\\"]\"}]";
        JsonNode rows =
                api.businessGet(
                                live.advertiser().token(),
                                "/report/integrated/get/",
                                params(
                                        "advertiser_id",
                                        live.advertiser().id(),
                                        "report_type",
                                        "BASIC",
                                        "data_level",
                                        "AUCTION_AD",
                                        "dimensions",
                                        List.of("ad_id"),
                                        "metrics",
                                        List.of("impressions", "spend"),
                                        "query_lifetime",
                                        "true",
                                        "filtering",
                                        filter))
                        .data()
                        .path("list");
        assertThat(rows).hasSize(1);
        assertThat(rows.get(0).path("metrics").path("impressions").asString()).isEqualTo("1");
        String otherAd =
                "[{\"field_name\":\"ad_ids\",\"filter_type\":\"IN\",\"filter_value\":\"[\\\"42\\\"]\"}]";
        assertThat(
                        api.businessGet(
                                        live.advertiser().token(),
                                        "/report/integrated/get/",
                                        params(
                                                "advertiser_id",
                                                live.advertiser().id(),
                                                "report_type",
                                                "BASIC",
                                                "dimensions",
                                                List.of("ad_id"),
                                                "query_lifetime",
                                                "true",
                                                "filtering",
                                                otherAd))
                                .data()
                                .path("list"))
                .isEmpty();
        var unsupported =
                api.businessGet(
                        live.advertiser().token(),
                        "/report/integrated/get/",
                        params(
                                "advertiser_id",
                                live.advertiser().id(),
                                "report_type",
                                "BASIC",
                                "dimensions",
                                List.of("ad_id"),
                                "query_lifetime",
                                "true",
                                "filtering",
                                "[{\"field_name\":\"country_code\",\"filter_type\":\"IN\",\"filter_value\":\"[\\\"1\\\"]\"}]"));
        assertThat(unsupported.code()).isEqualTo(40002);
        assertThat(unsupported.message()).contains("country_code");
    }

    private List<String> served(String viewerId, String region) {
        return given.servedAdIds("IN_FEED", viewerId, region);
    }
}
