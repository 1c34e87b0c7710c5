package io.sparkads.trends;

import io.sparkads.content.Post;
import io.sparkads.content.PostPublished;
import io.sparkads.tracking.EventType;
import io.sparkads.tracking.OrganicEventsAccepted;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Feeds the trend tables. Organic events are queued in {@code trend_pending} in the transaction
 * that accepts them (a synchronous listener, one statement per batch), so each is counted exactly
 * once, and {@link TrendFolder} adds them to the trend tables about a second later: intake never
 * waits on the trend rows, which every batch of a creator or region would otherwise share. New
 * posts are counted at once, in the transaction that creates them. Paid events are never published
 * to it.
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
                accepted.events().stream().filter(e -> counterOf(e.type()) >= 0).toList();
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
            counters[i] = counterOf(event.type());
            days[i] = LocalDate.ofInstant(event.occurredAt(), ZoneOffset.UTC).toString();
            regions[i] = viewer == null ? null : viewer.region();
            ages[i] = viewer == null ? null : viewer.ageGroup();
            genders[i] = viewer == null ? null : viewer.gender();
        }
        jdbc.sql(
                        """
                        insert into trend_pending (item_id, counter, day, viewer_region, age_group, gender)
                        select * from unnest(:items::bigint[], :counters::integer[], :days::date[],
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

    /** The trend counter an organic event raises, or -1 for one that trends do not count. */
    static int counterOf(EventType type) {
        return switch (type) {
            case VIDEO_PLAY -> TrendActivity.VIEWS;
            case LIKE -> TrendActivity.LIKES;
            case COMMENT -> TrendActivity.COMMENTS;
            case SHARE -> TrendActivity.SHARES;
            default -> -1;
        };
    }
}
