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
import java.util.HashSet;
import java.util.List;
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

    /** A review's outcome for one ad; a rejection carries its reason. */
    public record Outcome(long adId, boolean approved, String reason) {}

    /**
     * The reviewers' decisions, all or none; only a pending ad can be decided. Delivery hears of
     * the ads once, together.
     */
    @Transactional
    public void record(List<Outcome> outcomes) {
        int n = outcomes.size();
        Long[] ids = new Long[n];
        String[] statuses = new String[n];
        String[] reasons = new String[n];
        for (int i = 0; i < n; i++) {
            Outcome outcome = outcomes.get(i);
            ids[i] = outcome.adId();
            statuses[i] = outcome.approved() ? "APPROVED" : "REJECTED";
            reasons[i] = outcome.approved() ? null : outcome.reason();
        }
        Set<Long> decided =
                new HashSet<>(
                        jdbc.sql(
                                        """
                                        update ads a set review_status = o.status, reject_reason = o.reason, modify_time = :now
                                        from unnest(:ids::bigint[], :statuses::text[], :reasons::text[]) as o(id, status, reason)
                                        where a.id = o.id and a.review_status = 'PENDING'
                                        returning a.id
                                        """)
                                .param("now", Timestamp.from(clock.instant()))
                                .param("ids", ids)
                                .param("statuses", statuses)
                                .param("reasons", reasons)
                                .query(Long.class)
                                .list());
        for (Long id : ids) {
            if (!decided.contains(id)) {
                throw Refusal.conflict("Ad " + id + " is not waiting for review");
            }
        }
        List<Long> approved =
                outcomes.stream().filter(Outcome::approved).map(Outcome::adId).toList();
        for (Ad ad : ads.findAll(approved)) {
            // An approved ad's uploaded video plays for anyone holding its URL, as a host app does.
            if (ad.videoId() != null) {
                videos.publish(ad.advertiserId(), ad.videoId());
            }
            if (awaitsPublishing(ad)) {
                publishPushedVideo(ad);
            }
        }
        events.publishEvent(new AdsChanged(decided));
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
