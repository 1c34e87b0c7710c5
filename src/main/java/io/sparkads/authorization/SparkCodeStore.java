package io.sparkads.authorization;

import io.sparkads.common.Ids;
import io.sparkads.content.AppAccount;
import io.sparkads.content.AppAccounts;
import io.sparkads.content.Post;
import io.sparkads.content.Posts;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The reads every authorization use case shares: a code's row, who holds its post, and the post as
 * an ad account sees it. Kept in one place so the use cases cannot map a row differently.
 */
@Component
record SparkCodeStore(JdbcClient jdbc, Clock clock, Posts posts, AppAccounts accounts) {

    /** A stored code; never the code itself, only its hash is kept. */
    record CodeRow(
            long id,
            long itemId,
            long accountId,
            SparkCodeStatus status,
            Instant authStart,
            Instant authEnd) {

        /** The status as of {@code now}: an unrevoked code past its end has expired. */
        SparkCodeStatus statusAsOf(Instant now) {
            return status.asOf(now, authEnd);
        }
    }

    static CodeRow codeRow(ResultSet rs) throws SQLException {
        return new CodeRow(
                rs.getLong("id"),
                rs.getLong("item_id"),
                rs.getLong("account_id"),
                SparkCodeStatus.valueOf(rs.getString("status")),
                rs.getTimestamp("auth_start_time").toInstant(),
                rs.getTimestamp("auth_end_time").toInstant());
    }

    CodeRow byId(long id) {
        return jdbc.sql("select * from spark_codes where id = ?")
                .param(id)
                .query((rs, n) -> codeRow(rs))
                .single();
    }

    /** The code through which the ad account holds the post, if it does. */
    Optional<CodeRow> boundCode(long advertiserId, long itemId) {
        return jdbc.sql(
                        """
                        select c.* from post_bindings b join spark_codes c on c.id = b.code_id
                        where b.advertiser_id = ? and b.item_id = ? and b.unbound_at is null
                        """)
                .params(advertiserId, itemId)
                .query((rs, n) -> codeRow(rs))
                .optional();
    }

    Optional<Instant> boundAt(long advertiserId, long itemId) {
        return jdbc.sql(
                        "select bound_at from post_bindings where advertiser_id = ? and item_id = ? and unbound_at is null")
                .params(advertiserId, itemId)
                .query((rs, n) -> rs.getTimestamp(1).toInstant())
                .optional();
    }

    /** The ad accounts holding the post, through one code or ({@code codeId} null) any. */
    Set<Long> advertisersUsing(long itemId, Long codeId) {
        return new HashSet<>(
                jdbc.sql(
                                "select advertiser_id from post_bindings where item_id = :item and unbound_at is null and (:any or code_id = :code)")
                        .param("item", itemId)
                        .param("any", codeId == null)
                        .param("code", codeId == null ? 0L : codeId)
                        .query(Long.class)
                        .list());
    }

    SparkPost toSparkPost(CodeRow code, Instant boundAt) {
        Post post = posts.get(code.itemId());
        AppAccount account = accounts.get(code.accountId());
        return new SparkPost(
                post,
                account,
                code.statusAsOf(clock.instant()),
                code.authStart(),
                code.authEnd(),
                boundAt);
    }

    /**
     * Turns ad authorization on for the post and stores a code for it, only as the hash of the
     * code; answers the code's id.
     */
    long storeCode(Post post, byte[] codeHash, SparkCodeStatus status, Instant start, Instant end) {
        jdbc.sql(
                        """
                        insert into post_ad_authorizations (item_id, account_id, enabled, changed_at) values (?, ?, true, ?)
                        on conflict (item_id) do update set enabled = true, changed_at = excluded.changed_at
                        """)
                .params(post.itemId(), post.accountId(), Timestamp.from(start))
                .update();
        long codeId = Ids.next();
        jdbc.sql(
                        """
                        insert into spark_codes (id, item_id, account_id, code_hash, status, auth_start_time, auth_end_time, created_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?)
                        """)
                .params(
                        codeId,
                        post.itemId(),
                        post.accountId(),
                        codeHash,
                        status.name(),
                        Timestamp.from(start),
                        Timestamp.from(end),
                        Timestamp.from(start))
                .update();
        return codeId;
    }

    /** Puts the post in the ad account's creative library through the code. */
    void bind(long advertiserId, Post post, long codeId, Instant at) {
        jdbc.sql(
                        """
                        insert into post_bindings (id, advertiser_id, item_id, account_id, code_id, bound_at, search_text)
                        values (?, ?, ?, ?, ?, ?, ?)
                        """)
                .params(
                        Ids.next(),
                        advertiserId,
                        post.itemId(),
                        post.accountId(),
                        codeId,
                        Timestamp.from(at),
                        searchText(post))
                .update();
    }

    /** What the library's keyword search looks in: the caption, hashtags and the creator. */
    String searchText(Post post) {
        AppAccount account = accounts.get(post.accountId());
        return post.caption()
                + " "
                + String.join(" ", post.hashtags())
                + " "
                + account.displayName()
                + " "
                + account.handle();
    }
}
