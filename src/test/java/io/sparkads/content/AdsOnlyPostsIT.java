package io.sparkads.content;

import static io.sparkads.support.ApiClient.params;
import static org.assertj.core.api.Assertions.assertThat;

import io.sparkads.support.ApiClient;
import io.sparkads.support.ApiFixtures;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import tools.jackson.databind.JsonNode;

/**
 * A video one advertiser pushed to a creator "for ads only" runs in that advertiser's ad and
 * nowhere else: another advertiser linked to the same creator with {@code PULL_POSTS} neither sees
 * it among the creator's posts nor can build an ad on it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("it")
class AdsOnlyPostsIT {
    @LocalServerPort int port;
    @Autowired Posts posts;

    ApiClient api;
    ApiFixtures given;

    @BeforeEach
    void connect() {
        api = new ApiClient(port);
        given = new ApiFixtures(api);
    }

    @Test
    void aPostPushedForAdsOnlyNeverReachesAnotherAdvertiserThroughAPullLink() {
        // given a creator with an ordinary post, and a video that advertiser A pushed to them for
        // ads only (published as review does, once A's ad passed)
        var creator = given.givenPublicPost();
        var pusher = given.givenAdvertiser();
        link(pusher, creator, List.of("PUSH_VIDEOS"), true);
        long pushed =
                posts.publishPushedVideo(
                                Long.parseLong(creator.accountId()),
                                "Made with A",
                                15_000,
                                "/videos/1",
                                true)
                        .itemId();
        // and advertiser B, linked to the same creator to pull their posts
        var other = given.givenAdvertiser();
        link(other, creator, List.of("PULL_POSTS"), null);

        // when B lists the creator's Spark-available posts, asks for the pushed one, and builds
        // an ad on it
        JsonNode listed =
                api.businessGet(
                                other.token(),
                                "/identity/video/get/",
                                params(
                                        "advertiser_id",
                                        other.id(),
                                        "identity_type",
                                        "TT_USER",
                                        "identity_id",
                                        creator.accountId()))
                        .data()
                        .path("video_list");
        var info =
                api.businessGet(
                        other.token(),
                        "/identity/video/info/",
                        params(
                                "advertiser_id",
                                other.id(),
                                "identity_type",
                                "TT_USER",
                                "identity_id",
                                creator.accountId(),
                                "item_ids",
                                List.of(String.valueOf(pushed))));
        String adgroup = given.givenAdGroup(other, given.givenCampaign(other), Map.of());
        var ad =
                api.businessPost(
                        other.token(),
                        "/ad/create/",
                        Map.of(
                                "advertiser_id",
                                other.id(),
                                "adgroup_id",
                                adgroup,
                                "creatives",
                                List.of(
                                        Map.of(
                                                "ad_name",
                                                "borrowed",
                                                "identity_type",
                                                "TT_USER",
                                                "identity_id",
                                                creator.accountId(),
                                                "tiktok_item_id",
                                                String.valueOf(pushed)))));

        // then B sees the creator's own post only, and may not use the pushed one
        List<String> itemIds = listed.findValuesAsString("item_id");
        assertThat(itemIds).contains(creator.itemId()).doesNotContain(String.valueOf(pushed));
        assertThat(info.code()).isEqualTo(40002);
        assertThat(ad.code()).as(ad.raw()).isNotZero();
    }

    private void link(
            ApiFixtures.Advertiser advertiser,
            ApiFixtures.CreatorPost creator,
            List<String> permissions,
            Boolean adsOnly) {
        String code = given.givenLinkCode(advertiser, permissions);
        Map<String, Object> approval = params("link_code", code);
        if (adsOnly != null) {
            approval.put("ads_only", adsOnly);
        }
        var approved =
                api.platform("POST", "/accounts/" + creator.accountId() + "/links", approval);
        assertThat(approved.status()).as(approved.raw()).isEqualTo(201);
    }
}
