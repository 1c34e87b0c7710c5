package io.sparkads.authorization;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sparkads.support.ApiFixtures;
import io.sparkads.support.ApiFixtures.CreatorPost;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Creators in control: revoking a code, making a post private or letting an authorization expire
 * stops the ads, and the audit trail records every step.
 */
class CreatorControlIT extends AuthorizationITBase {

    @Test
    void revokingOneCodeStopsOnlyTheAdAccountsThatAppliedItWithinOneSecond() {
        CreatorPost post = given.givenPublicPost();
        // One response never shows the same post twice, so the two ad accounts reach different
        // regions.
        String firstRegion = ApiFixtures.uniqueRegion();
        String secondRegion = ApiFixtures.uniqueRegion();
        var first = liveAdWithCode(post, firstRegion);
        var second = liveAdWithCode(post, secondRegion);
        assertThat(servedAdIds("v-first", firstRegion)).contains(first.adId());
        assertThat(servedAdIds("v-second", secondRegion)).contains(second.adId());
        String firstCodeId =
                codes(post)
                        .get(1)
                        .path("code_id")
                        .asString(); // newest first: the second code is [0]

        long started = System.nanoTime();
        assertThat(
                        api.platform(
                                        "DELETE",
                                        "/posts/"
                                                + post.itemId()
                                                + "/ad_authorization/codes/"
                                                + firstCodeId,
                                        null)
                                .status())
                .isEqualTo(204);
        List<String> served = servedAdIds("v-after", firstRegion);
        long elapsedMillis = (System.nanoTime() - started) / 1_000_000;
        System.out.println("revoke-to-stop, measured: " + elapsedMillis + " ms");

        assertThat(served).doesNotContain(first.adId());
        assertThat(servedAdIds("v-after", secondRegion)).contains(second.adId());
        assertThat(elapsedMillis)
                .as("revoke-to-stop, including the next ad request")
                .isLessThan(1000);
        assertThat(adStatus(first.advertiser(), first.adId()))
                .isEqualTo("AD_STATUS_CREATOR_AUTHORIZATION_REVOKED");
    }

    @Test
    void makingThePostPrivateStopsItsAdsAndSaysTheAssetIsLost() {
        var live = given.givenLiveAd(Map.of());
        given.servedImpression(live.adId(), "v-private");
        api.platform("PATCH", "/posts/" + live.post().itemId(), Map.of("visibility", "PRIVATE"));
        assertThat(servedAdIds("v-private", ApiFixtures.regionOf(live.adId())))
                .doesNotContain(live.adId());
        assertThat(adStatus(live.advertiser(), live.adId()))
                .isEqualTo("AD_STATUS_ASSET_AUTHORIZATION_LOST");
    }

    @Test
    void anExpiredAuthorizationIsNeverServedEvenBeforeAnythingMarksIt() {
        var live = given.givenLiveAd(Map.of());
        given.servedImpression(live.adId(), "v-expiry");

        clock.advance(Duration.ofDays(31));

        assertThat(servedAdIds("v-expiry", ApiFixtures.regionOf(live.adId())))
                .as("checked at decision time")
                .doesNotContain(live.adId());
        assertThat(adStatus(live.advertiser(), live.adId()))
                .isEqualTo("AD_STATUS_ASSET_AUTHORIZATION_LOST");
        assertThat(codeStatuses(live.post())).containsExactly("EXPIRED");
        JsonNode listed = firstListedPost(live.advertiser());
        assertThat(listed.path("auth_info").path("ad_auth_status").asString()).isEqualTo("EXPIRED");
    }

    @Test
    void theAuditTrailRecordsEachStepAndCannotBeRewritten() {
        var advertiser = given.givenAdvertiser();
        var post = given.givenPublicPost();
        given.givenBound(advertiser, post);
        api.platform("DELETE", "/posts/" + post.itemId() + "/ad_authorization", null);
        unbind(advertiser, post);

        List<String> actions = new ArrayList<>();
        api.platform("GET", "/posts/" + post.itemId() + "/audit", null)
                .body()
                .path("entries")
                .forEach(e -> actions.add(e.path("action").asString()));
        assertThat(actions)
                .containsExactly(
                        "POST_UNBOUND", "AUTHORIZATION_TURNED_OFF", "CODE_APPLIED", "CODE_ISSUED");
        List<String> creatorSees = new ArrayList<>();
        api.platform("GET", "/accounts/" + post.accountId() + "/audit", null)
                .body()
                .path("entries")
                .forEach(e -> creatorSees.add(e.path("action").asString()));
        assertThat(creatorSees).containsAll(actions);

        assertThatThrownBy(
                        () ->
                                jdbc.sql(
                                                "update authorization_audit set detail = 'x' where item_id = ?")
                                        .param(Long.parseLong(post.itemId()))
                                        .update())
                .hasMessageContaining("append-only");
        assertThatThrownBy(
                        () ->
                                jdbc.sql("delete from authorization_audit where item_id = ?")
                                        .param(Long.parseLong(post.itemId()))
                                        .update())
                .hasMessageContaining("append-only");
    }
}
