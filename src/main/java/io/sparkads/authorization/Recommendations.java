package io.sparkads.authorization;

import io.sparkads.common.PageRequest;
import io.sparkads.content.Post;
import io.sparkads.content.Posts;
import io.sparkads.content.Posts.RecentViews;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Spark-ready recommendations: the ad account's Spark-available posts (bound by a live code, or
 * from accounts linked with {@code PULL_POSTS}) scored by {@link SparkReadiness} against each
 * other, for the creative library, the ad creation page's post picker and the Business API.
 */
@Service
public class Recommendations {
    private final JdbcClient jdbc;
    private final Clock clock;
    private final Posts posts;
    private final AccountLinks links;
    private final CreativeLibrary library;

    Recommendations(
            JdbcClient jdbc,
            Clock clock,
            Posts posts,
            AccountLinks links,
            CreativeLibrary library) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.posts = posts;
        this.links = links;
        this.library = library;
    }

    /** A post of the library with its recommendation. */
    public record RankedPost(SparkPost spark, Recommendation recommendation) {}

    /** The scores of every post the ad account can run now, against their median views. */
    public Ranking of(long advertiserId) {
        Map<Long, Post> available = new LinkedHashMap<>();
        posts.findAll(liveBoundItems(advertiserId)).stream()
                .filter(Post::isSparkAvailable)
                .forEach(post -> available.put(post.itemId(), post));
        links.ofAdvertiser(advertiserId).stream()
                .filter(link -> link.status() == AccountLink.Status.ACTIVE)
                .filter(link -> link.allows(LinkPermission.PULL_POSTS))
                .flatMap(link -> links.sparkAvailablePosts(advertiserId, link.accountId()).stream())
                .forEach(post -> available.putIfAbsent(post.itemId(), post));
        double median =
                SparkReadiness.median(
                        available.values().stream().map(p -> p.organic().views()).toList());
        Map<Long, RecentViews> recent =
                posts.recentViews(
                        available.keySet(), LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC));
        return new Ranking(
                available.values().stream()
                        .collect(
                                Collectors.toMap(
                                        Post::itemId,
                                        post ->
                                                SparkReadiness.score(
                                                        traction(
                                                                post,
                                                                recent.getOrDefault(
                                                                        post.itemId(),
                                                                        RecentViews.NONE)),
                                                        median))));
    }

    /** A page of the library, highest score first (newest binding first among equals). */
    public List<RankedPost> rankedLibrary(
            long advertiserId, LibraryFilter filter, PageRequest page) {
        Ranking ranking = of(advertiserId);
        return library.all(advertiserId, filter).stream()
                .map(post -> new RankedPost(post, ranking.of(post)))
                .sorted(
                        Comparator.comparingDouble((RankedPost r) -> r.recommendation().score())
                                .reversed())
                .skip(page.offset())
                .limit(page.pageSize())
                .toList();
    }

    private List<Long> liveBoundItems(long advertiserId) {
        return jdbc.sql(
                        """
                        select b.item_id from post_bindings b join spark_codes c on c.id = b.code_id
                        where b.advertiser_id = ? and b.unbound_at is null
                          and c.status in ('NOT_USED', 'IN_USE') and c.auth_end_time > ?
                        """)
                .params(advertiserId, Timestamp.from(clock.instant()))
                .query(Long.class)
                .list();
    }

    private static SparkReadiness.Traction traction(Post post, RecentViews recent) {
        return new SparkReadiness.Traction(
                post.organic().views(),
                post.organic().likes(),
                post.organic().comments(),
                post.organic().shares(),
                recent.lastSevenDays(),
                recent.sevenDaysBefore(),
                recent.measuredPlays(),
                recent.completions());
    }
}
