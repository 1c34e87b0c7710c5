package io.sparkads.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.sparkads.authorization.IssuedCode;
import io.sparkads.authorization.SparkCodeStatus;
import io.sparkads.content.Post;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

class AdsManagerBrowserIT extends BrowserTestBase {
    private static final By CODE = By.id("auth-code");
    private static final By PREVIEW = By.cssSelector("#code-panel .preview");

    @Test
    void theAdvertiserFindsSparkAdPostsUnderToolsAndCreativeLibrary() {
        Post bound = given.boundPost(WebFixtures.unique("Already bound"));
        signInAs("advertiser");

        WebElement tools = find(By.id("tools-title")).findElement(By.xpath(".."));
        assertThat(tools.getText()).contains("Tools", "Creative library", "Spark Ad posts");
        tools.findElement(By.cssSelector("a.menu-link")).click();

        assertThat(path()).isEqualTo("/ads/tools/creative-library/spark-posts");
        assertThat(text(By.cssSelector(".breadcrumb")))
                .contains("Ads Manager", "Tools", "Creative library", "Spark Ad posts");
        assertThat(text(By.tagName("h1"))).isEqualTo("Spark Ad posts");
        assertThat(text(By.id("spark-post-" + bound.itemId())))
                .contains(bound.caption(), "Demo Creator", "In use");
        open("/ads");
        keepScreenshot("ads-manager");
    }

    @Test
    void aCreatorsCodeIsPreviewedThenAppliedAndThePostIsListed() {
        Post post = given.postOfDemoCreator(WebFixtures.unique("Denim jacket, three ways"));
        IssuedCode code = given.code(post);
        signInAs("advertiser");
        open("/ads/tools/creative-library/spark-posts");

        typeInto(CODE, code.authCode());
        browser.findElement(By.id("preview-code")).click();

        WebElement preview = waitForText(PREVIEW, post.caption());
        assertThat(preview.getText())
                .contains("Demo Creator", minutes(code.authEndTime()), "Not used");
        assertThat(authorizations.bound(given.demoAdvertiserId(), post.itemId()))
                .as("a preview binds nothing")
                .isEmpty();

        browser.findElement(By.id("confirm-code")).click();

        assertThat(text(By.cssSelector(".alert.success")))
                .isEqualTo("Post added to your Spark Ad posts");
        assertThat(text(By.id("spark-post-" + post.itemId())))
                .contains(post.caption(), "Demo Creator", "In use", minutes(code.authEndTime()));
        assertThat(authorizations.bound(given.demoAdvertiserId(), post.itemId()))
                .hasValueSatisfying(p -> assertThat(p.status()).isEqualTo(SparkCodeStatus.IN_USE));
    }

    @Test
    void anUnknownCodeIsRefusedOnThePageNotWithAnError() {
        signInAs("advertiser");
        open("/ads/tools/creative-library/spark-posts");

        typeInto(CODE, "#not-a-real-code");
        browser.findElement(By.id("preview-code")).click();

        assertThat(waitForText(By.cssSelector("#code-panel .alert.error"), "not a valid").getText())
                .contains("auth_code is not a valid authorization code");
        assertThat(browser.findElements(By.id("confirm-code"))).isEmpty();
        assertThat(text(By.tagName("h1"))).isEqualTo("Spark Ad posts");
    }

    @Test
    void aRevokedCodeCannotBeConfirmed() {
        Post post = given.postOfDemoCreator(WebFixtures.unique("Revoked before use"));
        IssuedCode code = given.code(post);
        given.turnOff(post);
        signInAs("advertiser");
        open("/ads/tools/creative-library/spark-posts");

        typeInto(CODE, code.authCode());
        browser.findElement(By.id("preview-code")).click();

        assertThat(waitForText(PREVIEW, post.caption()).getText())
                .contains("Revoked", "This code can no longer be used");
        assertThat(browser.findElements(By.id("confirm-code"))).isEmpty();
    }
}
