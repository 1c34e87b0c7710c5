package io.sparkads.trends;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What one batch of organic events (or one new post) adds to the trend tables, summed per kind,
 * region, key and day. Plain Java, filled on the intake path. Each view, like, comment, share or
 * post counts under the region it happened in and under {@code ALL}.
 */
final class TrendActivity {
    static final String ALL = "ALL";

    /** Unknown age group, gender or region of an organic viewer. */
    static final String NONE = "NONE";

    static final int VIEWS = 0, LIKES = 1, COMMENTS = 2, SHARES = 3, POSTS = 4, COUNTS = 5;

    /** What trends need to know of a post. */
    record PostFacts(
            long itemId,
            long accountId,
            String creatorRegion,
            List<String> hashtags,
            String soundId) {

        /** The trends the post counts toward: itself, its creator, its sound, its hashtags. */
        List<Key> keys() {
            List<Key> keys = new ArrayList<>();
            keys.add(new Key(TrendKind.POST, String.valueOf(itemId)));
            keys.add(new Key(TrendKind.CREATOR, String.valueOf(accountId)));
            if (soundId != null && !soundId.isBlank()) {
                keys.add(new Key(TrendKind.SOUND, soundId));
            }
            for (String tag : new LinkedHashSet<>(hashtags)) {
                keys.add(new Key(TrendKind.HASHTAG, tag));
            }
            return keys;
        }
    }

    record Key(TrendKind kind, String key) {}

    record Cell(TrendKind kind, String region, String key, LocalDate day) {}

    record AudienceCell(
            TrendKind kind,
            String key,
            LocalDate day,
            String ageGroup,
            String gender,
            String region) {}

    record PostKey(TrendKind kind, String key, long itemId, long accountId) {}

    /** Sorted, so concurrent batches upsert rows in the same order and cannot deadlock. */
    private static final Comparator<Cell> ORDER =
            Comparator.comparing(Cell::kind)
                    .thenComparing(Cell::region)
                    .thenComparing(Cell::key)
                    .thenComparing(Cell::day);

    private final SortedMap<Cell, long[]> cells = new TreeMap<>(ORDER);
    private final Map<AudienceCell, Long> audience = new TreeMap<>(audienceOrder());
    private final Set<PostKey> postKeys = new LinkedHashSet<>();

    /**
     * {@code times} organic events of the post alike (same counter, day and viewer); {@code
     * counter} is {@link #VIEWS}, {@link #LIKES}, {@link #COMMENTS} or {@link #SHARES}. Views also
     * count toward the audience.
     */
    TrendActivity events(
            PostFacts post,
            int counter,
            LocalDate day,
            String viewerRegion,
            String ageGroup,
            String gender,
            long times) {
        String region = viewerRegion != null ? viewerRegion : post.creatorRegion();
        for (Key key : post.keys()) {
            add(new Cell(key.kind(), region, key.key(), day), counter, times);
            add(new Cell(key.kind(), ALL, key.key(), day), counter, times);
            postKeys.add(new PostKey(key.kind(), key.key(), post.itemId(), post.accountId()));
            if (counter == VIEWS) {
                audience.merge(
                        new AudienceCell(
                                key.kind(),
                                key.key(),
                                day,
                                orNone(ageGroup),
                                orNone(gender),
                                orNone(viewerRegion)),
                        times,
                        Long::sum);
            }
        }
        return this;
    }

    /** A new post: one more post in its creator's region for each of its trends. */
    TrendActivity post(PostFacts post, LocalDate day) {
        for (Key key : post.keys()) {
            add(new Cell(key.kind(), post.creatorRegion(), key.key(), day), POSTS, 1);
            add(new Cell(key.kind(), ALL, key.key(), day), POSTS, 1);
            postKeys.add(new PostKey(key.kind(), key.key(), post.itemId(), post.accountId()));
        }
        return this;
    }

    boolean isEmpty() {
        return cells.isEmpty();
    }

    SortedMap<Cell, long[]> cells() {
        return cells;
    }

    Map<AudienceCell, Long> audience() {
        return audience;
    }

    Set<PostKey> postKeys() {
        return postKeys;
    }

    static long score(long[] counts) {
        return TrendScore.of(counts[VIEWS], counts[LIKES], counts[COMMENTS], counts[SHARES]);
    }

    private void add(Cell cell, int counter, long times) {
        cells.computeIfAbsent(cell, c -> new long[COUNTS])[counter] += times;
    }

    private static String orNone(String value) {
        return value == null ? NONE : value;
    }

    private static Comparator<AudienceCell> audienceOrder() {
        return Comparator.comparing(AudienceCell::kind)
                .thenComparing(AudienceCell::key)
                .thenComparing(AudienceCell::day)
                .thenComparing(AudienceCell::ageGroup)
                .thenComparing(AudienceCell::gender)
                .thenComparing(AudienceCell::region);
    }
}
