package io.sparkads.campaigns;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Whether a campaign's or an ad group's budget is used up: a daily budget counts today's spend in
 * the ad account's time zone, a total budget all spend.
 */
@Component
class Budgets {
    enum State {
        OK,
        CAMPAIGN_EXCEEDED,
        ADGROUP_EXCEEDED
    }

    private final ObjectProvider<SpendLedger> ledger;
    private final Clock clock;

    Budgets(ObjectProvider<SpendLedger> ledger, Clock clock) {
        this.ledger = ledger;
        this.clock = clock;
    }

    State state(
            long campaignId,
            String campaignMode,
            BigDecimal campaignBudget,
            long adgroupId,
            String adgroupMode,
            BigDecimal adgroupBudget,
            ZoneId zone) {
        if (exceeded(SpendLedger.Level.CAMPAIGN, campaignId, campaignMode, campaignBudget, zone)) {
            return State.CAMPAIGN_EXCEEDED;
        }
        if (exceeded(SpendLedger.Level.ADGROUP, adgroupId, adgroupMode, adgroupBudget, zone)) {
            return State.ADGROUP_EXCEEDED;
        }
        return State.OK;
    }

    private boolean exceeded(
            SpendLedger.Level level, long id, String mode, BigDecimal budget, ZoneId zone) {
        if (budget == null || mode == null) {
            return false;
        }
        BudgetMode budgetMode = BudgetMode.valueOf(mode);
        // The ledger is looked up only for a limited budget: finding the bean costs more than
        // reading the ad's row.
        SpendLedger spend = budgetMode.limited() ? ledger.getIfAvailable() : null;
        if (spend == null) {
            return false;
        }
        Instant since =
                budgetMode == BudgetMode.BUDGET_MODE_DAY
                        ? clock.instant().atZone(zone).toLocalDate().atStartOfDay(zone).toInstant()
                        : Instant.EPOCH;
        return spend.spentSince(level, id, since).compareTo(budget) >= 0;
    }
}
