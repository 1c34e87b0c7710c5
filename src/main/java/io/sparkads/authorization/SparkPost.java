package io.sparkads.authorization;

import io.sparkads.content.AppAccount;
import io.sparkads.content.Post;
import java.time.Instant;

/**
 * A post as an ad account sees it through an authorization: the post, its creator's account, and
 * the code's status and validity. Through an account link there is no end: {@code authEndTime} is
 * {@code null} and the post stays usable until either side unlinks.
 */
public record SparkPost(
        Post post,
        AppAccount account,
        SparkCodeStatus status,
        Instant authStartTime,
        Instant authEndTime,
        Instant boundAt) {

    public boolean isUsable() {
        return status.isLive() && post.isSparkAvailable();
    }
}
