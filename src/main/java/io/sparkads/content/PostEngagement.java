package io.sparkads.content;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What accepted events add to posts, organic and paid apart; {@link Posts#add(PostEngagement)}
 * folds it in one transaction: the one that accepted a batch's paid events, or the one in which
 * Trend Discovery's folder takes queued organic events off its queue, so each event counts exactly
 * once. Plain Java.
 */
public final class PostEngagement {

    /** The counters a post keeps, each for organic and for paid engagement. */
    public enum Counter {
        VIEWS,
        LIKES,
        COMMENTS,
        SHARES,
        FOLLOWS,
        PROFILE_VISITS,
        /** Plays watched to the end ({@code VIDEO_P100}): the completion rate's numerator. */
        COMPLETIONS
    }

    private static final int COUNTERS = Counter.values().length;

    private final SortedMap<Long, long[]> organic = new TreeMap<>();
    private final SortedMap<Long, long[]> paid = new TreeMap<>();
    private final SortedMap<PostDay, long[]> organicDays =
            new TreeMap<>(Comparator.comparing(PostDay::itemId).thenComparing(PostDay::day));

    /** A post on a UTC day: organic counts are also kept per day, for recent growth. */
    record PostDay(long itemId, LocalDate day) {}

    /** One organic event on the post, which happened at {@code occurredAt}. */
    public PostEngagement organic(long itemId, Counter counter, Instant occurredAt) {
        return organic(itemId, counter, LocalDate.ofInstant(occurredAt, ZoneOffset.UTC), 1);
    }

    /** {@code times} organic events of one kind on the post, all on the UTC {@code day}. */
    public PostEngagement organic(long itemId, Counter counter, LocalDate day, long times) {
        organic.computeIfAbsent(itemId, k -> new long[COUNTERS])[counter.ordinal()] += times;
        organicDays
                        .computeIfAbsent(new PostDay(itemId, day), k -> new long[COUNTERS])[
                        counter.ordinal()] +=
                times;
        return this;
    }

    /** One paid event on a Spark ad showing the post. */
    public PostEngagement paid(long itemId, Counter counter) {
        paid.computeIfAbsent(itemId, k -> new long[COUNTERS])[counter.ordinal()]++;
        return this;
    }

    /** Nothing to add: no event on any post. */
    public boolean isEmpty() {
        return organic.isEmpty() && paid.isEmpty();
    }

    /** The posts touched, in id order, so concurrent batches lock posts in the same order. */
    Set<Long> itemIds() {
        Set<Long> ids = new TreeSet<>(organic.keySet());
        ids.addAll(paid.keySet());
        return ids;
    }

    /** The days with organic events, per post in id order then by day, with their counts. */
    SortedMap<PostDay, long[]> organicDays() {
        return organicDays;
    }

    long organicCount(long itemId, Counter counter) {
        return count(organic, itemId, counter);
    }

    long paidCount(long itemId, Counter counter) {
        return count(paid, itemId, counter);
    }

    private static long count(Map<Long, long[]> counts, long itemId, Counter counter) {
        long[] c = counts.get(itemId);
        return c == null ? 0 : c[counter.ordinal()];
    }
}
