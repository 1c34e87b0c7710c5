package io.sparkads.campaigns;

import static org.assertj.core.api.Assertions.assertThat;

import io.sparkads.campaigns.Ad.AuthorizationStatus;
import io.sparkads.campaigns.Ad.ReviewStatus;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class SecondaryStatusTest {
    static final Instant NOW = Instant.parse("2026-11-26T12:00:00Z");
    static final Instant START = NOW.minusSeconds(3600);

    static String status(
            OperationStatus ad,
            ReviewStatus review,
            AuthorizationStatus auth,
            OperationStatus adgroup,
            OperationStatus campaign,
            Instant start,
            Instant end) {
        return SecondaryStatus.of(
                ad, review, auth, adgroup, campaign, start, end, NOW, false, false);
    }

    @Test
    void anApprovedEnabledAdInScheduleDelivers() {
        assertThat(
                        status(
                                OperationStatus.ENABLE,
                                ReviewStatus.APPROVED,
                                AuthorizationStatus.OK,
                                OperationStatus.ENABLE,
                                OperationStatus.ENABLE,
                                START,
                                null))
                .isEqualTo("AD_STATUS_DELIVERY_OK");
    }

    @Test
    void aNewAdWaitsInReview() {
        assertThat(
                        status(
                                OperationStatus.ENABLE,
                                ReviewStatus.PENDING,
                                AuthorizationStatus.OK,
                                OperationStatus.ENABLE,
                                OperationStatus.ENABLE,
                                START,
                                null))
                .isEqualTo("AD_STATUS_AUDIT");
    }

    @Test
    void aRejectedAdSaysSo() {
        assertThat(
                        status(
                                OperationStatus.ENABLE,
                                ReviewStatus.REJECTED,
                                AuthorizationStatus.OK,
                                OperationStatus.ENABLE,
                                OperationStatus.ENABLE,
                                START,
                                null))
                .isEqualTo("AD_STATUS_AUDIT_DENY");
    }

    @Test
    void aLostAuthorizationOutranksReviewAndPausing() {
        assertThat(
                        status(
                                OperationStatus.DISABLE,
                                ReviewStatus.PENDING,
                                AuthorizationStatus.REVOKED,
                                OperationStatus.DISABLE,
                                OperationStatus.ENABLE,
                                START,
                                null))
                .isEqualTo("AD_STATUS_CREATOR_AUTHORIZATION_REVOKED");
        assertThat(
                        status(
                                OperationStatus.ENABLE,
                                ReviewStatus.APPROVED,
                                AuthorizationStatus.LOST,
                                OperationStatus.ENABLE,
                                OperationStatus.ENABLE,
                                START,
                                null))
                .isEqualTo("AD_STATUS_ASSET_AUTHORIZATION_LOST");
    }

    @Test
    void aDeletedAdIsDeletedWhateverElseHolds() {
        assertThat(
                        status(
                                OperationStatus.DELETE,
                                ReviewStatus.REJECTED,
                                AuthorizationStatus.REVOKED,
                                OperationStatus.ENABLE,
                                OperationStatus.ENABLE,
                                START,
                                null))
                .isEqualTo("AD_STATUS_DELETE");
    }

    @Test
    void disabledParentsHoldTheAdBack() {
        assertThat(
                        status(
                                OperationStatus.ENABLE,
                                ReviewStatus.APPROVED,
                                AuthorizationStatus.OK,
                                OperationStatus.ENABLE,
                                OperationStatus.DISABLE,
                                START,
                                null))
                .isEqualTo("AD_STATUS_CAMPAIGN_DISABLE");
        assertThat(
                        status(
                                OperationStatus.ENABLE,
                                ReviewStatus.APPROVED,
                                AuthorizationStatus.OK,
                                OperationStatus.DISABLE,
                                OperationStatus.ENABLE,
                                START,
                                null))
                .isEqualTo("AD_STATUS_ADGROUP_DISABLE");
        assertThat(
                        status(
                                OperationStatus.DISABLE,
                                ReviewStatus.APPROVED,
                                AuthorizationStatus.OK,
                                OperationStatus.ENABLE,
                                OperationStatus.ENABLE,
                                START,
                                null))
                .isEqualTo("AD_STATUS_DISABLE");
    }

    @Test
    void theScheduleDecidesBeforeAndAfter() {
        assertThat(
                        status(
                                OperationStatus.ENABLE,
                                ReviewStatus.APPROVED,
                                AuthorizationStatus.OK,
                                OperationStatus.ENABLE,
                                OperationStatus.ENABLE,
                                NOW.plusSeconds(60),
                                null))
                .isEqualTo("AD_STATUS_NOT_START");
        assertThat(
                        status(
                                OperationStatus.ENABLE,
                                ReviewStatus.APPROVED,
                                AuthorizationStatus.OK,
                                OperationStatus.ENABLE,
                                OperationStatus.ENABLE,
                                START,
                                NOW))
                .isEqualTo("AD_STATUS_DONE");
    }

    @Test
    void aUsedUpBudgetHoldsBackAnOtherwiseDeliverableAd() {
        assertThat(
                        SecondaryStatus.of(
                                OperationStatus.ENABLE,
                                ReviewStatus.APPROVED,
                                AuthorizationStatus.OK,
                                OperationStatus.ENABLE,
                                OperationStatus.ENABLE,
                                START,
                                null,
                                NOW,
                                true,
                                true))
                .isEqualTo("AD_STATUS_CAMPAIGN_EXCEED");
        assertThat(
                        SecondaryStatus.of(
                                OperationStatus.ENABLE,
                                ReviewStatus.APPROVED,
                                AuthorizationStatus.OK,
                                OperationStatus.ENABLE,
                                OperationStatus.ENABLE,
                                START,
                                null,
                                NOW,
                                false,
                                true))
                .isEqualTo("AD_STATUS_BUDGET_EXCEED");
        assertThat(
                        SecondaryStatus.of(
                                OperationStatus.DISABLE,
                                ReviewStatus.APPROVED,
                                AuthorizationStatus.OK,
                                OperationStatus.ENABLE,
                                OperationStatus.ENABLE,
                                START,
                                null,
                                NOW,
                                true,
                                false))
                .as("pausing says more than the budget")
                .isEqualTo("AD_STATUS_DISABLE");
    }
}
