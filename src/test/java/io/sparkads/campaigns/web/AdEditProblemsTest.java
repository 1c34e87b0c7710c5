package io.sparkads.campaigns.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AdEditProblemsTest {

    @Test
    void everyProblemOfTheFormIsNamedByItsFieldAtOnce() {
        var form =
                new AdActionsPageController.AdForm(
                        "  ", "x".repeat(101), "SHOP_LATER", "http://shop.example.com");

        assertThat(AdActionsPageController.problems(form, true, true))
                .containsEntry("adName", "Enter a name for the ad")
                .containsEntry("adText", "Keep the text to 100 characters or fewer (it has 101)")
                .containsEntry("callToAction", "Choose the button viewers tap")
                .containsEntry(
                        "landingPageUrl",
                        "Enter a full https address, like https://shop.example.com/sale");
    }

    @Test
    void aSparkAdsTextIsItsPostsCaptionSoOnlyTheOtherFieldsAreChecked() {
        var form =
                new AdActionsPageController.AdForm(
                        "Linen shirts", null, "SHOP_NOW", "https://shop.example.com/linen");

        assertThat(AdActionsPageController.problems(form, false, true)).isEmpty();
    }

    @Test
    void anAdThatLeadsToAWebsiteKeepsAnAddressWhileOneThatLeadsToAProfileNeedsNone() {
        var blank = new AdActionsPageController.AdForm("Linen shirts", null, "SHOP_NOW", " ");

        assertThat(AdActionsPageController.problems(blank, false, true))
                .containsOnlyKeys("landingPageUrl");
        assertThat(AdActionsPageController.problems(blank, false, false)).isEmpty();
    }
}
