package io.sparkads.trends;

import io.sparkads.content.AppAccounts;
import io.sparkads.content.Post;
import io.sparkads.content.PostPublished;
import io.sparkads.content.Posts;
import io.sparkads.tracking.EventType;
import io.sparkads.tracking.OrganicEventsAccepted;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Keeps the trend tables up to date at intake: organic events and new posts are counted in the
 * transaction that accepts them (synchronous listeners), so each counts exactly once, as the posts'
 * organic counters do. Paid events are never published to it.
 */
@Component
class TrendIntake {
    private final TrendStore store;
    private final Posts posts;
    private final AppAccounts accounts;
    private final Clock clock;

    TrendIntake(TrendStore store, Posts posts, AppAccounts accounts, Clock clock) {
        this.store = store;
        this.posts = posts;
        this.accounts = accounts;
        this.clock = clock;
    }

    @EventListener
    void on(OrganicEventsAccepted accepted) {
        Set<Long> itemIds =
                accepted.events().stream()
                        .map(OrganicEventsAccepted.OrganicEvent::itemId)
                        .collect(Collectors.toSet());
        Map<Long, Post> byId =
                posts.findAll(itemIds).stream()
                        .collect(Collectors.toMap(Post::itemId, Function.identity()));
        Map<Long, String> regions = new HashMap<>();
        accounts.findAll(byId.values().stream().map(Post::accountId).collect(Collectors.toSet()))
                .forEach(a -> regions.put(a.id(), a.region()));
        LocalDate today = store.rollTo(TrendWindow.today(clock));
        TrendActivity activity = new TrendActivity();
        for (OrganicEventsAccepted.OrganicEvent event : accepted.events()) {
            int counter = counterOf(event.type());
            Post post = byId.get(event.itemId());
            if (counter < 0 || post == null) {
                continue;
            }
            LocalDate day = LocalDate.ofInstant(event.occurredAt(), ZoneOffset.UTC);
            // Within the allowed clock skew an event may come from just past midnight.
            if (day.isAfter(today)) {
                day = today;
            }
            var viewer = event.viewer();
            activity.event(
                    facts(post, regions.get(post.accountId())),
                    counter,
                    day,
                    viewer == null ? null : viewer.region(),
                    viewer == null ? null : viewer.ageGroup(),
                    viewer == null ? null : viewer.gender());
        }
        store.add(activity, today);
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
