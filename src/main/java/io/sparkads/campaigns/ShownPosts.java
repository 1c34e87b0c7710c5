package io.sparkads.campaigns;

import io.sparkads.authorization.AccountLinks;
import io.sparkads.authorization.LinkPermission;
import io.sparkads.authorization.SparkAuthorizations;
import io.sparkads.authorization.SparkPost;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The post a Spark ad shows, as its ad account may use it now: through an applied code or an
 * account link. Creative checks, delivery and review all ask the same question, so it is answered
 * once.
 */
@Component
class ShownPosts {
    private final SparkAuthorizations authorizations;
    private final AccountLinks links;

    ShownPosts(SparkAuthorizations authorizations, AccountLinks links) {
        this.authorizations = authorizations;
        this.links = links;
    }

    /**
     * The post a Spark ad shows: a video the advertiser pushed needs the link's push permission,
     * any other post an applied code or the link's pull permission.
     */
    Optional<SparkPost> shown(long advertiserId, String identityType, long itemId, Long videoId) {
        return videoId != null
                ? links.linkedPost(advertiserId, itemId, LinkPermission.PUSH_VIDEOS)
                : usable(advertiserId, identityType, itemId);
    }

    /** The post as this ad account may use it through the given kind of identity. */
    Optional<SparkPost> usable(long advertiserId, String identityType, long itemId) {
        return IdentityType.TT_USER.is(identityType)
                ? links.linkedPost(advertiserId, itemId)
                : authorizations.bound(advertiserId, itemId);
    }
}
