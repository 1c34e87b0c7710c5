package io.sparkads.delivery.engine;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BillingEventTest {

    @Test
    void aCpmBidIsItsOwnEcpm() {
        assertThat(BillingEvent.CPM.ecpmMicros(2_500_000)).isEqualTo(2_500_000);
    }

    @Test
    void aCpcBidIsWorthTheAssumedOnePercentOfClicksPerThousandImpressions() {
        assertThat(BillingEvent.ASSUMED_CLICKS_PER_THOUSAND_IMPRESSIONS).isEqualTo(10);
        assertThat(BillingEvent.CPC.ecpmMicros(300_000)).isEqualTo(3_000_000);
    }

    @Test
    void aCpvBidIsWorthTheAssumedQuarterOfSixSecondViewsPerThousandImpressions() {
        assertThat(BillingEvent.ASSUMED_SIX_SECOND_VIEWS_PER_THOUSAND_IMPRESSIONS).isEqualTo(250);
        assertThat(BillingEvent.CPV.ecpmMicros(20_000)).isEqualTo(5_000_000);
    }

    @Test
    void aHugeBidSaturatesInsteadOfOverflowing() {
        assertThat(BillingEvent.CPV.ecpmMicros(Long.MAX_VALUE / 100)).isEqualTo(Long.MAX_VALUE);
        assertThat(BillingEvent.CPC.ecpmMicros(Long.MAX_VALUE)).isEqualTo(Long.MAX_VALUE);
    }
}
