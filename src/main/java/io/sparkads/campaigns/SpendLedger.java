package io.sparkads.campaigns;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * What campaigns and ad groups have spent, for their budgets. Reporting, which holds the rollups,
 * provides it; without it nothing counts as spent.
 */
public interface SpendLedger {

    enum Level {
        CAMPAIGN,
        ADGROUP
    }

    BigDecimal spentSince(Level level, long id, Instant since);
}
