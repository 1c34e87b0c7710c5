package io.sparkads.delivery.simulation;

/**
 * One arm's totals from the start of the run to a checkpoint.
 *
 * @param revenue what advertisers were charged, in dollars
 * @param cpcClicksPerDollar clicks per dollar charged to CPC ads
 * @param cpcClickThrough clicks per impression of CPC ads
 * @param conversionsPerDollar conversions per dollar charged to ads with the CONVERT goal
 * @param engagementRate likes, comments, shares and follows per impression
 * @param exploredShare impressions the engine marked as explored, per impression
 */
record Figures(
        String arm,
        long requests,
        long impressions,
        double revenue,
        double cpcClicksPerDollar,
        double cpcClickThrough,
        double conversionsPerDollar,
        double engagementRate,
        double exploredShare) {}
