package io.sparkads.content;

import io.sparkads.common.Ids;
import io.sparkads.common.Refusal;
import java.sql.Array;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Organic posts: created and removed by the host app, counted by organic events and, apart, by the
 * paid events of their Spark ads.
 */
@Service
public class Posts {
    public static final int MAX_DURATION_MS = 10 * 60 * 1000;

    static final RowMapper<Post> ROW =
            (rs, n) ->
                    new Post(
                            rs.getLong("id"),
                            rs.getLong("account_id"),
                            rs.getString("caption"),
                            strings(rs.getArray("hashtags")),
                            rs.getString("sound_id"),
                            rs.getInt("duration_ms"),
                            rs.getString("video_url"),
                            Post.Visibility.valueOf(rs.getString("visibility")),
                            rs.getTimestamp("created_at").toInstant(),
                            rs.getTimestamp("deleted_at") == null
                                    ? null
                                    : rs.getTimestamp("deleted_at").toInstant(),
                            new Post.OrganicCounters(
                                    rs.getLong("organic_views"),
                                    rs.getLong("organic_likes"),
                                    rs.getLong("organic_comments"),
                                    rs.getLong("organic_shares"),
                                    rs.getLong("organic_follows"),
                                    rs.getLong("organic_profile_visits")),
                            rs.getBoolean("ads_only"),
                            new Post.PaidCounters(
                                    rs.getLong("paid_views"),
                                    rs.getLong("paid_likes"),
                                    rs.getLong("paid_comments"),
                                    rs.getLong("paid_shares"),
                                    rs.getLong("paid_follows"),
                                    rs.getLong("paid_profile_visits")));

    private final JdbcClient jdbc;
    private final Clock clock;
    private final AppAccounts accounts;
    private final ApplicationEventPublisher events;
    private final PostCounters counters;

