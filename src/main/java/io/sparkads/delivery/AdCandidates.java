package io.sparkads.delivery;

import io.sparkads.campaigns.DeliverableAd;
import io.sparkads.delivery.engine.AdCandidate;
import io.sparkads.delivery.engine.BillingEvent;
import io.sparkads.delivery.engine.Goal;
import io.sparkads.delivery.engine.Pacing;
import io.sparkads.delivery.engine.Placement;
import io.sparkads.delivery.engine.ServingRules;
import io.sparkads.delivery.engine.Targeting;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Turns a campaign's deliverable ad into what the engine decides on: the ad's {@link AdCandidate}
 * its ad group's serving rule and its budgets, and remembers which ads a budget can stop.
 */
final class AdCandidates {
    /** Ads whose campaign or ad group has a budget: spend can stop them. */
    private final Set<Long> budgeted = ConcurrentHashMap.newKeySet();

    private final ServingRules rules;
    private final BudgetReservations budgets;

    AdCandidates(ServingRules rules, BudgetReservations budgets) {
        this.rules = rules;
        this.budgets = budgets;
    }

    /** Whether spend can stop the ad: its campaign or ad group has a budget. */
    boolean budgeted(long adId) {
        return budgeted.contains(adId);
    }

    /** The engine's view of the ad; its ad group's serving rule goes to {@link ServingRules}. */
    AdCandidate of(DeliverableAd ad) {
        if (ad.budgeted()) {
            budgeted.add(ad.lineage().adId());
        } else {
            budgeted.remove(ad.lineage().adId());
        }
        budgets.setBudgets(
                ad.lineage().adId(),
                new BudgetReservations.AdBudgets(
                        ad.lineage().adgroupId(),
                        ad.adgroupBudget(),
                        ad.lineage().campaignId(),
                        ad.campaignBudget(),
                        ad.zone(),
                        Pacing.of(ad.pacing())));
        rules.setRule(
                ad.lineage().adgroupId(),
                new ServingRules.Rule(
                        ad.frequency(),
                        ad.frequencySchedule(),
                        ad.dayparting(),
                        ad.topviewDailyImpressions(),
                        ad.zone()));
        return new AdCandidate(
                ad.lineage(),
                ad.itemId(),
                ad.spark(),
                Placement.valueOf(ad.placement()),
                new Targeting(
                        ad.regions(),
                        ad.ageGroups(),
                        ad.genders(),
                        ad.languages(),
                        ad.interests(),
                        ad.operatingSystems()),
                ad.start(),
                ad.end(),
                BillingEvent.valueOf(ad.billingEvent()),
                ad.bidPrice().movePointRight(6).longValueExact(),
                ad.creative(),
                Goal.valueOf(ad.optimizationGoal()));
    }
}
