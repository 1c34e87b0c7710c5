package io.sparkads.delivery.engine;

/**
 * One budget in one period: a campaign's or an ad group's, today (in the ad account's time zone) or
 * in total.
 *
 * @param level {@code CAMPAIGN} or {@code ADGROUP}
 * @param period {@link BudgetPeriod#key()}
 */
public record BudgetKey(String level, long ownerId, String period) {}
