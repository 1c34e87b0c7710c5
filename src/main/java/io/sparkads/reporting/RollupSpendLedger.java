package io.sparkads.reporting;

import io.sparkads.campaigns.SpendLedger;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Spend of campaigns and ad groups, from the hourly rollups, for their budgets. */
@Component
class RollupSpendLedger implements SpendLedger {
    private final JdbcClient jdbc;

    RollupSpendLedger(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public BigDecimal spentSince(Level level, long id, Instant since) {
        String column = level == Level.CAMPAIGN ? "campaign_id" : "adgroup_id";
        // Rollups are hourly; the hour that holds `since` counts whole, erring towards stopping
        // early.
        return jdbc.sql(
                        "select coalesce(sum(spend), 0) from hourly_rollups where "
                                + column
                                + " = ? and hour >= date_trunc('hour', ?::timestamptz)")
                .params(id, Timestamp.from(since))
                .query(BigDecimal.class)
                .single();
    }
}
