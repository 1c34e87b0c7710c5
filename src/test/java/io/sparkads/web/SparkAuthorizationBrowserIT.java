package io.sparkads.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.sparkads.authorization.AccountLink;
import io.sparkads.authorization.AccountLinks;
import io.sparkads.authorization.CodeAttemptLimiter;
import io.sparkads.authorization.CodeSummary;
import io.sparkads.authorization.SparkCodeStatus;
import io.sparkads.content.Post;
import io.sparkads.web.WebFixtures.SignIn;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Issue 3 in the browser: a code goes from the Creator Center to the Ads Manager and the creator
 * takes it back; an account link requested in the Ads Manager is approved in the Creator Center;
 * guessing codes ends on the "too many attempts" page.
 */
class SparkAuthorizationBrowserIT extends BrowserTestBase {
    private static final String SPARK_POSTS = "/ads/tools/creative-library/spark-posts";
    private static final By CODE = By.id("auth-code");
    private static final By PREVIEW = By.cssSelector("#code-panel .preview");

    /** How the server may see the browser's address: it reaches localhost over IPv4 or IPv6. */
    private static final List<String> LOCAL_ADDRESSES =
            List.of("127.0.0.1", "0:0:0:0:0:0:0:1", "::1");

    @Autowired AccountLinks links;
    @Autowired CodeAttemptLimiter limiter;

    @Test
    void aCodeIssuedInTheCreatorCenterIsAppliedInTheAdsManagerAndRevokedByTheCreator() {
        Post post = given.postOfDemoCreator(WebFixtures.unique("Sunset timelapse"));
        By card = By.id("post-" + post.itemId());
        By library = By.id("spark-post-" + post.itemId());

        // The creator issues a code for the post.
        signInAs("creator");
        find(card).findElement(By.cssSelector("button.generate")).click();
        String code = find(By.cssSelector("#post-" + post.itemId() + " .auth-code")).getText();

        // The advertiser previews it, confirms, and sees the post in their Spark Ad posts.
        signInAs("advertiser");
        open(SPARK_POSTS);
        typeInto(CODE, code);
        browser.findElement(By.id("preview-code")).click();
        assertThat(waitForText(PREVIEW, post.caption()).getText())
                .contains("Demo Creator", "Not used");
        browser.findElement(By.id("confirm-code")).click();
        assertThat(text(By.cssSelector(".alert.success")))
                .isEqualTo("Post added to your Spark Ad posts");
        assertThat(text(library)).contains(post.caption(), "In use");

        // The creator sees who uses the post, then revokes the code.
        signInAs("creator");
        CodeSummary issued = authorizations.codesOf(post.itemId()).get(0);
        By codeRow = By.id("code-row-" + issued.codeId());
        assertThat(text(codeRow)).contains("In use", "1 ad account");
        find(card).findElement(By.cssSelector("a.usage-link")).click();
        assertThat(text(By.tagName("h1"))).isEqualTo(post.caption());
        assertThat(text(By.id("usage-" + given.demoAdvertiserId() + "-AUTH_CODE")))
                .contains("Demo Advertiser", "Through an authorization code", "In use");
        browser.navigate().back();

        find(By.cssSelector("#code-row-" + issued.codeId() + " button.revoke-code")).click();
        confirm();

        assertThat(waitForText(card, "Code revoked").getText())
                .contains("ads of the ad accounts that applied it stop now");
        assertThat(text(codeRow)).contains("Revoked").doesNotContain("In use");
        assertThat(browser.findElements(By.cssSelector("#code-row-" + issued.codeId() + " button")))
                .as("a revoked code has nothing left to revoke")
                .isEmpty();
        assertThat(authorizations.codesOf(post.itemId()))
                .extracting(CodeSummary::status)
                .containsExactly(SparkCodeStatus.REVOKED);

        // The creator's audit trail says who revoked it and from where.
        browser.findElement(By.linkText("Audit trail")).click();
        WebElement revoked = auditRow("CODE_REVOKED", post);
        assertThat(revoked.getText()).contains("Code revoked", "You", "1 ad account(s) affected");
        assertThat(revoked.findElement(By.cssSelector(".client-address")).getText())
                .as("a loopback address reads as this computer")
                .isEqualTo("this computer");
        assertThat(revoked.findElement(By.cssSelector(".client-address")).getAttribute("title"))
                .isIn(LOCAL_ADDRESSES);
        assertThat(auditRow("CODE_APPLIED", post).getText())
                .as("the creator sees the advertiser's person who applied the code")
                .contains("Code applied", "advertiser (Demo Advertiser)");
        assertThat(browser.getTitle()).isEqualTo("Audit trail · Creator Center · Spark Ads");
        keepScreenshot("audit-trail-creator");

        // The advertiser sees the post as revoked, and may now unbind it.
        signInAs("advertiser");
        open(SPARK_POSTS);
        assertThat(text(library)).contains(post.caption(), "Revoked").doesNotContain("In use");
        assertThat(find(library).findElements(By.cssSelector("button.unbind"))).hasSize(1);

        // The ad account's audit trail shows the code it applied: who, for which ad account, and
        // from where; a code applied with no person known (an API token) keeps the ad account.
        Post applied = given.boundPost(WebFixtures.unique("Applied by a token"));
        browser.findElement(By.linkText("Audit trail")).click();
        WebElement byPerson = auditRow("CODE_APPLIED", post);
        assertThat(byPerson.getText())
                .contains("Code applied", "Demo Creator", "@demo.creator")
                .contains("advertiser (Demo Advertiser)")
                .doesNotContain("this ad account");
        assertThat(byPerson.findElement(By.cssSelector(".who")).getText())
                .isEqualTo("advertiser (Demo Advertiser)");
        assertThat(byPerson.findElement(By.cssSelector(".client-address")).getText())
                .isEqualTo("this computer");
        assertThat(auditRow("CODE_APPLIED", applied).findElement(By.cssSelector(".who")).getText())
                .isEqualTo("Demo Advertiser (this ad account)");
        assertThat(browser.getTitle()).isEqualTo("Audit trail · Ads Manager · Spark Ads");
        keepScreenshot("audit-trail-advertiser");
    }

