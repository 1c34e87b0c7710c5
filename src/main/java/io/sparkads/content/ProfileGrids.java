package io.sparkads.content;

import io.sparkads.common.PageRequest;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * An account's profile as a host app shows it: the grid of its public posts and its follower count.
 * Reads only; the posts themselves are {@link Posts}' business.
 */
@Component
public class ProfileGrids {
    private final JdbcClient jdbc;

    ProfileGrids(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A page of a profile's grid: its posts with their poster frames, and how many there are. */
    public record ProfileGrid(List<GridPost> posts, long total) {}

    /**
     * A post of the grid; {@code posterUrl} is its video's first frame, null when none was made.
     */
    public record GridPost(Post post, String posterUrl) {}

    /**
     * What a profile shows: the account's public posts, newest first, without deleted, private or
     * ads-only ones (a pushed video kept off the profile), one page of them.
     */
    public ProfileGrid of(long accountId, PageRequest page) {
        String where = " from posts p where p.account_id = :account and " + PublicPosts.SHOWN;
        long total =
                jdbc.sql("select count(*)" + where)
                        .param("account", accountId)
                        .query(Long.class)
                        .single();
        List<GridPost> posts =
                jdbc.sql(
                                "select p.*, "
                                        + PublicPosts.HAS_POSTER
                                        + where
                                        + " order by p.created_at desc, p.id desc limit :limit offset :offset")
                        .param("account", accountId)
                        .param("prefix", VideoFile.PATH)
                        .param("limit", page.pageSize())
                        .param("offset", page.offset())
                        .query(
                                (rs, n) -> {
                                    Post post = Posts.ROW.mapRow(rs, n);
                                    return new GridPost(post, PublicPosts.posterUrl(rs, post));
                                })
                        .list();
        return new ProfileGrid(posts, total);
    }

    /**
     * The account's followers as far as we know them: the follows its posts received, organic and
     * from its Spark ads, deleted posts included (a follower stays when a post goes).
     */
    public long followerCount(long accountId) {
        return jdbc.sql(
                        "select coalesce(sum(organic_follows + paid_follows), 0) from posts where account_id = ?")
                .param(accountId)
                .query(Long.class)
                .single();
    }
}
