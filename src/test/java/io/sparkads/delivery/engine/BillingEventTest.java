package io.sparkads.delivery.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class BillingEventTest {

    @Test
    void thousandImpressionsBringOneBilledEventForCpmAndOcpm() {
        PredictedRates rates = PredictedRates.known(Map.of(Rate.CLICK_THROUGH, 0.2));

        assertThat(BillingEvent.CPM.billedEventsPerThousand(rates)).isEqualTo(1);
        assertThat(BillingEvent.OCPM.billedEventsPerThousand(rates)).isEqualTo(1);
    }

    @Test
    void thousandImpressionsBringThePredictedClicksForCpcAndViewsForCpv() {
        PredictedRates rates =
                PredictedRates.known(Map.of(Rate.CLICK_THROUGH, 0.02, Rate.SIX_SECOND_VIEW, 0.4));

        assertThat(BillingEvent.CPC.billedEventsPerThousand(rates)).isCloseTo(20, within());
        assertThat(BillingEvent.CPV.billedEventsPerThousand(rates)).isCloseTo(400, within());
    }

    @Test
    void anOcpmChargeMayReachAThousandTimesTheBidPerConversionOthersOnlyTheBid() {
        assertThat(BillingEvent.CPC.maxChargeMicros(500_000)).isEqualTo(500_000);
        assertThat(BillingEvent.OCPM.maxChargeMicros(500_000)).isEqualTo(500_000_000);
        assertThat(BillingEvent.OCPM.maxChargeMicros(Long.MAX_VALUE / 10))
                .isEqualTo(Long.MAX_VALUE);
    }

    @Test
    void roundingUpForgivesFloatingPointNoiseButNotARealFraction() {
        assertThat(BillingEvent.roundUpToCent(1_000_000.0000000002)).isEqualTo(1_000_000);
        assertThat(BillingEvent.roundUpToCent(1_000_000.1)).isEqualTo(1_010_000);
        assertThat(BillingEvent.roundUpToCent(1e30)).isEqualTo(Long.MAX_VALUE);
    }

    private static org.assertj.core.data.Offset<Double> within() {
        return org.assertj.core.data.Offset.offset(1e-9);
    }
}
