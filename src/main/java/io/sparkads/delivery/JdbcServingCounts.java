package io.sparkads.delivery;

import io.sparkads.delivery.engine.ServingCounts;
import java.sql.Array;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Serving counts in PostgreSQL, shared by every server on the database and kept across restarts. A
 * frequency cap alone is one statement; a TopView reservation takes the viewer's place of the day,
 * the frequency cap if any, and last the day's count (its row is the one every request of the ad
 * group waits on, so it is held for the shortest time) in one transaction that is rolled back if
 * any of them is refused.
 */
@Component
class JdbcServingCounts implements ServingCounts {
    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;
    private final Clock clock;

    JdbcServingCounts(JdbcClient jdbc, PlatformTransactionManager transactions, Clock clock) {
        this.jdbc = jdbc;
        this.transaction = new TransactionTemplate(transactions);
        // A savepoint when a caller's transaction is open, so a refusal undoes only this take.
        this.transaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
        this.clock = clock;
    }

    @Override
    public Taken take(long adgroupId, String viewerId, Limits limits, Instant now) {
        if (limits.dailyLimit() == null) {
            return frequency(adgroupId, viewerId, limits, now);
        }
        return transaction.execute(
                status -> {
                    Taken taken = reserve(adgroupId, viewerId, limits, now);
                    if (!taken.taken()) {
                        status.setRollbackOnly();
                    }
                    return taken;
                });
    }

    private Taken reserve(long adgroupId, String viewerId, Limits limits, Instant now) {
        int firstToday =
                jdbc.sql(
                                "insert into topview_viewers (adgroup_id, day, viewer_id) values (?, ?, ?)"
                                        + " on conflict do nothing")
                        .params(adgroupId, limits.day(), viewerId)
                        .update();
        if (firstToday == 0) {
            boolean full =
                    jdbc.sql("select served from topview_days where adgroup_id = ? and day = ?")
                            .params(adgroupId, limits.day())
                            .query(Integer.class)
                            .optional()
                            .map(served -> served >= limits.dailyLimit())
                            .orElse(false);
            return new Taken(false, full, true, null);
        }
        Instant freeAt = null;
        if (limits.frequency() != null) {
            Taken capped = frequency(adgroupId, viewerId, limits, now);
            if (!capped.taken()) {
                return capped;
            }
            freeAt = capped.frequencyFreeAt();
        }
        Optional<Integer> served =
                jdbc.sql(
                                "insert into topview_days as d (adgroup_id, day, served) values (?, ?, 1)"
                                        + " on conflict (adgroup_id, day) do update set served = d.served + 1"
                                        + " where d.served < ? returning served")
                        .params(adgroupId, limits.day(), limits.dailyLimit())
                        .query(Integer.class)
                        .optional();
        return served.isEmpty()
                ? new Taken(false, true, false, null)
                : new Taken(true, served.get() >= limits.dailyLimit(), true, freeAt);
    }

    private Taken frequency(long adgroupId, String viewerId, Limits limits, Instant now) {
        Instant oldest = now.minus(limits.frequencyWindow());
        Optional<List<Instant>> taken =
                jdbc.sql(
                                """
                                insert into serving_frequency as f (adgroup_id, viewer_id, served_at, expires_at)
                                values (:adgroup, :viewer, array[cast(:now as timestamptz)], :expires)
                                on conflict (adgroup_id, viewer_id) do update
                                set served_at = array(select t from unnest(f.served_at || excluded.served_at) t
                                                      where t > :oldest order by t),
                                    expires_at = greatest(f.expires_at, excluded.expires_at)
                                where (select count(*) from unnest(f.served_at) t where t > :oldest) < :frequency
                                returning served_at""")
                        .param("adgroup", adgroupId)
                        .param("viewer", viewerId)
                        .param("now", at(now))
                        .param("expires", at(now.plus(limits.frequencyWindow())))
                        .param("oldest", at(oldest))
                        .param("frequency", limits.frequency())
                        .query((rs, n) -> instants(rs.getArray(1), oldest))
                        .optional();
        if (taken.isPresent()) {
            return new Taken(true, false, false, freeAt(taken.get(), limits));
        }
        List<Instant> served =
                jdbc.sql(
                                "select served_at from serving_frequency where adgroup_id = ? and viewer_id = ?")
                        .params(adgroupId, viewerId)
                        .query((rs, n) -> instants(rs.getArray(1), oldest))
                        .optional()
                        .orElse(List.of());
        return new Taken(false, false, false, freeAt(served, limits));
    }

    private static Instant freeAt(List<Instant> served, Limits limits) {
        return ServingCounts.frequencyFreeAt(served, limits.frequency(), limits.frequencyWindow());
    }

    /** The array's instants after {@code oldest}, oldest first. */
    private static List<Instant> instants(Array array, Instant oldest) throws SQLException {
        List<Instant> instants = new ArrayList<>();
        for (Object value : (Object[]) array.getArray()) {
            Instant t =
                    value instanceof OffsetDateTime o
                            ? o.toInstant()
                            : ((Timestamp) value).toInstant();
            if (t.isAfter(oldest)) {
                instants.add(t);
            }
        }
        instants.sort(null);
        return instants;
    }

    private static OffsetDateTime at(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    @Override
    public void forgetOld(Instant now) {
        jdbc.sql("delete from serving_frequency where expires_at <= ?").param(at(now)).update();
        // A day is over in every time zone (UTC-12 to UTC+14) two UTC days later.
        var past = now.atOffset(ZoneOffset.UTC).toLocalDate().minusDays(2);
        jdbc.sql("delete from topview_viewers where day < ?").param(past).update();
        jdbc.sql("delete from topview_days where day < ?").param(past).update();
    }

    @Scheduled(
            initialDelayString = "${sparkads.delivery.serving-counts-cleanup:10m}",
            fixedDelayString = "${sparkads.delivery.serving-counts-cleanup:10m}")
    void forgetOld() {
        forgetOld(clock.instant());
    }
}
