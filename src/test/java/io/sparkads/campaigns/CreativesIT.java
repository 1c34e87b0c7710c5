package io.sparkads.campaigns;

import static io.sparkads.support.ApiClient.params;
import static org.assertj.core.api.Assertions.assertThat;

import io.sparkads.support.ApiClient;
import io.sparkads.support.ApiFixtures;
import io.sparkads.support.Eventually;
import io.sparkads.support.TestVideos;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import tools.jackson.databind.JsonNode;

/**
 * Uploaded videos: non-Spark ads under a custom identity, and videos pushed to a linked creator.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("it")
class CreativesIT {
    @LocalServerPort int port;
    ApiClient api;
    ApiFixtures given;

    @BeforeEach
    void connect() {
        api = new ApiClient(port);
        given = new ApiFixtures(api);
    }

    @Test
    void anUploadIsCheckedByItsBytesAndItsSignature() throws Exception {
        var advertiser = given.givenAdvertiser();
        byte[] video = TestVideos.bytes(TestVideos.VERTICAL);
        var ok =
                api.businessUpload(
                        advertiser.token(),
                        "/file/video/ad/upload/",
                        Map.of(
                                "advertiser_id",
                                advertiser.id(),
                                "upload_type",
                                "UPLOAD_BY_FILE",
                                "video_signature",
                                md5(video)),
                        "video_file",
                        "clip.mp4",
                        video);
        JsonNode uploaded = ok.data().get(0);
        assertThat(uploaded.path("format").asString()).isEqualTo("mp4");
        assertThat(uploaded.path("size").asLong()).isEqualTo(video.length);
        assertThat(uploaded.path("duration").asDouble()).isEqualTo(6.0);
        assertThat(uploaded.path("width").asInt()).isEqualTo(540);
        assertThat(uploaded.path("height").asInt()).isEqualTo(960);
        assertThat(
                        api.fetch(
                                        uploaded.path("url").asString(),
                                        Map.of("Access-Token", advertiser.token()))
                                .body())
                .isEqualTo(video);

        var text =
                api.businessUpload(
                        advertiser.token(),
                        "/file/video/ad/upload/",
                        Map.of("advertiser_id", advertiser.id()),
                        "video_file",
                        "clip.mp4",
                        "not a video".getBytes());
        assertThat(text.code()).isEqualTo(40002);
        assertThat(text.message()).contains("not an MP4 or MOV video");
        var damaged =
                api.businessUpload(
                        advertiser.token(),
                        "/file/video/ad/upload/",
                        Map.of("advertiser_id", advertiser.id(), "video_signature", "00"),
                        "video_file",
                        "clip.mp4",
                        video);
        assertThat(damaged.code()).isEqualTo(40002);
        assertThat(damaged.message()).contains("video_signature");
        var other = given.givenAdvertiser();
        assertThat(
                        api.businessUpload(
                                        advertiser.token(),
                                        "/file/video/ad/upload/",
                                        Map.of("advertiser_id", other.id()),
                                        "video_file",
                                        "clip.mp4",
                                        video)
                                .code())
                .isEqualTo(40001);
    }

    @Test
    void aNonSparkAdShowsTheUploadedVideoUnderACustomIdentityAndTakesNoSparkQuota() {
        var advertiser = given.givenAdvertiser();
        String videoId = upload(advertiser, TestVideos.bytes(TestVideos.SQUARE));
        String identity =
                api.businessPost(
                                advertiser.token(),
                                "/identity/create/",
                                Map.of(
                                        "advertiser_id",
                                        advertiser.id(),
                                        "display_name",
                                        "Acme Official"))
                        .data()
                        .path("identity_id")
                        .asString();
        JsonNode identities =
                api.businessGet(
                                advertiser.token(),
                                "/identity/get/",
                                params(
                                        "advertiser_id",
                                        advertiser.id(),
                                        "identity_type",
                                        "CUSTOMIZED_USER"))
                        .data()
                        .path("identity_list");
        assertThat(identities.get(0).path("display_name").asString()).isEqualTo("Acme Official");
        int quotaBefore = quotaRemaining(advertiser);

        String adgroup = given.givenAdGroup(advertiser, given.givenCampaign(advertiser), Map.of());
        Map<String, Object> creative = new HashMap<>();
        creative.put("ad_name", "plain");
        creative.put("identity_type", "CUSTOMIZED_USER");
        creative.put("identity_id", identity);
        creative.put("video_id", videoId);
        var noText = createAd(advertiser, adgroup, creative);
        assertThat(noText.code()).isEqualTo(40002);
        assertThat(noText.message()).contains("ad_text");
        creative.put("ad_text", "Winter sale, 30% off");
        var noPage = createAd(advertiser, adgroup, creative);
        assertThat(noPage.code()).as(noPage.raw()).isEqualTo(40002);
        assertThat(noPage.message())
                .contains("landing_page_url is required for a non-Spark ad")
                .contains("no profile page");
        creative.put("landing_page_url", "https://acme.example.com/winter");
        String adId =
                createAd(advertiser, adgroup, creative).data().path("ad_ids").get(0).asString();
        assertThat(quotaRemaining(advertiser)).isEqualTo(quotaBefore);
        ApiFixtures.madeIn(adId, adgroup);
        given.approve(adId);

        JsonNode served = servedAd(adId);
        assertThat(served.path("spark").asBoolean()).isFalse();
        assertThat(served.path("identity").path("display_name").asString())
                .isEqualTo("Acme Official");
        assertThat(served.path("caption").asString()).isEqualTo("Winter sale, 30% off");
        assertThat(served.path("destination").path("type").asString()).isEqualTo("WEBSITE");
        assertThat(served.path("destination").path("url").asString())
                .isEqualTo("https://acme.example.com/winter");
        String url = served.path("video").path("url").asString();
        assertThat(url).startsWith("/videos/").doesNotContain(videoId);
        assertThat(api.fetch(url, Map.of()).status()).as("plays for the host app").isEqualTo(200);
    }

    @Test
    void aPushedVideoIsPublishedUnderTheLinkedAccountOnlyOnceItPassesReview() {
        var advertiser = given.givenAdvertiser();
        var creator = given.givenPublicPost();
        String linkCode = given.givenLinkCode(advertiser, List.of("PUSH_VIDEOS"));
        assertThat(
                        api.platform(
                                        "POST",
                                        "/accounts/" + creator.accountId() + "/links",
                                        Map.of("link_code", linkCode, "ads_only", true))
                                .status())
                .isEqualTo(201);
        String videoId = upload(advertiser, TestVideos.bytes(TestVideos.VERTICAL));
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
                                                        "pushed",
                                                        "identity_type",
                                                        "TT_USER",
                                                        "identity_id",
                                                        creator.accountId(),
                                                        "video_id",
                                                        videoId,
                                                        "ad_text",
                                                        "Made with Acme"))))
                        .data()
                        .path("ad_ids")
                        .get(0)
                        .asString();
        ApiFixtures.madeIn(adId, adgroup);
        JsonNode pending = given.ad(advertiser, adId);
        assertThat(pending.path("tiktok_item_id").isNull())
                .as("not published before review")
                .isTrue();

        given.approve(adId);
        String itemId =
                Eventually.await(
                        Duration.ofSeconds(5),
                        () -> {
                            JsonNode approved = given.ad(advertiser, adId);
                            assertThat(approved.path("tiktok_item_id").isNull()).isFalse();
                            return approved.path("tiktok_item_id").asString();
                        });
        JsonNode post = api.platform("GET", "/posts/" + itemId, null).body();
        assertThat(post.path("account_id").asString()).isEqualTo(creator.accountId());
        assertThat(post.path("duration_ms").asInt()).isEqualTo(6_000);
        String postVideo = post.path("video_url").asString();
        assertThat(postVideo).startsWith("/videos/").doesNotContain(videoId);
        assertThat(api.fetch(postVideo, Map.of()).status())
                .as("a published post's video plays for the host app")
                .isEqualTo(200);
        assertThat(post.path("ads_only").asBoolean()).isTrue();
        JsonNode served = servedAd(adId);
        assertThat(served.path("spark").asBoolean()).isTrue();
        assertThat(served.path("identity").path("account_id").asString())
                .isEqualTo(creator.accountId());
    }

    @Test
    void pushingNeedsThePushPermission() {
        var advertiser = given.givenAdvertiser();
        var creator = given.givenPublicPost();
        String linkCode = given.givenLinkCode(advertiser, List.of("PULL_POSTS"));
        api.platform(
                "POST",
                "/accounts/" + creator.accountId() + "/links",
                Map.of("link_code", linkCode));
        String videoId = upload(advertiser, TestVideos.bytes(TestVideos.VERTICAL));
        String adgroup = given.givenAdGroup(advertiser, given.givenCampaign(advertiser), Map.of());
        var refused =
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
                                                "pushed",
                                                "identity_type",
                                                "TT_USER",
                                                "identity_id",
                                                creator.accountId(),
                                                "video_id",
                                                videoId))));
        assertThat(refused.code()).isEqualTo(40002);
        assertThat(refused.message()).contains("PUSH_VIDEOS");
    }

    private JsonNode servedAd(String adId) {
        return Eventually.await(
                Duration.ofSeconds(5),
                () -> {
                    var response =
                            api.platform(
                                    "POST",
                                    "/ad_requests",
                                    params(
                                            "request_id",
                                            ApiFixtures.unique(),
                                            "placement",
                                            "IN_FEED",
                                            "slots",
                                            10,
                                            "viewer",
                                            params(
                                                    "viewer_id",
                                                    "c-" + ApiFixtures.unique(),
                                                    "region",
                                                    ApiFixtures.regionOf(adId))));
                    for (JsonNode ad : response.body().path("ads")) {
                        if (ad.path("ad_id").asString().equals(adId)) {
                            return ad;
                        }
                    }
                    throw new AssertionError("not served: " + response.raw());
                });
    }

    private int quotaRemaining(ApiFixtures.Advertiser advertiser) {
        return api.businessGet(
                        advertiser.token(),
                        "/ad/quota/get/",
                        params("advertiser_id", advertiser.id()))
                .data()
                .path("spark_ads_remaining")
                .asInt();
    }

    private String upload(ApiFixtures.Advertiser advertiser, byte[] video) {
        return api.businessUpload(
                        advertiser.token(),
                        "/file/video/ad/upload/",
                        Map.of("advertiser_id", advertiser.id()),
                        "video_file",
                        "v.mp4",
                        video)
                .data()
                .get(0)
                .path("video_id")
                .asString();
    }

    static String md5(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(bytes));
    }

    private ApiClient.Response createAd(
            ApiFixtures.Advertiser advertiser, String adgroupId, Map<String, Object> creative) {
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
}
