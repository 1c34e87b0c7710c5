package io.sparkads.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.sparkads.authorization.CodeSummary;
import io.sparkads.authorization.SparkCodeStatus;
import io.sparkads.content.Post;
import io.sparkads.content.PostEngagement;
import io.sparkads.content.PostEngagement.Counter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

class CreatorCenterBrowserIT extends BrowserTestBase {
    @Autowired JdbcClient jdbc;

    @Test
    void eachPostShowsOrganicAndPaidEngagementSideBySide() {
        // given: a post with organic engagement and engagement from its Spark ads
        Post post = given.postOfDemoCreator(WebFixtures.unique("Organic and from ads"));
        PostEngagement engagement = new PostEngagement();
        count(engagement, post, false, Counter.VIEWS, 1_200);
        count(engagement, post, false, Counter.LIKES, 56);
        count(engagement, post, false, Counter.COMMENTS, 4);
        count(engagement, post, false, Counter.SHARES, 3);
        count(engagement, post, false, Counter.FOLLOWS, 2);
        count(engagement, post, false, Counter.PROFILE_VISITS, 9);
        count(engagement, post, true, Counter.VIEWS, 340);
        count(engagement, post, true, Counter.LIKES, 7);
        count(engagement, post, true, Counter.COMMENTS, 1);
        count(engagement, post, true, Counter.SHARES, 2);
        count(engagement, post, true, Counter.FOLLOWS, 5);
        count(engagement, post, true, Counter.PROFILE_VISITS, 11);
        posts.add(engagement);

        // when
        signInAs("creator");
        WebElement card = find(By.id("post-" + post.itemId()));

        // then: organic and from ads side by side; the post shows organic views only
        String table = "#post-" + post.itemId() + " table.counters ";
        assertThat(text(By.cssSelector(table + "thead")).toLowerCase())
                .contains("views", "likes", "comments", "shares", "follows", "profile visits");
        assertThat(cells(table + "tr.organic"))
                .containsExactly("Organic", "1,200", "56", "4", "3", "2", "9");
        assertThat(cells(table + "tr.paid"))
                .containsExactly("From ads", "340", "7", "1", "2", "5", "11");
        assertThat(cells(table + "tr.public"))
                .containsExactly("Shown on your post", "1,200", "63", "5", "5", "7", "—");
        assertThat(card.getText()).contains("never change your organic views");
        screenshot(card, "creator-center-organic-and-paid");
    }

    @Test
    void theCreatorCenterHasOneNavigationAndItsButtonSaysThatItTurnsAuthorizationOn() {
        // given
        Post post = given.postOfDemoCreator(WebFixtures.unique("Turn on wording"));
        By button = By.cssSelector("#post-" + post.itemId() + " button.generate");

        // when
        signInAs("creator");
        open("/creator");

        // then: each place the Creator Center leads to is linked once, from the top bar
        assertThat(browser.findElements(By.cssSelector("main a[href='/creator/links']"))).isEmpty();
        assertThat(browser.findElements(By.cssSelector("a[href='/creator/links']"))).hasSize(1);
        assertThat(browser.findElements(By.cssSelector("a[href='/creator/audit']"))).hasSize(1);
        assertThat(browser.getTitle()).isEqualTo("Creator Center · Spark Ads");
        assertThat(text(By.cssSelector(".page-head")))
                .contains("generate an authorization code", "turns on ad authorization");
        assertThat(text(button)).isEqualTo("Turn on and generate code");
        keepScreenshot("creator-center");

        // when: the code is generated, authorization is on, and the button says what it does now
        find(button).click();
        find(By.cssSelector("#post-" + post.itemId() + " .auth-code"));

        // then
        assertThat(text(button)).isEqualTo("Generate another code");
        assertThat(text(By.cssSelector("#post-" + post.itemId() + " .code-row")))
                .contains("Not used");
    }

    @Test
    void theUsageLedgerShowsWhatEachAdAccountsAdsMade() {
        // given: a Spark ad of the demo advertiser on the creator's post, with delivery figures
        var pending = given.pendingAd(WebFixtures.unique("Ledger ad"));
        var ad = pending.ad();
        jdbc.sql(
                        """
                        insert into hourly_rollups (ad_id, hour, advertiser_id, campaign_id, adgroup_id, item_id, spark,
                                                    impressions, video_plays, clicks, likes, comments, shares, follows,
                                                    profile_visits, spend)
                        values (?, ?, ?, ?, ?, ?, true, 1500, 900, 42, 31, 6, 4, 12, 17, 3.75)
                        """)
                .params(
                        ad.id(),
                        Timestamp.from(Instant.now().truncatedTo(ChronoUnit.HOURS)),
                        ad.advertiserId(),
                        ad.campaignId(),
                        ad.adgroupId(),
                        pending.post().itemId())
                .update();

        // when
        signInAs("creator");
        open("/creator/posts/" + pending.post().itemId() + "/usage");

        // then
        WebElement use = find(By.id("usage-" + ad.advertiserId() + "-AUTH_CODE"));
        assertThat(
                        use.findElements(By.cssSelector(".account-paid dd")).stream()
                                .map(WebElement::getText)
                                .toList())
                .containsExactly("1,500", "900", "42", "31", "6", "4", "12", "17", "3.75 USD");
        assertThat(use.findElement(By.cssSelector(".account-paid")).getText())
                .containsIgnoringCase("Profile visits");
        assertThat(cells("#usage-ad-" + ad.id()))
                .containsSubsequence("1,500", "900", "42", "31", "6", "4", "12", "17", "3.75 USD")
                .contains("In review");
        screenshot(find(By.tagName("main")), "usage-ledger-paid-figures");
    }

