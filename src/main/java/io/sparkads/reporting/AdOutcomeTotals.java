package io.sparkads.reporting;

import io.sparkads.common.AdLineage;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Every ad's lifetime outcomes as the rollups count them: the evidence delivery learns each ad's
 * rates from, and what an ad's page measures. Read from the daily ad rollups in one grouped query,
 * so every server that asks sees the same totals.
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

    // An ad's lineage never changes, so min() of each parent id is simply its parent. Each sum is
    // cast to bigint: a sum of bigints is numeric, which the driver reads far more slowly.
    private static final String SELECT =
            """
            select ad_id, min(adgroup_id) as adgroup_id, min(campaign_id) as campaign_id,
                   min(advertiser_id) as advertiser_id, sum(impressions)::bigint as impressions,
                   sum(clicks)::bigint as clicks,
                   sum(video_watched_6s)::bigint as six_second_views,
                   sum(video_views_p100)::bigint as completions,
                   sum(conversions)::bigint as conversions,
                   sum(likes + comments + shares + follows)::bigint as engagements,
                   sum(profile_visits)::bigint as profile_visits, sum(follows)::bigint as follows
            from daily_ad_rollups
            """;

    private final JdbcClient jdbc;

    AdOutcomeTotals(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Every ad that has had an event, with its totals; in ad id order. */
    public List<Totals> byAd() {
        List<Totals> all =
                new ArrayList<>(
                        jdbc.sql(SELECT + " group by ad_id").query(AdOutcomeTotals::totals).list());
        all.sort(Comparator.comparingLong(t -> t.lineage().adId()));
        return all;
    }

    /** The ad's totals; empty before its first event. */
    public Optional<Totals> ofAd(long adId) {
        return jdbc.sql(SELECT + " where ad_id = ? group by ad_id")
                .param(adId)
                .query(AdOutcomeTotals::totals)
                .optional();
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
                rs.getLong("six_second_views"),
                rs.getLong("completions"),
                rs.getLong("conversions"),
                rs.getLong("engagements"),
                rs.getLong("profile_visits"),
                rs.getLong("follows"));
    }
}
