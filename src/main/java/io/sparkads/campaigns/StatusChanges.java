package io.sparkads.campaigns;

import io.sparkads.common.Refusal;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Operation status changes to campaigns, ad groups or ads, and what follows them: a deletion
 * deletes the ads under them and frees their places in the Spark Ads quota, and every change sends
 * their ads back through the decision engine.
 */
@Component
class StatusChanges {
    /**
     * Campaigns, ad groups or ads: their table, their name in messages, how an ad names its own.
     */
    enum Level {
        CAMPAIGNS("campaigns", "campaign", AdDeletions.Scope.CAMPAIGNS),
        AD_GROUPS("adgroups", "ad group", AdDeletions.Scope.AD_GROUPS),
        ADS("ads", "ad", AdDeletions.Scope.ADS);

        private final String table;
        private final String noun;
        private final AdDeletions.Scope scope;

        Level(String table, String noun, AdDeletions.Scope scope) {
            this.table = table;
            this.noun = noun;
            this.scope = scope;
        }

        /**
         * The advertiser's campaign or ad group; one that is deleted or another advertiser's is as
         * unknown as a missing one.
         */
        <T> T get(JdbcClient jdbc, long advertiserId, long id, RowMapper<T> rows) {
            return jdbc.sql(
                            "select * from "
                                    + table
                                    + " where id = ? and advertiser_id = ? and operation_status <> 'DELETE'")
                    .params(id, advertiserId)
                    .query(rows)
                    .optional()
                    .orElseThrow(
                            () ->
                                    Refusal.notFound(
                                            "No "
                                                    + noun
                                                    + " "
                                                    + id
                                                    + " in advertiser "
                                                    + advertiserId));
        }

        /** {@code campaign_id}, {@code adgroup_id} or {@code ad_id}, as the API names them. */
        private String idField() {
            return noun.replace(" ", "") + "_id";
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

    /**
     * Sets the operation status of the advertiser's campaigns, ad groups or ads; one that is
     * deleted or another advertiser's is as unknown as a missing one.
     */
    void change(long advertiserId, Level level, Collection<Long> ids, OperationStatus status) {
        Check.notEmpty(level.idField() + "s", ids);
        for (long id : ids) {
            level.get(jdbc, advertiserId, id, (row, n) -> id);
        }
        // Deleting ads is wholly AdDeletions' work: it marks them and frees their quota places.
        if (level != Level.ADS || status != OperationStatus.DELETE) {
            setStatus(level, ids, status);
        }
        if (status == OperationStatus.DELETE) {
            deletions.delete(advertiserId, level.scope, ids);
        }
        adsChanged(level, ids);
    }

    private void setStatus(Level level, Collection<Long> ids, OperationStatus status) {
        jdbc.sql(
                        "update "
                                + level.table
                                + " set operation_status = :status, modify_time = :now where id in (:ids)")
                .param("status", status.name())
                .param("now", Timestamp.from(clock.instant()))
                .param("ids", ids)
                .update();
    }

    /** The ads under these campaigns or ad groups, or these ads, re-enter the decision engine. */
    void adsChanged(Level level, Collection<Long> ids) {
        Set<Long> ads =
                new HashSet<>(
                        jdbc.sql("select id from ads where " + level.scope.column() + " in (:ids)")
                                .param("ids", ids)
                                .query(Long.class)
                                .list());
        if (!ads.isEmpty()) {
            events.publishEvent(new AdsChanged(ads));
        }
    }
}
