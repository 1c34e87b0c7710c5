package io.sparkads.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.sparkads.content.AppAccount;
import io.sparkads.content.Post;
import io.sparkads.content.Posts;
import io.sparkads.support.ApiFixtures;
import io.sparkads.support.TrendsCaughtUp;
import io.sparkads.tracking.EventIntake;
import io.sparkads.tracking.EventViewer;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Ads Manager › Tools › Trend Discovery: the boards by region and window, with rank changes and
 * trend lines, and a trend's detail. The trends live in a region no other test uses.
 */
class TrendDiscoveryBrowserIT extends BrowserTestBase {
    @Autowired EventIntake intake;
    @Autowired JdbcClient jdbc;

    @Test
    void anAdvertiserFindsWhatIsTrendingAndOpensATrendsDetail() {
        String region = ApiFixtures.uniqueRegion();
        String suffix = ApiFixtures.unique().substring(0, 6);
        String dance = "dance" + suffix, recipe = "recipe" + suffix, travel = "travel" + suffix;
        AppAccount maria =
                accounts.create(
                        "maria_" + suffix,
                        "Maria Lopez",
                        AppAccount.AccountType.CREATOR,
                        region,
                        null);
        AppAccount tom =
                accounts.create(
                        "tom_" + suffix, "Tom Baker", AppAccount.AccountType.CREATOR, region, null);
        Post dancePost = post(maria, "Friday moves #" + dance, dance, "sound-" + suffix);
        Post recipePost = post(tom, "Five-minute pasta #" + recipe, recipe, null);
        Post travelPost = post(maria, "Lisbon in a day #" + travel, travel, "sound-" + suffix);
        Instant lastWeek = Instant.now().minus(9, ChronoUnit.DAYS), now = Instant.now();
        // Last week recipe led dance; this week dance leads, recipe follows and travel is new.
        events(recipePost, lastWeek, "VIDEO_PLAY", 30, null);
        events(dancePost, lastWeek, "VIDEO_PLAY", 10, null);
        events(
                dancePost,
                now,
                "VIDEO_PLAY",
                60,
                new EventViewer(region, "AGE_18_24", "GENDER_FEMALE"));
        events(
                dancePost,
                now,
                "VIDEO_PLAY",
                20,
                new EventViewer(region, "AGE_25_34", "GENDER_MALE"));
        events(dancePost, now, "LIKE", 12, null);
        events(recipePost, now, "VIDEO_PLAY", 40, null);
        events(travelPost, now, "VIDEO_PLAY", 15, null);

        signInAs("advertiser");
        open("/ads");
        find(By.id("nav-trends")).click();
        assertThat(path()).isEqualTo("/ads/tools/trends");
        assertThat(text(By.tagName("h1"))).isEqualTo("Trend Discovery");
        WebElement board = find(By.id("trend-board"));
        new Select(find(By.id("trend-region"))).selectByValue(region);
        new Select(find(By.id("trend-range"))).selectByValue("7DAY");
        find(By.id("trend-show")).click();
        awaitNextPage(board);

        List<WebElement> rows = browser.findElements(By.cssSelector("#trend-rows tbody tr"));
        assertThat(rows).hasSize(3);
        assertThat(rows.get(0).getText()).startsWith("1").contains("▲1", "#" + dance, "80");
        assertThat(rows.get(1).getText()).contains("▼1", "#" + recipe, "40");
        assertThat(rows.get(2).getText()).contains("New", "#" + travel, "15");
        assertThat(rows.get(2).findElement(By.cssSelector(".rank-change")).getAttribute("title"))
                .contains("New to the top 100");
        waitUntil(
                d ->
                        script(
                                "return window.sparkTrendLines && window.sparkTrendLines.length === 3"));
        keepScreenshot("trend-discovery-hashtags");

        find(By.id("tab-CREATOR")).click();
        List<WebElement> creators = browser.findElements(By.cssSelector("#trend-rows tbody tr"));
        assertThat(creators.get(0).getText()).contains("Maria Lopez", "@maria_" + suffix);
        assertThat(creators.get(1).getText()).contains("Tom Baker");
        find(By.id("tab-SOUND")).click();
        assertThat(text(By.id("trend-rows"))).contains("sound-" + suffix);
        keepScreenshot("trend-discovery-sounds");

        find(By.id("tab-HASHTAG")).click();
        find(By.linkText("#" + dance)).click();
        assertThat(path()).isEqualTo("/ads/tools/trends/detail");
        assertThat(text(By.id("trend-title"))).isEqualTo("#" + dance);
        assertThat(text(By.id("trend-rank"))).isEqualTo("#1");
        assertThat(text(By.id("trend-views"))).isEqualTo("80");
        assertThat(text(By.id("trend-top-posts"))).contains("Friday moves", "@maria_" + suffix);
        assertThat(text(By.id("trend-top-creators"))).contains("Maria Lopez");
        assertThat(text(By.id("audience-age"))).contains("75.0%", "25.0%");
        assertThat(text(By.id("audience-gender"))).contains("75.0%");
        waitUntil(d -> script("return !!window.sparkTrendChart"));
        assertThat(script("return window.sparkTrendChart.data.datasets[0].data.slice(-1)[0]"))
                .isEqualTo(80L);
        keepScreenshot("trend-discovery-detail");

        open("/ads/tools/trends?range=2DAY");
        assertThat(pageText()).contains("date_range must be one of 1DAY, 7DAY, 30DAY, 120DAY");
    }

    private Object script(String code) {
        return ((JavascriptExecutor) browser).executeScript(code);
    }

    private Post post(AppAccount creator, String caption, String tag, String sound) {
        return posts.create(
                new Posts.NewPost(
                        creator.id(),
                        caption,
                        List.of(tag),
                        sound,
                        15_000,
                        null,
                        Post.Visibility.PUBLIC));
    }

    private void events(Post post, Instant at, String type, int count, EventViewer viewer) {
        List<EventIntake.IncomingEvent> events = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            events.add(
                    new EventIntake.IncomingEvent(
                            ApiFixtures.unique(),
                            type,
                            at.toString(),
                            "viewer-" + i,
                            null,
                            String.valueOf(post.itemId()),
                            null,
                            viewer));
        }
        assertThat(intake.accept(events).accepted()).isEqualTo(count);
        TrendsCaughtUp.await(jdbc);
    }
}
