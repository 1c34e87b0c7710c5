package io.sparkads.content;

import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * The SQL the host app's reads share (the feed and a profile's grid): which posts anyone may see,
 * and the poster frame of a post's uploaded video. Queries name the posts table {@code p} and bind
 * {@code :prefix} to {@link VideoFile#PATH}.
 */
final class PublicPosts {
    private PublicPosts() {}

    /**
     * A post anyone may see: not deleted, public, and not a video kept off the profile (ads only).
     */
    static final String SHOWN =
            "p.deleted_at is null and p.visibility = 'PUBLIC' and not p.ads_only";

    /** The column {@code has_poster}: whether the post's uploaded video has a first frame. */
    static final String HAS_POSTER =
            "(select v.poster_path is not null from video_files v"
                    + " where p.video_url = :prefix || v.token) as has_poster";

    /** The poster frame's address of a row selected with {@link #HAS_POSTER}; null when none. */
    static String posterUrl(ResultSet rs, Post post) throws SQLException {
        return rs.getBoolean("has_poster") ? post.videoUrl() + "/poster.jpg" : null;
    }
}
