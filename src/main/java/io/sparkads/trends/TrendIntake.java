package io.sparkads.trends;

import io.sparkads.content.Post;
import io.sparkads.content.PostEngagement;
import io.sparkads.content.PostPublished;
import io.sparkads.tracking.OrganicEventsAccepted;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Feeds the trend tables and the posts' organic counters. Organic events that a post counts are
 * queued in {@code trend_pending} in the transaction that accepts them (a synchronous listener, one
 * statement per batch), so each is counted exactly once, and {@link TrendFolder} adds them to the
 * posts and the trend tables about a second later: intake never waits on a post's row or the trend
 * rows, which concurrent batches would otherwise share. New posts are counted at once, in the
 * transaction that creates them. Paid events are never published to it.
 */
@Component
class TrendIntake {
    private final TrendStore store;
    private final JdbcClient jdbc;
    private final Clock clock;

    TrendIntake(TrendStore store, JdbcClient jdbc, Clock clock) {
        this.store = store;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @EventListener
    void on(OrganicEventsAccepted accepted) {
        List<OrganicEventsAccepted.OrganicEvent> counted =
                accepted.events().stream().filter(e -> e.type().postCounter().isPresent()).toList();
        if (counted.isEmpty()) {
            return;
        }
        int n = counted.size();
        Long[] items = new Long[n];
        Integer[] counters = new Integer[n];
        String[] days = new String[n], regions = new String[n], ages = new String[n];
        String[] genders = new String[n];
        for (int i = 0; i < n; i++) {
            var event = counted.get(i);
            var viewer = event.viewer();
            items[i] = event.itemId();
            counters[i] = event.type().postCounter().orElseThrow().ordinal();
            days[i] = LocalDate.ofInstant(event.occurredAt(), ZoneOffset.UTC).toString();
            regions[i] = viewer == null ? null : viewer.region();
            ages[i] = viewer == null ? null : viewer.ageGroup();
            genders[i] = viewer == null ? null : viewer.gender();
        }
        jdbc.sql(
                        """
                        insert into trend_pending (item_id, counter, day, viewer_region, age_group, gender, on_post)
                        select *, true from unnest(:items::bigint[], :counters::integer[], :days::date[],
                                                   :regions::text[], :ages::text[], :genders::text[])
                        """)
                .param("items", items)
                .param("counters", counters)
                .param("days", days)
                .param("regions", regions)
                .param("ages", ages)
                .param("genders", genders)
                .update();
    }

    @EventListener
    void on(PostPublished published) {
        LocalDate today = store.rollTo(TrendWindow.today(clock));
        LocalDate day = LocalDate.ofInstant(published.createdAt(), ZoneOffset.UTC);
        var facts =
                new TrendActivity.PostFacts(
                        published.itemId(),
                        published.accountId(),
                        published.region(),
                        published.hashtags(),
                        published.soundId());
        store.add(new TrendActivity().post(facts, day.isAfter(today) ? today : day), today);
    }

    static TrendActivity.PostFacts facts(Post post, String creatorRegion) {
        return new TrendActivity.PostFacts(
                post.itemId(),
                post.accountId(),
                creatorRegion == null ? TrendActivity.NONE : creatorRegion,
                post.hashtags(),
                post.soundId());
    }

    /**
     * The trend counter a queued post counter raises, or -1 for one that trends do not count
     * (follows, profile visits, completions count on the post only).
     */
    static int trendCounterOf(PostEngagement.Counter counter) {
        return switch (counter) {
            case VIEWS -> TrendActivity.VIEWS;
            case LIKES -> TrendActivity.LIKES;
            case COMMENTS -> TrendActivity.COMMENTS;
            case SHARES -> TrendActivity.SHARES;
            default -> -1;
        };
    }
}
