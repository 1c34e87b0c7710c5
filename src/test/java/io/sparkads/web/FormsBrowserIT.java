package io.sparkads.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.sparkads.campaigns.Ad;
import io.sparkads.campaigns.AdGroup;
import io.sparkads.campaigns.Ads;
import io.sparkads.campaigns.Budget;
import io.sparkads.campaigns.Campaign;
import io.sparkads.common.PageRequest;
import io.sparkads.content.Post;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * The Ads Manager's forms as people meet them: the browser's own checks first ({@code required},
 * {@code min}), then, for what gets past them, every problem at once beside its field, in plain
 * words, with what was typed kept and the form's own address in the address bar; and the way from a
 * new campaign to its first ad by the next steps alone.
 */
class FormsBrowserIT extends BrowserTestBase {

    @Test
    void aCampaignWithSeveralProblemsShowsEachBesideItsFieldKeepsWhatWasTypedAndReloads() {
        var shop = given.newAdvertiser();
        signInAs(shop.username());
        open("/ads/campaigns");
        find(By.id("new-campaign")).click();

        assertThat(find(By.id("campaign-name")).getDomAttribute("required")).isNotNull();
        assertThat(find(By.id("campaign-name")).getDomAttribute("maxlength")).isEqualTo("512");
        assertThat(find(By.id("campaign-budget")).getDomAttribute("min")).isEqualTo("0.01");
        assertThat(find(By.id("campaign-budget")).getDomAttribute("step")).isEqualTo("0.01");
        typeInto(By.id("campaign-budget"), "-20");
        assertThat(valid(By.id("campaign-budget")))
                .as("the browser refuses a negative budget")
                .isFalse();

        offer(By.id("objective-type"), "BRAND_LOVE");
        new Select(find(By.id("budget-mode"))).selectByValue("BUDGET_MODE_DAY");
        withoutBrowserChecks(By.id("campaign-form"));
        submit(By.id("create-campaign"));

        assertThat(path()).isEqualTo("/ads/campaigns/new");
        assertThat(errorsBesideTheirFields())
                .containsEntry("campaign-name", "Enter a name for the campaign")
                .containsEntry("objective-type", "Choose what the campaign is for")
                .containsEntry("campaign-budget", "Enter a daily budget greater than 0")
                .hasSize(3);
        assertThat(text(By.id("campaign-error"))).contains("3 things to fix");
        assertThat(find(By.id("campaign-budget")).getDomProperty("value")).isEqualTo("-20");
        assertThat(new Select(find(By.id("budget-mode"))).getFirstSelectedOption().getText())
                .isEqualTo("Daily");
        keepScreenshot("form-campaign-errors");

        browser.navigate().refresh();

        assertThat(path()).isEqualTo("/ads/campaigns/new");
        assertThat(text(By.tagName("h1"))).isEqualTo("Create campaign");
        assertThat(campaigns.count(shop.id(), List.of())).isZero();
    }

