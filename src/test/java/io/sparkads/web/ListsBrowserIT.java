package io.sparkads.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.sparkads.campaigns.AdGroup;
import io.sparkads.campaigns.Budget;
import io.sparkads.campaigns.Campaign;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;

/**
 * Issue #11 on the campaigns list, a campaign's ad groups and an ad group's ads: headings that sort
 * on the server, pages that keep the sort and the page size, a bad sort refused with what to write,
 * and long names that wrap instead of widening the table.
 */
class ListsBrowserIT extends BrowserTestBase {

    @Test
    void theCampaignsListSortsByNameBothWaysAndItsPagesKeepTheSort() {
        WebFixtures.SignIn shop = given.newAdvertiser();
        for (String name : List.of("Charlie", "Alpha", "Echo", "Bravo")) {
            given.trafficCampaign(shop.id(), name, Budget.UNLIMITED);
        }
        signInAs(shop.username());
        open("/ads/campaigns?size=3");
        assertThat(names("#campaigns")).containsExactly("Bravo", "Echo", "Alpha");

        click(By.cssSelector("#campaigns a[data-sort=name]"), "#campaigns");
        assertThat(names("#campaigns")).containsExactly("Alpha", "Bravo", "Charlie");
        assertThat(text(By.cssSelector("#campaigns th.sorted .sort-link")))
                .isEqualToIgnoringCase("Campaign▲");
        assertThat(find(By.cssSelector("#campaigns th.sorted")).getDomAttribute("aria-sort"))
                .isEqualTo("ascending");
        keepScreenshot("list-campaigns-sorted");

        click(By.cssSelector(".pager .older"), "#campaigns");
        assertThat(query())
                .containsEntry("sort", "name")
                .containsEntry("dir", "asc")
                .containsEntry("size", "3")
                .containsEntry("page", "2");
        assertThat(names("#campaigns")).containsExactly("Echo");

        click(By.cssSelector("#campaigns a[data-sort=name]"), "#campaigns");
        assertThat(names("#campaigns")).containsExactly("Echo", "Charlie", "Bravo");
        assertThat(text(By.cssSelector("#campaigns th.sorted .sort-link")))
                .isEqualToIgnoringCase("Campaign▼");
        assertThat(find(By.cssSelector("#campaigns th.sorted")).getDomAttribute("aria-sort"))
                .isEqualTo("descending");
        assertThat(query()).containsEntry("size", "3").doesNotContainKey("page");

        find(By.cssSelector("#campaigns tbody input[name=ids]")).click();
        click(By.id("bulk-disable"), "#campaigns");
        assertThat(text(By.cssSelector(".alert.success"))).isEqualTo("1 campaign paused");
        assertThat(query())
                .as("a change comes back to the list sorted as it was")
                .containsEntry("sort", "name")
                .containsEntry("dir", "desc")
                .containsEntry("size", "3");
        assertThat(names("#campaigns")).containsExactly("Echo", "Charlie", "Bravo");
    }

    @Test
    void aCampaignsAdGroupTableSortsByNameAndItsPagesKeepTheSort() {
        WebFixtures.SignIn shop = given.newAdvertiser();
        Campaign campaign = given.trafficCampaign(shop.id(), "Sorted", Budget.UNLIMITED);
        for (String name : List.of("Charlie", "Alpha", "Bravo")) {
            given.adGroup(shop.id(), campaign.id(), WebFixtures.unique(name));
        }
        signInAs(shop.username());
        open("/ads/campaigns/" + campaign.id() + "?size=2");
        assertThat(names("#adgroups")).containsExactly("Bravo", "Alpha");

        click(By.cssSelector("#adgroups a[data-sort=name]"), "#adgroups");
        assertThat(names("#adgroups")).containsExactly("Alpha", "Bravo");
        assertThat(find(By.cssSelector("#adgroups th.sorted")).getDomAttribute("aria-sort"))
                .isEqualTo("ascending");

        click(By.cssSelector(".pager .older"), "#adgroups");
        assertThat(path()).isEqualTo("/ads/campaigns/" + campaign.id());
        assertThat(query())
                .containsEntry("sort", "name")
                .containsEntry("dir", "asc")
                .containsEntry("page", "2");
        assertThat(names("#adgroups")).containsExactly("Charlie");

        click(By.cssSelector("#adgroups a[data-sort=name]"), "#adgroups");
        assertThat(names("#adgroups")).containsExactly("Charlie", "Bravo");
        assertThat(text(By.cssSelector("#adgroups th.sorted .sort-link")))
                .isEqualToIgnoringCase("Ad group▼");
    }

