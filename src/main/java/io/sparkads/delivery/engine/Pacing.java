package io.sparkads.delivery.engine;

import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;

/**
 * How fast a daily budget may be spent, TikTok's {@code pacing}: {@link #PACING_MODE_FAST} as fast
 * as traffic comes, {@link #PACING_MODE_SMOOTH} evenly over the day in the ad account's time zone.
 *
 * <p>Smooth pacing caps what may be reserved by an instant at the elapsed share of the day: by
 * 18:00 on a 24-hour day, 75% of the budget; on a 25-hour day (clocks back) the same 18 hours of
 * wall time since midnight are 72% of it. A lease may then be taken only under that cap, so spend
 * follows the elapsed share within one lease slice once traffic allows. A total budget is not
 * paced.
 */
public enum Pacing {
    PACING_MODE_FAST,
    PACING_MODE_SMOOTH;

    /** The pacing a wire name names; fast for {@code null} or a name it does not know. */
    public static Pacing of(String name) {
        return PACING_MODE_SMOOTH.name().equals(name) ? PACING_MODE_SMOOTH : PACING_MODE_FAST;
    }

    /**
     * How much of the budget may be reserved by {@code now}, in micros: all of it for fast pacing
     * or a total budget; for smooth pacing the elapsed share of the day, rounded down, never less
     * than {@code floorMicros} (so the day's first billing event can be served at all) and never
     * more than the budget.
     */
    public long allowedMicros(
            long budgetMicros, BudgetPeriod period, Instant now, long floorMicros) {
        if (this == PACING_MODE_FAST || !period.isDaily()) {
            return budgetMicros;
        }
        Duration length = period.length();
        Duration elapsed = Duration.between(period.start(), now);
        if (elapsed.isNegative()) {
            elapsed = Duration.ZERO;
        }
        if (elapsed.compareTo(length) >= 0) {
            return budgetMicros;
        }
        long share =
                BigInteger.valueOf(budgetMicros)
                        .multiply(BigInteger.valueOf(elapsed.toMillis()))
                        .divide(BigInteger.valueOf(length.toMillis()))
                        .longValueExact();
        return Math.min(budgetMicros, Math.max(share, floorMicros));
    }
}
