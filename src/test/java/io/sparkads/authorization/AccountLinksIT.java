package io.sparkads.authorization;

import static io.sparkads.support.ApiClient.params;
import static org.assertj.core.api.Assertions.assertThat;

import io.sparkads.support.ApiFixtures;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Account links: a linked creator's posts run without codes until either side unlinks, and a
 * request nobody approves expires.
 */
class AccountLinksIT extends AuthorizationITBase {

    @Test
    void aLinkedAccountsPostsRunWithoutCodesUntilTheCreatorUnlinks() {
        var advertiser = given.givenAdvertiser();
        var post = given.givenPublicPost();
        String hidden = given.givenPostOf(post, "private", 5000, "PRIVATE");
        JsonNode request =
                api.businessPost(
                                advertiser.token(),
                                "/tt_user/link/create/",
                                Map.of(
                                        "advertiser_id",
                                        advertiser.id(),
                                        "permissions",
                                        List.of("PULL_POSTS")))
                        .data();
        String linkCode = request.path("link_code").asString();
        assertThat(request.path("expire_time").asString()).isNotBlank();
        assertThat(firstLinkStatus(advertiser)).isEqualTo("PENDING");

        var approved =
                api.platform(
                        "POST",
                        "/accounts/" + post.accountId() + "/links",
                        Map.of("link_code", linkCode, "permissions", List.of("PULL_POSTS")));
        assertThat(approved.status()).as(approved.raw()).isEqualTo(201);
        assertThat(
                        api.platform(
                                        "POST",
                                        "/accounts/" + post.accountId() + "/links",
                                        Map.of("link_code", linkCode))
                                .status())
                .as("a link code works once")
                .isEqualTo(409);

        JsonNode identity =
                api.businessGet(
                                advertiser.token(),
                                "/identity/get/",
                                params(
                                        "advertiser_id",
                                        advertiser.id(),
                                        "identity_type",
                                        "TT_USER"))
                        .data()
                        .path("identity_list")
                        .get(0);
        assertThat(identity.path("identity_id").asString()).isEqualTo(post.accountId());
        assertThat(identity.path("can_pull_video").asBoolean()).isTrue();
        JsonNode videos =
                api.businessGet(
                                advertiser.token(),
                                "/identity/video/get/",
                                params(
                                        "advertiser_id",
                                        advertiser.id(),
                                        "identity_type",
                                        "TT_USER",
                                        "identity_id",
                                        post.accountId()))
                        .data();
        List<String> items = new ArrayList<>();
        videos.path("video_list").forEach(v -> items.add(v.path("item_id").asString()));
        assertThat(items).containsExactly(post.itemId()).doesNotContain(hidden);
        // TikTok's identity video: the item's fields inline, in TikTok's order.
        assertThat(videos.path("video_list").get(0).propertyNames())
                .containsExactly(
                        "item_id", "text", "status", "video_info", "organic", "create_time");
        JsonNode info =
                api.businessGet(
                                advertiser.token(),
                                "/identity/video/info/",
                                params(
                                        "advertiser_id",
                                        advertiser.id(),
                                        "identity_type",
                                        "TT_USER",
                                        "identity_id",
                                        post.accountId(),
                                        "item_ids",
                                        List.of(post.itemId())))
                        .data();
        assertThat(info.path("list").get(0).path("item_id").asString()).isEqualTo(post.itemId());

        String adgroup = given.givenAdGroup(advertiser, given.givenCampaign(advertiser), Map.of());
        String adId =
                api.businessPost(
                                advertiser.token(),
                                "/ad/create/",
                                Map.of(
                                        "advertiser_id",
                                        advertiser.id(),
                                        "adgroup_id",
                                        adgroup,
                                        "creatives",
                                        List.of(
                                                Map.of(
                                                        "ad_name",
                                                        "linked",
                                                        "identity_type",
                                                        "TT_USER",
                                                        "identity_id",
                                                        post.accountId(),
                                                        "tiktok_item_id",
                                                        post.itemId()))))
                        .data()
                        .path("ad_ids")
                        .get(0)
                        .asString();
        ApiFixtures.madeIn(adId, adgroup);
        given.approve(adId);
        given.servedImpression(adId, "v-linked");

        assertThat(
                        api.platform(
                                        "DELETE",
                                        "/accounts/"
                                                + post.accountId()
                                                + "/links/"
                                                + advertiser.id(),
                                        null)
                                .status())
                .isEqualTo(204);
        assertThat(servedAdIds("v-linked", ApiFixtures.regionOf(adId))).doesNotContain(adId);
        assertThat(adStatus(advertiser, adId)).isEqualTo("AD_STATUS_CREATOR_AUTHORIZATION_REVOKED");
        assertThat(
                        api.businessGet(
                                        advertiser.token(),
                                        "/identity/video/get/",
                                        params(
                                                "advertiser_id",
                                                advertiser.id(),
                                                "identity_type",
                                                "TT_USER",
                                                "identity_id",
                                                post.accountId()))
                                .code())
                .isEqualTo(40002);
    }

    @Test
    void aLinkRequestNobodyApprovedExpires() {
        var advertiser = given.givenAdvertiser();
        var creator = given.givenPublicPost();
        String linkCode = given.givenLinkCode(advertiser, List.of("PULL_POSTS"));
        clock.advance(Duration.ofDays(8));
        var late =
                api.platform(
                        "POST",
                        "/accounts/" + creator.accountId() + "/links",
                        Map.of("link_code", linkCode));
        assertThat(late.status()).isEqualTo(409);
        assertThat(late.body().path("detail").asString()).contains("expired");
        assertThat(firstLinkStatus(advertiser)).isEqualTo("EXPIRED");
    }

    @Test
    void theAdvertiserCanUnlinkToo() {
        var advertiser = given.givenAdvertiser();
        var post = given.givenPublicPost();
        String linkCode = given.givenLinkCode(advertiser, List.of("PULL_POSTS", "PUSH_VIDEOS"));
        var noChoice =
                api.platform(
                        "POST",
                        "/accounts/" + post.accountId() + "/links",
                        Map.of("link_code", linkCode));
        assertThat(noChoice.status()).isEqualTo(400);
        assertThat(noChoice.body().path("detail").asString()).contains("ads_only");
        assertThat(
                        api.platform(
                                        "POST",
                                        "/accounts/" + post.accountId() + "/links",
                                        Map.of("link_code", linkCode, "ads_only", true))
                                .status())
                .isEqualTo(201);
        api.businessPost(
                        advertiser.token(),
                        "/tt_user/link/delete/",
                        Map.of("advertiser_id", advertiser.id(), "identity_id", post.accountId()))
                .data();
        JsonNode links =
                api.platform("GET", "/accounts/" + post.accountId() + "/links", null)
                        .body()
                        .path("links");
        assertThat(links.get(0).path("status").asString()).isEqualTo("UNLINKED");
        List<String> actions = new ArrayList<>();
        api.platform("GET", "/accounts/" + post.accountId() + "/audit", null)
                .body()
                .path("entries")
                .forEach(e -> actions.add(e.path("action").asString()));
        assertThat(actions).contains("LINKED", "UNLINKED");
    }

    /**
     * The status of the first link request in the ad account's list ({@code tt_user/link/list}).
     */
    private String firstLinkStatus(ApiFixtures.Advertiser advertiser) {
        return api.businessGet(
                        advertiser.token(),
                        "/tt_user/link/list/",
                        params("advertiser_id", advertiser.id()))
                .data()
                .path("list")
                .get(0)
                .path("status")
                .asString();
    }
}
