package io.sparkads.campaigns;

import java.util.List;

/** What a campaign is for, TikTok's {@code objective_type}, and the billing events serving it. */
public enum Objective {
    REACH(Billing.CPM),
    VIDEO_VIEWS(Billing.CPV, Billing.CPM),
    ENGAGEMENT(Billing.CPM, Billing.CPV),
    TRAFFIC(Billing.CPC, Billing.CPM),
    CONVERSIONS(Billing.CPC, Billing.CPM),
    WEB_CONVERSIONS(Billing.CPC, Billing.CPM),
    LEAD_GENERATION(Billing.CPC, Billing.CPM),
    APP_PROMOTION(Billing.CPC, Billing.CPM);

    private final List<Billing> billings;

    Objective(Billing... billings) {
        this.billings = List.of(billings);
    }

    /** The billing events that serve this objective, the usual one first. */
    public List<Billing> billings() {
        return billings;
    }

    /** The objective a request names; refused with the choices when missing or unknown. */
    public static Objective of(String value) {
        return Check.oneOf("objective_type", value, Objective.class, null);
    }
}
