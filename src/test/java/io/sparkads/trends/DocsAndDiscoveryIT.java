package io.sparkads.trends;

import static io.sparkads.support.ApiClient.params;
import static org.assertj.core.api.Assertions.assertThat;

import io.sparkads.support.ApiClient;
import io.sparkads.support.ApiFixtures;
import io.sparkads.support.TrendsCaughtUp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import tools.jackson.databind.JsonNode;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("it")
class DocsAndDiscoveryIT {
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
    void healthAnswersWhenReady() {
        var health = api.send("GET", "/actuator/health", null, Map.of());
        assertThat(health.status()).isEqualTo(200);
        assertThat(health.body().path("status").asString()).isEqualTo("UP");
    }

    @Test
    void theOpenApiDocsDescribeThePlatformAndAdminApis() {
        JsonNode platform = api.send("GET", "/v3/api-docs/platform", null, Map.of()).body();
        assertThat(platform.path("paths").has("/platform/v1/ad_requests")).isTrue();
        assertThat(
                        platform.path("components")
                                .path("schemas")
                                .path("AdRequestBody")
                                .path("properties")
                                .has("request_id"))
                .as("snake_case fields")
                .isTrue();
        assertThat(platform.path("paths").has("/platform/v1/events")).isTrue();
        assertThat(platform.path("paths").has("/platform/v1/posts/{itemId}/ad_authorization"))
                .isTrue();
        JsonNode admin = api.send("GET", "/v3/api-docs/admin", null, Map.of()).body();
        assertThat(admin.path("paths").has("/admin/v1/reviews/{reviewId}/decision")).isTrue();
        assertThat(api.send("GET", "/swagger-ui/index.html", null, Map.of()).status())
                .isEqualTo(200);
    }

    @Test
    void trendDiscoveryRanksHashtagsByOrganicViews() {
        var advertiser = given.givenAdvertiser();
        String tag = "t" + ApiFixtures.unique().substring(0, 10);
        String account = given.givenPublicPost().accountId();
        String hot = post(account, tag);
        String now = Instant.now().toString();
        List<Map<String, Object>> events = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            events.add(
                    Map.of(
                            "event_id",
                            ApiFixtures.unique(),
                            "type",
                            "VIDEO_PLAY",
                            "occurred_at",
                            now,
                            "item_id",
                            hot));
        }
        assertThat(
                        api.platform("POST", "/events", Map.of("events", events))
                                .body()
                                .path("accepted")
                                .asInt())
                .isEqualTo(5);
        TrendsCaughtUp.await(jdbc);

        JsonNode list =
                api.businessGet(
                                advertiser.token(),
                                "/discovery/trending_list/",
                                params(
                                        "advertiser_id",
                                        advertiser.id(),
                                        "date_range",
                                        "7DAY",
                                        "page_size",
                                        100))
                        .data()
                        .path("list");
        JsonNode mine = null;
        for (JsonNode trend : list) {
            if (trend.path("hashtag_name").asString().equals(tag)) {
                mine = trend;
            }
        }
        assertThat(mine).as("trend %s in %s", tag, list).isNotNull();
        assertThat(mine.path("video_views").asLong()).isEqualTo(5);
        assertThat(list.get(0).path("video_views").asLong()).isGreaterThanOrEqualTo(5);

        JsonNode detail =
                api.businessGet(
                                advertiser.token(),
                                "/discovery/detail/",
                                params("advertiser_id", advertiser.id(), "hashtag_name", tag))
                        .data();
        assertThat(detail.path("top_posts").get(0).path("item_id").asString()).isEqualTo(hot);
        assertThat(detail.path("top_posts").get(0).path("spark_ready").asBoolean()).isFalse();
        assertThat(
                        api.businessGet(
                                        advertiser.token(),
                                        "/discovery/trending_list/",
                                        params(
                                                "advertiser_id",
                                                advertiser.id(),
                                                "date_range",
                                                "1YEAR"))
                                .code())
                .isEqualTo(40002);
    }

    private String post(String accountId, String tag) {
        return api.platform(
                        "POST",
                        "/posts",
                        Map.of(
                                "account_id",
                                accountId,
                                "caption",
                                "hot",
                                "hashtags",
                                List.of(tag),
                                "duration_ms",
                                9000,
                                "visibility",
                                "PUBLIC"))
                .body()
                .path("item_id")
                .asString();
    }
}
