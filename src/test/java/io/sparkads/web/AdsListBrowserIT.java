package io.sparkads.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.sparkads.campaigns.Ad;
import io.sparkads.campaigns.AdGroup;
import io.sparkads.campaigns.OperationStatus;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * Ads Manager › Ads: rows that lead to the ad, its campaign and its ad group; enabling and pausing
 * several at once; headings that sort; pages that keep the filters; a table that fits the window.
 */
class AdsListBrowserIT extends BrowserTestBase {

    @Test
    void checkedAdsArePausedTogetherAndAnAdThatCannotRunIsNamedWhenEnabling() {
        WebFixtures.SignIn shop = given.newAdvertiser();
        AdGroup adGroup = given.adGroup(shop.id());
        Ad first = given.pendingAd(shop.id(), adGroup, WebFixtures.unique("First")).ad();
        Ad second = given.pendingAd(shop.id(), adGroup, WebFixtures.unique("Second")).ad();
        WebFixtures.PendingAd third =
                given.pendingAd(shop.id(), adGroup, WebFixtures.unique("Third"));
        signInAs(shop.username());
        open("/ads/ads");

        find(By.id("select-ad-" + first.id())).click();
        find(By.id("select-ad-" + second.id())).click();
        assertThat(text(By.cssSelector("[data-selected-count=ads-bulk]"))).isEqualTo("2 selected");
        press(By.id("bulk-pause"));
        confirm();

        assertThat(waitForText(By.cssSelector(".alert.success"), "paused").getText())
                .isEqualTo("2 ads paused");
        assertThat(path()).isEqualTo("/ads/ads");
        // Still waiting for review, and paused: both show.
        assertThat(text(By.id("ad-" + first.id()))).contains("In review", "Paused");
        assertThat(text(By.id("ad-" + second.id()))).contains("In review", "Paused");
        assertThat(text(By.id("ad-" + third.ad().id())))
                .contains("In review")
                .doesNotContain("Paused");
        assertThat(ads.get(shop.id(), first.id()).operationStatus())
                .isEqualTo(OperationStatus.DISABLE);
        assertThat(ads.get(shop.id(), third.ad().id()).operationStatus())
                .isEqualTo(OperationStatus.ENABLE);

        given.turnOff(third.post());
        given.awaitRevoked(third.ad());
        open("/ads/ads");
        press(By.id("select-all-ads"));
        press(By.id("bulk-enable"));

        assertThat(waitForText(By.cssSelector(".alert.success"), "enabled").getText())
                .isEqualTo("2 ads enabled");
        assertThat(text(By.cssSelector(".alert.error")))
                .isEqualTo(
                        "“"
                                + third.ad().adName()
                                + "” was not enabled: the creator revoked the authorization of its"
                                + " post; give it another post to run it again");
        assertThat(ads.get(shop.id(), first.id()).operationStatus())
                .isEqualTo(OperationStatus.ENABLE);
        assertThat(text(By.id("ad-" + third.ad().id())))
                .contains("Creator revoked the authorization");
    }

    @Test
    void rowsLeadToTheAdItsCampaignAndItsAdGroup() {
        WebFixtures.SignIn shop = given.newAdvertiser();
        AdGroup adGroup = given.adGroup(shop.id());
        Ad ad = given.pendingAd(shop.id(), adGroup, WebFixtures.unique("Linked")).ad();
        signInAs(shop.username());
        open("/ads/ads");

        WebElement row = find(By.id("ad-" + ad.id()));
        assertThat(row.findElement(By.cssSelector(".campaign-link")).getDomAttribute("href"))
                .isEqualTo("/ads/campaigns/" + ad.campaignId());
        assertThat(row.findElement(By.cssSelector(".adgroup-link")).getText())
                .isEqualTo(adGroup.adgroupName());
        assertThat(row.getText()).contains("Shop now", "In review").doesNotContain("SHOP_NOW");
        row.findElement(By.cssSelector(".ad-link")).click();

        assertThat(path()).isEqualTo("/ads/ads/" + ad.id());
        assertThat(text(By.id("ad-name"))).isEqualTo(ad.adName());
    }

    @Test
    void aHandWrittenAddressWithAWordForANumberIsRefusedWithWhatToWrite() {
        signInAs(given.newAdvertiser().username());
        open("/ads/ads?campaign=spring&sort=whatever");

        assertThat(pageText()).contains("campaign must be a campaign's id; was 'spring'");
        assertThat(browser.getTitle()).doesNotContain("500");
    }

