package io.sparkads.tracking;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.sparkads.support.ApiClient;
import io.sparkads.support.ApiFixtures;
import io.sparkads.support.ApiFixtures.LiveAd;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import tools.jackson.databind.JsonNode;

/**
 * The Profile Landing Page over the platform API: a viewer taps a Spark ad's identity and the host
 * app asks for the profile with the ad's impression id. The ad's landing page is a local test page
 * with Open Graph tags.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("it")
class ProfileLandingPageIT {
    static final String LANDING_PAGE =
            """
            <html><head>
            <meta property="og:title" content="Linen shirts &amp; more">
            <meta property="og:description" content="Breathable linen, 30% off this week">
            <meta property="og:image" content="/img/linen.jpg">
            </head><body>Shop</body></html>
            """;

    @LocalServerPort int port;
    @Autowired JdbcClient jdbc;
    ApiClient api;
    ApiFixtures given;
    HttpServer shop;
    String shopBase;

    @BeforeEach
    void connect() throws IOException {
        api = new ApiClient(port);
        given = new ApiFixtures(api);
        shop = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        shop.createContext(
                "/linen",
                ex -> {
                    byte[] body = LANDING_PAGE.getBytes(StandardCharsets.UTF_8);
                    ex.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
                    ex.sendResponseHeaders(200, body.length);
                    try (OutputStream out = ex.getResponseBody()) {
                        out.write(body);
                    }
                });
        shop.start();
        shopBase = "http://127.0.0.1:" + shop.getAddress().getPort();
    }

    @AfterEach
    void stopShop() {
        shop.stop(0);
    }

    /**
     * A live Spark ad whose landing page is {@code url}. Ads take only https landing pages, so the
     * stored URL is pointed at the local test page (plain http) behind the API's back.
     */
    private LiveAd givenLiveAdLeadingTo(String url) {
        LiveAd ad = given.givenLiveAd(Map.of());
        jdbc.sql("update ads set landing_page_url = ? where id = ?")
                .params(url, Long.parseLong(ad.adId()))
                .update();
        return ad;
    }

    private ApiClient.Response profile(String accountId, String impressionId, String query) {
        String path = "/profiles/" + accountId + "?" + query;
        if (impressionId != null) {
            path += "&impression_id=" + URLEncoder.encode(impressionId, StandardCharsets.UTF_8);
        }
        return api.platform("GET", path, null);
    }

    @Test
    void fromASparkAdTheProfileShowsTheLandingPanelAndCountsTheVisitOncePerImpression() {
        LiveAd ad = givenLiveAdLeadingTo(shopBase + "/linen");
        String impression = given.servedImpression(ad.adId(), "viewer-" + UUID.randomUUID());

        var first = profile(ad.post().accountId(), impression, "viewer_id=v1");
        var second = profile(ad.post().accountId(), impression, "viewer_id=v1");

        assertThat(first.status()).as(first.raw()).isEqualTo(200);
        JsonNode account = first.body().path("account");
        assertThat(account.path("account_id").asString()).isEqualTo(ad.post().accountId());
        assertThat(account.path("display_name").asString()).isEqualTo(ad.post().displayName());
        assertThat(account.path("avatar_url").asString()).startsWith("/avatars/");
        assertThat(first.body().path("posts").get(0).path("item_id").asString())
                .isEqualTo(ad.post().itemId());
        JsonNode panel = first.body().path("landing_panel");
        assertThat(panel.path("title").asString()).isEqualTo("Linen shirts & more");
        assertThat(panel.path("description").asString())
                .isEqualTo("Breathable linen, 30% off this week");
        assertThat(panel.path("image_url").asString()).isEqualTo(shopBase + "/img/linen.jpg");
        assertThat(panel.path("url").asString()).isEqualTo(shopBase + "/linen");
        assertThat(panel.path("call_to_action").path("code").asString()).isEqualTo("SHOP_NOW");
        assertThat(panel.path("call_to_action").path("label").asString()).isEqualTo("Shop now");
        assertThat(panel.path("fetched").asBoolean()).isTrue();
        assertThat(first.body().path("profile_visit_counted").asBoolean()).isTrue();
        assertThat(second.status()).isEqualTo(200);
        assertThat(second.body().path("landing_panel")).isEqualTo(panel);
        assertThat(second.body().path("profile_visit_counted").asBoolean())
                .as("the same impression counts once")
                .isFalse();

        // the host app's own PROFILE_VISIT of that impression counts nowhere either; the panel's
        // link and a follow count as the ad's landing page view and follow
        given.givenEvents(
                impression,
                Instant.now().toString(),
                "IMPRESSION",
                "PROFILE_VISIT",
                "LANDING_PAGE_VIEW",
                "FOLLOW");
        JsonNode metrics = lifetimeMetrics(ad);
        assertThat(metrics.path("impressions").asString()).isEqualTo("1");
        assertThat(metrics.path("profile_visits").asString()).isEqualTo("1");
        assertThat(metrics.path("profile_visits_rate").asString()).isEqualTo("100.00");
        assertThat(metrics.path("landing_page_views").asString()).isEqualTo("1");
        assertThat(metrics.path("follows").asString()).isEqualTo("1");
    }

    private JsonNode lifetimeMetrics(LiveAd ad) {
        return given.lifetimeMetrics(
                ad.advertiser(),
                ad.adId(),
                List.of(
                        "impressions",
                        "profile_visits",
                        "profile_visits_rate",
                        "landing_page_views",
                        "follows"));
    }

    @Test
    void aLandingPageThatCannotBeReadGivesAPlainCardWithItsUrl() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        String unreachable = "http://127.0.0.1:" + closedPort + "/sale";
        LiveAd ad = givenLiveAdLeadingTo(unreachable);
        String impression = given.servedImpression(ad.adId(), "viewer-" + UUID.randomUUID());

        var response = profile(ad.post().accountId(), impression, "");

        assertThat(response.status()).as(response.raw()).isEqualTo(200);
        JsonNode panel = response.body().path("landing_panel");
        assertThat(panel.path("fetched").asBoolean()).isFalse();
        assertThat(panel.path("title").asString()).isEqualTo("127.0.0.1");
        assertThat(panel.path("url").asString()).isEqualTo(unreachable);
        assertThat(panel.path("description").isNull()).isTrue();
        assertThat(panel.path("call_to_action").path("code").asString()).isEqualTo("SHOP_NOW");
    }

    @Test
    void aTamperedImpressionIdIsRefusedWithAReason() {
        LiveAd ad = givenLiveAdLeadingTo(shopBase + "/linen");
        String impression = given.servedImpression(ad.adId(), "viewer-" + UUID.randomUUID());
        char last = impression.charAt(impression.length() - 1);
        String tampered =
                impression.substring(0, impression.length() - 1) + (last == 'A' ? 'B' : 'A');

        var response = profile(ad.post().accountId(), tampered, "");

        assertThat(response.status()).as(response.raw()).isEqualTo(400);
        assertThat(response.body().path("detail").asString())
                .contains("impression_id is not one this platform issued");
    }

    @Test
    void anImpressionOfAnotherAccountsAdIsRefusedWithAReason() {
        LiveAd ad = givenLiveAdLeadingTo(shopBase + "/linen");
        var otherCreator = given.givenPublicPost();
        String impression = given.servedImpression(ad.adId(), "viewer-" + UUID.randomUUID());

        var response = profile(otherCreator.accountId(), impression, "");

        assertThat(response.status()).as(response.raw()).isEqualTo(400);
        assertThat(response.body().path("detail").asString())
                .contains("shown under account " + ad.post().accountId())
                .contains("not account " + otherCreator.accountId());
    }

    @Test
    void withoutAnImpressionTheProfileHasNoPanelAndItsGridHoldsOnlyPublicPostsNewestFirst() {
        var creator = given.givenPublicPost();
        given.givenPostOf(creator, "Just for friends", 9000, "FRIENDS");
        String newest = given.givenPostOf(creator, "Newest #linen", 12000, "PUBLIC");

        var firstPage = profile(creator.accountId(), null, "page_size=1");
        var secondPage = profile(creator.accountId(), null, "page=2&page_size=1");
        var tooLarge = profile(creator.accountId(), null, "page_size=500");
        var unknown = api.platform("GET", "/profiles/1234", null);

        assertThat(firstPage.status()).as(firstPage.raw()).isEqualTo(200);
        assertThat(firstPage.body().path("landing_panel").isNull()).isTrue();
        assertThat(firstPage.body().path("posts")).hasSize(1);
        assertThat(firstPage.body().path("posts").get(0).path("item_id").asString())
                .isEqualTo(newest);
        assertThat(firstPage.body().path("posts").get(0).path("counters").path("views").asLong())
                .isZero();
        assertThat(firstPage.body().path("page_info").path("total_number").asInt())
                .as("the friends-only post is not on the public grid")
                .isEqualTo(2);
        assertThat(secondPage.body().path("posts").get(0).path("item_id").asString())
                .isEqualTo(creator.itemId());
        assertThat(tooLarge.status()).isEqualTo(400);
        assertThat(tooLarge.body().path("detail").asString()).contains("page_size");
        assertThat(unknown.status()).isEqualTo(404);
    }
}
