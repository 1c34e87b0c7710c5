package io.sparkads.web;

import static io.sparkads.support.ApiClient.params;
import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.sparkads.accounts.Role;
import io.sparkads.campaigns.AdsChanged;
import io.sparkads.support.ApiClient;
import io.sparkads.support.ApiFixtures;
import io.sparkads.support.Eventually;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * The reference host app as a viewer uses it: the feed scrolls through public posts, a Spark ad
 * shows in place with "Sponsored" and its call to action, its impression reaches the advertiser's
 * report, tapping its identity opens the creator's profile with the landing page panel, opening the
 * landing page counts a landing page view, and buying there counts a conversion; the advertiser
 * then sees them on the Reporting page. A TopView ad opens the feed full screen, once.
 *
 * <p>The ads target regions no other test asks for, which only this test's viewer chooses on the
 * page, and they are paused at the end, so no other test is served them. The landing page is a
 * local test page with Open Graph tags and the host app's pixel.
 */
class FeedBrowserIT extends BrowserTestBase {
    @Autowired JdbcClient jdbc;
    @Autowired ApplicationEventPublisher publisher;
    private ApiClient api;
    private ApiFixtures.LiveAd live;
    private ApiFixtures fixtures;
    private String region;
    private HttpServer shop;
    private String landingPage;

    @BeforeAll
    void givenASparkAdThatOnlyThisViewerMatches() throws IOException {
        api = new ApiClient(port);
        fixtures = new ApiFixtures(api);
        shop = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        shop.createContext("/linen", exchange -> answer(exchange, landingPageHtml()));
        shop.start();
        landingPage = "http://127.0.0.1:" + shop.getAddress().getPort() + "/linen";
        live = fixtures.givenLiveAd(Map.of("bid_price", 40.00));
        region = ApiFixtures.regionOf(live.adId());
        // Ads take only https landing pages: the local test page (plain http) is set behind the
        // API's back, and the serving engine told so.
        jdbc.sql("update ads set landing_page_url = ? where id = ?")
                .params(landingPage, Long.parseLong(live.adId()))
                .update();
        publisher.publishEvent(new AdsChanged(Set.of(Long.parseLong(live.adId()))));
    }

    /**
     * The advertiser's landing page: Open Graph tags for the profile's panel, the host app's pixel,
     * and a button that converts.
     */
    private String landingPageHtml() {
        return """
                <!DOCTYPE html>
                <html lang="en"><head><title>Linen shirts</title>
                <meta property="og:title" content="Linen shirts &amp; more">
                <meta property="og:description" content="Breathable linen, 30%% off this week">
                <script src="http://localhost:%d/js/sparkads-pixel.js" defer></script>
                </head><body>
                <h1>Linen shirts</h1>
                <button id="buy" data-sparkads-conversion data-sparkads-value="19.90">Buy now</button>
                </body></html>
                """
                .formatted(port);
    }

