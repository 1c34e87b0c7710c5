package io.sparkads.campaigns;

import java.util.List;

/**
 * What an ad group pays for, TikTok's {@code billing_event}: a thousand impressions, a click, a
 * video view, or a thousand impressions optimized for conversions. (The delivery engine's {@code
 * BillingEvent} is its own copy, kept free of this module.)
 */
public enum Billing {
    CPM(
            OptimizationGoal.REACH,
            OptimizationGoal.SHOW,
            OptimizationGoal.PAGE_VISIT,
            OptimizationGoal.FOLLOWERS),
    CPC(OptimizationGoal.CLICK, OptimizationGoal.TRAFFIC_LANDING_PAGE_VIEW),
    CPV(OptimizationGoal.VIDEO_VIEW, OptimizationGoal.ENGAGED_VIEW),
    /**
     * Optimized CPM: the bid is a target cost per conversion, and the ad is charged per 1000
     * impressions, at most what its predicted conversions are worth at that bid.
     */
    OCPM(OptimizationGoal.CONVERT);

    private final List<OptimizationGoal> goals;

    Billing(OptimizationGoal... goals) {
        this.goals = List.of(goals);
    }

    /** The optimization goals this billing event can serve; the first is the default. */
    public List<OptimizationGoal> goals() {
        return goals;
    }

    /** The billing event a request names; refused with the choices when missing or unknown. */
    public static Billing of(String value) {
        return Check.oneOf("billing_event", value, Billing.class, null);
    }
}
