package io.sparkads.content;

import static io.sparkads.support.ApiClient.params;
import static org.assertj.core.api.Assertions.assertThat;

import io.sparkads.support.ApiClient;
import io.sparkads.support.ApiFixtures;
import io.sparkads.support.TestVideos;
import java.io.ByteArrayInputStream;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import tools.jackson.databind.JsonNode;

/**
 * Uploaded videos are private to their ad account until an ad showing them is approved, and live at
 * random addresses that neither the video's id nor its upload time gives away.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("it")
class MediaPrivacyIT {
    @LocalServerPort int port;
    ApiClient api;
    ApiFixtures given;

    @BeforeEach
    void connect() {
        api = new ApiClient(port);
        given = new ApiFixtures(api);
    }

    @Test
    void aPlayerSeekingGetsTheRangeItAsksForFromTheStore() {
        var owner = given.givenAdvertiser();
        byte[] bytes = TestVideos.bytes(TestVideos.VERTICAL);
        String url = given.givenUploadedVideo(owner, bytes).path("url").asString();

        var range =
                api.fetch(url, Map.of("Access-Token", owner.token(), "Range", "bytes=1000-1999"));

        assertThat(range.status()).isEqualTo(206);
        assertThat(range.body()).isEqualTo(java.util.Arrays.copyOfRange(bytes, 1000, 2000));
    }

    @Test
    void anUnpublishedUploadLoadsForItsAdAccountOnlyAndNotByItsId() throws Exception {
        var owner = given.givenAdvertiser();
        var other = given.givenAdvertiser();
        byte[] bytes = TestVideos.bytes(TestVideos.VERTICAL);
        JsonNode video = given.givenUploadedVideo(owner, bytes);
        String url = video.path("url").asString();
        String poster = video.path("video_cover_url").asString();

        assertThat(url)
                .matches("/videos/[A-Za-z0-9_-]{22}")
                .doesNotContain(video.path("video_id").asString());
        assertThat(poster).isEqualTo(url + "/poster.jpg");
        assertThat(video.path("preview_url").asString()).isEqualTo(url);

        var mine = api.fetch(url, Map.of("Access-Token", owner.token()));
        assertThat(mine.status()).isEqualTo(200);
        assertThat(mine.contentType()).isEqualTo("video/mp4");
        assertThat(mine.body()).isEqualTo(bytes);
        var cover = api.fetch(poster, Map.of("Access-Token", owner.token()));
        assertThat(cover.contentType()).isEqualTo("image/jpeg");
        var image = ImageIO.read(new ByteArrayInputStream(cover.body()));
        assertThat(image.getWidth()).isEqualTo(540);
        assertThat(image.getHeight()).isEqualTo(960);

        assertThat(api.fetch(url, Map.of()).status()).as("anonymous").isEqualTo(404);
        assertThat(api.fetch(poster, Map.of()).status()).as("anonymous poster").isEqualTo(404);
        assertThat(api.fetch(url, Map.of("Access-Token", other.token())).status())
                .as("another advertiser")
                .isEqualTo(404);
        assertThat(api.fetch(url, Map.of("Access-Token", "made-up")).status()).isEqualTo(404);
        String id = video.path("video_id").asString();
        assertThat(api.fetch("/videos/" + id, Map.of("Access-Token", owner.token())).status())
                .as("the time-based id is no address, not even for the owner")
                .isEqualTo(404);
    }

    @Test
    void twoUploadsInTheSameMomentGetUnrelatedAddresses() {
        var owner = given.givenAdvertiser();
        byte[] bytes = TestVideos.bytes(TestVideos.VERTICAL);

        String first = given.givenUploadedVideo(owner, bytes).path("url").asString();
        String second = given.givenUploadedVideo(owner, bytes).path("url").asString();

        assertThat(commonPrefix(first, second)).isLessThan("/videos/".length() + 6);
    }

    @Test
    void aSignedInMemberOfTheAdAccountSeesItsUnpublishedUploadAndOthersDoNot() throws Exception {
        var owner = given.givenAdvertiser();
        var other = given.givenAdvertiser();
        String url =
                given.givenUploadedVideo(owner, TestVideos.bytes(TestVideos.VERTICAL))
                        .path("url")
                        .asString();

        HttpClient member = signedIn(owner);
        HttpClient stranger = signedIn(other);

        assertThat(get(member, url).statusCode()).isEqualTo(200);
        assertThat(get(stranger, url).statusCode()).isEqualTo(404);
    }

    @Test
    void anApprovedAdsVideoAndPosterLoadForAHostAppWithoutCredentials() throws Exception {
        var advertiser = given.givenAdvertiser();
        byte[] bytes = TestVideos.bytes(TestVideos.SQUARE);
        JsonNode video = given.givenUploadedVideo(advertiser, bytes);
        String adgroup = given.givenAdGroup(advertiser, given.givenCampaign(advertiser), Map.of());
        String adId =
                given.givenUnreviewedNonSparkAd(
                        advertiser, adgroup, video.path("video_id").asString());
        assertThat(api.fetch(video.path("url").asString(), Map.of()).status())
                .as("before review")
                .isEqualTo(404);

        given.approve(adId);
        JsonNode served = given.servedAd(adId, "m-" + ApiFixtures.unique());

        String url = served.path("video").path("url").asString();
        assertThat(url).isEqualTo(video.path("url").asString());
        var played = api.fetch(url, Map.of());
        assertThat(played.status()).isEqualTo(200);
        assertThat(played.body()).isEqualTo(bytes);
        assertThat(served.path("video").path("poster_url").asString())
                .isEqualTo(video.path("video_cover_url").asString());
        var poster = api.fetch(served.path("video").path("poster_url").asString(), Map.of());
        assertThat(poster.status()).isEqualTo(200);
        assertThat(ImageIO.read(new ByteArrayInputStream(poster.body())).getWidth()).isEqualTo(640);
    }

    @Test
    void videoInfoAnswersTheAdAccountsOwnUploadsWithTheirAddresses() {
        var owner = given.givenAdvertiser();
        var other = given.givenAdvertiser();
        JsonNode mine = given.givenUploadedVideo(owner, TestVideos.bytes(TestVideos.VERTICAL));
        JsonNode theirs = given.givenUploadedVideo(other, TestVideos.bytes(TestVideos.SQUARE));

        JsonNode list =
                api.businessGet(
                                owner.token(),
                                "/file/video/ad/info/",
                                params(
                                        "advertiser_id",
                                        owner.id(),
                                        "video_ids",
                                        "[\""
                                                + mine.path("video_id").asString()
                                                + "\",\""
                                                + theirs.path("video_id").asString()
                                                + "\"]"))
                        .data()
                        .path("list");

        assertThat(list).hasSize(1);
        JsonNode info = list.get(0);
        assertThat(info.path("video_id").asString()).isEqualTo(mine.path("video_id").asString());
        assertThat(info.path("width").asInt()).isEqualTo(540);
        assertThat(info.path("height").asInt()).isEqualTo(960);
        assertThat(info.path("duration").asDouble()).isEqualTo(6.0);
        assertThat(info.path("video_cover_url").asString())
                .isEqualTo(mine.path("video_cover_url").asString());
        assertThat(info.path("preview_url").asString()).isEqualTo(mine.path("url").asString());
    }

    @Test
    void aSquareVideoIsRefusedForTopViewWithWhatItNeeds() {
        var advertiser = given.givenAdvertiser();
        String square =
                given.givenUploadedVideo(advertiser, TestVideos.bytes(TestVideos.SQUARE))
                        .path("video_id")
                        .asString();
        String vertical =
                given.givenUploadedVideo(advertiser, TestVideos.bytes(TestVideos.VERTICAL))
                        .path("video_id")
                        .asString();
        String topView =
                given.givenAdGroup(
                        advertiser,
                        given.givenCampaign(advertiser),
                        Map.of("ad_placement", "TOPVIEW", "topview_daily_impressions", 3));
        String identity = given.givenCustomIdentity(advertiser);

        var refused =
                api.businessPost(
                        advertiser.token(),
                        "/ad/create/",
                        ApiFixtures.nonSparkAdBody(advertiser, topView, identity, square));
        var accepted =
                api.businessPost(
                        advertiser.token(),
                        "/ad/create/",
                        ApiFixtures.nonSparkAdBody(advertiser, topView, identity, vertical));

        assertThat(refused.code()).isEqualTo(40002);
        assertThat(refused.message())
                .contains("cannot run in a TopView ad group")
                .contains("640×640")
                .contains("vertical 9:16");
        assertThat(accepted.code()).as(accepted.raw()).isZero();
    }

    /** A browser-like client signed in to the web UI as a new member of the ad account. */
    private HttpClient signedIn(ApiFixtures.Advertiser advertiser) throws Exception {
        String username = "m" + ApiFixtures.unique().replaceAll("[^a-zA-Z0-9]", "");
        String password = "member-password-" + ApiFixtures.unique();
        given.givenAdvertiserUser(advertiser, username, password);
        HttpClient client =
                HttpClient.newBuilder()
                        .cookieHandler(new CookieManager())
                        .followRedirects(HttpClient.Redirect.NEVER)
                        .build();
        String page = get(client, "/login").body();
        Matcher csrf = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"").matcher(page);
        assertThat(csrf.find()).as("the sign-in form carries a CSRF token").isTrue();
        String form =
                "username="
                        + enc(username)
                        + "&password="
                        + enc(password)
                        + "&_csrf="
                        + enc(csrf.group(1));
        HttpResponse<String> signIn =
                client.send(
                        HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login"))
                                .header("Content-Type", "application/x-www-form-urlencoded")
                                .POST(HttpRequest.BodyPublishers.ofString(form))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(signIn.headers().firstValue("Location").orElse(""))
                .as("signed in")
                .doesNotContain("error");
        return client;
    }

    private HttpResponse<String> get(HttpClient client, String path) throws Exception {
        return client.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static int commonPrefix(String a, String b) {
        int i = 0;
        while (i < a.length() && i < b.length() && a.charAt(i) == b.charAt(i)) {
            i++;
        }
        return i;
    }
}
