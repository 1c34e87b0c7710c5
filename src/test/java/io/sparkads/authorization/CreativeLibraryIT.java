package io.sparkads.authorization;

import static io.sparkads.support.ApiClient.params;
import static org.assertj.core.api.Assertions.assertThat;

import io.sparkads.support.ApiClient;
import io.sparkads.support.ApiFixtures.Advertiser;
import io.sparkads.support.ApiFixtures.CreatorPost;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The ad account's creative library: paging, search and status filters, unbinding, and one
 * advertiser's token never reaching another's library.
 */
class CreativeLibraryIT extends AuthorizationITBase {

    @Test
    void theLibraryPagesSearchesAndFiltersByStatus() {
        Advertiser advertiser = given.givenAdvertiser();
        List<CreatorPost> posts = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            CreatorPost post = given.givenPublicPost();
            given.givenBound(advertiser, post);
            posts.add(post);
        }
        api.platform("DELETE", "/posts/" + posts.get(0).itemId() + "/ad_authorization", null);

        JsonNode page =
                api.businessGet(
                                advertiser.token(),
                                "/tt_video/list/",
                                params("advertiser_id", advertiser.id(), "page", 2, "page_size", 2))
                        .data();
        assertThat(page.path("page_info").path("total_number").asInt()).isEqualTo(3);
        assertThat(page.path("page_info").path("total_page").asInt()).isEqualTo(2);
        assertThat(page.path("list")).hasSize(1);

        JsonNode revoked =
                api.businessGet(
                                advertiser.token(),
                                "/tt_video/list/",
                                params("advertiser_id", advertiser.id(), "auth_status", "REVOKED"))
                        .data();
        assertThat(revoked.path("list")).hasSize(1);
        assertThat(revoked.path("list").get(0).path("item_info").path("item_id").asString())
                .isEqualTo(posts.get(0).itemId());

        String name = posts.get(1).displayName();
        JsonNode found =
                api.businessGet(
                                advertiser.token(),
                                "/tt_video/list/",
                                params("advertiser_id", advertiser.id(), "keyword", name))
                        .data();
        assertThat(found.path("list")).hasSize(1);
        assertThat(found.path("list").get(0).path("user_info").path("display_name").asString())
                .isEqualTo(name);

        assertThat(
                        api.businessGet(
                                        advertiser.token(),
                                        "/tt_video/list/",
                                        params(
                                                "advertiser_id",
                                                advertiser.id(),
                                                "auth_status",
                                                "LOST"))
                                .code())
                .isEqualTo(40002);
    }

    @Test
    void onlyExpiredOrRevokedPostsCanBeUnbound() {
        Advertiser advertiser = given.givenAdvertiser();
        CreatorPost post = given.givenPublicPost();
        given.givenBound(advertiser, post);
        var live =
                api.businessPost(
                        advertiser.token(),
                        "/tt_video/unbind/",
                        Map.of("advertiser_id", advertiser.id(), "item_id", post.itemId()));
        assertThat(live.code()).isEqualTo(40002);
        assertThat(live.message()).contains("still authorized");

        api.platform("DELETE", "/posts/" + post.itemId() + "/ad_authorization", null);
        unbind(advertiser, post);
        assertThat(
                        api.businessGet(
                                        advertiser.token(),
                                        "/tt_video/list/",
                                        params("advertiser_id", advertiser.id()))
                                .data()
                                .path("list"))
                .isEmpty();
    }

    @Test
    void aTokenForOneAdvertiserReachesNoEndpointOfAnother() {
        var mine = given.givenAdvertiser();
        var theirs = given.givenAdvertiser();
        var post = given.givenPublicPost();
        given.givenBound(theirs, post);
        String code = given.givenCode(given.givenPublicPost());
        String id = theirs.id();
        List<ApiClient.Response> attempts =
                List.of(
                        api.businessPost(
                                mine.token(),
                                "/tt_video/authorize/",
                                Map.of("advertiser_id", id, "auth_code", code)),
                        api.businessGet(
                                mine.token(),
                                "/tt_video/info/",
                                params("advertiser_id", id, "auth_code", code)),
                        api.businessGet(
                                mine.token(), "/tt_video/list/", params("advertiser_id", id)),
                        api.businessPost(
                                mine.token(),
                                "/tt_video/unbind/",
                                Map.of("advertiser_id", id, "item_id", post.itemId())),
                        api.businessPost(
                                mine.token(),
                                "/tt_video/extension/create/",
                                Map.of("advertiser_id", id, "item_id", post.itemId())),
                        api.businessGet(
                                mine.token(), "/tt_video/audit/get/", params("advertiser_id", id)),
                        api.businessGet(
                                mine.token(), "/identity/get/", params("advertiser_id", id)),
                        api.businessGet(
                                mine.token(),
                                "/identity/video/get/",
                                params(
                                        "advertiser_id",
                                        id,
                                        "identity_type",
                                        "TT_USER",
                                        "identity_id",
                                        post.accountId())),
                        api.businessGet(
                                mine.token(),
                                "/identity/video/info/",
                                params(
                                        "advertiser_id",
                                        id,
                                        "identity_type",
                                        "TT_USER",
                                        "identity_id",
                                        post.accountId(),
                                        "item_ids",
                                        List.of(post.itemId()))),
                        api.businessPost(
                                mine.token(),
                                "/tt_user/link/create/",
                                Map.of("advertiser_id", id, "permissions", List.of("PULL_POSTS"))),
                        api.businessGet(
                                mine.token(), "/tt_user/link/list/", params("advertiser_id", id)),
                        api.businessPost(
                                mine.token(),
                                "/tt_user/link/delete/",
                                Map.of("advertiser_id", id, "identity_id", post.accountId())));
        for (ApiClient.Response attempt : attempts) {
            assertThat(attempt.code()).as(attempt.raw()).isEqualTo(40001);
        }
        // Under my own id, their bindings and identities do not exist for me.
        assertThat(
                        api.businessGet(
                                        mine.token(),
                                        "/tt_video/list/",
                                        params("advertiser_id", mine.id()))
                                .data()
                                .path("list"))
                .isEmpty();
        assertThat(
                        api.businessGet(
                                        mine.token(),
                                        "/identity/get/",
                                        params("advertiser_id", mine.id()))
                                .data()
                                .path("identity_list"))
                .isEmpty();
        assertThat(
                        api.businessPost(
                                        mine.token(),
                                        "/tt_video/unbind/",
                                        Map.of(
                                                "advertiser_id",
                                                mine.id(),
                                                "item_id",
                                                post.itemId()))
                                .code())
                .isEqualTo(40002);
        assertThat(
                        api.businessPost(
                                        mine.token(),
                                        "/tt_video/extension/create/",
                                        Map.of(
                                                "advertiser_id",
                                                mine.id(),
                                                "item_id",
                                                post.itemId()))
                                .code())
                .isEqualTo(40002);
        assertThat(
                        api.businessGet(
                                        mine.token(),
                                        "/identity/video/get/",
                                        params(
                                                "advertiser_id",
                                                mine.id(),
                                                "identity_type",
                                                "TT_USER",
                                                "identity_id",
                                                post.accountId()))
                                .code())
                .isEqualTo(40002);
        assertThat(
                        api.businessPost(
                                        mine.token(),
                                        "/tt_user/link/delete/",
                                        Map.of(
                                                "advertiser_id",
                                                mine.id(),
                                                "identity_id",
                                                post.accountId()))
                                .code())
                .isEqualTo(40002);
    }
}
