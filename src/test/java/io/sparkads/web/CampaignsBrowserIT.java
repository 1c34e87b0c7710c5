package io.sparkads.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.sparkads.campaigns.AdGroup;
import io.sparkads.campaigns.Budget;
import io.sparkads.campaigns.BudgetMode;
import io.sparkads.campaigns.Campaign;
import io.sparkads.campaigns.OperationStatus;
import io.sparkads.campaigns.OptimizationGoal;
import io.sparkads.campaigns.PacingMode;
import io.sparkads.common.PageRequest;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

class CampaignsBrowserIT extends BrowserTestBase {

    @Test
    void aCampaignCreatedThroughTheFormIsListedAndBulkDisableChangesItsStatus() {
        var shop = given.newAdvertiser();
        signInAs(shop.username());
        find(By.id("menu-campaigns")).click();
        assertThat(path()).isEqualTo("/ads/campaigns");
        assertThat(browser.findElements(By.tagName("form")))
                .as("the list comes first; creating is a page of its own")
                .noneMatch(f -> "campaign-form".equals(f.getDomAttribute("id")));
        find(By.id("new-campaign")).click();
        assertThat(path()).isEqualTo("/ads/campaigns/new");

        String name = WebFixtures.unique("Spring sale");
        typeInto(By.id("campaign-name"), name);
        new Select(find(By.id("objective-type"))).selectByValue("VIDEO_VIEWS");
        new Select(find(By.id("budget-mode"))).selectByValue("BUDGET_MODE_DAY");
        typeInto(By.id("campaign-budget"), "75.50");
        submit(By.id("create-campaign"));

        Campaign created = onlyCampaignOf(shop.id());
        assertThat(path()).isEqualTo("/ads/campaigns/" + created.id());
        assertThat(text(By.cssSelector(".alert.success")))
                .isEqualTo("Campaign “" + name + "” created");
        find(By.cssSelector(".breadcrumb a[href='/ads/campaigns']")).click();
        By row = By.id("campaign-" + created.id());
        assertThat(text(row)).contains(name, "Video views", "75.50 daily", "Enabled");
        keepScreenshot("list-campaigns");

        find(By.id("select-campaign-" + created.id())).click();
        submit(By.id("bulk-disable"));

        assertThat(text(By.cssSelector(".alert.success"))).isEqualTo("1 campaign paused");
        assertThat(text(By.cssSelector("#campaign-" + created.id() + " .operation-status")))
                .isEqualTo("Paused");
        assertThat(campaigns.get(shop.id(), created.id()).operationStatus())
                .isEqualTo(OperationStatus.DISABLE);
    }

    @Test
    void aRefusedCampaignSaysWhyBesideItsFieldAndKeepsWhatWasTyped() {
        var shop = given.newAdvertiser();
        signInAs(shop.username());
        open("/ads/campaigns/new");

        String name = WebFixtures.unique("Zero budget");
        typeInto(By.id("campaign-name"), name);
        new Select(find(By.id("budget-mode"))).selectByValue("BUDGET_MODE_TOTAL");
        typeInto(By.id("campaign-budget"), "0");
        withoutBrowserChecks(By.id("campaign-form"));
        submit(By.id("create-campaign"));

        assertThat(path()).isEqualTo("/ads/campaigns/new");
        assertThat(text(By.id("campaign-budget-error")))
                .isEqualTo("Enter a lifetime budget greater than 0");
        assertThat(find(By.id("campaign-name")).getDomProperty("value")).isEqualTo(name);
        assertThat(new Select(find(By.id("budget-mode"))).getFirstSelectedOption().getText())
                .isEqualTo("Lifetime");
        assertThat(find(By.id("campaign-budget")).getDomProperty("value")).isEqualTo("0");
        assertThat(campaigns.count(shop.id(), List.of())).isZero();
    }

    @Test
    void aRefusedRowEditShowsTheProblemBesideTheFieldInItsOpenRow() {
        var shop = given.newAdvertiser();
        Campaign campaign =
                given.trafficCampaign(
                        shop.id(),
                        "Daily push",
                        new Budget(BudgetMode.BUDGET_MODE_DAY, new BigDecimal("40")));
        signInAs(shop.username());
        open("/ads/campaigns");

        find(By.cssSelector("#campaign-" + campaign.id() + " summary.edit")).click();
        typeInto(By.id("campaign-" + campaign.id() + "-name"), " ");
        typeInto(By.id("campaign-" + campaign.id() + "-budget"), "-3");
        withoutBrowserChecks(By.cssSelector("#campaign-" + campaign.id() + " form"));
        submit(By.cssSelector("#campaign-" + campaign.id() + " button.save"));

        assertThat(path()).isEqualTo("/ads/campaigns");
        assertThat(text(By.id("campaign-" + campaign.id() + "-name-error")))
                .isEqualTo("Enter a name for the campaign");
        assertThat(text(By.id("campaign-" + campaign.id() + "-budget-error")))
                .isEqualTo("Enter a daily budget greater than 0");
        assertThat(
                        find(By.id("campaign-" + campaign.id() + "-budget"))
                                .getDomAttribute("aria-describedby"))
                .isEqualTo("campaign-" + campaign.id() + "-budget-error");
        assertThat(find(By.id("campaign-" + campaign.id() + "-budget")).getDomProperty("value"))
                .isEqualTo("-3");
        keepScreenshot("form-campaign-row-edit-errors");
        assertThat(campaigns.get(shop.id(), campaign.id()).budget())
                .isEqualByComparingTo(new BigDecimal("40"));
    }

