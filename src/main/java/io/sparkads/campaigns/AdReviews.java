package io.sparkads.campaigns;

import io.sparkads.common.Refusal;
import io.sparkads.content.VideoFiles;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Optional;
import java.util.Set;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The outcome of an ad's review, and what passing it sets going. */
@Service
public class AdReviews {
    private final JdbcClient jdbc;
    private final Clock clock;
    private final Ads ads;
    private final VideoFiles videos;
    private final PushedVideos pushedVideos;
    private final ApplicationEventPublisher events;

    AdReviews(
            JdbcClient jdbc,
            Clock clock,
            Ads ads,
            VideoFiles videos,
            PushedVideos pushedVideos,
            ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.ads = ads;
        this.videos = videos;
        this.pushedVideos = pushedVideos;
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
            ad.filter(PushedVideos::awaitsPublishing).ifPresent(pushedVideos::publish);
        }
        events.publishEvent(new AdsChanged(Set.of(adId)));
    }
}
