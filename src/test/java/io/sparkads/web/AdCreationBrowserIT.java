package io.sparkads.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.sparkads.authorization.AccountLinks;
import io.sparkads.authorization.Actor;
import io.sparkads.authorization.LinkRequest;
import io.sparkads.campaigns.Ad;
import io.sparkads.campaigns.AdGroup;
import io.sparkads.campaigns.Ads;
import io.sparkads.campaigns.SparkAdQuota;
import io.sparkads.common.PageRequest;
import io.sparkads.content.Post;
import io.sparkads.support.TestVideos;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;

class AdCreationBrowserIT extends BrowserTestBase {
    private static final By PREVIEW_NAME = By.id("preview-name");
    private static final By PREVIEW_CAPTION = By.id("preview-caption");

    @Autowired SparkAdQuota quota;
    @Autowired AccountLinks links;

    @Test
    void aSparkAdIsCreatedFromAnAppliedPostWithALivePreviewAndWaitsForReview() {
        long advertiserId = given.demoAdvertiserId();
        Post post = given.boundPost(WebFixtures.unique("Five-minute pasta, no oven"));
        AdGroup adGroup = given.adGroup(advertiserId);
        String adName = WebFixtures.unique("Pasta Spark ad");
        signInAs("advertiser");
        open("/ads/adgroups/" + adGroup.id());

        find(By.id("create-ad")).click();
        assertThat(path()).isEqualTo("/ads/adgroups/" + adGroup.id() + "/ads/new");
        assertThat(text(By.id("spark-quota")))
                .contains(
                        "Spark Ads left",
                        String.format("%,d", quota.remaining(advertiserId)),
                        String.format("of %,d", quota.limit()));

        find(By.id("format-spark")).click();
        typeInto(By.id("ad-name"), adName);
        new Select(find(By.id("spark-identity"))).selectByValue("AUTH_CODE:" + post.accountId());
        find(By.id("post-" + post.itemId())).click();

        assertThat(waitForText(PREVIEW_NAME, "Demo Creator").getText()).isEqualTo("Demo Creator");
        assertThat(text(PREVIEW_CAPTION)).isEqualTo(post.caption());
        assertThat(text(By.id("preview-sponsored"))).isEqualTo("Sponsored");
        new Select(find(By.id("call-to-action"))).selectByValue("SHOP_NOW");
        assertThat(text(By.id("preview-cta"))).isEqualTo("Shop now");
        typeInto(By.id("landing-page-url"), "https://shop.example.com/pasta");
        submit();

        Ad created = openedAfterCreation(advertiserId, adGroup);
        assertThat(text(By.id("ad-" + created.id())))
                .contains(adName, post.caption(), "In review", "Shop now")
                .doesNotContain("AD_STATUS_AUDIT", "SHOP_NOW");
        keepScreenshot("list-adgroup-ads");
        assertThat(created.identityType()).isEqualTo("AUTH_CODE");
        assertThat(created.tiktokItemId()).isEqualTo(post.itemId());
        assertThat(created.landingPageUrl()).isEqualTo("https://shop.example.com/pasta");
    }

    @Test
    void aRefusedAdSaysWhyBesideTheFormAndKeepsWhatWasPickedAndTyped() {
        long advertiserId = given.demoAdvertiserId();
        Post post = given.boundPost(WebFixtures.unique("Linen shirts for summer"));
        AdGroup adGroup = given.adGroup(advertiserId);
        String adName = WebFixtures.unique("Plain http");
        signInAs("advertiser");
        open("/ads/adgroups/" + adGroup.id() + "/ads/new");

        typeInto(By.id("ad-name"), adName);
        new Select(find(By.id("spark-identity"))).selectByValue("AUTH_CODE:" + post.accountId());
        find(By.id("post-" + post.itemId())).click();
        typeInto(By.id("landing-page-url"), "http://shop.example.com/linen");
        assertThat(
                        ((JavascriptExecutor) browser)
                                .executeScript(
                                        "return document.getElementById('landing-page-url').validity.patternMismatch"))
                .as("the browser asks for https first")
                .isEqualTo(true);
        withoutBrowserChecks(By.id("ad-form"));
        submit();

        assertThat(path()).isEqualTo("/ads/adgroups/" + adGroup.id() + "/ads/new");
        assertThat(text(By.id("landing-page-url-error")))
                .isEqualTo(
                        "Enter a website address that starts with https://, such as https://shop.example.com/spring");
        assertThat(find(By.id("ad-name")).getDomProperty("value")).isEqualTo(adName);
        assertThat(find(By.id("post-" + post.itemId())).isSelected()).isTrue();
        assertThat(find(By.id("landing-page-url")).getDomProperty("value"))
                .isEqualTo("http://shop.example.com/linen");
        assertThat(waitForText(PREVIEW_CAPTION, post.caption()).getText())
                .isEqualTo(post.caption());
        assertThat(ads.count(advertiserId, inGroup(adGroup))).isZero();
    }