    private static void answer(com.sun.net.httpserver.HttpExchange exchange, String html)
            throws IOException {
        byte[] body = html.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
        exchange.sendResponseHeaders(200, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    @AfterAll
    void pauseTheAdsAndCloseTheShop() {
        pause(live.advertiser(), live.adId());
        shop.stop(0);
    }

    private void pause(ApiFixtures.Advertiser advertiser, String adId) {
        api.businessPost(
                advertiser.token(),
                "/ad/status/update/",
                params(
                        "advertiser_id", advertiser.id(),
                        "ad_ids", List.of(adId),
                        "operation_status", "DISABLE"));
    }

    @Test
    void aViewerScrollsToASparkAdOpensItsProfileLandingPageAndTheReportCountsIt() {
        // given a viewer in the ad's region, chosen on the page
        signInAs("advertiser");
        open("/feed");
        skipTopView();
        typeInto(By.id("viewer-region"), region);
        new Select(find(By.id("viewer-age-group"))).selectByValue("AGE_25_34");
        find(By.id("viewer-apply")).click();
        waitForText(By.id("viewer-saved"), "Saved");

        // when they scroll the feed until the Spark ad is on screen
        WebElement ad =
                scrollTo(By.cssSelector("article.feed-card[data-ad-id='" + live.adId() + "']"));

        // then it looks like the creator's post, with "Sponsored" and its call to action in words
        assertThat(ad.getAttribute("data-kind")).isEqualTo("spark-ad");
        assertThat(ad.findElement(By.cssSelector(".feed-sponsored")).getText())
                .isEqualTo("Sponsored");
        assertThat(ad.findElement(By.cssSelector(".feed-display-name")).getText())
                .isEqualTo(live.post().displayName());
        assertThat(ad.findElement(By.cssSelector(".feed-caption")).getText())
                .isEqualTo("Try this #recipe");
        assertThat(ad.findElement(By.cssSelector(".feed-hashtags")).getText()).isEqualTo("#recipe");
        assertThat(ad.findElement(By.cssSelector(".feed-cta")).getText()).isEqualTo("Shop now");
        assertThat(ad.findElement(By.cssSelector("[data-counter=likes]")).getText()).isEqualTo("0");
        waitUntil(d -> "true".equals(ad.getAttribute("data-seen")));
        // and organic posts stand around it
        assertThat(browser.findElements(By.cssSelector("article.feed-card[data-kind=post]")))
                .hasSizeGreaterThanOrEqualTo(3);
        keepScreenshot("feed");

        // and its impression reaches the advertiser's report
        JsonNode afterImpression = awaitMetric("impressions", 1);
        assertThat(afterImpression.path("impressions").asLong()).isEqualTo(1);

        // when the viewer likes it, the like counts on the post and in the report
        ad.findElement(By.cssSelector("[data-action=like]")).click();
        assertThat(ad.findElement(By.cssSelector("[data-counter=likes]")).getText()).isEqualTo("1");
        awaitMetric("likes", 1);

        // when they tap its identity
        ad.findElement(By.cssSelector(".feed-identity")).click();

        // then the creator's profile opens with the landing page panel at its top
        waitUntil(ExpectedConditions.urlContains("/feed/@"));
        assertThat(browser.getCurrentUrl()).contains("impression_id=");
        WebElement panel = find(By.id("landing-panel"));
        waitForText(By.id("profile-name"), live.post().displayName());
        assertThat(text(By.id("landing-cta"))).isEqualTo("Shop now");
        waitForText(By.id("landing-title"), "Linen shirts & more");
        assertThat(panel.getText()).contains("Breathable linen, 30% off this week");
        assertThat(panel.getText()).contains("127.0.0.1").contains("Sponsored");
        assertThat(find(By.id("landing-cta")).getAttribute("href")).isEqualTo(landingPage);
        keepScreenshot("profile-landing-page");
        awaitMetric("profile_visits", 1);
        assertThat(policyMessages()).as("console messages about the policy").isEmpty();

        // when they open the landing page from the panel
        find(By.id("landing-cta")).click();

        // then the browser goes there with the impression id for the pixel
        waitUntil(ExpectedConditions.urlContains(landingPage + "?sa_imp="));
        awaitMetric("landing_page_views", 1);

        // when they buy on the landing page, its pixel reports the conversion through the host app
        find(By.id("buy")).click();
        waitUntil(
                d ->
                        "counted"
                                .equals(
                                        d.findElement(By.tagName("html"))
                                                .getAttribute("data-sparkads-conversion")));
        awaitMetric("conversion", 1);

        // then the advertiser sees the visit, the landing page view and the conversion on the
        // Reporting page, for that ad
        String user = "feed-" + ApiFixtures.unique().substring(0, 10);
        users.create(user, PASSWORD, Role.ADVERTISER, Long.parseLong(live.advertiser().id()), null);
        signInAs(user);
        open(
                "/ads/reporting?range=today&level=ad&breakdown=none&ad="
                        + live.adId()
                        + "&metrics=impressions&metrics=profile_visits&metrics=landing_page_views"
                        + "&metrics=conversion&metrics=conversion_rate_v2");
        List<List<String>> table = shownTable("report-table");
        List<String> headings = table.get(0);
        assertThat(table).as("the headings and the ad's one row: " + table).hasSize(2);
        List<String> adRow = table.get(1);
        assertThat(adRow.get(headings.indexOf("Impressions"))).isEqualTo("1");
        assertThat(adRow.get(headings.indexOf("Profile visits"))).isEqualTo("1");
        assertThat(adRow.get(headings.indexOf("Landing page views"))).isEqualTo("1");
        assertThat(adRow.get(headings.indexOf("Conversions"))).isEqualTo("1");
        assertThat(headings).as("a CVR column").anyMatch(h -> h.startsWith("Conversion rate"));
        String cvr =
                adRow.get(
                        headings.indexOf(
                                headings.stream()
                                        .filter(h -> h.startsWith("Conversion rate"))
                                        .findFirst()
                                        .orElseThrow()));
        assertThat(cvr).as("one conversion of one impression").isEqualTo("100.00%");
        keepScreenshot("feed-ad-in-reporting");
    }

    @Test
    void theFeedShowsAPostsCreatorCaptionAndCountersAndOpensTheirProfile() {
        // given a new public post
        var post = given.postOfDemoCreator(WebFixtures.unique("Feed post"));

        // when a viewer opens the feed
        signInAs("advertiser");
        open("/feed");
        skipTopView();

        // then the newest post comes first, with its creator and counters
        WebElement first =
                find(By.cssSelector("article.feed-card[data-item-id='" + post.itemId() + "']"));
        assertThat(first.findElement(By.cssSelector(".feed-caption")).getText())
                .isEqualTo(post.caption());
        assertThat(first.findElement(By.cssSelector(".feed-hashtags")).getText())
                .isEqualTo("#browsertest");
        assertThat(first.findElement(By.cssSelector(".feed-handle")).getText()).startsWith("@");
        assertThat(first.findElements(By.cssSelector(".feed-sponsored")))
                .allMatch(e -> !e.isDisplayed());

        // when they tap the creator, the profile lists the post
        String handle = first.findElement(By.cssSelector(".feed-handle")).getText().substring(1);
        first.findElement(By.cssSelector(".feed-identity")).click();
        waitUntil(ExpectedConditions.urlContains("/feed/@" + handle));
        waitForText(By.id("profile-handle"), "@" + handle);
        assertThat(browser.findElement(By.id("landing-panel")).isDisplayed()).isFalse();
    }

    @Test
    void onTheFirstOpenOfTheDayATopViewAdFillsTheScreenAndTheNextOpenShowsTheFeed() {
        // given an approved TopView ad group (3 reserved impressions a day) in a region of its own
        ApiFixtures.Advertiser advertiser = fixtures.givenAdvertiser();
        ApiFixtures.CreatorPost post = fixtures.givenPublicPost();
        fixtures.givenBound(advertiser, post);
        String campaign = fixtures.givenCampaign(advertiser);
        String adgroup =
                fixtures.givenAdGroup(
                        advertiser,
                        campaign,
                        Map.of(
                                "ad_placement",
                                "TOPVIEW",
                                "topview_daily_impressions",
                                3,
                                "location_ids",
                                List.of(ApiFixtures.uniqueRegion())));
        String topView = fixtures.givenSparkAd(advertiser, adgroup, post);
        fixtures.approve(topView);
        String viewer = "topview-" + ApiFixtures.unique();
        try {
            // when a viewer of that region opens the app for the first time today
            signInAs("advertiser");
            openTheAppAs(viewer, ApiFixtures.regionOf(topView));

            // then the TopView ad fills the screen, "Sponsored", before the feed
            WebElement overlay = find(By.id("topview"));
            waitUntil(ExpectedConditions.visibilityOf(overlay));
            WebElement card =
                    find(
                            By.cssSelector(
                                    "#topview-slot article.feed-card[data-ad-id='"
                                            + topView
                                            + "']"));
            assertThat(card.getAttribute("data-kind")).isEqualTo("spark-ad");
            assertThat(card.findElement(By.cssSelector(".feed-sponsored")).getText())
                    .isEqualTo("Sponsored");
            assertThat(card.findElement(By.cssSelector(".feed-display-name")).getText())
                    .isEqualTo(post.displayName());
            Map<?, ?> window =
                    (Map<?, ?>)
                            ((JavascriptExecutor) browser)
                                    .executeScript(
                                            "return {w: document.documentElement.clientWidth,"
                                                    + " h: document.documentElement.clientHeight};");
            assertThat(overlay.getSize().getWidth())
                    .isEqualTo(((Number) window.get("w")).intValue());
            assertThat(overlay.getSize().getHeight())
                    .isEqualTo(((Number) window.get("h")).intValue());
            keepScreenshot("feed-topview");
            // the viewer skips it (unless its 5 s are already over), and its impression is counted
            List<WebElement> skip = browser.findElements(By.id("topview-skip"));
            if (!skip.isEmpty() && skip.get(0).isDisplayed()) {
                skip.get(0).click();
            }
            waitUntil(ExpectedConditions.invisibilityOf(overlay));
            Eventually.await(
                    Duration.ofSeconds(10),
                    () ->
                            assertThat(
                                            fixtures.lifetimeMetrics(
                                                            advertiser,
                                                            topView,
                                                            List.of("impressions"))
                                                    .path("impressions")
                                                    .asString("0"))
                                    .isEqualTo("1"));

            // when the same viewer opens the app again the same day
            openTheAppAs(viewer, ApiFixtures.regionOf(topView));

            // then the feed shows at once, without the TopView (once per viewer a day)
            find(By.cssSelector("#feed article.feed-card"));
            assertThat(browser.findElement(By.id("topview")).isDisplayed()).isFalse();
            assertThat(browser.findElements(By.cssSelector("#topview-slot article.feed-card")))
                    .isEmpty();
        } finally {
            pause(advertiser, topView);
            ((JavascriptExecutor) browser)
                    .executeScript("localStorage.removeItem('sparkads.feed.viewer');");
        }
    }

    /**
     * Opens {@code /feed} as a new app session (the page asks for a TopView once per session) of
     * the viewer kept on this device.
     */
    private void openTheAppAs(String viewerId, String viewerRegion) {
        open("/feed");
        ((JavascriptExecutor) browser)
                .executeScript(
                        "localStorage.setItem('sparkads.feed.viewer', JSON.stringify({viewer_id: arguments[0],"
                                + " region: arguments[1], age_group: '', gender: '', language: '', os: ''}));"
                                + " sessionStorage.clear();",
                        viewerId,
                        viewerRegion);
        open("/feed");
    }

    /**
     * A TopView ad of another test could open first: skip it. The feed asks for it before its first
     * posts, so once a post is there, the TopView is shown or will not be.
     */
    private void skipTopView() {
        find(By.cssSelector("#feed article.feed-card"));
        List<WebElement> skip = browser.findElements(By.id("topview-skip"));
        if (!skip.isEmpty() && skip.get(0).isDisplayed()) {
            skip.get(0).click();
        }
    }

    /** Scrolls the feed a screen at a time until the element is there, then brings it into view. */
    private WebElement scrollTo(By by) {
        JavascriptExecutor js = (JavascriptExecutor) browser;
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            List<WebElement> found = browser.findElements(by);
            if (!found.isEmpty()) {
                js.executeScript("arguments[0].scrollIntoView({block: 'start'});", found.get(0));
                return found.get(0);
            }
            js.executeScript(
                    "var f = document.getElementById('feed'); f.scrollBy(0, f.clientHeight);");
            try {
                Thread.sleep(300);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
        List<String> console = new ArrayList<>();
        browser.manage().logs().get(LogType.BROWSER).forEach(e -> console.add(e.getMessage()));
        throw new AssertionError(
                "the feed never showed "
                        + by
                        + "; cards: "
                        + js.executeScript(
                                "return Array.from(document.querySelectorAll('article.feed-card'))"
                                        + ".map(c => c.getAttribute('data-kind') + ':' + (c.getAttribute('data-ad-id') || c.getAttribute('data-item-id'))).join(' ')")
                        + "; status: "
                        + browser.findElement(By.id("feed-status")).getText()
                        + "; viewer: "
                        + js.executeScript("return localStorage.getItem('sparkads.feed.viewer')")
                        + "; console: "
                        + console);
    }

    /** The ad's lifetime metrics once {@code metric} has reached {@code atLeast}. */
    private JsonNode awaitMetric(String metric, long atLeast) {
        return Eventually.await(
                Duration.ofSeconds(10),
                () -> {
                    JsonNode metrics =
                            fixtures.lifetimeMetrics(
                                    live.advertiser(),
                                    live.adId(),
                                    List.of(
                                            "impressions",
                                            "likes",
                                            "profile_visits",
                                            "landing_page_views",
                                            "conversion"));
                    assertThat(Long.parseLong(metrics.path(metric).asString("0")))
                            .as(metric)
                            .isGreaterThanOrEqualTo(atLeast);
                    return metrics;
                });
    }

    @SuppressWarnings("unchecked")
    private List<List<String>> shownTable(String id) {
        return (List<List<String>>)
                ((JavascriptExecutor) browser)
                        .executeScript(
                                """
                                const t = document.getElementById(arguments[0]);
                                return Array.from(t.querySelectorAll('thead tr, tbody tr')).map(tr =>
                                    Array.from(tr.children).map(c => c.textContent.trim()));
                                """,
                                id);
    }

    private List<String> policyMessages() {
        List<String> messages = new ArrayList<>();
        for (LogEntry entry : browser.manage().logs().get(LogType.BROWSER)) {
            if (entry.getMessage().contains("Content Security Policy")) {
                messages.add(entry.getMessage());
            }
        }
        return messages;
    }
}
