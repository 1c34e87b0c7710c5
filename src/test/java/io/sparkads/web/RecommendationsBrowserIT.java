package io.sparkads.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.sparkads.content.Post;
import io.sparkads.content.PostEngagement;
import io.sparkads.content.PostEngagement.Counter;
import io.sparkads.content.Posts;
import io.sparkads.web.WebFixtures.SignIn;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * An advertiser asks a creator for a post they found, the creator accepts in the Creator Center,
 * and the creative library ranks the post first with why it is recommended.
 */
class RecommendationsBrowserIT extends BrowserTestBase {
    private static final String SPARK_POSTS = "/ads/tools/creative-library/spark-posts";

    @Test
    void theCreatorAcceptsARequestAndTheLibraryShowsThePostFirstWithItsWhyLine() {
        // given: a creator's popular post, and an ad account with a quiet post already
        SignIn advertiser = given.newAdvertiser();
        SignIn creator = given.newCreator();
        Post quiet = given.boundPost(WebFixtures.unique("Quiet post"), advertiser.id(), 30);
        Post popular =
                posts.create(
                        new Posts.NewPost(
                                creator.id(),
                                WebFixtures.unique("Five-minute pasta"),
                                List.of("recipe"),
                                null,
                                20_000,
                                null,
                                Post.Visibility.PUBLIC));
        PostEngagement engagement = new PostEngagement();
        Instant yesterday = Instant.now().minus(Duration.ofDays(1));
        count(engagement, quiet, Counter.VIEWS, 100, yesterday.minus(Duration.ofDays(9)));
        count(engagement, popular, Counter.VIEWS, 420, yesterday);
        count(engagement, popular, Counter.LIKES, 28, yesterday);
        count(engagement, popular, Counter.SHARES, 3, yesterday);
        posts.add(engagement);

        // when the advertiser asks for it
        signInAs(advertiser.username());
        open(SPARK_POSTS + "?ask=" + popular.itemId());
        assertThat(find(By.id("ask-item-id")).getAttribute("value"))
                .isEqualTo(String.valueOf(popular.itemId()));
        find(By.id("ask-message")).sendKeys("We would love to run this for our pasta week");
        find(By.id("ask-creator-send")).click();
        assertThat(text(By.cssSelector(".alert.success"))).startsWith("Request sent");
        assertThat(text(By.id("sent-requests")))
                .contains(String.valueOf(popular.itemId()), "Waiting for the creator");
        keepScreenshot("recommendations-ask-the-creator");

        // and the creator accepts it for 60 days
        signInAs(creator.username());
        open("/creator");
        WebElement request = find(By.cssSelector("#authorization-requests .authorization-request"));
        assertThat(request.getText())
                .contains(
                        advertiser.name(),
                        popular.caption(),
                        "“We would love to run this for our pasta week”");
        keepScreenshot("recommendations-creator-center-request");
        new Select(request.findElement(By.cssSelector("select.request-days"))).selectByValue("60");
        request.findElement(By.cssSelector("button.accept-request")).click();
        assertThat(text(By.cssSelector(".alert.success"))).startsWith("Request accepted");
        assertThat(text(By.id("authorization-requests")))
                .contains(advertiser.name(), "authorized for 60 days");

        // then the library shows it first, with why
        signInAs(advertiser.username());
        open(SPARK_POSTS);
        assertThat(new Select(find(By.id("library-sort"))).getFirstSelectedOption().getText())
                .isEqualTo("Recommended");
        List<WebElement> rows = browser.findElements(By.cssSelector("#spark-posts tbody tr"));
        assertThat(rows.get(0).getAttribute("id")).isEqualTo("spark-post-" + popular.itemId());
        assertThat(rows.get(1).getAttribute("id")).isEqualTo("spark-post-" + quiet.itemId());
        assertThat(text(By.cssSelector("#spark-post-" + popular.itemId() + " .recommendation-why")))
                .contains("1.6× your median views", "engagement 7.4%", "rising this week");
        assertThat(text(By.cssSelector("#spark-post-" + quiet.itemId() + " .recommendation-why")))
                .contains("0.4× your median views", "slowing this week");
        assertThat(text(By.id("sent-requests"))).contains("Accepted for 60 days");
        keepScreenshot("recommendations-library-ranked");

        new Select(find(By.id("library-sort"))).selectByValue("LATEST");
        find(By.id("library-search")).click();
        assertThat(new Select(find(By.id("library-sort"))).getFirstSelectedOption().getText())
                .isEqualTo("Newest first");
        assertThat(browser.findElements(By.cssSelector("#spark-posts tbody tr"))).hasSize(2);
    }

    private static void count(
            PostEngagement engagement, Post post, Counter counter, int times, Instant at) {
        for (int i = 0; i < times; i++) {
            engagement.organic(post.itemId(), counter, at);
        }
    }
}
