package io.sparkads.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import io.sparkads.support.ApiClient;
import io.sparkads.support.ApiFixtures;
import io.sparkads.support.BudgetHammer;
import io.sparkads.support.Eventually;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
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
        var live = given.givenLiveAd(Map.of("budget_mode", "BUDGET_MODE_DAY", "budget", 20.00));
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

    private record Spend(int impressions, BigDecimal cost) {}

    private Spend spendOf(String adId) {
        return jdbc.sql(
                        "select count(*), coalesce(sum(cost), 0) from event_log where ad_id = ? and type = 'IMPRESSION'")
                .param(Long.parseLong(adId))
                .query((rs, n) -> new Spend(rs.getInt(1), rs.getBigDecimal(2)))
                .single();
    }
}
