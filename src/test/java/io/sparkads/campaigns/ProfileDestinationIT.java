package io.sparkads.campaigns;

import static org.assertj.core.api.Assertions.assertThat;

import io.sparkads.support.ApiClient;
import io.sparkads.support.ApiFixtures;
import io.sparkads.support.ApiFixtures.Advertiser;
import io.sparkads.support.ApiFixtures.CreatorPost;
import io.sparkads.support.TestVideos;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import tools.jackson.databind.JsonNode;

/**
 * An ad leads to a website or to its identity's profile page: {@code tiktok_page_category:
 * PROFILE_PAGE}, or an ad group optimizing for {@code PAGE_VISIT} or {@code FOLLOWERS}. Only a
 * Spark ad has a profile to lead to.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("it")
class ProfileDestinationIT {
    @LocalServerPort int port;
    ApiClient api;
    ApiFixtures given;

    @BeforeEach
    void connect() {
        api = new ApiClient(port);
        given = new ApiFixtures(api);
    }

    private ApiClient.Response createAd(
            Advertiser advertiser, String adgroupId, Map<String, Object> creative) {
        return api.businessPost(
                advertiser.token(),
                "/ad/create/",
                Map.of(
                        "advertiser_id",
                        advertiser.id(),
                        "adgroup_id",
                        adgroupId,
                        "creatives",
                        List.of(creative)));
    }

    private static Map<String, Object> sparkCreative(CreatorPost post, Map<String, Object> more) {
        Map<String, Object> creative = new HashMap<>();
        creative.put("ad_name", "Spark " + UUID.randomUUID());
        creative.put("identity_type", "AUTH_CODE");
        creative.put("identity_id", post.accountId());
        creative.put("tiktok_item_id", post.itemId());
        creative.put("call_to_action", "VIEW_PROFILE");
        creative.putAll(more);
        return creative;
    }

    private Map<String, Object> nonSparkCreative(Advertiser advertiser, Map<String, Object> more) {
        Map<String, Object> creative = new HashMap<>();
        creative.put("ad_name", "Own " + UUID.randomUUID());
        creative.put("identity_type", "CUSTOMIZED_USER");
        creative.put("identity_id", given.givenCustomIdentity(advertiser));
        creative.put(
                "video_id",
                given.givenUploadedVideo(advertiser, TestVideos.bytes(TestVideos.VERTICAL))
                        .path("video_id")
                        .asString());
        creative.put("ad_text", "Winter sale");
        creative.putAll(more);
        return creative;
    }

    @Test
    void aSparkAdOfAPageVisitAdGroupLeadsToTheCreatorsProfileEvenWithALandingPage() {
        Advertiser advertiser = given.givenAdvertiser();
        CreatorPost post = given.givenPublicPost();
        given.givenBound(advertiser, post);
        String adgroup =
                given.givenAdGroup(
                        advertiser,
                        given.givenCampaign(advertiser, "ENGAGEMENT"),
                        Map.of("optimization_goal", "PAGE_VISIT"));

        var created =
                createAd(
                        advertiser,
                        adgroup,
                        sparkCreative(
                                post, Map.of("landing_page_url", "https://shop.example.com/deal")));

        JsonNode ad = created.data().path("creatives").get(0);
        assertThat(ad.path("tiktok_page_category").asString()).isEqualTo("PROFILE_PAGE");
        String adId = ad.path("ad_id").asString();
        ApiFixtures.madeIn(adId, adgroup);
        given.approve(adId);
        JsonNode served = given.servedAd(adId, "viewer-" + UUID.randomUUID());
        assertThat(served.path("destination").path("type").asString()).isEqualTo("PROFILE_PAGE");
        assertThat(served.path("destination").path("url").asString()).startsWith("/@c");
        JsonNode group =
                api.businessGet(
                                advertiser.token(),
                                "/adgroup/get/",
                                ApiClient.params(
                                        "advertiser_id",
                                        advertiser.id(),
                                        "filtering",
                                        Map.of("adgroup_ids", List.of(adgroup))))
                        .data()
                        .path("list")
                        .get(0);
        assertThat(group.path("optimization_goal").asString()).isEqualTo("PAGE_VISIT");
    }

    @Test
    void aSparkAdMayChooseTheProfilePageItselfAndOtherTikTokPagesAreRefused() {
        Advertiser advertiser = given.givenAdvertiser();
        CreatorPost post = given.givenPublicPost();
        given.givenBound(advertiser, post);
        String adgroup = given.givenAdGroup(advertiser, given.givenCampaign(advertiser), Map.of());

        var other =
                createAd(
                        advertiser,
                        adgroup,
                        sparkCreative(post, Map.of("tiktok_page_category", "OTHER_TIKTOK_PAGE")));
        var profile =
                createAd(
                        advertiser,
                        adgroup,
                        sparkCreative(post, Map.of("tiktok_page_category", "PROFILE_PAGE")));

        assertThat(other.code()).as(other.raw()).isEqualTo(40002);
        assertThat(other.message())
                .contains("tiktok_page_category must be PROFILE_PAGE")
                .contains("OTHER_TIKTOK_PAGE");
        assertThat(profile.data().path("creatives").get(0).path("tiktok_page_category").asString())
                .isEqualTo("PROFILE_PAGE");
    }

    @Test
    void aNonSparkAdCannotLeadToAProfileItHasNone() {
        Advertiser advertiser = given.givenAdvertiser();
        String followers =
                given.givenAdGroup(
                        advertiser,
                        given.givenCampaign(advertiser, "ENGAGEMENT"),
                        Map.of("optimization_goal", "FOLLOWERS"));
        String reach = given.givenAdGroup(advertiser, given.givenCampaign(advertiser), Map.of());

        var inFollowersGroup =
                createAd(
                        advertiser,
                        followers,
                        nonSparkCreative(
                                advertiser,
                                Map.of("landing_page_url", "https://shop.example.com/winter")));
        var toProfile =
                createAd(
                        advertiser,
                        reach,
                        nonSparkCreative(
                                advertiser,
                                Map.of(
                                        "landing_page_url",
                                        "https://shop.example.com/winter",
                                        "tiktok_page_category",
                                        "PROFILE_PAGE")));
        var nowhere = createAd(advertiser, reach, nonSparkCreative(advertiser, Map.of()));

        assertThat(inFollowersGroup.code()).as(inFollowersGroup.raw()).isEqualTo(40002);
        assertThat(inFollowersGroup.message())
                .contains("a non-Spark ad cannot lead to a profile page")
                .contains("optimization_goal is not FOLLOWERS");
        assertThat(toProfile.code()).as(toProfile.raw()).isEqualTo(40002);
        assertThat(toProfile.message()).contains("leave out tiktok_page_category");
        assertThat(nowhere.code()).as(nowhere.raw()).isEqualTo(40002);
        assertThat(nowhere.message()).contains("landing_page_url is required for a non-Spark ad");
    }

    @Test
    void profileGoalsServeOnlyEngagementCampaigns() {
        Advertiser advertiser = given.givenAdvertiser();
        Map<String, Object> body = new HashMap<>();
        body.put("advertiser_id", advertiser.id());
        body.put("campaign_id", given.givenCampaign(advertiser));
        body.put("adgroup_name", "Followers in a reach campaign");
        body.put("location_ids", List.of("US"));
        body.put("billing_event", "CPM");
        body.put("bid_price", 10.00);
        body.put("schedule_type", "SCHEDULE_FROM_NOW");
        body.put("optimization_goal", "FOLLOWERS");

        var refused = api.businessPost(advertiser.token(), "/adgroup/create/", body);

        assertThat(refused.code()).as(refused.raw()).isEqualTo(40002);
        assertThat(refused.message())
                .contains("optimization_goal FOLLOWERS")
                .contains("ENGAGEMENT campaign")
                .contains("REACH");
    }
}
