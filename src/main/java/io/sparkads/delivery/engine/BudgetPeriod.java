package io.sparkads.delivery.engine;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * The stretch of time a budget counts spend over: one day in the ad account's time zone (from local
 * midnight to the next, so 23 or 25 hours on a day the clocks change), or all time for a total
 * budget.
 *
 * @param key the period's name in the budget table: {@code D2026-03-29} for a day, {@code TOTAL}
 * @param start first instant of the period (inclusive); {@link Instant#MIN} for a total budget
 * @param end first instant after the period (exclusive); {@link Instant#MAX} for a total budget
 */
public record BudgetPeriod(String key, Instant start, Instant end) {
    public static final BudgetPeriod TOTAL = new BudgetPeriod("TOTAL", Instant.MIN, Instant.MAX);

    /** The day, in the zone, that contains the instant. */
    public static BudgetPeriod dayOf(Instant at, ZoneId zone) {
        LocalDate day = at.atZone(zone).toLocalDate();
        return new BudgetPeriod(
                "D" + day,
                day.atStartOfDay(zone).toInstant(),
                day.plusDays(1).atStartOfDay(zone).toInstant());
    }

    public boolean isDaily() {
        return !key.equals(TOTAL.key);
    }

    /** How long the period lasts; only for a day. */
    public Duration length() {
        if (!isDaily()) {
            throw new IllegalStateException("a total budget has no length");
        }
        return Duration.between(start, end);
    }
}
