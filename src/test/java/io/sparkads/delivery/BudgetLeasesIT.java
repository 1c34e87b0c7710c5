package io.sparkads.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import io.sparkads.support.ApiClient;
import io.sparkads.support.ApiFixtures;
import io.sparkads.support.BudgetHammer;
import io.sparkads.support.Eventually;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

/**
 * Budgets under load on one server: served ads reserve their charged price from budget leases, so
 * concurrent requests never serve more than the budget, and what intake bills is the price served.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("it")
class BudgetLeasesIT {
    private static final BigDecimal ONE_BILLING_EVENT = new BigDecimal("0.01");

    @LocalServerPort int port;
    @Autowired JdbcClient jdbc;
    ApiClient api;
    ApiFixtures given;

    @BeforeEach
    void connect() {
        api = new ApiClient(port);
        given = new ApiFixtures(api);
    }

    @Test
    void aDailyBudgetHammeredByEightThreadsIsNotOverspent() throws Exception {
        // given: 20.00 a day at a 10.00 CPM, 0.01 an impression
        var live =
                given.givenLiveAd(
                        Map.of(
                                "budget_mode",
                                "BUDGET_MODE_DAY",
                                "budget",
                                20.00,
                                "pacing",
                                "PACING_MODE_FAST"));
        String region = ApiFixtures.regionOf(live.adId());

        // when: 8 threads ask for ads and send an impression for each time it is served
        BudgetHammer.Result result =
                BudgetHammer.hammer(List.of(api), live.adId(), region, 8, Duration.ofSeconds(8));

        // then: every served impression is billed 0.01, and together no more than the budget
        Spend spend = spendOf(live.adId());
        assertThat(spend.impressions()).isEqualTo(result.served());
        assertThat(spend.cost())
                .isEqualByComparingTo(
                        ONE_BILLING_EVENT.multiply(BigDecimal.valueOf(result.served())));
        assertThat(spend.cost()).isLessThanOrEqualTo(new BigDecimal("20.01"));
        assertThat(spend.cost())
                .as("the hammering reached the budget")
                .isGreaterThan(new BigDecimal("19.80"));
        assertThat(result.requests()).isGreaterThan(result.served());
        // the leases were all given back; the reservation is what was spent
        long reserved =
                jdbc.sql(
                                "select reserved_micros from budget_periods where level = 'ADGROUP' and owner_id = ?")
                        .param(Long.parseLong(live.adgroupId()))
                        .query(Long.class)
                        .single();
        assertThat(BigDecimal.valueOf(reserved, 6)).isEqualByComparingTo(spend.cost());
        // the report shows the same spend
        Eventually.await(
                Duration.ofSeconds(10),
                () ->
                        assertThat(
                                        new BigDecimal(
                                                given.lifetimeMetrics(
                                                                live.advertiser(),
                                                                live.adId(),
                                                                List.of("spend"))
                                                        .path("spend")
                                                        .asString()))
                                .isEqualByComparingTo(spend.cost()));
    }

    @Test
    void anAdIsBilledThePriceItWasServedAtTheNextAdsPricePlusACent() {
        // given: in one region, a 12.00 CPM ad above a 10.00 CPM ad
        var high = given.givenLiveAd(Map.of("bid_price", 12.00));
        String region = ApiFixtures.regionOf(high.adId());
        var low = given.givenLiveAd(Map.of("bid_price", 10.00, "location_ids", List.of(region)));

        // when: one request serves both, and the host app reports both impressions
        String now = Instant.now().toString();
        String highImpression = given.servedImpression(high.adId(), "price", region);
        String lowImpression = given.servedImpression(low.adId(), "price-low", region);
        given.givenEvents(highImpression, now, "IMPRESSION");
        given.givenEvents(lowImpression, now, "IMPRESSION");

        // then: the first pays 10.01 per 1000, the last its bid
        assertThat(spendOf(high.adId()).cost()).isEqualByComparingTo("0.01001");
        assertThat(spendOf(low.adId()).cost()).isEqualByComparingTo("0.01");
    }

    @Test
    void aSmoothDailyBudgetStopsAtItsShareOfTheElapsedDayAndAFastOneDoesNot() throws Exception {
        // given: an ad account whose local time is mid-day, and a smooth 20.00 a day at 0.01 each
        ZoneId zone = midDayZone();
        ApiFixtures.Advertiser advertiser = given.givenAdvertiser(zone.getId());
        var post = given.givenPublicPost();
        given.givenBound(advertiser, post);
        String campaign = given.givenCampaign(advertiser);
        String adgroup =
                given.givenAdGroup(
                        advertiser,
                        campaign,
                        Map.of("budget_mode", "BUDGET_MODE_DAY", "budget", 20.00));
        String adId = given.givenSparkAd(advertiser, adgroup, post);
        given.approve(adId);
        String region = ApiFixtures.regionOf(adId);
        assertThat(adgroupField(advertiser, adgroup, "pacing")).isEqualTo("PACING_MODE_SMOOTH");

        // when: 8 threads hammer it for 8 s
        BigDecimal shareBefore = shareOfDay(zone);
        BudgetHammer.hammer(List.of(api), adId, region, 8, Duration.ofSeconds(8));
        BigDecimal shareAfter = shareOfDay(zone);

        // then: spend reached the elapsed share of the day and stopped there, within one event
        BigDecimal smooth = spendOf(adId).cost();
        assertThat(smooth).isLessThanOrEqualTo(shareAfter.add(ONE_BILLING_EVENT));
        assertThat(smooth)
                .as("the hammering reached the share")
                .isGreaterThan(shareBefore.subtract(new BigDecimal("0.20")));

        // and when: a bad pacing is refused, saying what to use
        var refused = updatePacing(advertiser, adgroup, "PACING_MODE_TURBO");
        assertThat(refused.code()).as(refused.raw()).isNotZero();
        assertThat(refused.message())
                .isEqualTo(
                        "pacing must be one of PACING_MODE_FAST, PACING_MODE_SMOOTH; was 'PACING_MODE_TURBO'");
        assertThat(adgroupField(advertiser, adgroup, "pacing")).isEqualTo("PACING_MODE_SMOOTH");

        // when: it is switched to fast and hammered again
        var fast = updatePacing(advertiser, adgroup, "PACING_MODE_FAST");
        assertThat(fast.data().path("pacing").asString())
                .as(fast.raw())
                .isEqualTo("PACING_MODE_FAST");
        BudgetHammer.hammer(List.of(api), adId, region, 8, Duration.ofSeconds(8));

        // then: it spends past the share, up to the whole budget
        BigDecimal fastSpend = spendOf(adId).cost();
        assertThat(fastSpend).isGreaterThan(shareOfDay(zone).add(new BigDecimal("1.00")));
        assertThat(fastSpend).isLessThanOrEqualTo(new BigDecimal("20.01"));
    }

    private ApiClient.Response updatePacing(
            ApiFixtures.Advertiser advertiser, String adgroupId, String pacing) {
        return api.businessPost(
                advertiser.token(),
                "/adgroup/update/",
                Map.of(
                        "advertiser_id",
                        advertiser.id(),
                        "adgroup_id",
                        adgroupId,
                        "pacing",
                        pacing));
    }

    /** A time zone where it is now between 08:00 and 16:00, so the share is far from 0 and 20. */
    private static ZoneId midDayZone() {
        for (String id :
                List.of(
                        "UTC",
                        "Asia/Tokyo",
                        "Europe/Berlin",
                        "America/New_York",
                        "America/Los_Angeles",
                        "Asia/Kolkata",
                        "Pacific/Auckland")) {
            int hour = ZonedDateTime.now(ZoneId.of(id)).getHour();
            if (hour >= 8 && hour < 16) {
                return ZoneId.of(id);
            }
        }
        throw new IllegalStateException("no listed time zone is at mid-day");
    }

    /** 20.00 times the elapsed share of today in the zone. */
    private static BigDecimal shareOfDay(ZoneId zone) {
        ZonedDateTime now = ZonedDateTime.now(zone);
        ZonedDateTime midnight = now.toLocalDate().atStartOfDay(zone);
        long day = Duration.between(midnight, midnight.plusDays(1)).toMillis();
        long elapsed = Duration.between(midnight, now).toMillis();
        return new BigDecimal("20.00")
                .multiply(BigDecimal.valueOf(elapsed))
                .divide(BigDecimal.valueOf(day), 6, java.math.RoundingMode.DOWN);
    }

    private String adgroupField(ApiFixtures.Advertiser advertiser, String adgroupId, String field) {
        return api.businessGet(
                        advertiser.token(),
                        "/adgroup/get/",
                        ApiClient.params(
                                "advertiser_id",
                                advertiser.id(),
                                "filtering",
                                Map.of("adgroup_ids", List.of(adgroupId))))
                .data()
                .path("list")
                .path(0)
                .path(field)
                .asString();
    }

    private record Spend(int impressions, BigDecimal cost) {}

    private Spend spendOf(String adId) {
        return jdbc.sql(
                        "select count(*), coalesce(sum(cost), 0) from event_log where ad_id = ? and type = 'IMPRESSION'")
                .param(Long.parseLong(adId))
                .query((rs, n) -> new Spend(rs.getInt(1), rs.getBigDecimal(2)))
                .single();
    }
}
