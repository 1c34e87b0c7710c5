package io.sparkads.campaigns.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sparkads.campaigns.Bid;
import io.sparkads.campaigns.Billing;
import io.sparkads.campaigns.Objective;
import io.sparkads.campaigns.OptimizationGoal;
import io.sparkads.common.Refusal;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/** oCPM bids per conversion, as TikTok's ad groups do; profile visits read TikTok's names too. */
class ConversionBidTest {
    private static final BigDecimal TARGET = new BigDecimal("12.50");

    @Test
    void givenOcpmWithAConversionBidThenTheBidIsTheTargetCostPerConversionAndTheGoalConvert() {
        Bid bid = AdGroupBusinessController.bid(Billing.OCPM, null, TARGET, null);

        assertThat(bid.billingEvent()).isEqualTo(Billing.OCPM);
        assertThat(bid.price()).isEqualByComparingTo(TARGET);
        assertThat(bid.goal()).isEqualTo(OptimizationGoal.CONVERT);
    }

    @Test
    void givenOcpmWithOnlyBidPriceThenItIsReadAsTheConversionBid() {
        Bid bid = AdGroupBusinessController.bid(Billing.OCPM, TARGET, null, "CONVERT");

        assertThat(bid.price()).isEqualByComparingTo(TARGET);
    }

    @Test
    void givenOcpmWithTwoDifferentBidsThenTheRefusalSaysToSendTheConversionBidAlone() {
        assertThatThrownBy(
                        () ->
                                AdGroupBusinessController.bid(
                                        Billing.OCPM, new BigDecimal("1.00"), TARGET, null))
                .isInstanceOf(Refusal.class)
                .hasMessageContaining("send conversion_bid_price alone");
    }

    @Test
    void givenOcpmWithoutABidThenTheRefusalNamesTheConversionBid() {
        assertThatThrownBy(() -> AdGroupBusinessController.bid(Billing.OCPM, null, null, null))
                .isInstanceOf(Refusal.class)
                .hasMessage(
                        "conversion_bid_price (the target cost per conversion) is required and"
                                + " must be greater than 0");
    }

    @Test
    void givenAConversionBidOnAnotherBillingEventThenItIsRefused() {
        assertThatThrownBy(() -> AdGroupBusinessController.bid(Billing.CPC, TARGET, TARGET, null))
                .isInstanceOf(Refusal.class)
                .hasMessageContaining("billing_event CPC bids in bid_price");
    }

    @Test
    void givenAGoalThatDoesNotFitOcpmThenTheRefusalListsConvert() {
        assertThatThrownBy(() -> AdGroupBusinessController.bid(Billing.OCPM, null, TARGET, "CLICK"))
                .isInstanceOf(Refusal.class)
                .hasMessage(
                        "optimization_goal CLICK does not fit billing_event OCPM; use one of"
                                + " CONVERT");
    }

    @Test
    void givenTikToksProfileViewNamesThenTheyAreProfileVisits() {
        assertThat(Bid.of(Billing.CPM, BigDecimal.TEN, "PROFILE_VIEWS").goal())
                .isEqualTo(OptimizationGoal.PAGE_VISIT);
        assertThat(Bid.of(Billing.CPM, BigDecimal.TEN, "PROFILE_VIEW").goal())
                .isEqualTo(OptimizationGoal.PAGE_VISIT);
        assertThat(Bid.of(Billing.CPM, BigDecimal.TEN, "PAGE_VISIT").goal())
                .isEqualTo(OptimizationGoal.PAGE_VISIT);
        assertThat(OptimizationGoal.named("PROFILE")).isEmpty();
    }

    @Test
    void onlyConversionCampaignsOfferOcpm() {
        assertThat(Objective.CONVERSIONS.billings()).contains(Billing.OCPM);
        assertThat(Objective.WEB_CONVERSIONS.billings()).contains(Billing.OCPM);
        assertThat(Objective.TRAFFIC.billings()).doesNotContain(Billing.OCPM);
        assertThat(Objective.REACH.billings()).doesNotContain(Billing.OCPM);
    }
}
