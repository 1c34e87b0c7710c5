package io.sparkads.campaigns;

import java.time.Instant;

/**
 * TikTok's {@code secondary_status} of an ad, derived from everything that can hold it back, in the
 * order an advertiser needs to hear about it.
 */
public final class SecondaryStatus {
    private SecondaryStatus() {}

    /** The two flags say whether the campaign's or the ad group's budget is used up. */
    public static String of(
            OperationStatus ad,
            Ad.ReviewStatus review,
            Ad.AuthorizationStatus authorization,
            OperationStatus adgroup,
            OperationStatus campaign,
            Instant scheduleStart,
            Instant scheduleEnd,
            Instant now,
            boolean campaignBudgetExceeded,
            boolean adgroupBudgetExceeded) {
        if (ad == OperationStatus.DELETE) {
            return "AD_STATUS_DELETE";
        }
        if (authorization == Ad.AuthorizationStatus.REVOKED) {
            return "AD_STATUS_CREATOR_AUTHORIZATION_REVOKED";
        }
        if (authorization == Ad.AuthorizationStatus.LOST) {
            return "AD_STATUS_ASSET_AUTHORIZATION_LOST";
        }
        if (review == Ad.ReviewStatus.REJECTED) {
            return "AD_STATUS_AUDIT_DENY";
        }
        if (review == Ad.ReviewStatus.PENDING) {
            return "AD_STATUS_AUDIT";
        }
        if (campaign != OperationStatus.ENABLE) {
            return "AD_STATUS_CAMPAIGN_DISABLE";
        }
        if (adgroup != OperationStatus.ENABLE) {
            return "AD_STATUS_ADGROUP_DISABLE";
        }
        if (ad == OperationStatus.DISABLE) {
            return "AD_STATUS_DISABLE";
        }
        if (now.isBefore(scheduleStart)) {
            return "AD_STATUS_NOT_START";
        }
        if (scheduleEnd != null && !now.isBefore(scheduleEnd)) {
            return "AD_STATUS_DONE";
        }
        if (campaignBudgetExceeded) {
            return "AD_STATUS_CAMPAIGN_EXCEED";
        }
        if (adgroupBudgetExceeded) {
            return "AD_STATUS_BUDGET_EXCEED";
        }
        return "AD_STATUS_DELIVERY_OK";
    }
}
