package io.sparkads.content;

import java.time.Instant;
import java.util.List;

/**
 * A post was created, published in the creating transaction (Trend Discovery counts the posts a
 * hashtag, sound or creator gained in a window). {@code region} is its creator's.
 */
public record PostPublished(
        long itemId,
        long accountId,
        String region,
        List<String> hashtags,
        String soundId,
        Instant createdAt) {
    public PostPublished {
        hashtags = List.copyOf(hashtags);
    }
}
