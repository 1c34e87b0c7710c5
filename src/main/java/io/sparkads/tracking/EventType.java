package io.sparkads.tracking;

import io.sparkads.content.PostEngagement;
import io.sparkads.reporting.PaidMetric;
import java.util.Optional;

/** Event types the host app sends, with the paid metric each one counts toward. */
public enum EventType {
    IMPRESSION(PaidMetric.IMPRESSIONS),
    VIDEO_PLAY(PaidMetric.VIDEO_PLAYS),
    VIDEO_WATCHED_2S(PaidMetric.VIDEO_WATCHED_2S),
    VIDEO_WATCHED_6S(PaidMetric.VIDEO_WATCHED_6S),
    VIDEO_P25(PaidMetric.VIDEO_VIEWS_P25),
    VIDEO_P50(PaidMetric.VIDEO_VIEWS_P50),
    VIDEO_P75(PaidMetric.VIDEO_VIEWS_P75),
    VIDEO_P100(PaidMetric.VIDEO_VIEWS_P100),
    CLICK(PaidMetric.CLICKS),
    LIKE(PaidMetric.LIKES),
    COMMENT(PaidMetric.COMMENTS),
    SHARE(PaidMetric.SHARES),
    FOLLOW(PaidMetric.FOLLOWS),
    PROFILE_VISIT(PaidMetric.PROFILE_VISITS),
    LANDING_PAGE_VIEW(PaidMetric.LANDING_PAGE_VIEWS),
    CONVERSION(PaidMetric.CONVERSIONS);

    private final PaidMetric paidMetric;

    EventType(PaidMetric paidMetric) {
        this.paidMetric = paidMetric;
    }

    public PaidMetric paidMetric() {
        return paidMetric;
    }

    /**
     * The post counter this event raises, organic or (on a Spark ad) paid; empty for what only the
     * ad measures.
     */
    public Optional<PostEngagement.Counter> postCounter() {
        return Optional.ofNullable(
                switch (this) {
                    case VIDEO_PLAY -> PostEngagement.Counter.VIEWS;
                    case VIDEO_P100 -> PostEngagement.Counter.COMPLETIONS;
                    case LIKE -> PostEngagement.Counter.LIKES;
                    case COMMENT -> PostEngagement.Counter.COMMENTS;
                    case SHARE -> PostEngagement.Counter.SHARES;
                    case FOLLOW -> PostEngagement.Counter.FOLLOWS;
                    case PROFILE_VISIT -> PostEngagement.Counter.PROFILE_VISITS;
                    default -> null;
                });
    }
}
