package io.sparkads.reporting;

import io.sparkads.common.AdLineage;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Every ad's lifetime outcomes as the rollups count them: the evidence delivery learns each ad's
 * rates from, and what an ad's page measures. Read from {@code ad_outcome_totals}, one row per ad
 * kept in the transaction that accepts the events, so every server that asks sees the same totals;
 * a reader that keeps them up to date asks only for the ads that changed since its last read.
 */
@Service
public class AdOutcomeTotals {

    /**
     * One ad's lifetime totals.
     *
     * @param sixSecondViews views of 6 seconds or more ({@code video_watched_6s})
     * @param completions views to the end ({@code video_views_p100})
     * @param engagements likes, comments, shares and follows
     */
    public record Totals(
            AdLineage lineage,
            long impressions,
            long clicks,
            long sixSecondViews,
            long completions,
            long conversions,
            long engagements,
            long profileVisits,
            long follows) {}

    /**
     * Totals as one read found them, and the mark to pass to {@link #changedSince} for what changes
     * after it.
     *
     * @param mark the oldest transaction still running when the read began: whatever commits later
     *     was written by it or a newer one
     */
    public record Read(List<Totals> totals, long mark) {}

    private static final String SELECT =
            """
            select ad_id, adgroup_id, campaign_id, advertiser_id, impressions, clicks,
                   video_watched_6s, video_views_p100, conversions,
                   likes + comments + shares + follows as engagements, profile_visits, follows
            from ad_outcome_totals
            """;

    private final JdbcClient jdbc;

    AdOutcomeTotals(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Every ad that has had an event, with its totals; in ad id order. */
    public Read all() {
        long mark = mark();
        return new Read(
                jdbc.sql(SELECT + " order by ad_id").query(AdOutcomeTotals::totals).list(), mark);
    }

    /**
     * The ads whose totals changed since the read that returned {@code mark} (and some that changed
     * just before it: a row written by a transaction still running then is read again).
     */
    public Read changedSince(long mark) {
        long next = mark();
        return new Read(
                jdbc.sql(SELECT + " where changed_xid >= ?::text::xid8")
                        .param(Long.toString(mark))
                        .query(AdOutcomeTotals::totals)
                        .list(),
                next);
    }

    /** The ad's totals; empty before its first event. */
    public Optional<Totals> ofAd(long adId) {
        return jdbc.sql(SELECT + " where ad_id = ?")
                .param(adId)
                .query(AdOutcomeTotals::totals)
                .optional();
    }

    /**
     * Taken before the read it marks, in a statement of its own: an earlier mark only reads a few
     * rows again next time, never misses one.
     */
    private long mark() {
        return jdbc.sql("select pg_snapshot_xmin(pg_current_snapshot())::text::bigint")
                .query(Long.class)
                .single();
    }

    private static Totals totals(ResultSet rs, int row) throws SQLException {
        return new Totals(
                new AdLineage(
                        rs.getLong("ad_id"),
                        rs.getLong("adgroup_id"),
                        rs.getLong("campaign_id"),
                        rs.getLong("advertiser_id")),
                rs.getLong("impressions"),
                rs.getLong("clicks"),
                rs.getLong("video_watched_6s"),
                rs.getLong("video_views_p100"),
                rs.getLong("conversions"),
                rs.getLong("engagements"),
                rs.getLong("profile_visits"),
                rs.getLong("follows"));
    }
}