    @Test
    void aNonSparkAdTakesACustomIdentityAnUploadedVideoAndItsOwnText() throws IOException {
        long advertiserId = given.demoAdvertiserId();
        AdGroup adGroup = given.adGroup(advertiserId);
        Path video = TestVideos.file(TestVideos.VERTICAL);
        String identity = WebFixtures.unique("Bloom Shop");
        String adText = "Fresh flowers, delivered today";
        signInAs("advertiser");
        open("/ads/adgroups/" + adGroup.id() + "/ads/new");

        find(By.id("format-non-spark")).click();
        assertThat(browser.findElement(By.id("spark-fields")).isDisplayed()).isFalse();
        typeInto(By.id("ad-name"), WebFixtures.unique("Flowers"));
        typeInto(By.id("new-identity-name"), identity);
        find(By.id("create-identity")).click();
        waitUntil(
                ExpectedConditions.textToBePresentInElementLocated(
                        By.cssSelector("#custom-identity option:checked"), identity));

        find(By.id("video-file")).sendKeys(video.toString());
        waitForText(By.cssSelector("#non-spark-fields .upload-status"), "Uploaded");
        assertThat(find(By.cssSelector("#non-spark-fields .upload-bar")).getDomProperty("value"))
                .isEqualTo("100");
        String videoId =
                browser.findElement(By.cssSelector("#non-spark-fields .upload-video-id"))
                        .getDomProperty("value");
        assertThat(videoId).matches("\\d+");

        typeInto(By.id("ad-text"), adText);
        assertThat(waitForText(PREVIEW_NAME, identity).getText()).isEqualTo(identity);
        assertThat(text(PREVIEW_CAPTION)).isEqualTo(adText);
        WebElement preview = find(By.cssSelector("#ad-preview .preview-video"));
        assertThat(preview.getDomAttribute("src"))
                .as("the private upload's random address, not its id")
                .matches("/videos/[A-Za-z0-9_-]{22}");
        assertThat(preview.getDomAttribute("poster")).endsWith("/poster.jpg");
        waitUntil(
                d ->
                        ((Number)
                                                ((JavascriptExecutor) d)
                                                        .executeScript(
                                                                "return document.querySelector('#ad-preview .preview-video').readyState"))
                                        .intValue()
                                >= 2);
        keepScreenshot("ad-creation-uploaded-video-preview");
        find(By.id("destination-profile")).click();
        submit();
        assertThat(text(By.id("destination-error")))
                .as("a custom identity has no profile page to lead to, said beside the destination")
                .contains("no profile page");
        assertThat(ads.count(advertiserId, inGroup(adGroup))).isZero();

        find(By.id("destination-website")).click();
        typeInto(By.id("landing-page-url"), "https://bloom.example.com/today");
        submit();

        Ad created = openedAfterCreation(advertiserId, adGroup);
        assertThat(text(By.id("ad-" + created.id())))
                .contains(adText, "Non-Spark", "https://bloom.example.com/today", "In review");
        assertThat(created.spark()).isFalse();
        assertThat(created.identityType()).isEqualTo("CUSTOMIZED_USER");
        assertThat(created.videoId()).isEqualTo(Long.parseLong(videoId));
        assertThat(created.landingPageUrl()).isEqualTo("https://bloom.example.com/today");
    }