    private static void count(
            PostEngagement engagement, Post post, boolean paid, Counter counter, int times) {
        for (int i = 0; i < times; i++) {
            if (paid) {
                engagement.paid(post.itemId(), counter);
            } else {
                engagement.organic(post.itemId(), counter, java.time.Instant.now());
            }
        }
    }

    private List<String> cells(String rowSelector) {
        return browser
                .findElements(By.cssSelector(rowSelector + " > th, " + rowSelector + " > td"))
                .stream()
                .map(cell -> cell.getText().strip())
                .toList();
    }

    /**
     * Keeps a picture of the element under target/screenshots, to look at; the page it stands on
     * must speak people's words, as every page a test keeps a picture of.
     */
    private void screenshot(WebElement element, String name) {
        assertPeoplesWords();
        try {
            Path dir = Files.createDirectories(Path.of("target", "screenshots"));
            Files.write(dir.resolve(name + ".png"), element.getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void aGeneratedCodeIsShownOnceAndThenOnlyItsStatus() {
        Post post = given.postOfDemoCreator(WebFixtures.unique("Viral pasta, take two"));
        By card = By.id("post-" + post.itemId());
        signInAs("creator");
        assertThat(text(card)).contains(post.caption(), "No codes issued yet.");

        new Select(find(card).findElement(By.name("days"))).selectByValue("60");
        find(card).findElement(By.cssSelector("button.generate")).click();

        String code = find(By.cssSelector("#post-" + post.itemId() + " .auth-code")).getText();
        CodeSummary issued = authorizations.codesOf(post.itemId()).get(0);
        assertThat(code).startsWith("#").hasSizeGreaterThanOrEqualTo(20);
        assertThat(text(card))
                .contains("shown only once", "Valid until " + minutes(issued.authEndTime()));
        assertThat(text(By.cssSelector("#post-" + post.itemId() + " .codes"))).contains("Not used");
        assertThat(issued.status()).isEqualTo(SparkCodeStatus.NOT_USED);
        assertThat(authorizations.preview(given.demoAdvertiserId(), code).post().itemId())
                .as("the code on the page is the one issued for the post")
                .isEqualTo(post.itemId());

        browser.navigate().refresh();

        assertThat(text(card)).contains(post.caption()).doesNotContain("shown only once");
        assertThat(browser.findElements(By.cssSelector("#post-" + post.itemId() + " .auth-code")))
                .isEmpty();
        assertThat(browser.getPageSource()).doesNotContain(code);
        assertThat(text(By.cssSelector("#post-" + post.itemId() + " .codes")))
                .contains("Not used", minutes(issued.authEndTime()));
    }

    @Test
    void turningAuthorizationOffRevokesEveryCodeOfThePost() {
        Post post = given.postOfDemoCreator(WebFixtures.unique("Morning stretch"));
        given.code(post);
        given.code(post, 7);
        signInAs("creator");

        find(By.cssSelector("#post-" + post.itemId() + " button.turn-off")).click();
        confirm();

        assertThat(waitForText(By.id("post-" + post.itemId()), "Authorization revoked").getText())
                .contains("Revoked")
                .doesNotContain("Not used");
        assertThat(
                        browser.findElements(
                                By.cssSelector(
                                        "#post-"
                                                + post.itemId()
                                                + " button.turn-off, #post-"
                                                + post.itemId()
                                                + " button.revoke-code")))
                .as("nothing left to revoke")
                .isEmpty();
        assertThat(authorizations.codesOf(post.itemId()))
                .hasSize(2)
                .extracting(CodeSummary::status)
                .containsOnly(SparkCodeStatus.REVOKED);
    }

    @Test
    void aCodeThatCannotBeIssuedSaysWhyInThePostsCard() {
        Post post = given.postOfDemoCreator(WebFixtures.unique("Soon private"));
        signInAs("creator");
        posts.changeVisibility(post.itemId(), Post.Visibility.PRIVATE);

        find(By.cssSelector("#post-" + post.itemId() + " button.generate")).click();

        assertThat(waitForText(By.id("post-" + post.itemId()), "only public posts").getText())
                .contains("not public");
        assertThat(authorizations.codesOf(post.itemId())).isEmpty();
    }

    @Test
    void aCreatorCannotIssueCodesForSomeoneElsesPost() {
        Post foreign = given.postOfAnotherCreator();
        signInAs("creator");
        assertThat(pageText()).doesNotContain(foreign.caption());

        Answer answer = postForm("/creator/posts/" + foreign.itemId() + "/codes", "days=30", true);

        assertThat(answer.status()).isEqualTo(404);
        assertThat(authorizations.codesOf(foreign.itemId())).isEmpty();
    }
}
