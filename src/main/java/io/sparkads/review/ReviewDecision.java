package io.sparkads.review;

import java.time.Instant;

/**
 * A decision taken on a review: who took it, when, what and why, and the ad and ad account as they
 * were named then ({@code null} when they could not be found).
 */
public record ReviewDecision(
        long id,
        long reviewId,
        long adId,
        long advertiserId,
        String adName,
        String advertiserName,
        Review.Status decision,
        String reason,
        Instant decidedAt,
        String decidedBy,
        boolean automatic) {

    /** Who decided, as a person reads it. */
    public String reviewerName() {
        return reviewerName(decidedBy);
    }

    /** A stored reviewer as a person reads it: the automatic checks and the admin API by name. */
    public static String reviewerName(String decidedBy) {
        if (Reviews.AUTOMATIC.equals(decidedBy)) {
            return "Automatic checks";
        }
        return Reviews.ADMIN_API.equals(decidedBy) ? "Admin API" : decidedBy;
    }
}
