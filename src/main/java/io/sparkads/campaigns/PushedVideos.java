package io.sparkads.campaigns;

import io.sparkads.authorization.AccountLink;
import io.sparkads.authorization.AccountLinks;
import io.sparkads.authorization.LinkPermission;
import io.sparkads.content.Post;
import io.sparkads.content.Posts;
import io.sparkads.content.VideoFile;
import io.sparkads.content.VideoFiles;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * A video the advertiser pushed to a linked account is published only once its ad passes review:
 * then it becomes a post of that account, and the ad shows it.
 */
@Component
class PushedVideos {
    private final JdbcClient jdbc;
    private final AccountLinks links;
    private final VideoFiles videos;
    private final Posts posts;

    PushedVideos(JdbcClient jdbc, AccountLinks links, VideoFiles videos, Posts posts) {
        this.jdbc = jdbc;
        this.links = links;
        this.videos = videos;
        this.posts = posts;
    }

    /** Whether the ad waits for its pushed video to be published. */
    static boolean awaitsPublishing(Ad ad) {
        return ad.spark() && ad.tiktokItemId() == null && ad.videoId() != null;
    }

    /**
     * A pushed video passed review: it becomes a post of the linked account, and the ad shows it.
     * When the link ended meanwhile, the ad loses its authorization instead.
     */
    void publish(Ad ad) {
        long accountId = CreativeChecks.identityNumber(ad.identityId());
        Optional<AccountLink> link =
                links.active(ad.advertiserId(), accountId)
                        .filter(l -> l.allows(LinkPermission.PUSH_VIDEOS));
        if (link.isEmpty()) {
            jdbc.sql(
                            "update ads set authorization_status = 'REVOKED', authorization_reason = ? where id = ?")
                    .params("The account link ended before the video passed review", ad.id())
                    .update();
            return;
        }
        VideoFile video = videos.get(ad.advertiserId(), ad.videoId());
        Post post =
                posts.publishPushedVideo(
                        accountId,
                        ad.adText(),
                        video.durationMs(),
                        video.url(),
                        Boolean.TRUE.equals(link.get().adsOnly()));
        jdbc.sql("update ads set tiktok_item_id = ? where id = ?")
                .params(post.itemId(), ad.id())
                .update();
    }
}
