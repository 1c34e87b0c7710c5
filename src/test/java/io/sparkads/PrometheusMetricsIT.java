package io.sparkads;

import static io.sparkads.support.ApiClient.params;
import static org.assertj.core.api.Assertions.assertThat;

import io.sparkads.edge.LeanListener;
import io.sparkads.support.ApiClient;
import io.sparkads.support.ApiFixtures;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * What an operator's Prometheus scrapes from {@code /actuator/prometheus}: the ad request and event
 * counters move by exactly what the platform API answered, and only the admin token reads them.
 * Other tests share this server, so each check compares a scrape before with one after.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("it")
class PrometheusMetricsIT {
    private static final Map<String, String> ADMIN =
            Map.of("Authorization", "Bearer " + ApiClient.ADMIN_TOKEN);

    @LocalServerPort int port;
    @Autowired LeanListener listener;
    ApiClient api;
    ApiFixtures given;

    @BeforeEach
    void connect() {
        api = new ApiClient(port);
        given = new ApiFixtures(api);
    }

    /** With {@code lean}, the ad requests and events go to the lean listener's port. */
    @ParameterizedTest(name = "through the lean listener: {0}")
    @ValueSource(booleans = {false, true})
    void adRequestsAndServedAdsAreCountedByPlacementAndOutcome(boolean lean) {
        if (lean) {
            api = new ApiClient(port, listener.port());
        }
        var live = given.givenLiveAd(Map.of());
        String region = ApiFixtures.regionOf(live.adId());
        given.servedImpression(live.adId(), "warm-up"); // the ad is in every server's engine
        Scrape before = scrape();

        int filled = 0, empty = 0, served = 0;
        for (int i = 0; i < 3; i++) {
            int ads = adRequest("IN_FEED", 10, ApiFixtures.unique(), region);
            filled += ads > 0 ? 1 : 0;
            empty += ads == 0 ? 1 : 0;
            served += ads;
        }
        var unknownPlacement = adRequestBody("SIDEBAR", 1, "v", region);
        var topViewWithSlots = adRequestBody("TOPVIEW", 3, "v", region);

        Scrape after = scrape();
        assertThat(unknownPlacement.status()).isEqualTo(400);
        assertThat(topViewWithSlots.status()).isEqualTo(400);
        assertThat(filled).as("the live ad's region is served").isPositive();
        assertThat(after.delta(before, "sparkads_ad_requests_total", "IN_FEED", "filled"))
                .isEqualTo(filled);
        assertThat(after.delta(before, "sparkads_ad_requests_total", "IN_FEED", "empty"))
                .isEqualTo(empty);
        assertThat(after.delta(before, "sparkads_ad_requests_total", "unknown", "rejected"))
                .isEqualTo(1);
        assertThat(after.delta(before, "sparkads_ad_requests_total", "TOPVIEW", "rejected"))
                .isEqualTo(1);
        assertThat(after.delta(before, "sparkads_ads_served_total", "IN_FEED", null))
                .isEqualTo(served);
        assertThat(after.delta(before, "sparkads_decision_latency_seconds_count", "IN_FEED", null))
                .as("a refused request is not timed")
                .isEqualTo(3);
        assertThat(after.text())
                .as("decision latency is a histogram Prometheus can take percentiles of")
                .containsPattern(
                        "sparkads_decision_latency_seconds_bucket\\{(?=[^}]*le=\"\\+Inf\")"
                                + "(?=[^}]*placement=\"IN_FEED\")");
    }

    /** With {@code lean}, the ad requests and events go to the lean listener's port. */
    @ParameterizedTest(name = "through the lean listener: {0}")
    @ValueSource(booleans = {false, true})
    void eventsAreCountedAsAcceptedDuplicateOrRejected(boolean lean) {
        if (lean) {
            api = new ApiClient(port, listener.port());
        }
        var live = given.givenLiveAd(Map.of());
        String impression = given.servedImpression(live.adId(), ApiFixtures.unique());
        String now = Instant.now().toString();
        String first = ApiFixtures.unique();
        Scrape before = scrape();

        var batch =
                api.platform(
                        "POST",
                        "/events",
                        Map.of(
                                "events",
                                List.of(
                                        event(first, "IMPRESSION", now, impression),
                                        event(ApiFixtures.unique(), "CLICK", now, impression),
                                        event(first, "IMPRESSION", now, impression),
                                        event(
                                                ApiFixtures.unique(),
                                                "NO_SUCH_TYPE",
                                                now,
                                                impression))));
        var resent =
                api.platform(
                        "POST",
                        "/events",
                        Map.of("events", List.of(event(first, "IMPRESSION", now, impression))));
        var empty = api.platform("POST", "/events", Map.of("events", List.of()));

        Scrape after = scrape();
        assertThat(batch.status()).as(batch.raw()).isEqualTo(200);
        assertThat(batch.body().path("accepted").asInt()).isEqualTo(2);
        assertThat(resent.body().path("duplicates").asInt()).isEqualTo(1);
        assertThat(empty.status()).isEqualTo(400);
        assertThat(after.delta(before, "sparkads_events_total", null, "accepted")).isEqualTo(2);
        assertThat(after.delta(before, "sparkads_events_total", null, "duplicate"))
                .as("one repeated within the batch, one sent again")
                .isEqualTo(2);
        assertThat(after.delta(before, "sparkads_events_total", null, "rejected")).isEqualTo(1);
    }

