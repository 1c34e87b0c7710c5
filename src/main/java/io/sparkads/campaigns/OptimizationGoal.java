package io.sparkads.campaigns;

/** What delivery optimizes an ad group for, TikTok's {@code optimization_goal}. */
public enum OptimizationGoal {
    REACH,
    SHOW,
    CLICK,
    TRAFFIC_LANDING_PAGE_VIEW,
    VIDEO_VIEW,
    ENGAGED_VIEW
}