    @Test
    void anAdGroupWithSeveralProblemsShowsEachBesideItsFieldAndKeepsWhatWasTyped() {
        var shop = given.newAdvertiser();
        Campaign campaign = given.trafficCampaign(shop.id(), "Traffic push", Budget.UNLIMITED);
        signInAs(shop.username());
        open("/ads/campaigns/" + campaign.id() + "/adgroups/new");

        assertThat(find(By.id("bid-price")).getDomAttribute("min")).isEqualTo("0.0001");
        assertThat(find(By.id("frequency")).getDomAttribute("min")).isEqualTo("1");
        typeInto(By.id("locations"), "US, USA");
        typeInto(By.id("languages"), "english");
        typeInto(By.id("frequency"), "3");
        setValue(By.id("schedule-start"), "2031-03-01T10:00");
        setValue(By.id("schedule-end"), "2031-02-01T10:00");
        assertThat(browser.findElement(By.id("pacing-field")).isDisplayed())
                .as("no budget limit: nothing to pace")
                .isFalse();
        new Select(find(By.id("adgroup-budget-mode"))).selectByValue("BUDGET_MODE_DAY");
        Select pacing = new Select(find(By.id("pacing")));
        assertThat(pacing.getFirstSelectedOption().getText())
                .isEqualTo("Standard (spread over the day)");
        pacing.selectByVisibleText("Accelerated (as fast as traffic comes)");
        new Select(find(By.id("adgroup-budget-mode"))).selectByValue("BUDGET_MODE_TOTAL");
        assertThat(browser.findElement(By.id("pacing-field")).isDisplayed())
                .as("pacing spreads a daily budget: none beside a lifetime budget")
                .isFalse();
        typeInto(By.id("bid-price"), "0");
        withoutBrowserChecks(By.id("adgroup-form"));
        submit(By.id("create-adgroup"));

        assertThat(path()).isEqualTo("/ads/campaigns/" + campaign.id() + "/adgroups/new");
        assertThat(errorsBesideTheirFields())
                .containsEntry("adgroup-name", "Enter a name for the ad group")
                .containsEntry(
                        "locations",
                        "“USA” is not a country code we know; use codes such as US, CA, GB")
                .containsEntry(
                        "languages",
                        "Use two-letter language codes such as en, es; “english” is not one")
                .containsEntry(
                        "frequency",
                        "Enter both numbers of the frequency cap, or leave both empty for none")
                .containsEntry("schedule-end", "Choose an end after the start, or leave it empty")
                .containsEntry("adgroup-budget", "Enter a lifetime budget greater than 0")
                .containsEntry("bid-price", "Enter a bid greater than 0")
                .hasSize(7);
        assertThat(find(By.id("locations")).getDomProperty("value")).isEqualTo("US, USA");
        assertThat(find(By.id("frequency")).getDomProperty("value")).isEqualTo("3");
        assertThat(find(By.id("schedule-end")).getDomProperty("value"))
                .isEqualTo("2031-02-01T10:00");
        assertThat(
                        new Select(find(By.id("adgroup-budget-mode")))
                                .getFirstSelectedOption()
                                .getDomAttribute("value"))
                .isEqualTo("BUDGET_MODE_TOTAL");
        assertThat(browser.findElement(By.id("pacing-field")).isDisplayed())
                .as("the lifetime budget kept, pacing stays hidden")
                .isFalse();
        keepScreenshot("form-adgroup-errors");
        assertThat(adGroups.count(shop.id(), List.of(campaign.id()), List.of())).isZero();
    }

    @Test
    void anAdWithSeveralProblemsShowsEachBesideItsFieldAndKeepsWhatWasTyped() {
        var shop = given.newAdvertiser();
        AdGroup adGroup = given.adGroup(shop.id());
        signInAs(shop.username());
        open("/ads/adgroups/" + adGroup.id() + "/ads/new");

        assertThat(find(By.id("ad-name")).getDomAttribute("required")).isNotNull();
        typeInto(By.id("landing-page-url"), "shop.example.com");
        withoutBrowserChecks(By.id("ad-form"));
        submit(By.id("submit-ad"));

        assertThat(path()).isEqualTo("/ads/adgroups/" + adGroup.id() + "/ads/new");
        assertThat(errorsBesideTheirFields())
                .containsEntry("ad-name", "Give the ad a name; only you see it")
                .containsEntry(
                        "spark-identity",
                        "Pick an identity: a creator whose code you applied, or a linked account")
                .containsEntry(
                        "landing-page-url",
                        "Enter a website address that starts with https://, such as https://shop.example.com/spring")
                .hasSize(3);
        assertThat(find(By.id("landing-page-url")).getDomProperty("value"))
                .isEqualTo("shop.example.com");
        keepScreenshot("form-ad-errors");

        find(By.id("format-non-spark")).click();
        typeInto(By.id("ad-name"), WebFixtures.unique("Flowers"));
        find(By.id("destination-profile")).click();
        submit(By.id("submit-ad"));

        assertThat(errorsBesideTheirFields())
                .containsEntry("custom-identity", "Pick or create the identity the ad shows")
                .containsEntry("video-file", "Upload the ad's video, and wait until it is done")
                .containsEntry("ad-text", "Write the text viewers read under the video")
                .hasSize(3);
        assertThat(find(By.id("format-non-spark")).isSelected()).isTrue();
        assertThat(find(By.id("destination-profile")).isSelected()).isTrue();
        assertThat(ads.count(shop.id(), inGroup(adGroup))).isZero();
    }

