package io.sparkads.demo;

import io.sparkads.content.Post;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

/**
 * What the demo's viewers scroll through: the demo creator's public posts (seen organically), and
 * how long each video is, so that watch events fit the video that was shown.
 */
record DemoFeed(List<Post> posts, ZoneId zone) {

    DemoFeed {
        if (posts.isEmpty()) {
            throw new IllegalArgumentException("the demo feed needs at least one post");
        }
        posts = List.copyOf(posts);
    }

    /** A Spark ad shows its post; a non-Spark ad the demo's own spot. */
    int durationMs(Long itemId) {
        if (itemId == null) {
            return DemoCampaign.SPOT_DURATION_MS;
        }
        return posts.stream()
                .filter(p -> p.itemId() == itemId)
                .mapToInt(Post::durationMs)
                .findFirst()
                .orElse(15_000);
    }

    /**
     * How busy the feed is at {@code at}, relative to the average hour: quiet at night, busiest in
     * the evening of the ad account's time zone, a little busier at weekends.
     */
    double activity(Instant at) {
        var local = at.atZone(zone);
        double hour = HOURLY[local.getHour()];
        boolean weekend = local.getDayOfWeek().getValue() >= 6;
        return hour * (weekend ? 1.15 : 1.0);
    }

    /** The most {@link #activity} there is: the busiest evening hour of a weekend. */
    static final double PEAK_ACTIVITY = 1.9 * 1.15;

    /** Relative activity by local hour; about 1 on average. */
    private static final double[] HOURLY = {
        0.45, 0.3, 0.2, 0.15, 0.15, 0.25, 0.5, 0.8, 1.0, 1.0, 1.0, 1.1, 1.25, 1.15, 1.05, 1.05,
        1.15, 1.3, 1.5, 1.75, 1.9, 1.8, 1.3, 0.85
    };
}