    Posts(
            JdbcClient jdbc,
            Clock clock,
            AppAccounts accounts,
            ApplicationEventPublisher events,
            PostCounters counters) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.accounts = accounts;
        this.events = events;
        this.counters = counters;
    }

    public record NewPost(
            long accountId,
            String caption,
            List<String> hashtags,
            String soundId,
            Integer durationMs,
            String videoUrl,
            Post.Visibility visibility) {}

    @Transactional
    public Post create(NewPost draft) {
        AppAccount account = accounts.get(draft.accountId());
        String caption = draft.caption() == null ? "" : draft.caption();
        if (caption.length() > 2200) {
            throw Refusal.invalid("caption must be at most 2200 characters");
        }
        if (draft.durationMs() == null
                || draft.durationMs() <= 0
                || draft.durationMs() > MAX_DURATION_MS) {
            throw Refusal.invalid(
                    "duration_ms is required and must be between 1 and " + MAX_DURATION_MS);
        }
        if (draft.visibility() == null) {
            throw Refusal.invalid("visibility is required: PUBLIC, FRIENDS or PRIVATE");
        }
        List<String> hashtags = draft.hashtags() == null ? List.of() : draft.hashtags();
        for (String tag : hashtags) {
            if (tag == null || !tag.matches("#?[\\p{L}\\p{N}_]{1,100}")) {
                throw Refusal.invalid(
                        "hashtags must be words of letters, digits or '_', was '" + tag + "'");
            }
        }
        List<String> normalized =
                hashtags.stream().map(t -> t.startsWith("#") ? t.substring(1) : t).toList();
        if (draft.videoUrl() != null && !draft.videoUrl().matches("(https?://|/)\\S+")) {
            throw Refusal.invalid(
                    "video_url must be an http(s) URL or a path, was '" + draft.videoUrl() + "'");
        }
        long id = Ids.next();
        Instant now = Instant.now(clock);
        jdbc.sql(
                        """
                        insert into posts (id, account_id, caption, hashtags, sound_id, duration_ms, video_url, visibility, created_at)
                        values (?, ?, ?, ?::text[], ?, ?, ?, ?, ?)
                        """)
                .params(
                        id,
                        draft.accountId(),
                        caption,
                        normalized.toArray(String[]::new),
                        draft.soundId(),
                        draft.durationMs(),
                        draft.videoUrl(),
                        draft.visibility().name(),
                        Timestamp.from(now))
                .update();
        events.publishEvent(
                new PostPublished(
                        id, account.id(), account.region(), normalized, draft.soundId(), now));
        return get(id);
    }

    /**
     * Publishes an advertiser's video, pushed through an account link, as a post of the creator
     * once it passed review: on the profile too, or for ads only if the creator chose so.
     */
    @Transactional
    public Post publishPushedVideo(
            long accountId, String caption, int durationMs, String videoUrl, boolean adsOnly) {
        Post post =
                create(
                        new NewPost(
                                accountId,
                                caption == null ? "" : caption,
                                List.of(),
                                null,
                                durationMs,
                                videoUrl,
                                Post.Visibility.PUBLIC));
        if (adsOnly) {
            jdbc.sql("update posts set ads_only = true where id = ?").param(post.itemId()).update();
        }
        return get(post.itemId());
    }

    public Optional<Post> find(long itemId) {
        return jdbc.sql("select * from posts where id = ?").param(itemId).query(ROW).optional();
    }

    public Post get(long itemId) {
        return find(itemId).orElseThrow(() -> Refusal.notFound("No post with item_id " + itemId));
    }

    public List<Post> findAll(Collection<Long> itemIds) {
        if (itemIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("select * from posts where id in (:ids)")
                .param("ids", itemIds)
                .query(ROW)
                .list();
    }

    /**
     * Which of these posts exist, deleted ones included (a post's row is never removed, so the
     * answer for an id never turns from yes to no).
     */
    public Set<Long> existing(Collection<Long> itemIds) {
        if (itemIds.isEmpty()) {
            return Set.of();
        }
        return new HashSet<>(
                jdbc.sql("select id from posts where id = any(?)")
                        .param(itemIds.toArray(Long[]::new))
                        .query(Long.class)
                        .list());
    }

    /**
     * The account's posts, newest first, deleted ones left out; ads-only posts included, flagged.
     */
    public List<Post> ofAccount(long accountId) {
        return jdbc.sql(
                        "select * from posts where account_id = ? and deleted_at is null order by created_at desc, id desc")
                .param(accountId)
                .query(ROW)
                .list();
    }

    @Transactional
    public void delete(long itemId) {
        Post post = get(itemId);
        if (post.deletedAt() != null) {
            return;
        }
        jdbc.sql("update posts set deleted_at = ? where id = ?")
                .params(Timestamp.from(clock.instant()), itemId)
                .update();
        events.publishEvent(new PostDeleted(itemId, post.accountId()));
    }

    @Transactional
    public Post changeVisibility(long itemId, Post.Visibility visibility) {
        if (visibility == null) {
            throw Refusal.invalid("visibility is required: PUBLIC, FRIENDS or PRIVATE");
        }
        Post post = get(itemId);
        if (post.deletedAt() != null) {
            throw Refusal.conflict("Post " + itemId + " is deleted");
        }
        if (post.visibility() != visibility) {
            jdbc.sql("update posts set visibility = ? where id = ?")
                    .params(visibility.name(), itemId)
                    .update();
            events.publishEvent(new PostVisibilityChanged(itemId, post.accountId(), visibility));
        }
        return get(itemId);
    }

    /**
     * Adds engagement, organic and paid apart, in a few statements whatever the number of posts
     * ({@link PostCounters}). Called in the transaction that makes the events count: the request's
     * for paid events, the trend folder's for organic ones (about a second after intake).
     */
    public void add(PostEngagement engagement) {
        counters.add(engagement);
    }

    /**
     * Organic views of each post in the last 7 UTC days up to {@code today} and in the 7 before,
     * and how many of its organic plays were watched to the end, over the days whose completions
     * were counted; posts without organic days are left out.
     */
    public Map<Long, RecentViews> recentViews(Collection<Long> itemIds, LocalDate today) {
        if (itemIds.isEmpty()) {
            return Map.of();
        }
        return jdbc
                .sql(
                        """
                        select item_id,
                               coalesce(sum(views) filter (where day > :today::date - 7), 0) as this_week,
                               coalesce(sum(views) filter (where day > :today::date - 14 and day <= :today::date - 7), 0)
                                   as week_before,
                               coalesce(sum(views) filter (where completions is not null), 0) as measured_plays,
                               coalesce(sum(completions), 0) as completions
                        from post_organic_days
                        where item_id in (:ids) and day <= :today::date
                        group by item_id
                        """)
                .param("ids", itemIds)
                .param("today", today.toString())
                .query(
                        (rs, n) ->
                                Map.entry(
                                        rs.getLong("item_id"),
                                        new RecentViews(
                                                rs.getLong("this_week"),
                                                rs.getLong("week_before"),
                                                rs.getLong("measured_plays"),
                                                rs.getLong("completions"))))
                .list()
                .stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    /**
     * A post's organic views in the last 7 days and in the 7 days before them; and its organic
     * plays on days whose completions were counted, with how many of those were watched to the end.
     */
    public record RecentViews(
            long lastSevenDays, long sevenDaysBefore, long measuredPlays, long completions) {
        public static final RecentViews NONE = new RecentViews(0, 0, 0, 0);

        public RecentViews(long lastSevenDays, long sevenDaysBefore) {
            this(lastSevenDays, sevenDaysBefore, 0, 0);
        }
    }

    /** A hashtag's organic reach among public posts. */
    public record HashtagStats(String hashtag, long posts, long views, long likes) {}

    /** Hashtags of public posts created since {@code since}, most viewed first. */
    public List<HashtagStats> topHashtags(Instant since, int limit) {
        return jdbc.sql(
                        """
                        select tag, count(*) as posts, sum(organic_views) as views, sum(organic_likes) as likes
                        from posts, unnest(hashtags) as tag
                        where deleted_at is null and visibility = 'PUBLIC' and created_at >= ?
                        group by tag order by views desc, likes desc, tag limit ?
                        """)
                .params(Timestamp.from(since), limit)
                .query(
                        (rs, n) ->
                                new HashtagStats(
                                        rs.getString("tag"),
                                        rs.getLong("posts"),
                                        rs.getLong("views"),
                                        rs.getLong("likes")))
                .list();
    }

    /** Public posts carrying the hashtag, most viewed first. */
    public List<Post> withHashtag(String hashtag, int limit) {
        return jdbc.sql(
                        """
                        select * from posts where deleted_at is null and visibility = 'PUBLIC' and ? = any (hashtags)
                        order by organic_views desc, id limit ?
                        """)
                .params(hashtag, limit)
                .query(ROW)
                .list();
    }

    private static List<String> strings(Array array) throws SQLException {
        return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
    }
}
