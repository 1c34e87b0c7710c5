package io.sparkads.campaigns;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Deletes ads, alone or with the ad group or campaign they belong to, and gives their places back
 * to the Spark Ads quota in the same transaction, so the count can never drift from the ads.
 */
@Component
class AdDeletions {
    /** What is being deleted: the ads themselves, or everything under ad groups or campaigns. */
    enum Scope {
        ADS("id"),
        AD_GROUPS("adgroup_id"),
        CAMPAIGNS("campaign_id");

        private final String column;

        Scope(String column) {
            this.column = column;
        }

        /** The column of the ads table that names it. */
        String column() {
            return column;
        }
    }

    private record DeletedAd(long id, boolean spark) {}

    private final JdbcClient jdbc;
    private final SparkAdQuota quota;
    private final Clock clock;

    AdDeletions(JdbcClient jdbc, SparkAdQuota quota, Clock clock) {
        this.jdbc = jdbc;
        this.quota = quota;
        this.clock = clock;
    }

    /** Deletes the account's ads under the given ids of {@code scope}; returns the deleted ads. */
    Set<Long> delete(long advertiserId, Scope scope, Collection<Long> ids) {
        List<DeletedAd> deleted =
                jdbc.sql(
                                "update ads set operation_status = 'DELETE', modify_time = :now"
                                        + " where advertiser_id = :advertiser and operation_status <> 'DELETE'"
                                        + " and "
                                        + scope.column
                                        + " in (:ids) returning id, is_spark")
                        .param("now", Timestamp.from(clock.instant()))
                        .param("advertiser", advertiserId)
                        .param("ids", ids)
                        .query((rs, n) -> new DeletedAd(rs.getLong(1), rs.getBoolean(2)))
                        .list();
        quota.release(advertiserId, (int) deleted.stream().filter(DeletedAd::spark).count());
        Set<Long> adIds = new HashSet<>();
        deleted.forEach(ad -> adIds.add(ad.id()));
        return adIds;
    }
}
