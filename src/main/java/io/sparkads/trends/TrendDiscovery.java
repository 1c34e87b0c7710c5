package io.sparkads.trends;

import io.sparkads.common.Refusal;
import io.sparkads.content.Post;
import io.sparkads.content.Posts;
import java.time.Clock;
import java.util.List;
import java.util.stream.IntStream;
import org.springframework.stereotype.Service;

/** Trending hashtags by organic reach, and the Spark-ready posts behind them. */
@Service
public class TrendDiscovery {
    /** A post is Spark-ready once it has this much organic traction. */
    public static final long SPARK_READY_VIEWS = 1_000;

    public static final long SPARK_READY_LIKES = 50;

    private final Posts posts;
    private final Clock clock;

    TrendDiscovery(Posts posts, Clock clock) {
        this.posts = posts;
        this.clock = clock;
    }

    public record Trend(int rank, String hashtag, long posts, long views, long likes) {}

    public List<Trend> trendingHashtags(DateRange range, int limit) {
        List<Posts.HashtagStats> stats =
                posts.topHashtags(clock.instant().minus(range.length()), limit);
        return IntStream.range(0, stats.size())
                .mapToObj(
                        i ->
                                new Trend(
                                        i + 1,
                                        stats.get(i).hashtag(),
                                        stats.get(i).posts(),
                                        stats.get(i).views(),
                                        stats.get(i).likes()))
                .toList();
    }

    public record TopPost(Post post, boolean sparkReady) {}

    public List<TopPost> topPosts(String hashtag, int limit) {
        if (hashtag == null || hashtag.isBlank()) {
            throw Refusal.invalid("hashtag is required");
        }
        String tag = hashtag.startsWith("#") ? hashtag.substring(1) : hashtag;
        return posts.withHashtag(tag, limit).stream()
                .map(p -> new TopPost(p, isSparkReady(p)))
                .toList();
    }

    public static boolean isSparkReady(Post post) {
        return post.isSparkAvailable()
                && post.organic().views() >= SPARK_READY_VIEWS
                && post.organic().likes() >= SPARK_READY_LIKES;
    }
}
