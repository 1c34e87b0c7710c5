package io.sparkads.delivery.engine;

import java.time.Instant;

/**
 * Where budget leases come from: the shared budget table every server takes slices from atomically,
 * so that together they never reserve more than a budget.
 */
public interface LeaseSource {

    /** A slice of a budget, reserved until it is settled or expires. */
    record Lease(long id, long amountMicros, Instant expiresAt) {}

    /**
     * Reserves {@code min(wantedMicros, limitMicros - reserved)} of the budget, when that is at
     * least {@code minMicros}; {@code null} (nothing reserved) otherwise. Reservations of leases
     * that expired before {@code now} flow back first.
     */
    Lease take(BudgetKey key, long wantedMicros, long minMicros, long limitMicros, Instant now);

    /** Ends the lease: {@code usedMicros} of it stay reserved (spent), the rest flows back. */
    void settle(BudgetKey key, Lease lease, long usedMicros);
}
