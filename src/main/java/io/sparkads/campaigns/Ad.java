package io.sparkads.campaigns;

import java.time.Instant;

/**
 * An ad with its operation, review and authorization state and TikTok's {@code secondary_status}.
 */
public record Ad(
        long id,
        long advertiserId,
        long campaignId,
        long adgroupId,
        String adName,
        String identityType,
        String identityId,
        Long tiktokItemId,
        boolean spark,
        String adText,
        String callToAction,
        String landingPageUrl,
        OperationStatus operationStatus,
        ReviewStatus reviewStatus,
        String rejectReason,
        AuthorizationStatus authorizationStatus,
        String authorizationReason,
        String secondaryStatus,
        Instant createTime,
        Instant modifyTime,
        Long videoId) {

    public enum ReviewStatus {
        PENDING,
        APPROVED,
        REJECTED
    }

    /**
     * Whether the creative's post may still be used: lost by revocation, or by the post going away.
     */
    public enum AuthorizationStatus {
        OK,
        REVOKED,
        LOST
    }
}
