package io.sparkads.delivery.engine;

/**
 * What an ad group optimizes for, TikTok's {@code optimization_goal} (the engine's own copy, kept
 * free of the campaigns module): which predicted rate decides the ad's place in the ranking.
 */
public enum Goal {
    REACH,
    SHOW,
    CLICK,
    TRAFFIC_LANDING_PAGE_VIEW,
    VIDEO_VIEW,
    ENGAGED_VIEW,
    PAGE_VISIT,
    FOLLOWERS,
    /** Conversions at a target cost per conversion, billed per impression (oCPM). */
    CONVERT
}