    @Test
    void anAdGroupsAdTableSortsByNameItsPagesKeepTheSortAndAPauseComesBackToIt() {
        WebFixtures.SignIn shop = given.newAdvertiser();
        AdGroup adGroup = given.adGroup(shop.id());
        for (String name : List.of("Charlie", "Alpha", "Bravo")) {
            given.pendingAd(shop.id(), adGroup, WebFixtures.unique(name));
        }
        signInAs(shop.username());
        open("/ads/adgroups/" + adGroup.id() + "?size=2");
        assertThat(names("#ads")).containsExactly("Bravo", "Alpha");

        click(By.cssSelector("#ads a[data-sort=name]"), "#ads");
        assertThat(names("#ads")).containsExactly("Alpha", "Bravo");
        assertThat(find(By.cssSelector("#ads th.sorted")).getDomAttribute("aria-sort"))
                .isEqualTo("ascending");
        keepScreenshot("adgroup-ads-sorted");

        click(By.cssSelector(".pager .older"), "#ads");
        assertThat(path()).isEqualTo("/ads/adgroups/" + adGroup.id());
        assertThat(query())
                .containsEntry("sort", "name")
                .containsEntry("dir", "asc")
                .containsEntry("size", "2")
                .containsEntry("page", "2");
        assertThat(names("#ads")).containsExactly("Charlie");

        find(By.cssSelector("#ads tbody input[name=ids]")).click();
        click(By.id("bulk-disable"), "#ads");
        assertThat(text(By.cssSelector(".alert.success"))).isEqualTo("1 ad paused");
        assertThat(query())
                .as("a change comes back to the ad group's list sorted as it was")
                .containsEntry("sort", "name")
                .containsEntry("dir", "asc")
                .containsEntry("page", "2");
        assertThat(text(By.cssSelector("#ads tbody tr"))).contains("Charlie", "Paused");

        open("/ads/adgroups/" + adGroup.id() + "?sort=budget");
        assertThat(pageText())
                .contains("sort must be one of name, campaign, adgroup, created; was 'budget'");
    }

    @Test
    void aSortTheListDoesNotHaveIsRefusedWithWhatToWrite() {
        WebFixtures.SignIn shop = given.newAdvertiser();
        Campaign campaign = given.trafficCampaign(shop.id(), "Refused", Budget.UNLIMITED);
        signInAs(shop.username());

        open("/ads/campaigns?sort=colour");
        assertThat(pageText())
                .contains("sort must be one of name, status, budget, created; was 'colour'");
        assertThat(browser.getTitle()).doesNotContain("500");

        open("/ads/campaigns/" + campaign.id() + "?sort=name&dir=up");
        assertThat(pageText()).contains("dir must be asc or desc; was 'up'");

        open("/ads/campaigns/" + campaign.id() + "?sort=objective");
        assertThat(pageText())
                .contains(
                        "sort must be one of name, schedule, budget, bid, status, created;"
                                + " was 'objective'");
    }

    @Test
    void atTwelveEightyPixelsALongCampaignNameWrapsInsideTheTable() {
        WebFixtures.SignIn shop = given.newAdvertiser();
        Campaign long_ =
                given.trafficCampaign(
                        shop.id(),
                        "fe274b9261e44177a9ad4ff7d44d4443c134b8df34af4d41a82c5efe274b9261e44177",
                        Budget.UNLIMITED);
        signInAs(shop.username());
        Dimension before = browser.manage().window().getSize();
        try {
            browser.manage().window().setSize(new Dimension(1280, 1000));
            open("/ads/campaigns");
            WebElement title = find(By.cssSelector("#campaign-" + long_.id() + " .row-title"));
            assertThat(title.getDomAttribute("title")).isEqualTo(long_.campaignName());
            WebElement wrap = find(By.cssSelector(".table-wrap"));
            assertThat(fitsItsWidth(wrap))
                    .as("nothing of the campaigns table scrolled out of sight at 1280 px")
                    .isTrue();
        } finally {
            browser.manage().window().setSize(before);
        }
    }

    private void click(By by, String table) {
        WebElement list = find(By.cssSelector(table));
        WebElement link = find(by);
        ((JavascriptExecutor) browser)
                .executeScript("arguments[0].scrollIntoView({block: 'center'})", link);
        link.click();
        awaitNextPage(list);
    }

    /** The first word of each row's name, in the order the table shows them. */
    private List<String> names(String table) {
        return browser.findElements(By.cssSelector(table + " .row-title")).stream()
                .map(link -> link.getText().split(" ")[0])
                .toList();
    }

    private Map<String, String> query() {
        String raw = URI.create(browser.getCurrentUrl()).getQuery();
        Map<String, String> params = new LinkedHashMap<>();
        if (raw != null) {
            for (String pair : raw.split("&")) {
                String[] kv = pair.split("=", 2);
                params.put(kv[0], kv.length > 1 ? kv[1] : "");
            }
        }
        return params;
    }
}
