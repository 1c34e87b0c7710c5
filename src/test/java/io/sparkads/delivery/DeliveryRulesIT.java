package io.sparkads.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import io.sparkads.support.ApiClient;
import io.sparkads.support.ApiFixtures;
import io.sparkads.support.Eventually;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/** Frequency caps, TopView reservations and day parting, as the host app sees them. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("it")
class DeliveryRulesIT {
    @LocalServerPort int port;
    ApiClient api;
    ApiFixtures given;

    @BeforeEach
    void connect() {
        api = new ApiClient(port);
        given = new ApiFixtures(api);
    }

    @Test
    void aFrequencyCapLimitsImpressionsPerViewer() {
        var live = given.givenLiveAd(Map.of("frequency", 2, "frequency_schedule", 1));
        String region = ApiFixtures.regionOf(live.adId());
        assertThat(servedIn("IN_FEED", "cap-a", region)).contains(live.adId());
        assertThat(servedIn("IN_FEED", "cap-a", region)).contains(live.adId());
        assertThat(servedIn("IN_FEED", "cap-a", region)).doesNotContain(live.adId());
        assertThat(servedIn("IN_FEED", "cap-b", region)).contains(live.adId());
    }

    @Test
    void topViewIsAReservationShownOncePerViewerPerDayAtAppOpen() {
        var advertiser = given.givenAdvertiser();
        var post = given.givenPublicPost();
        given.givenBound(advertiser, post);
        String campaign = given.givenCampaign(advertiser);
        var missing =
                api.businessPost(
                        advertiser.token(),
                        "/adgroup/create/",
                        Map.of(
                                "advertiser_id",
                                advertiser.id(),
                                "campaign_id",
                                campaign,
                                "adgroup_name",
                                "tv",
                                "ad_placement",
                                "TOPVIEW",
                                "billing_event",
                                "CPM",
                                "bid_price",
                                30));
        assertThat(missing.code()).isEqualTo(40002);
        assertThat(missing.message()).contains("topview_daily_impressions");
        String adgroup =
                given.givenAdGroup(
                        advertiser,
                        campaign,
                        Map.of(
                                "ad_placement",
                                "TOPVIEW",
                                "topview_daily_impressions",
                                3,
                                "location_ids",
                                List.of(ApiFixtures.uniqueRegion())));
        String adId = given.givenSparkAd(advertiser, adgroup, post);
        given.approve(adId);
        String region = ApiFixtures.regionOf(adId);

        assertThat(servedIn("TOPVIEW", "tv-a", region)).containsExactly(adId);
        assertThat(servedIn("TOPVIEW", "tv-a", region)).as("once per viewer per day").isEmpty();
        assertThat(servedIn("TOPVIEW", "tv-b", region)).containsExactly(adId);
        assertThat(servedIn("TOPVIEW", "tv-c", region)).containsExactly(adId);
        assertThat(servedIn("TOPVIEW", "tv-d", region))
                .as("the day's 3 reserved impressions are used")
                .isEmpty();
        assertThat(servedIn("IN_FEED", "tv-e", region)).doesNotContain(adId);
    }

    @Test
    void aTopViewAdItsBudgetRefusesKeepsTheDaysPlaceForWhenTheBudgetAllows() {
        // given a TopView ad with one impression a day, at 30.00 per 1,000 (0.03 an impression),
        // and a daily budget of 0.01: less than one impression's price
        var advertiser = given.givenAdvertiser();
        var post = given.givenPublicPost();
        given.givenBound(advertiser, post);
        String adgroup =
                given.givenAdGroup(
                        advertiser,
                        given.givenCampaign(advertiser),
                        Map.of(
                                "ad_placement",
                                "TOPVIEW",
                                "topview_daily_impressions",
                                1,
                                "bid_price",
                                30,
                                "budget_mode",
                                "BUDGET_MODE_DAY",
                                "budget",
                                0.01,
                                "location_ids",
                                List.of(ApiFixtures.uniqueRegion())));
        String adId = given.givenSparkAd(advertiser, adgroup, post);
        given.approve(adId);
        String region = ApiFixtures.regionOf(adId);

        // when a viewer opens the app while the budget refuses, and then the budget is raised
        assertThat(servedIn("TOPVIEW", "tvb-a", region)).as("the budget refuses").isEmpty();
        var raised =
                api.businessPost(
                        advertiser.token(),
                        "/adgroup/update/",
                        Map.of(
                                "advertiser_id",
                                advertiser.id(),
                                "adgroup_id",
                                adgroup,
                                "budget",
                                50));
        assertThat(raised.code()).as(raised.raw()).isZero();

        // then the day's one TopView impression is still there to serve
        Eventually.await(
                Duration.ofSeconds(10),
                () ->
                        assertThat(servedIn("TOPVIEW", "tvb-" + ApiFixtures.unique(), region))
                                .containsExactly(adId));
    }

    @Test
    void dayPartingRunsAnAdOnlyInItsHalfHoursInTheAdAccountsTimeZone() {
        ZonedDateTime now = ZonedDateTime.now(ZoneId.of("America/New_York"));
        int slot =
                (now.getDayOfWeek().getValue() - DayOfWeek.MONDAY.getValue()) * 48
                        + now.getHour() * 2
                        + (now.getMinute() >= 30 ? 1 : 0);
        String region = ApiFixtures.uniqueRegion();
        var open =
                given.givenLiveAd(
                        Map.of("location_ids", List.of(region), "dayparting", only(slot)));
        var closed =
                given.givenLiveAd(
                        Map.of(
                                "location_ids",
                                List.of(region),
                                "dayparting",
                                only((slot + 4) % 336)));
        List<String> ads = servedIn("IN_FEED", "dp-" + ApiFixtures.unique(), region);
        if (ZonedDateTime.now(ZoneId.of("America/New_York")).getMinute() % 30 != 29) {
            assertThat(ads).contains(open.adId());
        }
        assertThat(ads).doesNotContain(closed.adId());
        var invalid =
                api.businessPost(
                        open.advertiser().token(),
                        "/adgroup/update/",
                        Map.of(
                                "advertiser_id",
                                open.advertiser().id(),
                                "adgroup_id",
                                open.adgroupId(),
                                "dayparting",
                                "1"));
        assertThat(invalid.code()).isEqualTo(40002);
        assertThat(invalid.message()).contains("dayparting");
    }

    @Test
    void anAdGroupStopsWhenItsDailyBudgetIsSpent() {
        var live =
                given.givenLiveAd(
                        Map.of(
                                "budget_mode",
                                "BUDGET_MODE_DAY",
                                "budget",
                                0.02,
                                "pacing",
                                "PACING_MODE_FAST"));
        String region = ApiFixtures.regionOf(live.adId());
        String now = java.time.Instant.now().toString();
        for (int i = 0; i < 2; i++) {
            String impression = given.servedImpression(live.adId(), "budget-" + i);
            given.givenEvents(impression, now, "IMPRESSION");
        }
        assertThat(servedIn("IN_FEED", "budget-after", region)).doesNotContain(live.adId());
        String status =
                given.ad(live.advertiser(), live.adId()).path("secondary_status").asString();
        assertThat(status).isEqualTo("AD_STATUS_BUDGET_EXCEED");
    }

    @Test
    void aCampaignStopsWhenItsTotalBudgetIsSpent() {
        var advertiser = given.givenAdvertiser();
        var post = given.givenPublicPost();
        given.givenBound(advertiser, post);
        String campaign =
                api.businessPost(
                                advertiser.token(),
                                "/campaign/create/",
                                Map.of(
                                        "advertiser_id",
                                        advertiser.id(),
                                        "campaign_name",
                                        "small",
                                        "objective_type",
                                        "REACH",
                                        "budget_mode",
                                        "BUDGET_MODE_TOTAL",
                                        "budget",
                                        0.01))
                        .data()
                        .path("campaign_id")
                        .asString();
        String adId =
                given.givenSparkAd(
                        advertiser, given.givenAdGroup(advertiser, campaign, Map.of()), post);
        given.approve(adId);
        String impression = given.servedImpression(adId, "total-0");
        given.givenEvents(impression, java.time.Instant.now().toString(), "IMPRESSION");
        assertThat(servedIn("IN_FEED", "total-after", ApiFixtures.regionOf(adId)))
                .doesNotContain(adId);
        String status = given.ad(advertiser, adId).path("secondary_status").asString();
        assertThat(status).isEqualTo("AD_STATUS_CAMPAIGN_EXCEED");
    }

    private static String only(int slot) {
        StringBuilder bits = new StringBuilder("0".repeat(336));
        bits.setCharAt(slot, '1');
        return bits.toString();
    }

    private List<String> servedIn(String placement, String viewer, String region) {
        return given.servedAdIds(placement, viewer, region);
    }
}
