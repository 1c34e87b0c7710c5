package io.sparkads.authorization;

import io.sparkads.content.AppAccount;
import io.sparkads.content.Post;
import java.time.Instant;

/**
 * A post as an ad account sees it through an authorization: the post, its creator's account, and
 * the code's status and validity.
 */
public record SparkPost(
        Post post,
        AppAccount account,
        SparkCodeStatus status,
        Instant authStartTime,
        Instant authEndTime,
        Instant boundAt) {

    public boolean isUsable() {
        return (status == SparkCodeStatus.IN_USE || status == SparkCodeStatus.NOT_USED)
                && post.isSparkAvailable();
    }
}
