package io.sparkads.trends;

import io.sparkads.content.AppAccounts;
import io.sparkads.content.Post;
import io.sparkads.content.PostEngagement;
import io.sparkads.content.Posts;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Adds the organic events that intake queued in {@code trend_pending} to their posts' organic
 * counters and days and to the trend tables, about once a second, merged: a second's events on a
 * post, hashtag or creator become one row update instead of one per batch. Rows leave the queue in
 * the transaction that counts them, so an event is counted exactly once even if the server stops
 * mid-fold; one server folds at a time (a transaction-level advisory lock), so servers never fight
 * over the trend rows.
 */
@Component
class TrendFolder {
    /** At most this many queued events per transaction, so a long backlog folds in steps. */
    static final int RUN = 20_000;

    /** The advisory lock held by the server that folds ("TRND"). */
    private static final long FOLD_LOCK = 0x54524e44L;

    private static final PostEngagement.Counter[] COUNTERS = PostEngagement.Counter.values();

    private final JdbcClient jdbc;
    private final TrendStore store;
    private final Posts posts;
    private final AppAccounts accounts;
    private final Clock clock;
    private final TransactionTemplate transactions;

    TrendFolder(
            JdbcClient jdbc,
            TrendStore store,
            Posts posts,
            AppAccounts accounts,
            Clock clock,
            PlatformTransactionManager transactionManager) {
        this.jdbc = jdbc;
        this.store = store;
        this.posts = posts;
        this.accounts = accounts;
        this.clock = clock;
        this.transactions = new TransactionTemplate(transactionManager);
    }

    @Scheduled(
            fixedDelayString = "${sparkads.trends.fold-interval:1s}",
            initialDelayString = "${sparkads.trends.fold-interval:1s}")
    void foldQueued() {
        while (foldRun() >= RUN) {
            // A full run: more may be waiting.
        }
    }

    /**
     * Folds up to {@link #RUN} queued events, oldest first, in one transaction; answers how many.
     * Waits while another server folds, then takes what is left.
     */
    int foldRun() {
        Integer folded =
                transactions.execute(
                        status -> {
                            jdbc.sql("select 1 from pg_advisory_xact_lock(?)")
                                    .param(FOLD_LOCK)
                                    .query(Integer.class)
                                    .single();
                            List<Queued> run = take();
                            if (!run.isEmpty()) {
                                LocalDate today = store.rollTo(TrendWindow.today(clock));
                                store.add(activity(run, today), today);
                                posts.add(engagement(run));
                            }
                            return run.stream().mapToInt(Queued::times).sum();
                        });
        return folded == null ? 0 : folded;
    }

    /**
     * {@code times} queued events alike. Counter: a {@link PostEngagement.Counter}'s ordinal;
     * onPost: not yet on the post's counters (false only for rows queued by the version that
     * counted posts in the request).
     */
    private record Queued(
            long itemId,
            int counter,
            LocalDate day,
            String viewerRegion,
            String ageGroup,
            String gender,
            boolean onPost,
            int times) {}

    /**
     * Takes the oldest {@link #RUN} queued events, or all, merged: alike events come back as one
     * row with their number (a post's views of a second by viewers of one kind are one row, not
     * thousands). A bound on the id rather than {@code id in (… limit)}: the planner, told by
     * autovacuum that the queue is empty, may otherwise join the queue with itself row by row.
     */
    private List<Queued> take() {
        return jdbc.sql(
                        """
                        with taken as (
                            delete from trend_pending
                            where id <= coalesce((select id from trend_pending order by id offset :last limit 1), 9223372036854775807)
                            returning item_id, counter, day, viewer_region, age_group, gender, on_post)
                        select item_id, counter, day, viewer_region, age_group, gender, on_post, count(*)
                        from taken
                        group by item_id, counter, day, viewer_region, age_group, gender, on_post
                        """)
                .param("last", RUN - 1)
                .query(
                        (rs, i) ->
                                new Queued(
                                        rs.getLong(1),
                                        rs.getInt(2),
                                        rs.getDate(3).toLocalDate(),
                                        rs.getString(4),
                                        rs.getString(5),
                                        rs.getString(6),
                                        rs.getBoolean(7),
                                        rs.getInt(8)))
                .list();
    }

    /** What the run adds, each event under its post's keys; events of deleted posts are dropped. */
    private TrendActivity activity(List<Queued> run, LocalDate today) {
        Set<Long> itemIds = new HashSet<>();
        run.forEach(q -> itemIds.add(q.itemId()));
        Map<Long, Post> byId =
                posts.findAll(itemIds).stream()
                        .collect(Collectors.toMap(Post::itemId, Function.identity()));
        Map<Long, String> regions = new HashMap<>();
        accounts.findAll(byId.values().stream().map(Post::accountId).collect(Collectors.toSet()))
                .forEach(a -> regions.put(a.id(), a.region()));
        TrendActivity activity = new TrendActivity();
        for (Queued q : run) {
            Post post = byId.get(q.itemId());
            int counter = TrendIntake.trendCounterOf(COUNTERS[q.counter()]);
            if (post == null || counter < 0) {
                continue;
            }
            // Within the allowed clock skew an event may come from just past midnight.
            LocalDate day = q.day().isAfter(today) ? today : q.day();
            activity.events(
                    TrendIntake.facts(post, regions.get(post.accountId())),
                    counter,
                    day,
                    q.viewerRegion(),
                    q.ageGroup(),
                    q.gender(),
                    q.times());
        }
        return activity;
    }

    /** What the run adds to its posts' organic counters, on the days the events happened. */
    private static PostEngagement engagement(List<Queued> run) {
        PostEngagement engagement = new PostEngagement();
        for (Queued q : run) {
            if (q.onPost()) {
                engagement.organic(q.itemId(), COUNTERS[q.counter()], q.day(), q.times());
            }
        }
        return engagement;
    }
}
