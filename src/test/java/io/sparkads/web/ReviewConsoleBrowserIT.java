package io.sparkads.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.sparkads.campaigns.Ad;
import io.sparkads.campaigns.Ads;
import io.sparkads.campaigns.CustomIdentities;
import io.sparkads.campaigns.CustomIdentity;
import io.sparkads.common.PageRequest;
import io.sparkads.content.AppAccount;
import io.sparkads.content.VideoFile;
import io.sparkads.content.VideoFiles;
import io.sparkads.review.CheckResult;
import io.sparkads.review.Review;
import io.sparkads.support.Eventually;
import io.sparkads.support.TestVideos;
import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;

class ReviewConsoleBrowserIT extends BrowserTestBase {
    /** Codes a reviewer must never read on the console or the history: they get words there. */
    private static final List<String> RAW_CODES =
            List.of(
                    "SHOP_NOW",
                    "LEARN_MORE",
                    "CUSTOMIZED_USER",
                    "AUTH_CODE",
                    "TT_USER",
                    "AUTHORIZATION",
                    "POST_PUBLIC",
                    "POLICY_TERMS",
                    "LANDING_URL",
                    "NEEDS_A_LOOK",
                    "PASSED",
                    "PENDING",
                    "APPROVED",
                    "REJECTED");

    @Test
    void theConsoleShowsTheAdAsViewersSeeItWithItsAdvertiserCreatorAndChecks() {
        var pending = given.pendingAd(WebFixtures.unique("Spring sale"));
        By card = By.id("review-" + pending.review().id());
        AppAccount creator = accounts.get(pending.post().accountId());
        String advertiserName = advertisers.get(pending.ad().advertiserId()).name();
        signInAs("reviewer");

        openPageOfNewestReview();

        assertThat(text(card))
                .contains(
                        pending.ad().adName(),
                        advertiserName,
                        creator.displayName(),
                        "@" + creator.handle(),
                        pending.post().caption(),
                        "Sponsored",
                        "Shop now",
                        "https://shop.example.com/spring-sale")
                .doesNotContain(String.valueOf(pending.ad().advertiserId()));
        WebElement preview = find(card).findElement(By.cssSelector(".viewer"));
        assertThat(preview.getText())
                .contains(creator.displayName(), pending.post().caption(), "Sponsored", "Shop now");
        List<WebElement> checks = find(card).findElements(By.cssSelector(".check"));
        List<CheckResult> expected = pending.review().checks();
        assertThat(checks).hasSize(expected.size()).hasSize(5);
        for (int i = 0; i < expected.size(); i++) {
            assertThat(checks.get(i).findElement(By.cssSelector(".check-name")).getText())
                    .isNotBlank()
                    .isNotEqualTo(expected.get(i).check().name());
            assertThat(checks.get(i).findElement(By.cssSelector(".check-outcome")).getText())
                    .isEqualTo("Passed");
            assertThat(checks.get(i).findElement(By.cssSelector(".check-reason")).getText())
                    .isEqualTo(expected.get(i).reason());
        }
        assertNoRawCodes();
        keepScreenshot("review-console");
    }

    @Autowired VideoFiles videos;
    @Autowired CustomIdentities customIdentities;

    @Test
    void theReviewerWatchesTheAdvertisersOwnVideoBeforeItIsPublished() {
        long advertiserId = given.demoAdvertiserId();
        CustomIdentity shop = customIdentities.create(advertiserId, "Corner Bakery", null);
        byte[] mp4 = TestVideos.bytes(TestVideos.VERTICAL);
        VideoFile video =
                videos.store(
                        advertiserId, "bread.mp4", mp4.length, new ByteArrayInputStream(mp4), null);
        Ad ad =
                ads.create(
                                advertiserId,
                                given.adGroup(advertiserId).id(),
                                List.of(
                                        new Ads.NewAd(
                                                WebFixtures.unique("Own video"),
                                                "CUSTOMIZED_USER",
                                                String.valueOf(shop.id()),
                                                null,
                                                "Fresh bread every morning",
                                                "LEARN_MORE",
                                                "https://shop.example.com/bread",
                                                video.id())))
                        .get(0);
        Review review = pendingReviewOf(ad.id());
        By card = By.id("review-" + review.id());
        signInAs("reviewer");

        openPageOfNewestReview();

        assertThat(find(card).findElement(By.cssSelector(".viewer")).getText())
                .contains("Corner Bakery", "Fresh bread every morning", "Sponsored", "Learn more");
        assertThat(text(card)).contains("Advertiser’s own video");
        WebElement player = find(card).findElement(By.cssSelector("video.viewer-video"));
        assertThat(player.getAttribute("src")).endsWith(video.url());
        assertThat(video.published()).isFalse();
        assertThat(status(video.url(), true)).as("the reviewer may watch it").isEqualTo(200);
        assertThat(status(video.url(), false))
                .as("anyone else still finds nothing before it is published")
                .isEqualTo(404);
        assertNoRawCodes();
    }

