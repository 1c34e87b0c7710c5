package io.sparkads.campaigns;

/** What delivery optimizes an ad group for, TikTok's {@code optimization_goal}. */
public enum OptimizationGoal {
    REACH,
    SHOW,
    CLICK,
    TRAFFIC_LANDING_PAGE_VIEW,
    VIDEO_VIEW,
    ENGAGED_VIEW,
    /** Visits to the identity's profile page: its ads lead there (Community Interaction). */
    PAGE_VISIT,
    /** New followers of the identity: its ads lead to the profile page (Community Interaction). */
    FOLLOWERS;

    /** Whether the goal is won on the identity's profile, so every ad of the group leads there. */
    public boolean onProfile() {
        return this == PAGE_VISIT || this == FOLLOWERS;
    }
}
