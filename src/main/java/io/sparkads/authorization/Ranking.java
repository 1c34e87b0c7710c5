package io.sparkads.authorization;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.ToLongFunction;

/**
 * The Spark-ready scores of an ad account's Spark-available posts, by item id. A post the account
 * cannot run now is not in it, and ranks last.
 */
public record Ranking(Map<Long, Recommendation> byItem) {
    static final Recommendation NOT_AVAILABLE =
            Recommendation.unavailable("not available to run now");

    public Ranking {
        byItem = Map.copyOf(byItem);
    }

    public Recommendation of(long itemId) {
        return byItem.getOrDefault(itemId, NOT_AVAILABLE);
    }

    /** A post of the library: why it cannot run when it cannot, its score otherwise. */
    public Recommendation of(SparkPost post) {
        if (!post.status().isLive()) {
            return Recommendation.unavailable(
                    "authorization " + post.status().name().toLowerCase());
        }
        if (!post.post().isSparkAvailable()) {
            return Recommendation.unavailable("post no longer public");
        }
        return of(post.post().itemId());
    }

    /** The items, highest score first; equal scores keep their order (a stable sort). */
    public <T> List<T> ranked(List<T> items, ToLongFunction<T> itemId) {
        return items.stream()
                .sorted(
                        Comparator.comparingDouble((T item) -> of(itemId.applyAsLong(item)).score())
                                .reversed())
                .toList();
    }
}
