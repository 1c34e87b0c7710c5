package io.sparkads.trends;

import java.sql.Date;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * Writes the trend tables: adds a batch's {@link TrendActivity} to the daily rows and to every
 * window holding its days, and rolls the windows forward when the UTC day changes (subtracting the
 * days that leave them). Board reads then only take the top rows of a window.
 */
@Repository
class TrendStore {
    /** The window lengths kept, one per {@link DateRange}. */
    static final int[] WINDOWS = {1, 7, 30, 120};

    private final JdbcClient jdbc;

    TrendStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Moves the windows to end on {@code target} if they end before it; answers the day they end
     * on. Called in intake's transaction or one of its own.
     */
    @Transactional
    public LocalDate rollTo(LocalDate target) {
        LocalDate today =
                jdbc.sql("select today from trend_state where id = 1")
                        .query(LocalDate.class)
                        .single();
        if (!target.isAfter(today)) {
            return today;
        }
        today =
                jdbc.sql("select today from trend_state where id = 1 for update")
                        .query(LocalDate.class)
                        .single();
        if (!target.isAfter(today)) {
            return today;
        }
        long moved = ChronoUnit.DAYS.between(today, target);
        for (int days : WINDOWS) {
            if (moved >= days) {
                jdbc.sql("delete from trend_window where days = ?").param(days).update();
                continue;
            }
            // Window [today-days+1, today] becomes [target-days+1, target].
            for (LocalDate leaving = today.minusDays(days - 1L);
                    !leaving.isAfter(target.minusDays(days));
                    leaving = leaving.plusDays(1)) {
                subtract(days, leaving);
            }
        }
        jdbc.sql("update trend_state set today = ? where id = 1")
                .param(Date.valueOf(target))
                .update();
        return target;
    }

    private void subtract(int days, LocalDate leaving) {
        jdbc.sql(
                        """
                        delete from trend_window w using trend_daily d
                        where d.day = :day and w.days = :days and w.kind = d.kind and w.region = d.region and w.key = d.key
                          and w.views = d.views and w.likes = d.likes and w.comments = d.comments
                          and w.shares = d.shares and w.posts = d.posts
                        """)
                .param("day", Date.valueOf(leaving))
                .param("days", days)
                .update();
        jdbc.sql(
                        """
                        update trend_window w
                        set views = w.views - d.views, likes = w.likes - d.likes, comments = w.comments - d.comments,
                            shares = w.shares - d.shares, posts = w.posts - d.posts, score = w.score - d.score
                        from trend_daily d
                        where d.day = :day and w.days = :days and w.kind = d.kind and w.region = d.region and w.key = d.key
                        """)
                .param("day", Date.valueOf(leaving))
                .param("days", days)
                .update();
    }

    /**
     * Adds the activity to the daily rows and to each window, ending {@code today}, that holds its
     * day; a day already closed also drops the cached ranks of the closed windows holding it.
     */
    public void add(TrendActivity activity, LocalDate today) {
        if (activity.isEmpty()) {
            return;
        }
        jdbc.sql("select today from trend_state where id = 1 for share")
                .query(LocalDate.class)
                .single();
        upsertDaily(activity);
        upsertWindows(activity, today);
        upsertAudience(activity);
        insertPostKeys(activity);
        TreeSet<LocalDate> closedDays = new TreeSet<>();
        activity.cells().keySet().stream()
                .map(TrendActivity.Cell::day)
                .filter(day -> day.isBefore(today))
                .forEach(closedDays::add);
        if (!closedDays.isEmpty()) {
            dropRanksHolding(closedDays);
        }
    }

    private void upsertDaily(TrendActivity activity) {
        int n = activity.cells().size();
        String[] kinds = new String[n],
                regions = new String[n],
                keys = new String[n],
                days = new String[n];
        long[][] counts = new long[TrendActivity.COUNTS + 1][n];
        int i = 0;
        for (var entry : activity.cells().entrySet()) {
            var cell = entry.getKey();
            kinds[i] = cell.kind().name();
            regions[i] = cell.region();
            keys[i] = cell.key();
            days[i] = cell.day().toString();
            fill(counts, i, entry.getValue());
            i++;
        }
        upsertSums("trend_daily", "day", "date", kinds, regions, keys, days, counts);
    }

    private record WindowCell(String kind, String region, int days, String key) {}

    private void upsertWindows(TrendActivity activity, LocalDate today) {
        Map<WindowCell, long[]> sums =
                new TreeMap<>(
                        Comparator.comparing(WindowCell::kind)
                                .thenComparing(WindowCell::region)
                                .thenComparingInt(WindowCell::days)
                                .thenComparing(WindowCell::key));
        for (var entry : activity.cells().entrySet()) {
            var cell = entry.getKey();
            for (int days : WINDOWS) {
                if (new TrendWindow(today, days).contains(cell.day())) {
                    long[] sum =
                            sums.computeIfAbsent(
                                    new WindowCell(
                                            cell.kind().name(), cell.region(), days, cell.key()),
                                    k -> new long[TrendActivity.COUNTS]);
                    for (int c = 0; c < TrendActivity.COUNTS; c++) {
                        sum[c] += entry.getValue()[c];
                    }
                }
            }
        }
        if (sums.isEmpty()) {
            return;
        }
        int n = sums.size();
        String[] kinds = new String[n], regions = new String[n], keys = new String[n];
        Integer[] windowDays = new Integer[n];
        long[][] counts = new long[TrendActivity.COUNTS + 1][n];
        int i = 0;
        for (var entry : sums.entrySet()) {
            kinds[i] = entry.getKey().kind();
            regions[i] = entry.getKey().region();
            windowDays[i] = entry.getKey().days();
            keys[i] = entry.getKey().key();
            fill(counts, i, entry.getValue());
            i++;
        }
        upsertSums("trend_window", "days", "integer", kinds, regions, keys, windowDays, counts);
    }