    @Test
    void theReviewerRejectsAPendingAdWithAReasonTheAdvertiserSees() {
        var pending = given.pendingAd(WebFixtures.unique("Spring sale"));
        By card = By.id("review-" + pending.review().id());
        signInAs("reviewer");
        openPageOfNewestReview();

        find(card).findElement(By.cssSelector("button.reject")).click();

        assertThat(text(By.cssSelector("#review-" + pending.review().id() + " .review-error")))
                .contains("reason is required when rejecting");
        assertThat(ads.find(pending.ad().id()).orElseThrow().reviewStatus())
                .isEqualTo(Ad.ReviewStatus.PENDING);

        String reason = "The landing page sells a different product than the video shows";
        reject(pending, reason);

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
    void decisionsTakenAreFoundInTheHistoryWhichFiltersByDecision() {
        String marker = WebFixtures.unique("History");
        var toApprove = given.pendingAd(marker + " approve");
        var toReject = given.pendingAd(marker + " reject");
        String advertiserName = advertisers.get(toApprove.ad().advertiserId()).name();
        signInAs("reviewer");
        openPageOfNewestReview();

        find(By.cssSelector("#review-" + toApprove.review().id() + " button.approve")).click();
        assertThat(text(By.cssSelector(".alert.success")))
                .isEqualTo("Approved “" + toApprove.ad().adName() + "”");
        assertThat(browser.findElements(By.id("review-" + toApprove.review().id()))).isEmpty();
        assertThat(ads.find(toApprove.ad().id()).orElseThrow().reviewStatus())
                .isEqualTo(Ad.ReviewStatus.APPROVED);
        String reason = "The video shows a different product";
        openPageOfNewestReview();
        reject(toReject, reason);
        assertThat(text(By.cssSelector(".alert.success"))).contains("Rejected");

        find(By.id("history-link")).click();
        assertThat(path()).isEqualTo("/review/history");
        typeInto(By.id("filter-text"), marker);
        WebElement filters = find(By.id("history-filters"));
        find(By.id("filter-apply")).click();
        awaitNextPage(filters);

        WebElement approvedRow = row(toApprove);
        WebElement rejectedRow = row(toReject);
        assertThat(browser.findElements(By.cssSelector("#history-table tbody tr"))).hasSize(2);
        Review approved = reviews.find(toApprove.review().id()).orElseThrow();
        assertThat(approvedRow.getText())
                .contains(
                        minutes(approved.decidedAt()),
                        toApprove.ad().adName(),
                        advertiserName,
                        "Approved",
                        "reviewer");
        assertThat(rejectedRow.getText())
                .contains(toReject.ad().adName(), advertiserName, "Rejected", reason, "reviewer");
        assertThat(text(By.id("history-count"))).isEqualTo("2 decisions found");
        assertNoRawCodes();
        keepScreenshot("review-history");

        filters = find(By.id("history-filters"));
        new Select(find(By.id("filter-decision"))).selectByVisibleText("Rejected");
        find(By.id("filter-apply")).click();
        awaitNextPage(filters);

        assertThat(browser.findElements(By.cssSelector("#history-table tbody tr")))
                .singleElement()
                .extracting(WebElement::getText)
                .asString()
                .contains(toReject.ad().adName(), reason);
        assertThat(find(By.id("filter-text")).getAttribute("value"))
                .as("the other filters are kept")
                .isEqualTo(marker);
        assertThat(browser.getCurrentUrl()).contains("decision=REJECTED");
        assertNoRawCodes();
    }

    @Test
    void everyFilterProblemIsShownBesideItsFieldAndWhatWasTypedIsKept() {
        signInAs("reviewer");

        open("/review/history?from=2026-12-02&to=2026-12-01&q=Spring");

        assertThat(text(By.id("filter-to-error")))
                .isEqualTo("The last day must be on or after the first day");
        assertThat(find(By.id("filter-to")).getAttribute("aria-invalid")).isEqualTo("true");
        assertThat(find(By.id("filter-text")).getAttribute("value")).isEqualTo("Spring");
        assertThat(find(By.id("filter-from")).getAttribute("value")).isEqualTo("2026-12-02");
        assertThat(browser.findElements(By.id("history-table"))).isEmpty();

        open("/review/history?from=yesterday&decision=MAYBE&q=Spring");

        assertThat(text(By.id("filter-from-error"))).contains("YYYY-MM-DD");
        assertThat(text(By.id("filter-decision-error")))
                .isEqualTo("Choose Approved, Rejected or any decision");
        assertThat(browser.findElements(By.id("filter-to-error"))).isEmpty();
        assertThat(find(By.id("filter-text")).getAttribute("value")).isEqualTo("Spring");
        keepScreenshot("review-history-filter-errors");
    }

    /** The status of a GET from the page, with or without its session cookie. */
    private int status(String path, boolean signedIn) {
        Object status =
                ((JavascriptExecutor) browser)
                        .executeAsyncScript(
                                """
                                const done = arguments[arguments.length - 1];
                                fetch(arguments[0], {credentials: arguments[1] ? 'same-origin' : 'omit'})
                                  .then(r => done(r.status), e => done(0));
                                """,
                                path,
                                signedIn);
        return ((Number) status).intValue();
    }

    private Review pendingReviewOf(long adId) {
        return Eventually.await(
                Duration.ofSeconds(15),
                () ->
                        reviews.list(Review.Status.PENDING, new PageRequest(1, 1000)).stream()
                                .filter(r -> r.adId() == adId)
                                .findFirst()
                                .orElseThrow(
                                        () -> new AssertionError("no pending review of " + adId)));
    }

    private WebElement row(WebFixtures.PendingAd pending) {
        return find(By.cssSelector("tr[data-review-id='" + pending.review().id() + "']"));
    }

    private void reject(WebFixtures.PendingAd pending, String reason) {
        WebElement card = find(By.id("review-" + pending.review().id()));
        WebElement reasonField = card.findElement(By.cssSelector("textarea.reason-input"));
        reasonField.clear();
        reasonField.sendKeys(reason);
        card.findElement(By.cssSelector("button.reject")).click();
        awaitNextPage(card);
    }

    private void assertNoRawCodes() {
        String visible = pageText();
        for (String code : RAW_CODES) {
            assertThat(visible)
                    .as("the page shows words, not the code " + code)
                    .doesNotContain(code);
        }
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
