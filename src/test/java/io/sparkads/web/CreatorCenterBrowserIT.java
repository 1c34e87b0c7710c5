package io.sparkads.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.sparkads.authorization.SparkAuthorizations.CodeSummary;
import io.sparkads.authorization.SparkCodeStatus;
import io.sparkads.content.Post;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;

class CreatorCenterBrowserIT extends BrowserTestBase {

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