    /**
     * Adds each row's counts to a table of sums keyed by kind, region, key and one more column
     * ({@code day} of trend_daily, {@code days} of trend_window), inserting rows not there yet.
     */
    private void upsertSums(
            String table,
            String column,
            String type,
            String[] kinds,
            String[] regions,
            String[] keys,
            Object[] extra,
            long[][] counts) {
        jdbc.sql(
                        """
                        insert into %1$s (kind, region, key, %2$s, views, likes, comments, shares, posts, score)
                        select c.kind, c.region, c.key, c.extra, c.views, c.likes, c.comments, c.shares, c.posts, c.score
                        from unnest(:kinds::text[], :regions::text[], :keys::text[], :extra::%3$s[], :views::bigint[],
                                    :likes::bigint[], :comments::bigint[], :shares::bigint[], :posts::bigint[], :scores::bigint[])
                             as c(kind, region, key, extra, views, likes, comments, shares, posts, score)
                        on conflict (kind, region, key, %2$s) do update set
                            views = %1$s.views + excluded.views, likes = %1$s.likes + excluded.likes,
                            comments = %1$s.comments + excluded.comments, shares = %1$s.shares + excluded.shares,
                            posts = %1$s.posts + excluded.posts, score = %1$s.score + excluded.score
                        """
                                .formatted(table, column, type))
                .param("kinds", kinds)
                .param("regions", regions)
                .param("keys", keys)
                .param("extra", extra)
                .param("views", counts[TrendActivity.VIEWS])
                .param("likes", counts[TrendActivity.LIKES])
                .param("comments", counts[TrendActivity.COMMENTS])
                .param("shares", counts[TrendActivity.SHARES])
                .param("posts", counts[TrendActivity.POSTS])
                .param("scores", counts[TrendActivity.COUNTS])
                .update();
    }

    /** Row i of the columns: the four counts, posts, and the score last. */
    private static void fill(long[][] columns, int i, long[] counts) {
        for (int c = 0; c < TrendActivity.COUNTS; c++) {
            columns[c][i] = counts[c];
        }
        columns[TrendActivity.COUNTS][i] = TrendActivity.score(counts);
    }

    private void upsertAudience(TrendActivity activity) {
        if (activity.audience().isEmpty()) {
            return;
        }
        List<String> kinds = new ArrayList<>(),
                keys = new ArrayList<>(),
                days = new ArrayList<>(),
                ages = new ArrayList<>(),
                genders = new ArrayList<>(),
                regions = new ArrayList<>();
        List<Long> views = new ArrayList<>();
        activity.audience()
                .forEach(
                        (cell, count) -> {
                            kinds.add(cell.kind().name());
                            keys.add(cell.key());
                            days.add(cell.day().toString());
                            ages.add(cell.ageGroup());
                            genders.add(cell.gender());
                            regions.add(cell.region());
                            views.add(count);
                        });
        jdbc.sql(
                        """
                        insert into trend_audience (kind, key, day, age_group, gender, region, views)
                        select a.kind, a.key, a.day::date, a.age, a.gender, a.region, a.views
                        from unnest(:kinds::text[], :keys::text[], :days::text[], :ages::text[], :genders::text[],
                                    :regions::text[], :views::bigint[]) as a(kind, key, day, age, gender, region, views)
                        on conflict (kind, key, day, age_group, gender, region)
                        do update set views = trend_audience.views + excluded.views
                        """)
                .param("kinds", kinds.toArray(String[]::new))
                .param("keys", keys.toArray(String[]::new))
                .param("days", days.toArray(String[]::new))
                .param("ages", ages.toArray(String[]::new))
                .param("genders", genders.toArray(String[]::new))
                .param("regions", regions.toArray(String[]::new))
                .param("views", views.toArray(Long[]::new))
                .update();
    }

    private void insertPostKeys(TrendActivity activity) {
        int n = activity.postKeys().size();
        String[] kinds = new String[n], keys = new String[n];
        Long[] items = new Long[n], accounts = new Long[n];
        int i = 0;
        for (var postKey : activity.postKeys()) {
            kinds[i] = postKey.kind().name();
            keys[i] = postKey.key();
            items[i] = postKey.itemId();
            accounts[i] = postKey.accountId();
            i++;
        }
        jdbc.sql(
                        """
                        insert into trend_post_keys (kind, key, item_id, account_id)
                        select * from unnest(:kinds::text[], :keys::text[], :items::bigint[], :accounts::bigint[])
                        on conflict do nothing
                        """)
                .param("kinds", kinds)
                .param("keys", keys)
                .param("items", items)
                .param("accounts", accounts)
                .update();
    }

    /** Cached ranks of closed windows holding one of these days are no longer right. */
    private void dropRanksHolding(TreeSet<LocalDate> days) {
        String[] dates = days.stream().map(LocalDate::toString).toArray(String[]::new);
        for (String table : List.of("trend_ranks", "trend_ranked_windows")) {
            jdbc.sql(
                            "delete from "
                                    + table
                                    + """
                                     t where t.end_day >= :first
                                      and exists (select 1 from unnest(:days::date[]) d where t.end_day >= d and t.end_day - t.days < d)
                                    """)
                    .param("first", Date.valueOf(days.first()))
                    .param("days", dates)
                    .update();
        }
    }
}
