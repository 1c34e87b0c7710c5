package io.sparkads.campaigns.web;

import io.sparkads.campaigns.BudgetMode;
import io.sparkads.campaigns.Campaigns;
import io.sparkads.campaigns.Objective;
import java.io.Serializable;
import java.math.BigDecimal;
import java.util.Map;

/** The create-campaign form, as typed, and its checks in the form's words. */
record CampaignForm(String campaignName, String objectiveType, String budgetMode, String budget)
        implements Serializable {

    /** Where a service's refusal belongs on this form, by the wire name it starts with. */
    static final Map<String, String> FIELDS =
            Map.of(
                    "campaign_name", "campaign-name",
                    "objective_type", "objective-type",
                    "budget_mode", "budget-mode",
                    "budget", "campaign-budget");

    static CampaignForm initial() {
        return new CampaignForm(
                "", Objective.TRAFFIC.name(), BudgetMode.BUDGET_MODE_DAY.name(), "");
    }

    /** The campaign to create, or {@code null} with every problem of the form recorded. */
    Campaigns.NewCampaign read(FormErrors errors) {
        String name =
                errors.required(
                        "campaign-name", campaignName, 512, "Enter a name for the campaign");
        if (FormValues.constant(Objective.class, objectiveType) == null) {
            errors.add("objective-type", "Choose what the campaign is for");
        }
        BigDecimal amount = budget("budget-mode", "campaign-budget", budgetMode, budget, errors);
        if (!errors.isEmpty()) {
            return null;
        }
        return Campaigns.NewCampaign.of(name, objectiveType, budgetMode, amount);
    }

    /**
     * A budget as a campaign or an ad group form asks for it: a mode, and for a daily or lifetime
     * one an amount greater than 0 with at most 2 decimals.
     */
    static BigDecimal budget(
            String modeField, String amountField, String mode, String amount, FormErrors errors) {
        BudgetMode budgetMode = FormValues.constant(BudgetMode.class, mode);
        if (budgetMode == null) {
            errors.add(modeField, "Choose how the budget counts: no limit, daily or lifetime");
            return null;
        }
        return amount(amountField, budgetMode, amount, errors);
    }

    /** The amount of a budget of this mode, as a create or a row's edit form asks for it. */
    static BigDecimal amount(String field, BudgetMode mode, String amount, FormErrors errors) {
        if (!mode.limited()) {
            return null;
        }
        String what = mode == BudgetMode.BUDGET_MODE_DAY ? "a daily budget" : "a lifetime budget";
        return errors.positive(field, amount, what, 2, "50.00");
    }
}
