package io.sparkads.trends;

/**
 * How boards rank: organic activity inside the window, {@code score = views + 3 × likes + 5 ×
 * comments + 8 × shares}, summed over the window's days. A view is a {@code VIDEO_PLAY}; the
 * weights favour what takes more of a viewer's intent (a share spreads the post). Ties go to more
 * views, then to the key in text order. Paid events never count: only organic events reach the
 * trend tables. docs/trends.md says the same.
 */
public final class TrendScore {
    public static final long LIKE_WEIGHT = 3;
    public static final long COMMENT_WEIGHT = 5;
    public static final long SHARE_WEIGHT = 8;

    private TrendScore() {}

    public static long of(long views, long likes, long comments, long shares) {
        return views + LIKE_WEIGHT * likes + COMMENT_WEIGHT * comments + SHARE_WEIGHT * shares;
    }
}
