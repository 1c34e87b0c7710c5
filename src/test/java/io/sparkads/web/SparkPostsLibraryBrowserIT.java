package io.sparkads.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.sparkads.authorization.CodeSummary;
import io.sparkads.content.Post;
import io.sparkads.web.WebFixtures.SignIn;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/** The Spark Ad posts library: search, status filter, unbinding, and expiry warnings. */
class SparkPostsLibraryBrowserIT extends BrowserTestBase {
    private static final String SPARK_POSTS = "/ads/tools/creative-library/spark-posts";

    @Test
    void theLibraryIsSearchedByKeywordAndStatusAndARevokedPostIsUnbound() {
        SignIn advertiser = given.newAdvertiser();
        String keyword = "marigold" + Long.toString(System.nanoTime(), 36);
        Post live = given.boundPost(keyword + " soup, part one", advertiser.id(), 30);
        Post revoked = given.boundPost(keyword + " soup, part two", advertiser.id(), 30);
        Post unrelated = given.boundPost(WebFixtures.unique("Bike repair"), advertiser.id(), 30);
        given.turnOff(revoked);
        signInAs(advertiser.username());
        open(SPARK_POSTS);
        assertThat(text(By.cssSelector(".library-count"))).isEqualTo("3 posts");

        typeInto(By.id("library-keyword"), keyword);
        browser.findElement(By.id("library-search")).click();

        assertThat(text(By.cssSelector(".library-count"))).isEqualTo("2 posts found");
        assertThat(text(row(live))).contains(live.caption(), "In use");
        assertThat(find(row(live)).findElements(By.cssSelector("button.unbind")))
                .as("a live authorization cannot be unbound")
                .isEmpty();
        assertThat(text(row(revoked))).contains(revoked.caption(), "Revoked");
        assertThat(browser.findElements(row(unrelated))).isEmpty();
        keepScreenshot("spark-posts-library-search");

        new Select(find(By.id("library-status"))).selectByValue("REVOKED");
        browser.findElement(By.id("library-search")).click();

        assertThat(text(By.cssSelector(".library-count"))).isEqualTo("1 post found");
        assertThat(browser.findElements(row(live))).isEmpty();
        find(row(revoked)).findElement(By.cssSelector("button.unbind")).click();
        confirm();

        assertThat(text(By.cssSelector(".alert.success")))
                .isEqualTo("Post removed from your Spark Ad posts");
        assertThat(find(By.id("library-keyword")).getAttribute("value"))
                .as("the search stays as it was")
                .isEqualTo(keyword);
        assertThat(new Select(find(By.id("library-status"))).getFirstSelectedOption().getText())
                .isEqualTo("Revoked");
        assertThat(text(By.cssSelector("#library .empty")))
                .isEqualTo("No posts match these filters.");
        assertThat(authorizations.bound(advertiser.id(), revoked.itemId())).isEmpty();
        assertThat(authorizations.bound(advertiser.id(), live.itemId())).isPresent();
    }

    @Test
    void aPostThatExpiresSoonIsFlaggedAndTheCreatorApprovesAnExtension() {
        SignIn advertiser = given.newAdvertiser();
        Post expiring = given.boundPost(WebFixtures.unique("Flash sale"), advertiser.id(), 7);
        Post lasting = given.boundPost(WebFixtures.unique("Evergreen"), advertiser.id(), 30);
        Instant end = authorizations.codesOf(expiring.itemId()).get(0).authEndTime();
        signInAs(advertiser.username());
        open(SPARK_POSTS);

        assertThat(text(row(lasting))).doesNotContain("Expires soon");
        assertThat(find(row(lasting)).findElements(By.cssSelector(".request-extension"))).isEmpty();
        assertThat(text(row(expiring))).contains("In use", "Expires soon");
        String message = "Our campaign runs two more weeks";
        find(row(expiring)).findElement(By.cssSelector("summary.request-extension")).click();
        find(row(expiring))
                .findElement(By.cssSelector("textarea.extension-message"))
                .sendKeys(message);
        find(row(expiring)).findElement(By.cssSelector("button.send-extension")).click();

        assertThat(text(By.cssSelector(".alert.success"))).startsWith("Extension requested");
        assertThat(text(row(expiring))).contains("Extension requested; waiting for the creator");
        assertThat(find(row(expiring)).findElements(By.cssSelector(".request-extension")))
                .as("one request at a time")
                .isEmpty();

        signInAs("creator");
        By card = By.id("post-" + expiring.itemId());
        WebElement request = find(card).findElement(By.cssSelector(".extension.pending"));
        assertThat(request.getText()).contains(advertiser.name(), "“" + message + "”");
        new Select(request.findElement(By.cssSelector("select.extension-days")))
                .selectByValue("30");
        request.findElement(By.cssSelector("button.approve-extension")).click();

        assertThat(waitForText(card, "Extension approved").getText())
                .contains(advertiser.name() + ": extended by 30 days");
        assertThat(
                        browser.findElements(
                                By.cssSelector(
                                        "#post-" + expiring.itemId() + " .extension.pending")))
                .isEmpty();
        CodeSummary extended = authorizations.codesOf(expiring.itemId()).get(0);
        assertThat(extended.authEndTime()).isEqualTo(end.plus(Duration.ofDays(30)));
        assertThat(text(By.cssSelector("#post-" + expiring.itemId() + " .codes")))
                .contains(minutes(extended.authEndTime()));

        signInAs(advertiser.username());
        open(SPARK_POSTS);
        assertThat(text(row(expiring)))
                .contains("Extension approved: 30 more days", minutes(extended.authEndTime()))
                .doesNotContain("Expires soon");
    }

    private static By row(Post post) {
        return By.id("spark-post-" + post.itemId());
    }
}
