package io.sparkads.campaigns;

import java.util.List;

/** What a campaign is for, TikTok's {@code objective_type}, and the billing events serving it. */
public enum Objective {
    REACH,
    VIDEO_VIEWS,
    ENGAGEMENT,
    TRAFFIC,
    CONVERSIONS,
    WEB_CONVERSIONS,
    LEAD_GENERATION,
    APP_PROMOTION;

    /** The billing events that serve this objective, the usual one first. */
    public List<Billing> billings() {
        return switch (this) {
            case REACH -> List.of(Billing.CPM);
            case VIDEO_VIEWS -> List.of(Billing.CPV, Billing.CPM);
            case ENGAGEMENT -> List.of(Billing.CPM, Billing.CPV);
            case TRAFFIC, LEAD_GENERATION, APP_PROMOTION -> List.of(Billing.CPC, Billing.CPM);
            case CONVERSIONS, WEB_CONVERSIONS -> List.of(Billing.CPC, Billing.CPM, Billing.OCPM);
        };
    }

    /** The objective a request names; refused with the choices when missing or unknown. */
    public static Objective of(String value) {
        return Check.oneOf("objective_type", value, Objective.class, null);
    }
}
