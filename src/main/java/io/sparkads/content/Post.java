package io.sparkads.content;

import java.time.Instant;
import java.util.List;

/** An organic post with its organic counters; paid delivery never touches these. */
public record Post(
        long itemId,
        long accountId,
        String caption,
        List<String> hashtags,
        String soundId,
        int durationMs,
        String videoUrl,
        Visibility visibility,
        Instant createdAt,
        Instant deletedAt,
        OrganicCounters organic,
        boolean adsOnly) {

    public enum Visibility {
        PUBLIC,
        FRIENDS,
        PRIVATE
    }

    /**
     * Public and not deleted: the only posts that may run as Spark Ads. An ads-only post (a pushed
     * video the creator kept off their profile) is public to the ad but not listed on the profile.
     */
    public boolean isSparkAvailable() {
        return deletedAt == null && visibility == Visibility.PUBLIC;
    }

    public record OrganicCounters(long views, long likes, long comments, long shares) {}
}
