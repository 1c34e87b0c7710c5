package io.sparkads.multiserver;

import static org.assertj.core.api.Assertions.assertThat;

import io.sparkads.support.ApiClient;
import io.sparkads.support.ApiFixtures;
import io.sparkads.support.Concurrently;
import io.sparkads.support.Eventually;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Frequency caps, TopView reservations and failed-code limits with two servers on one PostgreSQL:
 * the limits hold across both, and across a restart of one.
 */
class ServingStateMultiServerIT {
    static final String NAME = "serving-state";
    // Each server learns the other's ads from its periodic reload; 1 s keeps the test short.
    static final List<String> ARGS = List.of("--sparkads.delivery.resync-interval=1s");

    @TempDir static Path dir;
    static TwoServers servers;

    @BeforeAll
    static void start() throws Exception {
        servers = TwoServers.start(dir, NAME, ARGS);
    }

    @AfterAll
    static void stop() throws Exception {
        if (servers != null) {
            servers.close();
        }
    }

    @Test
    void aTopViewReservationIsExactWhenBothServersAreHammered() throws Exception {
        // Given a TopView ad group of 21 a day, and server B serving it once (so B knows the ad)
        TopView topView = givenTopView(21);
        awaitServedOnB(topView, "probe");

        // When 8 threads ask for it for 80 viewers, each viewer on both servers
        AtomicInteger served = new AtomicInteger();
        Concurrently.run(
                8,
                thread -> {
                    ApiFixtures first = fixtures(thread % 2 == 0 ? servers.apiA() : servers.apiB());
                    ApiFixtures second =
                            fixtures(thread % 2 == 0 ? servers.apiB() : servers.apiA());
                    for (int i = 0; i < 10; i++) {
                        for (ApiFixtures server : List.of(first, second)) {
                            if (server.servedAdIds(
                                            "TOPVIEW", "v" + thread + "-" + i, topView.region())
                                    .contains(topView.adId())) {
                                served.incrementAndGet();
                            }
                        }
                    }
                });

        // Then exactly the 20 places left are served, and the database counts 21
        assertThat(served.get()).isEqualTo(20);
        assertThat(servedToday(topView.adgroupId())).isEqualTo(21);
    }

    @Test
    void aFrequencyCapAndATopViewReservationSurviveARestartOfOneServer() throws Exception {
        // Given an ad capped at 2 per viewer a day, served twice to f-1 (once on each server)
        ApiFixtures.LiveAd capped =
                fixtures(servers.apiA())
                        .givenLiveAd(
                                Map.of(
                                        "frequency",
                                        2,
                                        "frequency_schedule",
                                        1,
                                        "location_ids",
                                        List.of(ApiFixtures.uniqueRegion())));
        String cappedRegion = ApiFixtures.regionOf(capped.adId());
        Eventually.await(
                Duration.ofSeconds(30),
                () ->
                        assertThat(
                                        fixtures(servers.apiB())
                                                .servedAdIds("IN_FEED", "f-1", cappedRegion))
                                .contains(capped.adId()));
        assertThat(fixtures(servers.apiA()).servedAdIds("IN_FEED", "f-1", cappedRegion))
                .contains(capped.adId());
        // and a TopView of 3 a day, served to r-1 on B and r-2 on A
        TopView topView = givenTopView(3);
        awaitServedOnB(topView, "r-1");
        assertThat(fixtures(servers.apiA()).servedAdIds("TOPVIEW", "r-2", topView.region()))
                .containsExactly(topView.adId());

        // When server B restarts
        servers.restart(1, dir, NAME + "-b", ARGS);
        ApiFixtures b = fixtures(servers.apiB());

        // Then B never serves f-1 the capped ad again, but serves it to someone else
        assertThat(b.servedAdIds("IN_FEED", "f-1", cappedRegion)).doesNotContain(capped.adId());
        assertThat(b.servedAdIds("IN_FEED", "f-2", cappedRegion)).contains(capped.adId());
        // and the TopView keeps once per viewer and 3 a day
        assertThat(b.servedAdIds("TOPVIEW", "r-1", topView.region())).isEmpty();
        assertThat(b.servedAdIds("TOPVIEW", "r-3", topView.region()))
                .containsExactly(topView.adId());
        assertThat(b.servedAdIds("TOPVIEW", "r-4", topView.region())).isEmpty();
        assertThat(fixtures(servers.apiA()).servedAdIds("TOPVIEW", "r-5", topView.region()))
                .isEmpty();
        assertThat(servedToday(topView.adgroupId())).isEqualTo(3);
    }

    @Test
    void failedCodeLimitsAreSharedByBothServers() {
        // Given an ad account's 10 failed codes, alternately on A and B
        ApiFixtures.Advertiser advertiser = fixtures(servers.apiA()).givenAdvertiser();
        for (int i = 0; i < 10; i++) {
            ApiClient server = i % 2 == 0 ? servers.apiA() : servers.apiB();
            var attempt =
                    server.businessPost(
                            advertiser.token(),
                            "/tt_video/authorize/",
                            Map.of("advertiser_id", advertiser.id(), "auth_code", "#guess" + i));
            assertThat(attempt.code()).as(attempt.raw()).isEqualTo(40002);
        }

        // Then both refuse the next, even with a valid code, until the window moves on
        String valid =
                fixtures(servers.apiA()).givenCode(fixtures(servers.apiA()).givenPublicPost());
        for (ApiClient server : List.of(servers.apiA(), servers.apiB())) {
            var limited =
                    server.businessPost(
                            advertiser.token(),
                            "/tt_video/authorize/",
                            Map.of("advertiser_id", advertiser.id(), "auth_code", valid));
            assertThat(limited.code()).as(limited.raw()).isEqualTo(40100);
            assertThat(limited.message()).contains("try again");
        }
    }

    record TopView(String adId, String adgroupId, String region) {}

    private static TopView givenTopView(int daily) {
        String region = ApiFixtures.uniqueRegion();
        ApiFixtures.LiveAd ad =
                fixtures(servers.apiA())
                        .givenLiveAd(
                                Map.of(
                                        "ad_placement",
                                        "TOPVIEW",
                                        "topview_daily_impressions",
                                        daily,
                                        "location_ids",
                                        List.of(region)));
        return new TopView(ad.adId(), ad.adgroupId(), region);
    }

    /** Asks B for the viewer until B, having loaded the ad, serves it (one place of the day). */
    private static void awaitServedOnB(TopView topView, String viewer) {
        Eventually.await(
                Duration.ofSeconds(30),
                () ->
                        assertThat(
                                        fixtures(servers.apiB())
                                                .servedAdIds("TOPVIEW", viewer, topView.region()))
                                .containsExactly(topView.adId()));
    }

    private static int servedToday(String adgroupId) throws Exception {
        try (Connection db = servers.database().connect();
                PreparedStatement count =
                        db.prepareStatement(
                                "select coalesce(sum(served), 0) from topview_days where adgroup_id = ?")) {
            count.setLong(1, Long.parseLong(adgroupId));
            try (ResultSet rs = count.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    private static ApiFixtures fixtures(ApiClient api) {
        return new ApiFixtures(api);
    }
}
