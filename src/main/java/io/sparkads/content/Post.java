package io.sparkads.content;

import java.time.Instant;
import java.util.List;

/**
 * An organic post with its counters: organic ones from people who came to it themselves, paid ones
 * from its Spark ads. They are kept apart; what the app shows on the post is {@link
 * #publicCounters()}.
 */
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
        boolean adsOnly,
        PaidCounters paid) {

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

    /**
     * What the post shows: paid likes, comments, shares and follows count on the post as TikTok
     * does, but views are organic only, so running the post as an ad never changes its organic
     * views.
     */
    public PublicCounters publicCounters() {
        return new PublicCounters(
                organic.views(),
                organic.likes() + paid.likes(),
                organic.comments() + paid.comments(),
                organic.shares() + paid.shares(),
                organic.follows() + paid.follows());
    }

    /** Engagement from people who came to the post themselves, never from its ads. */
    public record OrganicCounters(
            long views, long likes, long comments, long shares, long follows, long profileVisits) {}

    /** Engagement from people the post reached as a Spark ad, counted apart from organic. */
    public record PaidCounters(
            long views, long likes, long comments, long shares, long follows, long profileVisits) {}

    /** The counts the app shows on the post. */
    public record PublicCounters(
            long views, long likes, long comments, long shares, long follows) {}
}