    @Test
    void aLinkRequestCreatedInTheAdsManagerIsApprovedInTheCreatorCenter() {
        SignIn advertiser = given.newAdvertiser();
        SignIn creator = given.newCreator();

        // The advertiser asks for both permissions and gets a link code, shown once.
        signInAs(advertiser.username());
        browser.findElement(By.linkText("Linked accounts")).click();
        assertThat(text(By.tagName("h1"))).isEqualTo("Linked accounts");

        // Asking for nothing is refused with what to do, and creates no request.
        find(By.id("ask-pull-posts")).click();
        browser.findElement(By.id("create-link-request")).click();
        assertThat(text(By.cssSelector(".alert.error")))
                .isEqualTo("Tick at least one permission to ask the creator for.");
        assertThat(links.ofAdvertiser(advertiser.id())).isEmpty();
        assertThat(find(By.id("ask-pull-posts")).isSelected()).isTrue();

        find(By.id("ask-push-videos")).click();
        browser.findElement(By.id("create-link-request")).click();

        String linkCode = text(By.id("link-code"));
        AccountLink request = links.ofAdvertiser(advertiser.id()).get(0);
        assertThat(linkCode).startsWith("L-");
        assertThat(text(By.id("link-created")))
                .contains("shown only once", minutes(request.expireTime()));
        assertThat(text(By.id("link-" + request.id()))).contains("Pending", "Not approved yet");

        browser.navigate().refresh();
        assertThat(browser.findElements(By.id("link-code"))).isEmpty();
        assertThat(browser.getPageSource()).doesNotContain(linkCode);

        // The creator enters the code, allows both, and chooses profile and ads for pushed videos.
        signInAs(creator.username());
        browser.findElement(By.linkText("Account links")).click();
        typeInto(By.id("link-code"), linkCode);
        assertThat(find(By.id("grant-pull-posts")).isSelected()).isTrue();
        find(By.id("grant-push-videos")).click();
        find(By.id("scope-profile-and-ads")).click();
        browser.findElement(By.id("approve-link-request")).click();

        assertThat(text(By.cssSelector(".alert.success")))
                .startsWith("Linked: the advertiser may now use your public posts as ads");
        assertThat(text(By.id("link-" + request.id())))
                .contains(
                        advertiser.name(),
                        "Use existing posts",
                        "Publish new videos",
                        "Pushed videos: profile and ads");
        keepScreenshot("creator-links");
        assertThat(pageText())
                .as("permissions in words")
                .doesNotContain("PULL_POSTS", "PUSH_VIDEOS");
        assertThat(links.active(advertiser.id(), creator.id()))
                .hasValueSatisfying(link -> assertThat(link.adsOnly()).isFalse());

        // A mistyped code is refused, and the form keeps what the creator entered.
        typeInto(By.id("link-code"), "L-MISTYPED");
        find(By.id("grant-push-videos")).click();
        find(By.id("scope-profile-and-ads")).click();
        browser.findElement(By.id("approve-link-request")).click();

        assertThat(text(By.cssSelector(".alert.error"))).contains("not a valid link code");
        assertThat(browser.findElements(By.cssSelector(".alert.success"))).isEmpty();
        assertThat(find(By.id("link-code")).getAttribute("value")).isEqualTo("L-MISTYPED");
        assertThat(find(By.id("grant-pull-posts")).isSelected()).isTrue();
        assertThat(find(By.id("grant-push-videos")).isSelected()).isTrue();
        assertThat(find(By.id("scope-profile-and-ads")).isSelected()).isTrue();

        // The advertiser sees the account linked, and either side can unlink.
        signInAs(advertiser.username());
        open("/ads/tools/linked-accounts");
        By row = By.id("link-" + request.id());
        assertThat(text(row)).contains("Linked", creator.name(), "@" + creator.username());
        keepScreenshot("linked-accounts");
        assertThat(pageText())
                .as("permissions in words")
                .doesNotContain("PULL_POSTS", "PUSH_VIDEOS");

        find(row).findElement(By.cssSelector("button.unlink")).click();
        confirm();

        assertThat(text(By.cssSelector(".alert.success")))
                .isEqualTo(
                        "Unlinked @"
                                + creator.username()
                                + ": your ads using this account stop now.");
        assertThat(text(row)).contains("Unlinked");
        assertThat(find(row).findElements(By.cssSelector("button.unlink"))).isEmpty();
        assertThat(links.active(advertiser.id(), creator.id())).isEmpty();
    }

