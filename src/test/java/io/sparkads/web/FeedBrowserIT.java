package io.sparkads.web;

import static io.sparkads.support.ApiClient.params;
import static org.assertj.core.api.Assertions.assertThat;

import io.sparkads.support.ApiClient;
import io.sparkads.support.ApiFixtures;
import io.sparkads.support.Eventually;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
import tools.jackson.databind.JsonNode;

/**
 * The reference host app as a viewer uses it: the feed scrolls through public posts, a Spark ad
 * shows in place with "Sponsored" and its call to action, its impression reaches the advertiser's
 * report, tapping its identity opens the creator's profile with the landing page panel, and opening
 * the landing page counts a landing page view.
 *
 * <p>The Spark ad targets a region no other test asks for, which only this test's viewer chooses on
 * the page, and it is paused at the end, so no other test is served it.
 */
class FeedBrowserIT extends BrowserTestBase {
    private ApiClient api;
    private ApiFixtures.LiveAd live;
    private ApiFixtures fixtures;
    private String region;

    @BeforeAll
    void givenASparkAdThatOnlyThisViewerMatches() {
        api = new ApiClient(port);
        fixtures = new ApiFixtures(api);
        live = fixtures.givenLiveAd(Map.of("bid_price", 40.00));
        region = ApiFixtures.regionOf(live.adId());
    }

    @AfterAll
    void pauseTheAd() {
        api.businessPost(
                live.advertiser().token(),
                "/ad/status/update/",
                params(
                        "advertiser_id", live.advertiser().id(),
                        "ad_ids", List.of(live.adId()),
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
        assertThat(panel.getText()).contains("shop.example.com").contains("Sponsored");
        assertThat(find(By.id("landing-cta")).getAttribute("href"))
                .isEqualTo("https://shop.example.com/deal");
        keepScreenshot("profile-landing-page");
        awaitMetric("profile_visits", 1);

        // when they open the landing page from the panel
        find(By.id("landing-cta")).click();

        // then the browser goes there, and the landing page view is in the report
        waitUntil(ExpectedConditions.urlContains("shop.example.com"));
        awaitMetric("landing_page_views", 1);
        assertThat(policyMessages()).as("console messages about the policy").isEmpty();
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
                                            "landing_page_views"));
                    assertThat(Long.parseLong(metrics.path(metric).asString("0")))
                            .as(metric)
                            .isGreaterThanOrEqualTo(atLeast);
                    return metrics;
                });
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
