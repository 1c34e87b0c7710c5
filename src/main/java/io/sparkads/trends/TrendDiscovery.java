package io.sparkads.trends;

import io.sparkads.content.Post;

/** Which posts are Spark-ready: established organic views and likes. */
public final class TrendDiscovery {
    /** A post is Spark-ready once it has this much organic traction. */
    public static final long SPARK_READY_VIEWS = 1_000;

    public static final long SPARK_READY_LIKES = 50;

    private TrendDiscovery() {}

    public static boolean isSparkReady(Post post) {
        return post.isSparkAvailable()
                && post.organic().views() >= SPARK_READY_VIEWS
                && post.organic().likes() >= SPARK_READY_LIKES;
    }
}