    @Test
    void anotherAdAccountsAdGroupIsNotFoundOnItsPageItsAdCreationPageAndItsPostPicker() {
        var otherShop = given.newAdvertiser();
        AdGroup theirs = given.adGroup(otherShop.id());
        signInAs("advertiser");

        for (String page :
                List.of(
                        "/ads/adgroups/" + theirs.id(),
                        "/ads/adgroups/" + theirs.id() + "/ads/new",
                        "/ads/adgroups/" + theirs.id() + "/ads/new/posts")) {
            open(page);

            assertThat(text(By.tagName("h1"))).as(page).isEqualTo("This page does not exist");
        }
    }

    @Test
    void aLinkedAccountThatAllowsPublishingTakesANewVideoUploadedWithAProgressBar()
            throws IOException {
        var shop = given.newAdvertiser();
        var creator = given.newCreator();
        List<String> both = List.of("PULL_POSTS", "PUSH_VIDEOS");
        LinkRequest request = links.request(shop.id(), both, Actor.advertiser(shop.id(), null));
        links.approve(
                creator.id(), request.linkCode(), both, true, Actor.creator(creator.id(), null));
        AdGroup adGroup = given.adGroup(shop.id());
        Path video = TestVideos.file(TestVideos.VERTICAL);
        String caption = "Behind the scenes of our spring shoot";
        signInAs(shop.username());
        open("/ads/adgroups/" + adGroup.id() + "/ads/new");

        typeInto(By.id("ad-name"), WebFixtures.unique("Pushed video"));
        new Select(find(By.id("spark-identity"))).selectByValue("TT_USER:" + creator.id());
        find(By.id("post-upload")).click();
        find(By.id("spark-video-file")).sendKeys(video.toString());
        waitForText(By.cssSelector("#spark-upload .upload-status"), "Uploaded");
        String videoId =
                browser.findElement(By.cssSelector("#spark-upload .upload-video-id"))
                        .getDomProperty("value");
        typeInto(By.id("spark-caption"), caption);

        assertThat(waitForText(PREVIEW_NAME, creator.name()).getText()).isEqualTo(creator.name());
        assertThat(text(PREVIEW_CAPTION)).isEqualTo(caption);
        find(By.id("destination-profile")).click();
        submit();

        Ad created = openedAfterCreation(shop.id(), adGroup);
        assertThat(text(By.id("ad-" + created.id())))
                .contains(caption, "new video, published after review", "In review");
        assertThat(created.identityType()).isEqualTo("TT_USER");
        assertThat(created.identityId()).isEqualTo(String.valueOf(creator.id()));
        assertThat(created.tiktokItemId()).as("published only once approved").isNull();
        assertThat(created.videoId()).isEqualTo(Long.parseLong(videoId));
    }

    private void submit() {
        WebElement form = find(By.id("ad-form"));
        find(By.id("submit-ad")).click();
        awaitNextPage(form);
    }

    /**
     * A new ad opens its own page, saying it waits for review; then back on its ad group's page,
     * where its row is.
     */
    private Ad openedAfterCreation(long advertiserId, AdGroup adGroup) {
        Ad created = onlyAdOf(advertiserId, adGroup);
        assertThat(path()).isEqualTo("/ads/ads/" + created.id());
        assertThat(text(By.cssSelector(".alert.success")))
                .isEqualTo("Ad created; it is waiting for review");
        open("/ads/adgroups/" + adGroup.id());
        return created;
    }

    private static Ads.AdListFilter inGroup(AdGroup adGroup) {
        return new Ads.AdListFilter(List.of(), List.of(adGroup.id()), List.of());
    }

    private Ad onlyAdOf(long advertiserId, AdGroup adGroup) {
        List<Ad> all = ads.list(advertiserId, inGroup(adGroup), new PageRequest(1, 10));
        assertThat(all).hasSize(1);
        return all.get(0);
    }
}