    @Test
    void anAdGroupCreatedThroughTheFormIsListedUnderItsCampaign() {
        var shop = given.newAdvertiser();
        Campaign campaign = given.trafficCampaign(shop.id(), "Traffic push", Budget.UNLIMITED);
        signInAs(shop.username());
        open("/ads/campaigns");
        find(By.linkText(campaign.campaignName())).click();
        find(By.id("new-adgroup")).click();
        assertThat(path()).isEqualTo("/ads/campaigns/" + campaign.id() + "/adgroups/new");

        String name = WebFixtures.unique("Young US and Canada");
        typeInto(By.id("adgroup-name"), name);
        find(By.id("placement-TOPVIEW")).click();
        typeInto(By.id("topview-impressions"), "50000");
        assertThat(browser.findElement(By.id("frequency")).isDisplayed())
                .as("a TopView viewer sees the ad once a day: no frequency cap to set")
                .isFalse();
        typeInto(By.id("locations"), "us, ca");
        find(By.id("age-AGE_18_24")).click();
        find(By.id("age-AGE_25_34")).click();
        new Select(find(By.id("gender"))).selectByValue("GENDER_FEMALE");
        find(By.id("os-IOS")).click();
        assertThat(
                        new Select(find(By.id("billing-event")))
                                .getFirstSelectedOption()
                                .getDomAttribute("value"))
                .as("TopView is billed by CPM")
                .isEqualTo("CPM");
        typeInto(By.id("bid-price"), "9.5");
        assertThat(browser.findElement(By.id("pacing-field")).isDisplayed())
                .as("no budget limit: nothing to pace")
                .isFalse();
        new Select(find(By.id("adgroup-budget-mode"))).selectByValue("BUDGET_MODE_DAY");
        typeInto(By.id("adgroup-budget"), "500");
        new Select(find(By.id("pacing")))
                .selectByVisibleText("Accelerated (as fast as traffic comes)");
        submit(By.id("create-adgroup"));

        AdGroup created =
                adGroups.list(shop.id(), List.of(campaign.id()), List.of(), new PageRequest(1, 10))
                        .get(0);
        assertThat(path()).isEqualTo("/ads/adgroups/" + created.id());
        assertThat(text(By.cssSelector(".alert.success")))
                .isEqualTo("Ad group “" + name + "” created");
        assertThat(text(By.id("adgroup-facts"))).contains("500.00 daily");
        assertThat(text(By.id("adgroup-pacing")))
                .as("the pacing of the daily budget, in words")
                .contains("Accelerated (as fast as traffic comes)");
        open("/ads/campaigns/" + campaign.id());
        assertThat(text(By.id("adgroup-" + created.id())))
                .contains(
                        name,
                        "TopView",
                        "50,000 a day",
                        "US, CA",
                        "18–24, 25–34",
                        "Female",
                        "iOS",
                        "9.50");
        keepScreenshot("campaign-with-ad-group");
        assertThat(created.topviewDailyImpressions()).isEqualTo(50_000);
        assertThat(created.pacing()).isEqualTo(PacingMode.PACING_MODE_FAST);
        assertThat(created.bidPrice()).isEqualByComparingTo(new BigDecimal("9.5"));
        assertThat(created.optimizationGoal()).isIn(OptimizationGoal.REACH, OptimizationGoal.SHOW);
    }

    @Test
    void anAdGroupWithoutADailyBudgetShowsNoPacing() {
        // given an ad group with no budget limit, stored with TikTok's default pacing
        var shop = given.newAdvertiser();
        AdGroup adGroup = given.adGroup(shop.id());
        signInAs(shop.username());

        // when its page is opened
        open("/ads/adgroups/" + adGroup.id());

        // then its budget is shown and no pacing beside it: only a daily budget is paced
        assertThat(text(By.id("adgroup-facts"))).contains("No limit");
        assertThat(browser.findElements(By.id("adgroup-pacing"))).isEmpty();
    }

    private void submit(By button) {
        WebElement page = find(By.tagName("main"));
        find(button).click();
        awaitNextPage(page);
    }

    private Campaign onlyCampaignOf(long advertiserId) {
        List<Campaign> all = campaigns.list(advertiserId, List.of(), new PageRequest(1, 10));
        assertThat(all).hasSize(1);
        return all.get(0);
    }
}
