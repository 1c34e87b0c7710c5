package io.sparkads.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.sparkads.campaigns.Ad;
import io.sparkads.review.Review;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

class ReviewConsoleBrowserIT extends BrowserTestBase {

    @Test
    void theReviewerRejectsAPendingAdWithAReasonTheAdvertiserSees() {
        var pending = given.pendingAd(WebFixtures.unique("Spring sale"));
        By card = By.id("review-" + pending.review().id());
        signInAs("reviewer");
        openPageOfNewestReview();

        assertThat(text(card))
                .contains(
                        pending.ad().adName(),
                        pending.post().caption(),
                        String.valueOf(pending.post().itemId()),
                        "SHOP_NOW",
                        "https://shop.example.com/spring-sale");
        keepScreenshot("review-console");

        find(card).findElement(By.cssSelector("button.reject")).click();

        assertThat(text(By.cssSelector("#review-" + pending.review().id() + " .review-error")))
                .contains("reason is required when rejecting");
        assertThat(ads.find(pending.ad().id()).orElseThrow().reviewStatus())
                .isEqualTo(Ad.ReviewStatus.PENDING);

        String reason = "The landing page sells a different product than the video shows";
        WebElement reasonField = find(card).findElement(By.cssSelector("textarea.reason-input"));
        reasonField.clear();
        reasonField.sendKeys(reason);
        find(card).findElement(By.cssSelector("button.reject")).click();

        assertThat(text(By.cssSelector(".alert.success")))
                .isEqualTo("Rejected “" + pending.ad().adName() + "”: " + reason);
        assertThat(browser.findElements(card)).as("no longer pending").isEmpty();
        Ad rejected = ads.find(pending.ad().id()).orElseThrow();
        assertThat(rejected.reviewStatus()).isEqualTo(Ad.ReviewStatus.REJECTED);
        assertThat(rejected.rejectReason()).isEqualTo(reason);

        signInAs("advertiser");
        open("/ads/ads");
        assertThat(text(By.id("ad-" + pending.ad().id())))
                .contains(pending.ad().adName(), "Rejected in review", reason)
                .doesNotContain("AD_STATUS_AUDIT_DENY");

        open("/ads/adgroups/" + pending.ad().adgroupId());
        assertThat(text(By.id("ad-" + pending.ad().id())))
                .as("the ad group's page says why, where the advertiser manages the ad")
                .contains(pending.ad().adName(), "Rejected in review", reason)
                .doesNotContain("AD_STATUS_AUDIT_DENY");
        keepScreenshot("ad-group-with-rejected-ad");
    }

    @Test
    void theReviewerApprovesAPendingAd() {
        var pending = given.pendingAd(WebFixtures.unique("Summer drop"));
        signInAs("reviewer");
        openPageOfNewestReview();

        find(By.cssSelector("#review-" + pending.review().id() + " button.approve")).click();

        assertThat(text(By.cssSelector(".alert.success")))
                .isEqualTo("Approved “" + pending.ad().adName() + "”");
        assertThat(browser.findElements(By.id("review-" + pending.review().id()))).isEmpty();
        assertThat(ads.find(pending.ad().id()).orElseThrow().reviewStatus())
                .isEqualTo(Ad.ReviewStatus.APPROVED);
    }

    /**
     * The console lists the oldest first, 20 a page; other tests sharing the database may have left
     * reviews pending, so the newest is on the last page.
     */
    private void openPageOfNewestReview() {
        long pending = reviews.count(Review.Status.PENDING);
        open("/review?page=" + Math.max(1, (pending + 19) / 20));
    }
}
