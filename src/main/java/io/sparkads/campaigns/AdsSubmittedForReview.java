package io.sparkads.campaigns;

import java.util.List;

/**
 * New ads, or one whose creative changed, wait for review: the ads of one request together, so the
 * review queues them in one job.
 */
public record AdsSubmittedForReview(long advertiserId, List<Long> adIds) {
    public AdsSubmittedForReview {
        adIds = List.copyOf(adIds);
    }
}
