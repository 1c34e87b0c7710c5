package io.sparkads.authorization;

import static org.assertj.core.api.Assertions.assertThat;

import io.sparkads.support.ApiFixtures;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Extension requests: the advertiser sees posts about to expire and asks for more time; the creator
 * approves or declines.
 */
class ExtensionRequestsIT extends AuthorizationITBase {

    @Test
    void anAdvertiserSeesExpiringPostsAndTheCreatorCanExtendThem() {
        var live = given.givenLiveAd(Map.of());
        clock.advance(Duration.ofDays(25));
        JsonNode listed = firstListedPost(live.advertiser());
        assertThat(listed.path("expiring_soon").asBoolean()).isTrue();
        Instant oldEnd = Instant.parse(listed.path("auth_info").path("auth_end_time").asString());

        String requestId =
                api.businessPost(
                                live.advertiser().token(),
                                "/tt_video/extension/create/",
                                Map.of(
                                        "advertiser_id",
                                        live.advertiser().id(),
                                        "item_id",
                                        live.post().itemId(),
                                        "message",
                                        "Our campaign runs to March"))
                        .data()
                        .path("extension_request_id")
                        .asString();
        var again =
                api.businessPost(
                        live.advertiser().token(),
                        "/tt_video/extension/create/",
                        Map.of(
                                "advertiser_id",
                                live.advertiser().id(),
                                "item_id",
                                live.post().itemId()));
        assertThat(again.code()).isEqualTo(40002);

        var decided =
                api.platform(
                        "POST",
                        "/posts/"
                                + live.post().itemId()
                                + "/extension_requests/"
                                + requestId
                                + "/decision",
                        Map.of("decision", "APPROVE", "days", 60));
        assertThat(decided.status()).as(decided.raw()).isEqualTo(200);
        JsonNode after = firstListedPost(live.advertiser());
        assertThat(Instant.parse(after.path("auth_info").path("auth_end_time").asString()))
                .isEqualTo(oldEnd.plus(Duration.ofDays(60)));
        assertThat(after.path("expiring_soon").asBoolean()).isFalse();

        clock.advance(Duration.ofDays(10));
        assertThat(servedAdIds("v-extended", ApiFixtures.regionOf(live.adId())))
                .as("the ad runs past the old end")
                .contains(live.adId());
    }

    @Test
    void aCreatorCanDeclineAnExtension() {
        var advertiser = given.givenAdvertiser();
        var post = given.givenPublicPost();
        given.givenBound(advertiser, post);
        String requestId =
                api.businessPost(
                                advertiser.token(),
                                "/tt_video/extension/create/",
                                Map.of("advertiser_id", advertiser.id(), "item_id", post.itemId()))
                        .data()
                        .path("extension_request_id")
                        .asString();
        var declined =
                api.platform(
                        "POST",
                        "/posts/"
                                + post.itemId()
                                + "/extension_requests/"
                                + requestId
                                + "/decision",
                        Map.of("decision", "DECLINE"));
        assertThat(declined.body().path("status").asString()).isEqualTo("DECLINED");
        var missingDays =
                api.businessPost(
                        advertiser.token(),
                        "/tt_video/extension/create/",
                        Map.of("advertiser_id", advertiser.id(), "item_id", post.itemId()));
        String second = missingDays.data().path("extension_request_id").asString();
        var noPeriod =
                api.platform(
                        "POST",
                        "/posts/" + post.itemId() + "/extension_requests/" + second + "/decision",
                        Map.of("decision", "APPROVE"));
        assertThat(noPeriod.status()).isEqualTo(400);
        assertThat(noPeriod.body().path("detail").asString()).contains("days");
    }
}