    @Test
    void metricsTakeTheAdminTokenWhileHealthStaysOpenForLoadBalancers() {
        var anonymous = api.send("GET", "/actuator/prometheus", null, Map.of());
        var platformToken =
                api.send(
                        "GET",
                        "/actuator/prometheus",
                        null,
                        Map.of("Authorization", "Bearer " + ApiClient.PLATFORM_TOKEN));
        var readiness = api.send("GET", "/actuator/health/readiness", null, Map.of());

        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.body().path("detail").asString())
                .isEqualTo("Send the admin token as 'Authorization: Bearer <token>'");
        assertThat(platformToken.status()).isEqualTo(401);
        assertThat(platformToken.body().path("detail").asString())
                .isEqualTo("The bearer token is not a valid admin token");
        assertThat(platformToken.raw()).doesNotContain("sparkads_");
        assertThat(readiness.status()).isEqualTo(200);
        assertThat(readiness.body().path("status").asString()).isEqualTo("UP");
    }

    private int adRequest(String placement, int slots, String viewerId, String region) {
        var response = adRequestBody(placement, slots, viewerId, region);
        assertThat(response.status()).as(response.raw()).isEqualTo(200);
        return response.body().path("ads").size();
    }

    private ApiClient.Response adRequestBody(
            String placement, int slots, String viewerId, String region) {
        return api.platform(
                "POST",
                "/ad_requests",
                params(
                        "request_id",
                        ApiFixtures.unique(),
                        "placement",
                        placement,
                        "slots",
                        slots,
                        "viewer",
                        params("viewer_id", viewerId, "region", region)));
    }

    private static Map<String, Object> event(
            String id, String type, String occurredAt, String impressionId) {
        return Map.of(
                "event_id",
                id,
                "type",
                type,
                "occurred_at",
                occurredAt,
                "impression_id",
                impressionId);
    }

    private Scrape scrape() {
        var response = api.send("GET", "/actuator/prometheus", null, ADMIN);
        assertThat(response.status()).as(response.raw()).isEqualTo(200);
        return new Scrape(response.raw());
    }

    /** One scrape in Prometheus' text format: each sample by its name and labels. */
    private record Scrape(String text) {
        private static final Pattern SAMPLE =
                Pattern.compile(
                        "^([a-zA-Z_:][a-zA-Z0-9_:]*)\\{([^}]*)\\} (\\S+)$", Pattern.MULTILINE);
        private static final Pattern LABEL = Pattern.compile("(\\w+)=\"([^\"]*)\"");

        /** The sample's value, 0 when absent; {@code null} placement or outcome matches any. */
        double value(String name, String placement, String outcome) {
            List<Double> found = new ArrayList<>();
            Matcher sample = SAMPLE.matcher(text);
            while (sample.find()) {
                if (!sample.group(1).equals(name)) {
                    continue;
                }
                Map<String, String> labels = new HashMap<>();
                Matcher label = LABEL.matcher(sample.group(2));
                while (label.find()) {
                    labels.put(label.group(1), label.group(2));
                }
                if ((placement == null || placement.equals(labels.get("placement")))
                        && (outcome == null || outcome.equals(labels.get("outcome")))) {
                    found.add(Double.parseDouble(sample.group(3)));
                }
            }
            assertThat(found)
                    .as("%s{placement=%s, outcome=%s}", name, placement, outcome)
                    .hasSizeLessThan(2);
            return found.isEmpty() ? 0 : found.get(0);
        }

        long delta(Scrape before, String name, String placement, String outcome) {
            return Math.round(
                    value(name, placement, outcome) - before.value(name, placement, outcome));
        }
    }
}
