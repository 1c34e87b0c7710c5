package io.sparkads.campaigns;

/** A new ad, or one whose creative changed, waits for review. */
public record AdSubmittedForReview(long adId, long advertiserId) {}
