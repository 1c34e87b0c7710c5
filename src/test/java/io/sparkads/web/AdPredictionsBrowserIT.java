package io.sparkads.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.sparkads.campaigns.Ad;
import io.sparkads.campaigns.AdGroup;
import io.sparkads.common.AdLineage;
import io.sparkads.delivery.engine.AdDecisionEngine;
import io.sparkads.delivery.engine.Placement;
import io.sparkads.review.Review;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** An ad's page shows what delivery predicts of it beside what was measured, and why it is slow. */
class AdPredictionsBrowserIT extends BrowserTestBase {
    @Autowired JdbcTemplate jdbc;
    @Autowired AdDecisionEngine engine;

    @Test
    void anAdClickedFarLessThanItsAdGroupSaysWhyItDeliversSlowly() {
        // given a CPC ad clicked 10 times in 5,000 impressions, in an ad group whose other ads
        // are clicked 100 and 120 times in as many
        WebFixtures.SignIn shop = given.newAdvertiser();
        AdGroup adGroup = given.cpcAdGroup(shop.id());
        WebFixtures.PendingAd pending =
                given.pendingAd(shop.id(), adGroup, WebFixtures.unique("Rarely clicked"));
        reviews.decide(pending.review().id(), Review.Decision.APPROVE, null, "reviewer");
        Ad ad = pending.ad();
        givenTotals(ad.id(), adGroup, 5000, 10);
        givenTotals(-ad.id(), adGroup, 5000, 100);
        givenTotals(-ad.id() - 1, adGroup, 5000, 120);
        AdLineage lineage = new AdLineage(ad.id(), adGroup.id(), adGroup.campaignId(), shop.id());
        io.sparkads.support.Eventually.await(
                Duration.ofSeconds(15),
                () ->
                        assertThat(engine.rates().forAd(lineage, Placement.IN_FEED).impressions())
                                .as("the rate feed has read the ad's outcomes")
                                .isEqualTo(5000L));

        // when its advertiser opens its page
        signInAs(shop.username());
        open("/ads/ads/" + ad.id());

        // then the predicted rates stand beside the measured ones, with the reason in words
        waitForText(By.id("predictions-table"), "Click-through");
        assertThat(text(By.id("slow-reasons")))
                .contains("Why delivery may be slow")
                .containsPattern(
                        "Low predicted click-through: 0\\.[0-9]% vs [12]\\.[0-9]% in its ad group");
        assertThat(text(By.cssSelector("#predictions-table tbody tr:first-child")))
                .startsWith("Click-through ★")
                .contains("0.2%");
        assertThat(text(By.id("predictions-table")))
                .contains("6-second view", "Completion", "Conversion (per click)", "Engagement");
        assertThat(text(By.id("predictions-basis"))).contains("From 5,000 impressions of its own");
        keepScreenshot("ad-predictions");
    }

    private void givenTotals(long adId, AdGroup adGroup, long impressions, long clicks) {
        jdbc.update(
                "insert into ad_outcome_totals (ad_id, advertiser_id, campaign_id, adgroup_id,"
                        + " spark, impressions, clicks, video_watched_6s, video_views_p100, likes)"
                        + " values (?, ?, ?, ?, true, ?, ?, ?, ?, ?)",
                adId,
                adGroup.advertiserId(),
                adGroup.campaignId(),
                adGroup.id(),
                impressions,
                clicks,
                impressions / 4,
                impressions / 10,
                impressions / 50);
    }
}
