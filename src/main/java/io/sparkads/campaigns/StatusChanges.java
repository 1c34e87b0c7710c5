package io.sparkads.campaigns;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What follows a change to campaigns or ad groups: a deletion deletes their ads and frees their
 * places in the Spark Ads quota, and every change sends their ads back through the decision engine.
 */
@Component
class StatusChanges {
    /** Campaigns or ad groups: their table, and how an ad names the one it is under. */
    enum Level {
        CAMPAIGNS("campaigns", "campaign_id", AdDeletions.Scope.CAMPAIGNS),
        AD_GROUPS("adgroups", "adgroup_id", AdDeletions.Scope.AD_GROUPS);

        private final String table;
        private final String adColumn;
        private final AdDeletions.Scope scope;

        Level(String table, String adColumn, AdDeletions.Scope scope) {
            this.table = table;
            this.adColumn = adColumn;
            this.scope = scope;
        }
    }

    private final JdbcClient jdbc;
    private final Clock clock;
    private final AdDeletions deletions;
    private final ApplicationEventPublisher events;

    StatusChanges(
            JdbcClient jdbc, Clock clock, AdDeletions deletions, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.deletions = deletions;
        this.events = events;
    }

    /** Sets the operation status of rows the caller has found to be the advertiser's. */
    void change(long advertiserId, Level level, Collection<Long> ids, OperationStatus status) {
        jdbc.sql(
                        "update "
                                + level.table
                                + " set operation_status = :status, modify_time = :now where id in (:ids)")
                .param("status", status.name())
                .param("now", Timestamp.from(clock.instant()))
                .param("ids", ids)
                .update();
        if (status == OperationStatus.DELETE) {
            deletions.delete(advertiserId, level.scope, ids);
        }
        adsChanged(level, ids);
    }

    /** The ads under these campaigns or ad groups re-enter the decision engine. */
    void adsChanged(Level level, Collection<Long> ids) {
        Set<Long> ads =
                new HashSet<>(
                        jdbc.sql("select id from ads where " + level.adColumn + " in (:ids)")
                                .param("ids", ids)
                                .query(Long.class)
                                .list());
        if (!ads.isEmpty()) {
            events.publishEvent(new AdsChanged(ads));
        }
    }
}
