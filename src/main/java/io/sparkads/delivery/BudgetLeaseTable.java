package io.sparkads.delivery;

import io.sparkads.campaigns.SpendLedger;
import io.sparkads.delivery.engine.BudgetKey;
import io.sparkads.delivery.engine.LeaseSource;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Optional;
import java.util.function.Function;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The budget leases in PostgreSQL, shared by every server: a lease raises its period's reserved
 * amount under the row's lock, never past the limit, so servers together never reserve more than a
 * budget; settling gives the unused part back, and an expired lease's whole reservation flows back.
 */
final class BudgetLeaseTable implements LeaseSource {
    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final Function<BudgetKey, ZoneId> zones;
    private final SpendLedger recorded;
    private final String server;
    private final Duration ttl;

    /**
     * @param zones the ad account's time zone of a daily budget, for the spend recorded before its
     *     period's first lease
     * @param recorded recorded spend, counted as reserved when a period is first leased; {@code
     *     null} when there is none
     */
    BudgetLeaseTable(
            JdbcClient jdbc,
            TransactionTemplate transactions,
            Function<BudgetKey, ZoneId> zones,
            SpendLedger recorded,
            String server,
            Duration ttl) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.zones = zones;
        this.recorded = recorded;
        this.server = server;
        this.ttl = ttl;
    }

    @Override
    public Lease take(
            BudgetKey key, long wantedMicros, long minMicros, long limitMicros, Instant now) {
        return transactions.execute(
                tx -> {
                    Optional<Long> held = lockPeriod(key);
                    if (held.isEmpty()) {
                        jdbc.sql(
                                        """
                                        insert into budget_periods (level, owner_id, period, budget_micros, reserved_micros)
                                        values (?, ?, ?, ?, ?) on conflict do nothing""")
                                .params(
                                        key.level(),
                                        key.ownerId(),
                                        key.period(),
                                        Math.max(limitMicros, 0),
                                        recordedMicros(key))
                                .update();
                        held = lockPeriod(key);
                    }
                    long reserved = held.orElseThrow();
                    reserved = Math.max(0, reserved - reclaimExpired(key, now));
                    long grant = Math.min(wantedMicros, limitMicros - reserved);
                    if (grant < minMicros) {
                        updatePeriod(key, reserved, limitMicros);
                        return null;
                    }
                    updatePeriod(key, reserved + grant, limitMicros);
                    Instant expiresAt = now.plus(ttl);
                    long id =
                            jdbc.sql(
                                            """
                                            insert into budget_leases (level, owner_id, period, server, amount_micros, taken_at, expires_at)
                                            values (?, ?, ?, ?, ?, ?, ?) returning id""")
                                    .params(
                                            key.level(),
                                            key.ownerId(),
                                            key.period(),
                                            server,
                                            grant,
                                            Timestamp.from(now),
                                            Timestamp.from(expiresAt))
                                    .query(Long.class)
                                    .single();
                    return new Lease(id, grant, expiresAt);
                });
    }

    @Override
    public void settle(BudgetKey key, Lease lease, long usedMicros) {
        transactions.executeWithoutResult(
                tx -> {
                    Optional<Long> amount =
                            jdbc.sql(
                                            "delete from budget_leases where id = ? returning amount_micros")
                                    .param(lease.id())
                                    .query(Long.class)
                                    .optional();
                    // Still held: the unused part flows back. Already reclaimed as expired (this
                    // server stalled past its expiry): its whole amount flowed back, so what was
                    // used of it is reserved again, even past the budget, as it was served.
                    long change =
                            amount.isPresent() ? -(lease.amountMicros() - usedMicros) : usedMicros;
                    if (change != 0) {
                        jdbc.sql(
                                        """
                                        update budget_periods set reserved_micros = greatest(reserved_micros + ?, 0)
                                        where level = ? and owner_id = ? and period = ?""")
                                .params(change, key.level(), key.ownerId(), key.period())
                                .update();
                    }
                });
    }

    /** Lets the reservations of every expired lease flow back, whatever their budget. */
    int reclaimAllExpired(Instant now) {
        Integer count =
                transactions.execute(
                        tx ->
                                jdbc.sql(
                                                """
                                                with gone as (
                                                    delete from budget_leases where expires_at <= ?
                                                    returning level, owner_id, period, amount_micros),
                                                per_period as (
                                                    select level, owner_id, period, sum(amount_micros) as amount
                                                    from gone group by level, owner_id, period)
                                                update budget_periods p
                                                set reserved_micros = greatest(p.reserved_micros - g.amount, 0)
                                                from per_period g
                                                where p.level = g.level and p.owner_id = g.owner_id and p.period = g.period""")
                                        .param(Timestamp.from(now))
                                        .update());
        return count == null ? 0 : count;
    }

    private Optional<Long> lockPeriod(BudgetKey key) {
        return jdbc.sql(
                        """
                        select reserved_micros from budget_periods
                        where level = ? and owner_id = ? and period = ? for update""")
                .params(key.level(), key.ownerId(), key.period())
                .query(Long.class)
                .optional();
    }

    /** Deletes the budget's expired leases; how much they had reserved. */
    private long reclaimExpired(BudgetKey key, Instant now) {
        return jdbc.sql(
                        """
                        with gone as (
                            delete from budget_leases
                            where level = ? and owner_id = ? and period = ? and expires_at <= ?
                            returning amount_micros)
                        select coalesce(sum(amount_micros), 0) from gone""")
                .params(key.level(), key.ownerId(), key.period(), Timestamp.from(now))
                .query(Long.class)
                .single();
    }

    private void updatePeriod(BudgetKey key, long reserved, long budget) {
        jdbc.sql(
                        """
                        update budget_periods set reserved_micros = ?, budget_micros = ?
                        where level = ? and owner_id = ? and period = ?""")
                .params(reserved, Math.max(budget, 0), key.level(), key.ownerId(), key.period())
                .update();
    }

    /** The spend recorded so far in the key's period, in micros, rounded up; 0 without a ledger. */
    private long recordedMicros(BudgetKey key) {
        if (recorded == null) {
            return 0;
        }
        Instant since =
                key.period().startsWith("D")
                        ? LocalDate.parse(key.period().substring(1))
                                .atStartOfDay(zones.apply(key))
                                .toInstant()
                        : Instant.EPOCH;
        BigDecimal spent =
                recorded.spentSince(SpendLedger.Level.valueOf(key.level()), key.ownerId(), since);
        return spent.movePointRight(6).setScale(0, RoundingMode.CEILING).longValueExact();
    }
}
