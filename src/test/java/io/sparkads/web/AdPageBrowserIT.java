package io.sparkads.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.sparkads.campaigns.Ad;
import io.sparkads.campaigns.AdGroup;
import io.sparkads.campaigns.OperationStatus;
import io.sparkads.review.Review;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * An ad's page: the ad as viewers see it, its status in words, review's outcome and automatic
 * checks, its figures, and what the advertiser does from there (pause, enable, duplicate, edit).
 */
class AdPageBrowserIT extends BrowserTestBase {

    /** An approved Spark ad of a new advertiser, signed in as that advertiser. */
    private WebFixtures.PendingAd approvedAdOfANewAdvertiser(String name) {
        WebFixtures.SignIn shop = given.newAdvertiser();
        AdGroup adGroup = given.adGroup(shop.id());
        WebFixtures.PendingAd pending = given.pendingAd(shop.id(), adGroup, name);
        reviews.decide(pending.review().id(), Review.Decision.APPROVE, null, "reviewer");
        signInAs(shop.username());
        return pending;
    }

    @Test
    void theAdPageShowsTheAdAsViewersSeeItWithItsStatusReviewChecksAndFigures() {
        String name = WebFixtures.unique("Linen shirts");
        WebFixtures.PendingAd approved = approvedAdOfANewAdvertiser(name);
        Ad ad = approved.ad();

        open("/ads/ads/" + ad.id());

        assertThat(text(By.id("ad-name"))).isEqualTo(name);
        WebElement preview = find(By.cssSelector(".viewer"));
        assertThat(text(By.cssSelector(".viewer-name"))).isEqualTo("Demo Creator");
        assertThat(text(By.cssSelector(".viewer-caption"))).isEqualTo(approved.post().caption());
        assertThat(text(By.cssSelector(".viewer-sponsored"))).isEqualTo("Sponsored");
        assertThat(text(By.cssSelector(".viewer-cta"))).isEqualTo("Shop now");
        assertThat(preview.getText()).contains("https://shop.example.com/spring-sale");

        // The ad group starts a year from now: approved, and waiting for its schedule.
        assertThat(text(By.id("ad-status"))).isEqualTo("Scheduled");
        assertThat(find(By.id("ad-status")).getDomAttribute("title"))
                .isEqualTo("The ad group's schedule has not started yet.");
        assertThat(text(By.cssSelector("#status-card [data-api-code]")))
                .isEqualTo("API: AD_STATUS_NOT_START");
        assertThat(text(By.id("review-outcome"))).contains("Approved", "by reviewer");
        assertThat(text(By.id("check-authorization"))).contains("Ad authorization", "Passed");
        assertThat(text(By.id("check-post_public")))
                .contains("Post is public", "Passed", "the post exists and is public");
        assertThat(text(By.id("check-landing_url"))).contains("Landing page", "Passed");
        assertThat(text(By.id("lifetime"))).contains("Impressions", "No impressions yet");
        assertThat(visibleTextOutsideApiDetails())
                .doesNotContain("AD_STATUS_", "SHOP_NOW", "POST_PUBLIC", "LANDING_URL");

        assertThat(find(By.id("ad-campaign")).getDomAttribute("href"))
                .isEqualTo("/ads/campaigns/" + ad.campaignId());
        assertThat(find(By.id("ad-adgroup")).getDomAttribute("href"))
                .isEqualTo("/ads/adgroups/" + ad.adgroupId());
        assertThat(text(By.cssSelector(".breadcrumb"))).contains("Campaigns", name);
        keepScreenshot("ad-page");
    }

    @Test
    void pausingAnAdAsksFirstThenShowsItPausedAndEnablingTurnsItBackOn() {
        Ad ad = approvedAdOfANewAdvertiser(WebFixtures.unique("Pause me")).ad();
        open("/ads/ads/" + ad.id());

        find(By.id("pause-ad")).click();
        confirm();

        assertThat(waitForText(By.cssSelector(".alert.success"), "paused").getText())
                .isEqualTo("Ad paused: it is not shown until you enable it again");
        assertThat(path()).isEqualTo("/ads/ads/" + ad.id());
        assertThat(text(By.id("ad-status"))).isEqualTo("Paused");
        assertThat(ads.get(ad.advertiserId(), ad.id()).operationStatus())
                .isEqualTo(OperationStatus.DISABLE);

        find(By.id("enable-ad")).click();

        assertThat(waitForText(By.cssSelector(".alert.success"), "enabled").getText())
                .startsWith("Ad enabled");
        assertThat(text(By.id("ad-status"))).isEqualTo("Scheduled");
        assertThat(ads.get(ad.advertiserId(), ad.id()).operationStatus())
                .isEqualTo(OperationStatus.ENABLE);
    }

