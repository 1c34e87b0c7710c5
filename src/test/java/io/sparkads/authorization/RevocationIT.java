package io.sparkads.authorization;

import static org.assertj.core.api.Assertions.assertThat;

import io.sparkads.support.ApiClient;
import io.sparkads.support.ApiFixtures;
import io.sparkads.support.Eventually;
import java.time.Duration;
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

/** The creator takes a post back: delivery stops as the request returns, and the ad says why. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("it")
class RevocationIT {
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
    void revokingTheAuthorizationStopsDeliveryAtOnce() {
        var live = given.givenLiveAd(Map.of());
        given.servedImpression(live.adId(), "viewer-r1");

        assertThat(
                        api.platform(
                                        "DELETE",
                                        "/posts/" + live.post().itemId() + "/ad_authorization",
                                        null)
                                .status())
                .isEqualTo(204);

        assertThat(servedAdIds("viewer-r1", ApiFixtures.regionOf(live.adId())))
                .doesNotContain(live.adId());
        assertThat(eventualStatus(live, "AD_STATUS_CREATOR_AUTHORIZATION_REVOKED"))
                .contains("revoked");
    }

    @Test
    void deletingThePostStopsDeliveryAndTheAdLosesItsAsset() {
        var live = given.givenLiveAd(Map.of());
        given.servedImpression(live.adId(), "viewer-r2");

        assertThat(api.platform("DELETE", "/posts/" + live.post().itemId(), null).status())
                .isEqualTo(204);

        assertThat(servedAdIds("viewer-r2", ApiFixtures.regionOf(live.adId())))
                .doesNotContain(live.adId());
        assertThat(eventualStatus(live, "AD_STATUS_ASSET_AUTHORIZATION_LOST")).contains("deleted");
        assertThat(api.platform("GET", "/posts/" + live.post().itemId(), null).status())
                .isEqualTo(404);
    }

    @Test
    void everyDomainEventIsCompletedInThePublicationRegistry() {
        var live = given.givenLiveAd(Map.of());
        api.platform("DELETE", "/posts/" + live.post().itemId() + "/ad_authorization", null);
        eventualStatus(live, "AD_STATUS_CREATOR_AUTHORIZATION_REVOKED");
        Eventually.await(
                Duration.ofSeconds(5),
                () -> {
                    long incomplete =
                            jdbc.sql(
                                            "select count(*) from event_publication where completion_date is null")
                                    .query(Long.class)
                                    .single();
                    assertThat(incomplete).isZero();
                });
        long recorded =
                jdbc.sql(
                                "select count(*) from event_publication where event_type like '%SparkAuthorizationRevoked'")
                        .query(Long.class)
                        .single();
        assertThat(recorded).isPositive();
    }

    @Test
    void pausingAnAdStopsItAndEnablingBringsItBack() {
        var live = given.givenLiveAd(Map.of());
        given.servedImpression(live.adId(), "viewer-r3");
        api.businessPost(
                        live.advertiser().token(),
                        "/ad/status/update/",
                        Map.of(
                                "advertiser_id",
                                live.advertiser().id(),
                                "ad_ids",
                                List.of(live.adId()),
                                "operation_status",
                                "DISABLE"))
                .data();
        assertThat(servedAdIds("viewer-r3", ApiFixtures.regionOf(live.adId())))
                .doesNotContain(live.adId());
        api.businessPost(
                        live.advertiser().token(),
                        "/ad/status/update/",
                        Map.of(
                                "advertiser_id",
                                live.advertiser().id(),
                                "ad_ids",
                                List.of(live.adId()),
                                "operation_status",
                                "ENABLE"))
                .data();
        assertThat(servedAdIds("viewer-r3", ApiFixtures.regionOf(live.adId())))
                .contains(live.adId());
    }

    @Test
    void aRejectedAdIsNeverServedAndTheAdvertiserSeesTheReason() {
        var advertiser = given.givenAdvertiser();
        var post = given.givenPublicPost();
        given.givenBound(advertiser, post);
        String adgroup = given.givenAdGroup(advertiser, given.givenCampaign(advertiser), Map.of());
        String adId = given.givenSparkAd(advertiser, adgroup, post);
        given.decide(
                adId,
                Map.of(
                        "decision",
                        "REJECT",
                        "reason",
                        "The landing page does not match the offer"));
        JsonNode ad = given.ad(advertiser, adId);
        assertThat(ad.path("secondary_status").asString()).isEqualTo("AD_STATUS_AUDIT_DENY");
        assertThat(ad.path("reject_reason").asString())
                .isEqualTo("The landing page does not match the offer");
        assertThat(servedAdIds("viewer-r4", ApiFixtures.regionOf(adId))).doesNotContain(adId);
    }

    private List<String> servedAdIds(String viewerId, String region) {
        return given.servedAdIds("IN_FEED", viewerId, region);
    }

    private String eventualStatus(ApiFixtures.LiveAd live, String expected) {
        return Eventually.await(
                Duration.ofSeconds(5),
                () -> {
                    JsonNode ad = given.ad(live.advertiser(), live.adId());
                    assertThat(ad.path("secondary_status").asString()).isEqualTo(expected);
                    return ad.path("authorization_reason").asString();
                });
    }
}
