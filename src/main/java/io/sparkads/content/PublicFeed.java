package io.sparkads.content;

import io.sparkads.common.Refusal;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * What a host app's "For you" feed shows before any ad: public posts, newest first, with their
 * creator, in pages that follow each other by a cursor (the last post's time and id), so a post
 * created while someone scrolls never shifts the next page.
 */
@Service
public class PublicFeed {
    public static final int DEFAULT_COUNT = 10;
    public static final int MAX_COUNT = 50;

    private final JdbcClient jdbc;

    PublicFeed(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A post of the feed with its creator and, for an uploaded video, its poster frame. */
    public record FeedPost(Post post, AppAccount creator, String posterUrl) {}

    /** One page; {@code nextCursor} is empty after the last page. */
    public record Page(List<FeedPost> posts, Optional<String> nextCursor) {}

    /**
     * @param cursor the {@code next_cursor} of the previous page, or null for the first page
     * @param region a two-letter region of the creators, or null for every region
     * @param count how many posts, 1 to {@value #MAX_COUNT}, or null for {@value #DEFAULT_COUNT}
     */
    public Page page(String cursor, String region, Integer count) {
        int size = count == null ? DEFAULT_COUNT : count;
        if (size < 1 || size > MAX_COUNT) {
            throw Refusal.invalid("count must be between 1 and " + MAX_COUNT + ", was " + size);
        }
        if (region != null && !region.isBlank() && !region.matches("[A-Z]{2}")) {
            throw Refusal.invalid(
                    "region must be a two-letter country code such as US, was '" + region + "'");
        }
        Position after = cursor == null || cursor.isBlank() ? null : Position.decode(cursor);
        StringBuilder sql =
                new StringBuilder(
                        "select p.*, a.handle, a.display_name, a.avatar_url, a.account_type,"
                                + " a.region as account_region, a.created_at as account_created_at, "
                                + PublicPosts.HAS_POSTER
                                + " from posts p join app_accounts a on a.id = p.account_id where "
                                + PublicPosts.SHOWN);
        if (after != null) {
            sql.append(" and (p.created_at, p.id) < (:afterTime, :afterId)");
        }
        boolean byRegion = region != null && !region.isBlank();
        if (byRegion) {
            sql.append(" and a.region = :region");
        }
        sql.append(" order by p.created_at desc, p.id desc limit :limit");
        var statement =
                jdbc.sql(sql.toString()).param("prefix", VideoFile.PATH).param("limit", size + 1);
        if (after != null) {
            statement =
                    statement
                            .param("afterTime", Timestamp.from(after.createdAt()))
                            .param("afterId", after.itemId());
        }
        if (byRegion) {
            statement = statement.param("region", region);
        }
        List<FeedPost> rows =
                new ArrayList<>(
                        statement
                                .query(
                                        (rs, n) -> {
                                            Post post = Posts.ROW.mapRow(rs, n);
                                            AppAccount creator =
                                                    new AppAccount(
                                                            post.accountId(),
                                                            rs.getString("handle"),
                                                            rs.getString("display_name"),
                                                            rs.getString("avatar_url"),
                                                            AppAccount.AccountType.valueOf(
                                                                    rs.getString("account_type")),
                                                            rs.getString("account_region"),
                                                            rs.getTimestamp("account_created_at")
                                                                    .toInstant());
                                            return new FeedPost(
                                                    post, creator, PublicPosts.posterUrl(rs, post));
                                        })
                                .list());
        if (rows.size() <= size) {
            return new Page(rows, Optional.empty());
        }
        rows.remove(rows.size() - 1);
        Post last = rows.get(rows.size() - 1).post();
        return new Page(rows, Optional.of(new Position(last.createdAt(), last.itemId()).encode()));
    }

    /** Where a page ended: the last post's creation time (to the microsecond) and id. */
    record Position(Instant createdAt, long itemId) {
        private static final String BAD =
                "cursor is not one this feed gave out: pass next_cursor from the previous page"
                        + " as it was, or no cursor for the first page";

        String encode() {
            long micros =
                    Math.addExact(
                            Math.multiplyExact(createdAt.getEpochSecond(), 1_000_000L),
                            createdAt.getNano() / 1_000);
            return Base64.getUrlEncoder()
                    .withoutPadding()
                    .encodeToString(
                            ("v1:" + micros + ":" + itemId).getBytes(StandardCharsets.UTF_8));
        }

        static Position decode(String cursor) {
            if (cursor.length() > 100) {
                throw Refusal.invalid(BAD);
            }
            try {
                String text =
                        new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
                String[] parts = text.split(":");
                if (parts.length != 3 || !parts[0].equals("v1")) {
                    throw Refusal.invalid(BAD);
                }
                long micros = Long.parseLong(parts[1]);
                long itemId = Long.parseLong(parts[2]);
                if (micros < 0 || itemId <= 0) {
                    throw Refusal.invalid(BAD);
                }
                Instant at =
                        Instant.ofEpochSecond(
                                Math.floorDiv(micros, 1_000_000L),
                                Math.floorMod(micros, 1_000_000L) * 1_000L);
                return new Position(at, itemId);
            } catch (IllegalArgumentException | DateTimeException e) {
                throw Refusal.invalid(BAD);
            }
        }
    }
}
