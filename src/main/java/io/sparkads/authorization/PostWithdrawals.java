package io.sparkads.authorization;

import io.sparkads.content.Post;
import io.sparkads.content.PostDeleted;
import io.sparkads.content.PostVisibilityChanged;
import java.util.Set;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * A creator deleting a post or making it non-public withdraws it from ads: every ad using it stops,
 * whatever codes or links allowed it.
 */
@Component
record PostWithdrawals(AuthorizationAudit audit) {

    @EventListener
    void on(PostDeleted event) {
        postUnavailable(event.itemId(), event.accountId(), "The creator deleted the post");
    }

    @EventListener
    void on(PostVisibilityChanged event) {
        if (event.visibility() != Post.Visibility.PUBLIC) {
            postUnavailable(
                    event.itemId(),
                    event.accountId(),
                    "The creator made the post " + event.visibility().name().toLowerCase());
        }
    }

    private void postUnavailable(long itemId, long accountId, String reason) {
        // Ads through an account link stop too: the event names every advertiser that may use the
        // post.
        audit.recordAndPublish(
                AuditAction.POST_UNAVAILABLE,
                AuditSubject.post(itemId, accountId),
                Actor.platform(null),
                reason,
                new SparkAuthorizationRevoked(
                        itemId,
                        Set.of(),
                        SparkAuthorizationRevoked.Cause.POST_UNAVAILABLE,
                        reason));
    }
}
