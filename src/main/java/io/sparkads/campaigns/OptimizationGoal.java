package io.sparkads.campaigns;

import java.util.Optional;

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
    FOLLOWERS,
    /**
     * Conversions at a target cost per conversion, billed per 1000 impressions ({@link
     * Billing#OCPM}): delivery ranks the ad by bid × predicted click-through × predicted conversion
     * rate.
     */
    CONVERT;

    /**
     * The goal a request names. TikTok also writes profile visits as {@code PROFILE_VIEWS} (and the
     * issue tracker as {@code PROFILE_VIEW}): both are read as {@link #PAGE_VISIT}, the name this
     * API answers with. Empty for a name that is not a goal.
     */
    public static Optional<OptimizationGoal> named(String wireName) {
        if ("PROFILE_VIEWS".equals(wireName) || "PROFILE_VIEW".equals(wireName)) {
            return Optional.of(PAGE_VISIT);
        }
        for (OptimizationGoal goal : values()) {
            if (goal.name().equals(wireName)) {
                return Optional.of(goal);
            }
        }
        return Optional.empty();
    }

    /** Whether the goal is won on the identity's profile, so every ad of the group leads there. */
    public boolean onProfile() {
        return this == PAGE_VISIT || this == FOLLOWERS;
    }
}
