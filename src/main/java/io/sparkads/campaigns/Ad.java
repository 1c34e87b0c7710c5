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
        Long videoId,
        String tiktokPageCategory) {

    /**
     * Whether a tap leads to the identity's profile page rather than a website: the ad chose {@code
     * PROFILE_PAGE}, or it is a Spark ad with no landing page. A non-Spark ad never does, as its
     * custom identity has no profile.
     */
    public boolean leadsToProfile() {
        return leadsToProfile(spark, tiktokPageCategory, landingPageUrl);
    }

    static boolean leadsToProfile(boolean spark, String tiktokPageCategory, String landingPageUrl) {
        return spark
                && (PageCategory.PROFILE_PAGE.name().equals(tiktokPageCategory)
                        || landingPageUrl == null);
    }

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
