package io.sparkads.multiserver;

import static org.assertj.core.api.Assertions.assertThat;

import io.sparkads.support.ApiFixtures;
import io.sparkads.support.BudgetHammer;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A budget hammered through two servers on one PostgreSQL: each server reserves the price of what
 * it serves from leases taken from the shared budget table, so together they never serve past the
 * budget, and the leases' unused parts flow back to the other server.
 */
class BudgetMultiServerIT {
    @TempDir static Path dir;
    static TwoServers servers;

    @BeforeAll
    static void start() throws Exception {
        servers = TwoServers.start(dir, "budget", List.of());
    }

    @AfterAll
    static void stop() throws Exception {
        if (servers != null) {
            servers.close();
        }
    }

    @Test
    void aDailyBudgetHammeredThroughBothServersIsNotOverspent() throws Exception {
        // given: 20.00 a day at a 10.00 CPM (0.01 an impression), made through server A
        var live =
                new ApiFixtures(servers.apiA())
                        .givenLiveAd(
                                Map.of(
                                        "budget_mode",
                                        "BUDGET_MODE_DAY",
                                        "budget",
                                        20.00,
                                        "pacing",
                                        "PACING_MODE_FAST"));
        String region = ApiFixtures.regionOf(live.adId());
        awaitServedBy(servers.apiB(), live.adId(), region);

        // when: 8 threads, 4 on each server, ask for ads and send an impression when it is served
        BudgetHammer.Result result =
                BudgetHammer.hammer(
                        List.of(servers.apiA(), servers.apiB()),
                        live.adId(),
                        region,
                        8,
                        Duration.ofSeconds(8));

        // then: each served impression is billed 0.01, together no more than the budget plus one
        BigDecimal[] spend = spendOf(live.adId());
        System.out.printf(
                "BudgetMultiServerIT: served %d of %d requests in %s, billed %s (budget 20.00)%n",
                result.served(), result.requests(), result.took(), spend[1]);
        assertThat(spend[0].intValue()).isEqualTo(result.served());
        assertThat(spend[1]).isEqualByComparingTo(new BigDecimal("0.01").multiply(spend[0]));
        assertThat(spend[1]).isLessThanOrEqualTo(new BigDecimal("20.01"));
        assertThat(spend[1])
                .as("the hammering reached the budget")
                .isGreaterThan(new BigDecimal("19.80"));
        assertThat(openLeases(Long.parseLong(live.adgroupId()))).isZero();
    }

    /** Waits until B has loaded the ad (at its next index reload at the latest). */
    private static void awaitServedBy(
            io.sparkads.support.ApiClient api, String adId, String region) {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!new ApiFixtures(api).isServed(adId, region)) {
            assertThat(System.nanoTime()).as("B serves the ad").isLessThan(deadline);
        }
    }

    private static BigDecimal[] spendOf(String adId) throws Exception {
        try (Connection c = servers.database().connect();
                PreparedStatement s =
                        c.prepareStatement(
                                "select count(*), coalesce(sum(cost), 0) from event_log where ad_id = ? and type = 'IMPRESSION'")) {
            s.setLong(1, Long.parseLong(adId));
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return new BigDecimal[] {rs.getBigDecimal(1), rs.getBigDecimal(2)};
            }
        }
    }

    private static int openLeases(long adgroupId) throws Exception {
        try (Connection c = servers.database().connect();
                PreparedStatement s =
                        c.prepareStatement(
                                "select count(*) from budget_leases where level = 'ADGROUP' and owner_id = ?")) {
            s.setLong(1, adgroupId);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }
}