    @Test
    void theEleventhWrongCodeGetsTheTooManyAttemptsPageWithStatus429() {
        // An ad account of its own: the limit it reaches lasts the whole window.
        SignIn advertiser = given.newAdvertiser();
        assertThat(limiter.perAdvertiser()).as("failed codes allowed per ad account").isEqualTo(10);
        signInAs(advertiser.username());
        open(SPARK_POSTS);

        for (int attempt = 1; attempt <= 10; attempt++) {
            WebElement panel = find(By.id("code-panel"));
            typeInto(CODE, "#not-a-code-" + attempt);
            browser.findElement(By.id("preview-code")).click();
            awaitNextPage(panel);
            assertThat(text(By.cssSelector("#code-panel .alert.error")))
                    .as("attempt %d", attempt)
                    .contains("not a valid authorization code");
        }

        typeInto(CODE, "#not-a-code-11");
        browser.findElement(By.id("preview-code")).click();

        assertThat(waitForText(By.tagName("h1"), "Too many attempts").getText())
                .isEqualTo("Too many attempts");
        assertThat(text(By.cssSelector(".error-code"))).isEqualTo("429");
        assertThat(text(By.cssSelector(".error-message")))
                .startsWith("Too many invalid authorization codes from this ad account")
                .contains("try again in");
        assertThat(pageText()).contains("Wait a few minutes, then try again");

        // What the browser does not show: the status itself, with or without htmx.
        Answer plain = postForm(SPARK_POSTS + "/preview", "code=%23not-a-code-12", false);
        assertThat(plain.status()).isEqualTo(429);
        assertThat(plain.body()).contains("Too many attempts", "try again in");
        assertThat(postForm(SPARK_POSTS + "/preview", "code=%23not-a-code-13", true).status())
                .isEqualTo(429);
        assertThat(postForm(SPARK_POSTS + "/apply", "code=%23not-a-code-14", false).status())
                .isEqualTo(429);
    }

    /** The audit trail's row of an action on the post; the trail is shared by every test. */
    private WebElement auditRow(String action, Post post) {
        find(By.id("audit"));
        return browser
                .findElements(By.cssSelector("#audit tr.audit-row[data-action=" + action + "]"))
                .stream()
                .filter(row -> row.getText().contains(String.valueOf(post.itemId())))
                .findFirst()
                .orElseThrow(
                        () ->
                                new AssertionError(
                                        "no "
                                                + action
                                                + " of post "
                                                + post.itemId()
                                                + " in "
                                                + text(By.id("audit"))));
    }
}
