package io.sparkads.trends;

import java.sql.Date;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads the trend tables for boards and details. A live window is read from {@code trend_window}
 * (its top rows by the board index); closed windows' top {@value RankChange#TOP} are summed from
 * {@code trend_daily} once and kept in {@code trend_ranks}.
 */
@Repository
class TrendQueries {
    /** The sums of one key over a window. */
    record Figures(
            String key,
            long views,
            long likes,
            long comments,
            long shares,
            long posts,
            long score) {}

    private static final RowMapper<Figures> FIGURES =
            (rs, n) ->
                    new Figures(
                            rs.getString("key"),
                            rs.getLong("views"),
                            rs.getLong("likes"),
                            rs.getLong("comments"),
                            rs.getLong("shares"),
                            rs.getLong("posts"),
                            rs.getLong("score"));

    private final JdbcClient jdbc;

    TrendQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The live window's top rows, best first (score, then views, then key). */
    List<Figures> top(TrendKind kind, String region, int days, int limit) {
        return jdbc.sql(
                        """
                        select key, views, likes, comments, shares, posts, score from trend_window
                        where kind = ? and region = ? and days = ? and score > 0
                        order by score desc, views desc, key limit ?
                        """)
                .params(kind.name(), region, days, limit)
                .query(FIGURES)
                .list();
    }

    Optional<Figures> one(TrendKind kind, String region, int days, String key) {
        return jdbc.sql(
                        """
                        select key, views, likes, comments, shares, posts, score from trend_window
                        where kind = ? and region = ? and days = ? and key = ?
                        """)
                .params(kind.name(), region, days, key)
                .query(FIGURES)
                .optional();
    }

    /** The key's place in the live window, ties ordered as on the board. */
    int rankOf(TrendKind kind, String region, int days, Figures figures) {
        return 1
                + jdbc.sql(
                                """
                                select count(*) from trend_window
                                where kind = :kind and region = :region and days = :days and score > 0
                                  and (score > :score or (score = :score and (views > :views or (views = :views and key < :key))))
                                """)
                        .param("kind", kind.name())
                        .param("region", region)
                        .param("days", days)
                        .param("score", figures.score())
                        .param("views", figures.views())
                        .param("key", figures.key())
                        .query(Integer.class)
                        .single();
    }

    /** The top ranks of a closed window (ending before today), computed once and kept. */
    @Transactional
    public Map<String, Integer> closedRanks(TrendKind kind, String region, TrendWindow window) {
        ensureRanked(kind, region, window.days(), List.of(window.end()));
        Map<String, Integer> ranks = new HashMap<>();
        jdbc.sql(
                        """
                        select key, rank from trend_ranks where kind = ? and region = ? and days = ? and end_day = ?
                        """)
                .params(kind.name(), region, window.days(), Date.valueOf(window.end()))
                .query((rs, n) -> ranks.put(rs.getString(1), rs.getInt(2)))
                .list();
        return ranks;
    }

    /**
     * Each closed day's rank of these keys ({@code day → key → rank}), within the day's top. One
     * short range of {@code trend_ranks_by_key} per key: as {@code key = any(…)}, a generic plan
     * (the driver prepares a statement after a few runs) filtered every day's top 100 instead.
     */
    @Transactional
    public Map<LocalDate, Map<String, Integer>> dailyRanks(
            TrendKind kind, String region, LocalDate first, LocalDate last, Set<String> keys) {
        Map<LocalDate, Map<String, Integer>> ranks = new HashMap<>();
        if (last.isBefore(first) || keys.isEmpty()) {
            return ranks;
        }
        ensureRanked(kind, region, 1, first.datesUntil(last.plusDays(1)).toList());
        jdbc.sql(
                        """
                        select r.end_day, k.key, r.rank from unnest(:keys::text[]) as k(key)
                        cross join lateral (
                            select end_day, rank from trend_ranks
                            where kind = :kind and region = :region and days = 1 and key = k.key
                              and end_day between :first and :last
                            order by end_day) as r
                        """)
                .param("kind", kind.name())
                .param("region", region)
                .param("first", Date.valueOf(first))
                .param("last", Date.valueOf(last))
                .param("keys", keys.toArray(String[]::new))
                .query(
                        (rs, n) ->
                                ranks.computeIfAbsent(
                                                rs.getDate(1).toLocalDate(), d -> new HashMap<>())
                                        .put(rs.getString(2), rs.getInt(3)))
                .list();
        return ranks;
    }

    private void ensureRanked(TrendKind kind, String region, int days, List<LocalDate> ends) {
        Set<LocalDate> known = new HashSet<>();
        jdbc.sql(
                        """
                        select end_day from trend_ranked_windows
                        where kind = ? and region = ? and days = ? and end_day between ? and ?
                        """)
                .params(
                        kind.name(),
                        region,
                        days,
                        Date.valueOf(ends.get(0)),
                        Date.valueOf(ends.get(ends.size() - 1)))
                .query((rs, n) -> known.add(rs.getDate(1).toLocalDate()))
                .list();
        if (days == 1) {
            rankDays(kind, region, ends.stream().filter(end -> !known.contains(end)).toList());
            return;
        }
        for (LocalDate end : ends) {
            if (known.contains(end)) {
                continue;
            }
            TrendWindow window = new TrendWindow(end, days);
            jdbc.sql(
                            """
                            insert into trend_ranks (kind, region, days, end_day, key, rank)
                            select :kind, :region, :days, :end, key,
                                   row_number() over (order by sum(score) desc, sum(views) desc, key)
                            from trend_daily
                            where kind = :kind and region = :region and day between :start and :end
                            group by key having sum(score) > 0
                            order by sum(score) desc, sum(views) desc, key limit :top
                            on conflict do nothing
                            """)
                    .param("kind", kind.name())
                    .param("region", region)
                    .param("days", days)
                    .param("start", Date.valueOf(window.start()))
                    .param("end", Date.valueOf(end))
                    .param("top", RankChange.TOP)
                    .update();
            jdbc.sql(
                            """
                            insert into trend_ranked_windows (kind, region, days, end_day) values (?, ?, ?, ?)
                            on conflict do nothing
                            """)
                    .params(kind.name(), region, days, Date.valueOf(end))
                    .update();
        }
    }