    @Test
    void headingsSortTheListAndThePagesKeepTheFilterAndTheSort() {
        WebFixtures.SignIn shop = given.newAdvertiser();
        AdGroup kept = given.adGroup(shop.id());
        AdGroup other = given.adGroup(shop.id());
        for (String name : List.of("Charlie", "Alpha", "Echo", "Bravo")) {
            given.pendingAd(shop.id(), kept, name + " " + WebFixtures.unique("ad"));
        }
        given.pendingAd(shop.id(), other, "Delta " + WebFixtures.unique("ad"));
        signInAs(shop.username());
        open("/ads/ads?size=3");

        new Select(find(By.id("filter-campaign"))).selectByValue(String.valueOf(kept.campaignId()));
        WebElement list = find(By.id("ads"));
        find(By.id("apply-filter")).click();
        awaitNextPage(list);
        assertThat(text(By.id("ads-count"))).isEqualTo("4 ads match");

        list = find(By.id("ads"));
        find(By.cssSelector("a[data-sort=name]")).click();
        awaitNextPage(list);
        assertThat(adNames()).containsExactly("Alpha", "Bravo", "Charlie");
        assertThat(text(By.cssSelector("th.sorted .sort-link"))).isEqualToIgnoringCase("Ad▲");
        assertThat(find(By.cssSelector("th.sorted")).getDomAttribute("aria-sort"))
                .isEqualTo("ascending");

        list = find(By.id("ads"));
        find(By.cssSelector(".pager .older")).click();
        awaitNextPage(list);
        assertThat(query())
                .containsEntry("campaign", String.valueOf(kept.campaignId()))
                .containsEntry("sort", "name")
                .containsEntry("dir", "asc")
                .containsEntry("size", "3")
                .containsEntry("page", "2");
        assertThat(adNames()).containsExactly("Echo");
        assertThat(new Select(find(By.id("filter-campaign"))).getFirstSelectedOption().getText())
                .isEqualTo(campaigns.get(shop.id(), kept.campaignId()).campaignName());

        list = find(By.id("ads"));
        find(By.cssSelector("a[data-sort=name]")).click();
        awaitNextPage(list);
        assertThat(adNames()).containsExactly("Echo", "Charlie", "Bravo");
        assertThat(text(By.cssSelector("th.sorted .sort-link"))).isEqualToIgnoringCase("Ad▼");
        assertThat(query()).doesNotContainKey("page");
    }

    @Test
    void atFourteenHundredAndTwelveEightyPixelsTheTableWithFiguresFitsTheWindow() {
        WebFixtures.SignIn shop = given.newAdvertiser();
        AdGroup adGroup = given.adGroup(shop.id());
        WebFixtures.PendingAd revoked =
                given.pendingAd(
                        shop.id(),
                        adGroup,
                        "A long ad name that goes on and on about linen shirts "
                                + WebFixtures.unique("for summer"));
        given.pendingAd(
                shop.id(),
                adGroup,
                WebFixtures.unique("fe274b9261e44177a9ad4ff7d44d4443c134b8df34af4d41a82c5e"));
        given.turnOff(revoked.post());
        given.awaitRevoked(revoked.ad());
        signInAs(shop.username());
        Dimension before = browser.manage().window().getSize();
        try {
            for (int width : List.of(1400, 1280)) {
                browser.manage().window().setSize(new Dimension(width, 1000));
                open("/ads/ads");
                waitUntil(d -> !d.findElements(By.cssSelector("table#ads.with-figures")).isEmpty());
                assertThat(text(By.id("ad-" + revoked.ad().id())))
                        .contains("Creator revoked the authorization");
                keepScreenshot("ads-list-" + width);

                double viewport =
                        ((Number)
                                        ((JavascriptExecutor) browser)
                                                .executeScript(
                                                        "return document.documentElement.clientWidth"))
                                .doubleValue();
                List<WebElement> headings = browser.findElements(By.cssSelector("#ads thead th"));
                assertThat(headings).hasSizeGreaterThan(8);
                WebElement last = headings.get(headings.size() - 1);
                assertThat(right(last))
                        .as("the last column's right edge at " + width + " px")
                        .isLessThanOrEqualTo(viewport);
                WebElement wrap = find(By.cssSelector(".table-wrap"));
                assertThat(right(last))
                        .as("the last column's right edge at " + width + " px, in its box")
                        .isLessThanOrEqualTo(right(wrap));
                assertThat(right(find(By.id("ads"))))
                        .as("the table's right edge at " + width + " px")
                        .isLessThanOrEqualTo(Math.min(viewport, right(wrap)));
                assertThat(fitsItsWidth(wrap))
                        .as("nothing of the table scrolled out of sight at " + width + " px")
                        .isTrue();
            }
        } finally {
            browser.manage().window().setSize(before);
        }
    }

    /** Clicks the element in the middle of the window, clear of the sticky top bar. */
    private void press(By by) {
        WebElement element = find(by);
        ((JavascriptExecutor) browser)
                .executeScript("arguments[0].scrollIntoView({block: 'center'})", element);
        element.click();
    }

    private double right(WebElement element) {
        return ((Number)
                        ((JavascriptExecutor) browser)
                                .executeScript(
                                        "return arguments[0].getBoundingClientRect().right",
                                        element))
                .doubleValue();
    }

    private List<String> adNames() {
        return browser.findElements(By.cssSelector("#ads .ad-link")).stream()
                .map(link -> link.getText().split(" ")[0])
                .toList();
    }

    private Map<String, String> query() {
        String raw = URI.create(browser.getCurrentUrl()).getQuery();
        Map<String, String> params = new java.util.LinkedHashMap<>();
        if (raw != null) {
            for (String pair : raw.split("&")) {
                String[] kv = pair.split("=", 2);
                params.put(kv[0], kv.length > 1 ? kv[1] : "");
            }
        }
        return params;
    }
}
