package io.sparkads.tracking;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/** What one event costs under each of TikTok's billing events. */
class BillingChargeTest {
    private static final BigDecimal BID = new BigDecimal("2.50");

    @Test
    void givenACpmBidWhenAnImpressionArrivesThenItCostsAThousandthOfTheBid() {
        BillingCharge cpm = BillingCharge.named("CPM").orElseThrow();

        assertThat(cpm.costOf(EventType.IMPRESSION, BID)).isEqualByComparingTo("0.0025");
        assertThat(cpm.costOf(EventType.CLICK, BID)).isZero();
    }

    @Test
    void givenACpcOrCpvBidThenOnlyTheClickOrTheSixSecondViewCostsTheWholeBid() {
        BillingCharge cpc = BillingCharge.named("CPC").orElseThrow();
        BillingCharge cpv = BillingCharge.named("CPV").orElseThrow();

        assertThat(cpc.costOf(EventType.CLICK, BID)).isEqualTo(BID);
        assertThat(cpc.costOf(EventType.IMPRESSION, BID)).isZero();
        assertThat(cpv.costOf(EventType.VIDEO_WATCHED_6S, BID)).isEqualTo(BID);
        assertThat(cpv.costOf(EventType.VIDEO_WATCHED_2S, BID)).isZero();
    }

    @Test
    void givenAnOcpmImpressionThenItCostsAThousandthOfItsChargedCpmAndAConversionNothing() {
        BillingCharge ocpm = BillingCharge.named("OCPM").orElseThrow();

        assertThat(ocpm.costOf(EventType.IMPRESSION, BID)).isEqualByComparingTo("0.0025");
        assertThat(ocpm.costOf(EventType.CLICK, BID)).isZero();
    }

    @Test
    void givenANameTikTokDoesNotBillByThenThereIsNoCharge() {
        assertThat(BillingCharge.named("CPA")).isEmpty();
        assertThat(BillingCharge.named(null)).isEmpty();
        assertThat(BillingCharge.named("cpm")).isEmpty();
    }
}