    /**
     * Each day's top {@value RankChange#TOP} (a window of one day) in one statement: a day has one
     * row per key, so each day is the first rows of the (kind, region, day, score) index.
     */
    private void rankDays(TrendKind kind, String region, List<LocalDate> days) {
        if (days.isEmpty()) {
            return;
        }
        String[] dates = days.stream().map(LocalDate::toString).toArray(String[]::new);
        jdbc.sql(
                        """
                        insert into trend_ranks (kind, region, days, end_day, key, rank)
                        select :kind, :region, 1, d.day, t.key, t.rank
                        from unnest(:days::date[]) as d(day)
                        cross join lateral (
                            select key, row_number() over (order by score desc, views desc, key) as rank
                            from (select key, score, views from trend_daily
                                  where kind = :kind and region = :region and day = d.day and score > 0
                                  order by score desc, views desc, key limit :top) as best) as t
                        on conflict do nothing
                        """)
                .param("kind", kind.name())
                .param("region", region)
                .param("days", dates)
                .param("top", RankChange.TOP)
                .update();
        jdbc.sql(
                        """
                        insert into trend_ranked_windows (kind, region, days, end_day)
                        select :kind, :region, 1, d from unnest(:days::date[]) as d
                        on conflict do nothing
                        """)
                .param("kind", kind.name())
                .param("region", region)
                .param("days", dates)
                .update();
    }

    /** Views per day of these keys inside the window ({@code key → day → views}). */
    Map<String, Map<LocalDate, Long>> dailyViews(
            TrendKind kind, String region, TrendWindow window, Set<String> keys) {
        Map<String, Map<LocalDate, Long>> views = new HashMap<>();
        if (keys.isEmpty()) {
            return views;
        }
        jdbc.sql(
                        """
                        select key, day, views from trend_daily
                        where kind = :kind and region = :region and key = any (:keys::text[]) and day between :start and :end
                        """)
                .param("kind", kind.name())
                .param("region", region)
                .param("keys", keys.toArray(String[]::new))
                .param("start", Date.valueOf(window.start()))
                .param("end", Date.valueOf(window.end()))
                .query(
                        (rs, n) ->
                                views.computeIfAbsent(rs.getString(1), k -> new HashMap<>())
                                        .put(rs.getDate(2).toLocalDate(), rs.getLong(3)))
                .list();
        return views;
    }

    /**
     * The posts carrying the trend ({@code by = "item_id"}) or their creators ({@code by =
     * "account_id"}) with the most organic activity inside the window.
     */
    List<Figures> topContributors(
            TrendKind kind, String key, String region, TrendWindow window, String by, int limit) {
        if (!by.equals("item_id") && !by.equals("account_id")) {
            throw new IllegalArgumentException(by);
        }
        return jdbc.sql(
                        """
                        select p.%s::text as key, sum(d.views) as views, sum(d.likes) as likes, sum(d.comments) as comments,
                               sum(d.shares) as shares, count(distinct p.item_id) as posts, sum(d.score) as score
                        from trend_post_keys p
                        join trend_daily d on d.kind = 'POST' and d.region = :region and d.key = p.item_id::text
                                           and d.day between :start and :end
                        where p.kind = :kind and p.key = :key
                        group by p.%s having sum(d.score) > 0
                        order by sum(d.score) desc, sum(d.views) desc, p.%s limit :limit
                        """
                                .formatted(by, by, by))
                .param("kind", kind.name())
                .param("key", key)
                .param("region", region)
                .param("start", Date.valueOf(window.start()))
                .param("end", Date.valueOf(window.end()))
                .param("limit", limit)
                .query(FIGURES)
                .list();
    }

    /**
     * Organic views of the trend inside the window by one audience column ({@code age_group},
     * {@code gender} or {@code region}), most first; {@code region} other than ALL keeps only
     * viewers there.
     */
    Map<String, Long> audience(
            TrendKind kind, String key, String region, TrendWindow window, String column) {
        if (!Set.of("age_group", "gender", "region").contains(column)) {
            throw new IllegalArgumentException(column);
        }
        Map<String, Long> views = new LinkedHashMap<>();
        jdbc.sql(
                        """
                        select %s, sum(views) from trend_audience
                        where kind = :kind and key = :key and day between :start and :end
                          and (:region = 'ALL' or region = :region)
                        group by %s order by sum(views) desc, %s
                        """
                                .formatted(column, column, column))
                .param("kind", kind.name())
                .param("key", key)
                .param("region", region)
                .param("start", Date.valueOf(window.start()))
                .param("end", Date.valueOf(window.end()))
                .query((rs, n) -> views.put(rs.getString(1), rs.getLong(2)))
                .list();
        return views;
    }

    /** The regions that have organic activity, for the region filter. */
    List<String> regions() {
        // A skip scan of the board index: one probe per region, however many rows.
        return jdbc.sql(
                        """
                        with recursive r (region) as (
                            select min(region) from trend_window where kind = 'CREATOR'
                            union all
                            select (select min(region) from trend_window where kind = 'CREATOR' and region > r.region)
                            from r where r.region is not null)
                        select region from r where region is not null and region not in ('ALL', 'NONE') order by region
                        """)
                .query(String.class)
                .list();
    }
}