    @Test
    void aCampaignLeadsToItsAdGroupAndItsAdThroughTheNextStepsOnly() {
        var shop = given.newAdvertiser();
        Post post = given.boundPost(WebFixtures.unique("Ten-second latte art"), shop.id(), 30);
        String campaignName = WebFixtures.unique("Coffee week");
        signInAs(shop.username());
        find(By.id("menu-campaigns")).click();
        keepScreenshot("list-campaigns-empty");

        find(By.id("new-campaign")).click();
        typeInto(By.id("campaign-name"), campaignName);
        new Select(find(By.id("objective-type"))).selectByValue("REACH");
        new Select(find(By.id("budget-mode"))).selectByValue("BUDGET_MODE_INFINITE");
        submit(By.id("create-campaign"));

        assertThat(text(By.tagName("h1"))).isEqualTo(campaignName);
        assertThat(text(By.id("next-step"))).contains("Add an ad group");
        keepScreenshot("next-step-campaign");
        find(By.id("next-step-adgroup")).click();

        String adGroupName = WebFixtures.unique("Coffee lovers");
        typeInto(By.id("adgroup-name"), adGroupName);
        // A year ahead: an ad made here is never delivered to other tests' ad requests.
        setValue(By.id("schedule-start"), "2035-01-01T09:00");
        typeInto(By.id("bid-price"), "3.10");
        submit(By.id("create-adgroup"));

        assertThat(text(By.tagName("h1"))).isEqualTo(adGroupName);
        assertThat(text(By.id("next-step"))).contains("Add an ad");
        keepScreenshot("next-step-adgroup");
        find(By.id("next-step-ad")).click();

        String adName = WebFixtures.unique("Latte art ad");
        typeInto(By.id("ad-name"), adName);
        new Select(find(By.id("spark-identity"))).selectByValue("AUTH_CODE:" + post.accountId());
        find(By.id("post-" + post.itemId())).click();
        typeInto(By.id("landing-page-url"), "https://coffee.example.com/week");
        submit(By.id("submit-ad"));

        Campaign campaign = campaigns.list(shop.id(), List.of(), new PageRequest(1, 10)).get(0);
        AdGroup adGroup =
                adGroups.list(shop.id(), List.of(campaign.id()), List.of(), new PageRequest(1, 10))
                        .get(0);
        List<Ad> made = ads.list(shop.id(), inGroup(adGroup), new PageRequest(1, 10));
        assertThat(made).hasSize(1);
        assertThat(path()).isEqualTo("/ads/ads/" + made.get(0).id());
        keepScreenshot("ad-page-after-creation");
        assertThat(text(By.cssSelector(".alert.success")))
                .isEqualTo("Ad created; it is waiting for review");
        assertThat(made.get(0).adName()).isEqualTo(adName);
        assertThat(made.get(0).tiktokItemId()).isEqualTo(post.itemId());
        assertThat(adGroup.scheduleStartTime()).isAfter(Instant.parse("2034-12-31T00:00:00Z"));
    }

    /** Every problem the page shows, by the id of the input it stands beside. */
    private Map<String, String> errorsBesideTheirFields() {
        Object found =
                ((JavascriptExecutor) browser)
                        .executeScript(
                                """
                                const found = {};
                                document.querySelectorAll('p.field-error').forEach(p => {
                                  const id = p.id.replace(/-error$/, '');
                                  const input = document.getElementById(id);
                                  if (input && input.getAttribute('aria-invalid') === 'true'
                                      && input.getAttribute('aria-describedby') === p.id
                                      && p.offsetParent !== null) {
                                    found[id] = p.textContent.trim();
                                  }
                                });
                                return found;
                                """);
        @SuppressWarnings("unchecked") // a JavaScript object of strings
        Map<String, String> errors = (Map<String, String>) found;
        return errors;
    }

    private boolean valid(By input) {
        return (Boolean)
                ((JavascriptExecutor) browser)
                        .executeScript("return arguments[0].checkValidity()", find(input));
    }

    /**
     * Adds a choice the page does not offer, as a hand-made request would send it, and picks it.
     */
    private void offer(By select, String value) {
        ((JavascriptExecutor) browser)
                .executeScript(
                        "const o = new Option(arguments[1], arguments[1]);"
                                + " arguments[0].add(o); arguments[0].value = arguments[1];",
                        find(select),
                        value);
    }

    private void setValue(By input, String value) {
        ((JavascriptExecutor) browser)
                .executeScript("arguments[0].value = arguments[1]", find(input), value);
    }

    private void submit(By button) {
        WebElement page = find(By.tagName("main"));
        find(button).click();
        awaitNextPage(page);
    }

    private static Ads.AdListFilter inGroup(AdGroup adGroup) {
        return new Ads.AdListFilter(List.of(), List.of(adGroup.id()), List.of());
    }
}
