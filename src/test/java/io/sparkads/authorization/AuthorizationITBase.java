package io.sparkads.authorization;

import static io.sparkads.support.ApiClient.params;
import static org.assertj.core.api.Assertions.assertThat;

import io.sparkads.support.ApiClient;
import io.sparkads.support.ApiFixtures;
import io.sparkads.support.ApiFixtures.Advertiser;
import io.sparkads.support.ApiFixtures.CreatorPost;
import io.sparkads.support.Eventually;
import io.sparkads.support.MutableClock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import tools.jackson.databind.JsonNode;

/**
 * What the Spark authorization ITs share: a server with a clock the test moves, a low limit on
 * wrong codes, and small readers of codes and ad statuses. One configuration, so the ITs share one
 * application context.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "sparkads.authorization.failed-codes-per-advertiser=5")
@ActiveProfiles("it")
@Import(AuthorizationITBase.Time.class)
abstract class AuthorizationITBase {

    @TestConfiguration
    static class Time {
        @Bean
        @Primary
        MutableClock mutableClock() {
            return new MutableClock();
        }
    }

    @LocalServerPort protected int port;
    @Autowired protected MutableClock clock;
    @Autowired protected JdbcClient jdbc;
    protected ApiClient api;
    protected ApiFixtures given;

    @BeforeEach
    void connect() {
        api = new ApiClient(port);
        given = new ApiFixtures(api);
    }

    protected ApiFixtures.LiveAd liveAdWithCode(CreatorPost post, String region) {
        Advertiser advertiser = given.givenAdvertiser();
        given.givenBound(advertiser, post);
        String campaign = given.givenCampaign(advertiser);
        String adgroup =
                given.givenAdGroup(advertiser, campaign, Map.of("location_ids", List.of(region)));
        String ad = given.givenSparkAd(advertiser, adgroup, post);
        given.approve(ad);
        return new ApiFixtures.LiveAd(advertiser, post, campaign, adgroup, ad);
    }

    protected List<JsonNode> codes(CreatorPost post) {
        List<JsonNode> codes = new ArrayList<>();
        api.platform("GET", "/posts/" + post.itemId() + "/ad_authorization", null)
                .body()
                .path("codes")
                .forEach(codes::add);
        return codes;
    }

    protected List<String> codeStatuses(CreatorPost post) {
        return codes(post).stream().map(c -> c.path("status").asString()).toList();
    }

    /** The first post of the ad account's authorized-post list ({@code tt_video/list}). */
    protected JsonNode firstListedPost(Advertiser advertiser) {
        return api.businessGet(
                        advertiser.token(),
                        "/tt_video/list/",
                        params("advertiser_id", advertiser.id()))
                .data()
                .path("list")
                .get(0);
    }

    /** The ad account lets go of a post it may no longer use. */
    protected void unbind(Advertiser advertiser, CreatorPost post) {
        api.businessPost(
                        advertiser.token(),
                        "/tt_video/unbind/",
                        Map.of("advertiser_id", advertiser.id(), "item_id", post.itemId()))
                .data();
    }

    protected List<String> servedAdIds(String viewerId, String region) {
        return given.servedAdIds("IN_FEED", viewerId, region);
    }

    protected String adStatus(Advertiser advertiser, String adId) {
        return Eventually.await(
                Duration.ofSeconds(5),
                () -> {
                    String status = given.ad(advertiser, adId).path("secondary_status").asString();
                    assertThat(status).isNotEqualTo("AD_STATUS_DELIVERY_OK");
                    return status;
                });
    }
}
