package io.sparkads.reporting;

/** The paid counters of an hourly rollup, one per kind of paid event. */
public enum PaidMetric {
    IMPRESSIONS("impressions"),
    CLICKS("clicks"),
    VIDEO_PLAYS("video_plays"),
    VIDEO_WATCHED_2S("video_watched_2s"),
    VIDEO_WATCHED_6S("video_watched_6s"),
    VIDEO_VIEWS_P25("video_views_p25"),
    VIDEO_VIEWS_P50("video_views_p50"),
    VIDEO_VIEWS_P75("video_views_p75"),
    VIDEO_VIEWS_P100("video_views_p100"),
    LIKES("likes"),
    COMMENTS("comments"),
    SHARES("shares"),
    FOLLOWS("follows"),
    PROFILE_VISITS("profile_visits"),
    LANDING_PAGE_VIEWS("landing_page_views"),
    CONVERSIONS("conversions");

    private final String column;

    PaidMetric(String column) {
        this.column = column;
    }

    String column() {
        return column;
    }
}