    @Test
    void anAdWhosePostWasRevokedIsNotEnabledAndThePageSaysWhy() {
        WebFixtures.PendingAd revoked = approvedAdOfANewAdvertiser(WebFixtures.unique("Revoked"));
        Ad ad = revoked.ad();
        ads.updateStatus(ad.advertiserId(), java.util.List.of(ad.id()), OperationStatus.DISABLE);
        given.turnOff(revoked.post());
        given.awaitRevoked(ad);
        open("/ads/ads/" + ad.id());

        assertThat(text(By.id("ad-status"))).isEqualTo("Creator revoked the authorization");
        find(By.id("enable-ad")).click();

        assertThat(waitForText(By.cssSelector(".alert.error"), "not enabled").getText())
                .isEqualTo(
                        "The ad was not enabled: the creator revoked the authorization of its post;"
                                + " give it another post to run it again");
        assertThat(ads.get(ad.advertiserId(), ad.id()).operationStatus())
                .isEqualTo(OperationStatus.DISABLE);
    }

    @Test
    void duplicatingAnAdOpensTheCopyWaitingInReview() {
        String name = WebFixtures.unique("Original");
        Ad ad = approvedAdOfANewAdvertiser(name).ad();
        open("/ads/ads/" + ad.id());

        find(By.id("duplicate-ad")).click();
        confirm();

        waitForText(By.cssSelector(".alert.success"), "Copied");
        assertThat(path()).startsWith("/ads/ads/").isNotEqualTo("/ads/ads/" + ad.id());
        long copyId = Long.parseLong(path().substring("/ads/ads/".length()));
        Ad copy = ads.get(ad.advertiserId(), copyId);
        assertThat(text(By.id("ad-name"))).isEqualTo("Copy of " + name);
        assertThat(text(By.id("ad-status"))).isEqualTo("In review");
        assertThat(copy.reviewStatus()).isEqualTo(Ad.ReviewStatus.PENDING);
        assertThat(copy.tiktokItemId()).isEqualTo(ad.tiktokItemId());
        assertThat(copy.adgroupId()).isEqualTo(ad.adgroupId());
        assertThat(copy.callToAction()).isEqualTo(ad.callToAction());
        assertThat(copy.landingPageUrl()).isEqualTo(ad.landingPageUrl());
    }

    @Test
    void editingAnAdShowsEveryProblemBesideItsFieldThenSavesAndComesBack() {
        Ad ad = approvedAdOfANewAdvertiser(WebFixtures.unique("Before")).ad();
        open("/ads/ads/" + ad.id());
        find(By.id("edit-ad")).click();
        assertThat(path()).isEqualTo("/ads/ads/" + ad.id() + "/edit");

        typeInto(By.id("ad-name-input"), " ");
        typeInto(By.id("landing-input"), "http://no-tls.example.com");
        // The browser's own checks would stop these; the server must say the same.
        ((JavascriptExecutor) browser)
                .executeScript("document.getElementById('ad-edit').noValidate = true");
        WebElement form = find(By.id("ad-edit"));
        find(By.id("save-ad")).click();
        awaitNextPage(form);

        assertThat(path()).isEqualTo("/ads/ads/" + ad.id() + "/edit");
        assertThat(text(By.id("adName-error"))).isEqualTo("Enter a name for the ad");
        assertThat(text(By.id("landingPageUrl-error")))
                .isEqualTo("Enter a full https address, like https://shop.example.com/sale");
        assertThat(find(By.id("landing-input")).getDomProperty("value"))
                .isEqualTo("http://no-tls.example.com");
        assertThat(find(By.id("ad-name-input")).getDomAttribute("aria-describedby"))
                .isEqualTo("adName-error");
        keepScreenshot("ad-edit-errors");

        String renamed = WebFixtures.unique("After");
        typeInto(By.id("ad-name-input"), renamed);
        typeInto(By.id("landing-input"), "https://shop.example.com/linen");
        new Select(find(By.id("cta-input"))).selectByValue("LEARN_MORE");
        find(By.id("save-ad")).click();

        waitForText(By.cssSelector(".alert.success"), "Saved");
        assertThat(path()).isEqualTo("/ads/ads/" + ad.id());
        assertThat(text(By.id("ad-name"))).isEqualTo(renamed);
        assertThat(text(By.cssSelector(".alert.success"))).contains("back in review");
        assertThat(text(By.cssSelector(".viewer-cta"))).isEqualTo("Learn more");
        Ad saved = ads.get(ad.advertiserId(), ad.id());
        assertThat(saved.landingPageUrl()).isEqualTo("https://shop.example.com/linen");
        assertThat(saved.reviewStatus()).isEqualTo(Ad.ReviewStatus.PENDING);
    }

    /** The page's text without the small "API: …" details meant for API users. */
    private String visibleTextOutsideApiDetails() {
        return (String)
                ((JavascriptExecutor) browser)
                        .executeScript(
                                "var body = document.body.cloneNode(true);"
                                        + " body.querySelectorAll('[data-api-code]').forEach(function (e) { e.remove(); });"
                                        + " document.documentElement.appendChild(body);"
                                        + " var text = body.innerText; body.remove(); return text;");
    }
}
