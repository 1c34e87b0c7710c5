package io.sparkads.campaigns;

import io.sparkads.authorization.AccountLink;
import io.sparkads.authorization.AccountLinks;
import io.sparkads.authorization.LinkPermission;
import io.sparkads.common.Refusal;
import io.sparkads.content.Post;
import io.sparkads.content.Posts;
import io.sparkads.content.VideoFile;
import io.sparkads.content.VideoFiles;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Optional;
import java.util.Set;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The outcome of an ad's review, and what passing it sets going: an uploaded video becomes
 * playable, and a video the advertiser pushed to a linked account is published as a post of that
 * account, which the ad then shows.
 */
@Service
public class AdReviews {
    private final JdbcClient jdbc;
    private final Clock clock;
    private final Ads ads;
    private final VideoFiles videos;
    private final AccountLinks links;
    private final Posts posts;
    private final ApplicationEventPublisher events;

    AdReviews(
            JdbcClient jdbc,
            Clock clock,
            Ads ads,
            VideoFiles videos,
            AccountLinks links,
            Posts posts,
            ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.ads = ads;
        this.videos = videos;
        this.links = links;
        this.posts = posts;
        this.events = events;
    }

    /** The reviewer's decision; only a pending ad can be decided. */
    @Transactional
    public void record(long adId, boolean approved, String reason) {
        int updated =
                jdbc.sql(
                                "update ads set review_status = ?, reject_reason = ?, modify_time = ? where id = ? and review_status = 'PENDING'")
                        .params(
                                approved ? "APPROVED" : "REJECTED",
                                approved ? null : reason,
                                Timestamp.from(clock.instant()),
                                adId)
                        .update();
        if (updated == 0) {
            throw Refusal.conflict("Ad " + adId + " is not waiting for review");
        }
        if (approved) {
            Optional<Ad> ad = ads.find(adId);
            // An approved ad's uploaded video plays for anyone holding its URL, as a host app does.
            ad.filter(a -> a.videoId() != null)
                    .ifPresent(a -> videos.publish(a.advertiserId(), a.videoId()));
            ad.filter(AdReviews::awaitsPublishing).ifPresent(this::publishPushedVideo);
        }
        events.publishEvent(new AdsChanged(Set.of(adId)));
    }

    /** Whether the ad waits for its pushed video to be published. */
    private static boolean awaitsPublishing(Ad ad) {
        return ad.spark() && ad.tiktokItemId() == null && ad.videoId() != null;
    }

    /**
     * A pushed video passed review: it becomes a post of the linked account, and the ad shows it.
     * When the link ended meanwhile, the ad loses its authorization instead.
     */
    private void publishPushedVideo(Ad ad) {
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
