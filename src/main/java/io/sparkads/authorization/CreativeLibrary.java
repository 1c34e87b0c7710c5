package io.sparkads.authorization;

import io.sparkads.common.PageRequest;
import io.sparkads.common.Refusal;
import io.sparkads.content.AppAccount;
import io.sparkads.content.Post;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The ad account's creative library: the Spark Ad posts it holds through applied codes, how to find
 * them, and who may use a post at all.
 */
@Service
public class CreativeLibrary {
    /** Posts whose authorization ends within this are flagged to the advertiser. */
    public static final Duration EXPIRY_WARNING = Duration.ofDays(7);

    private static final String FILTER =
            """
             where b.advertiser_id = :advertiser and b.unbound_at is null
               and (:anyKeyword or b.search_text ilike :keyword)
               and (:anyStatus or (case when c.status in ('NOT_USED', 'IN_USE') and c.auth_end_time <= :now then 'EXPIRED' else c.status end) = :status)
            """;

    private final JdbcClient jdbc;
    private final Clock clock;
    private final SparkCodeStore store;
    private final AuthorizationAudit audit;

    CreativeLibrary(JdbcClient jdbc, Clock clock, SparkCodeStore store, AuthorizationAudit audit) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.store = store;
        this.audit = audit;
    }

    /** The ad account's Spark Ad posts, newest binding first. */
    public List<SparkPost> library(long advertiserId, LibraryFilter filter, PageRequest page) {
        Map<String, Object> params = new HashMap<>(filterParams(advertiserId, filter));
        params.put("limit", page.pageSize());
        params.put("offset", page.offset());
        return inLibrary(" limit :limit offset :offset", params);
    }

    /** Every post of the library that passes the filter, newest binding first. */
    public List<SparkPost> all(long advertiserId, LibraryFilter filter) {
        return inLibrary("", filterParams(advertiserId, filter));
    }

    private List<SparkPost> inLibrary(String limit, Map<String, Object> params) {
        return jdbc.sql(
                        "select c.*, b.bound_at from post_bindings b join spark_codes c on c.id = b.code_id"
                                + FILTER
                                + " order by b.bound_at desc, b.id desc"
                                + limit)
                .params(params)
                .query(
                        (rs, n) ->
                                store.toSparkPost(
                                        SparkCodeStore.codeRow(rs),
                                        rs.getTimestamp("bound_at").toInstant()))
                .list();
    }

    public long librarySize(long advertiserId, LibraryFilter filter) {
        return jdbc.sql(
                        "select count(*) from post_bindings b join spark_codes c on c.id = b.code_id"
                                + FILTER)
                .params(filterParams(advertiserId, filter))
                .query(Long.class)
                .single();
    }

    private Map<String, Object> filterParams(long advertiserId, LibraryFilter filter) {
        String keyword =
                filter.keyword() == null || filter.keyword().isBlank()
                        ? null
                        : filter.keyword().strip();
        return Map.of(
                "advertiser",
                advertiserId,
                "anyKeyword",
                keyword == null,
                "keyword",
                keyword == null
                        ? ""
                        : "%"
                                + keyword.replace("\\", "\\\\")
                                        .replace("%", "\\%")
                                        .replace("_", "\\_")
                                + "%",
                "anyStatus",
                filter.status() == null,
                "status",
                filter.status() == null ? "" : filter.status().name(),
                "now",
                Timestamp.from(clock.instant()));
    }

    /** The creators whose posts are in the ad account's library: its AUTH_CODE identities. */
    public List<AppAccount> creatorsInLibrary(long advertiserId) {
        return jdbc
                .sql(
                        """
                        select account_id from post_bindings where advertiser_id = ? and unbound_at is null
                        group by account_id order by max(bound_at) desc, account_id
                        """)
                .param(advertiserId)
                .query(Long.class)
                .list()
                .stream()
                .map(store.accounts()::get)
                .toList();
    }

    /** The post as bound to this ad account, if it is. */
    public Optional<SparkPost> bound(long advertiserId, long itemId) {
        return jdbc.sql(
                        """
                        select c.*, b.bound_at from post_bindings b join spark_codes c on c.id = b.code_id
                        where b.advertiser_id = ? and b.item_id = ? and b.unbound_at is null
                        """)
                .params(advertiserId, itemId)
                .query(
                        (rs, n) ->
                                store.toSparkPost(
                                        SparkCodeStore.codeRow(rs),
                                        rs.getTimestamp("bound_at").toInstant()))
                .optional();
    }

    public boolean isExpiringSoon(SparkPost post) {
        return post.isUsable()
                && post.authEndTime() != null
                && post.authEndTime().isBefore(clock.instant().plus(EXPIRY_WARNING));
    }

    /** Removes an expired or revoked post from the library; a live authorization stays. */
    @Transactional
    public void unbind(long advertiserId, long itemId, Actor actor) {
        SparkPost post = bound(advertiserId, itemId).orElseThrow(() -> notInLibrary(itemId));
        if (post.status().isLive()) {
            throw Refusal.conflict(
                    "Only expired or revoked posts can be unbound; post "
                            + itemId
                            + " is still authorized");
        }
        jdbc.sql(
                        "update post_bindings set unbound_at = ? where advertiser_id = ? and item_id = ? and unbound_at is null")
                .params(Timestamp.from(clock.instant()), advertiserId, itemId)
                .update();
        audit.record(
                AuditAction.POST_UNBOUND,
                AuditSubject.use(itemId, post.account().id(), advertiserId),
                actor,
                null);
    }

    static Refusal notInLibrary(long itemId) {
        return Refusal.notFound("Post " + itemId + " is not in this ad account's library");
    }

    /** Every ad account that has the post in its library or through an account link. */
    public List<PostUse> usesOf(long itemId) {
        Instant now = clock.instant();
        Post post = store.posts().get(itemId);
        List<PostUse> uses =
                new ArrayList<>(
                        jdbc.sql(
                                        """
                                select b.advertiser_id, b.bound_at, c.status, c.auth_end_time from post_bindings b
                                join spark_codes c on c.id = b.code_id where b.item_id = ? and b.unbound_at is null
                                order by b.bound_at
                                """)
                                .param(itemId)
                                .query(
                                        (rs, n) ->
                                                new PostUse(
                                                        rs.getLong("advertiser_id"),
                                                        "AUTH_CODE",
                                                        rs.getTimestamp("bound_at").toInstant(),
                                                        SparkCodeStatus.valueOf(
                                                                        rs.getString("status"))
                                                                .asOf(
                                                                        now,
                                                                        rs.getTimestamp(
                                                                                        "auth_end_time")
                                                                                .toInstant())))
                                .list());
        jdbc.sql(
                        "select advertiser_id, approved_at from account_links where account_id = ? and status = 'ACTIVE' and 'PULL_POSTS' = any (permissions)")
                .param(post.accountId())
                .query(
                        (rs, n) ->
                                new PostUse(
                                        rs.getLong(1),
                                        "TT_USER",
                                        rs.getTimestamp(2).toInstant(),
                                        SparkCodeStatus.IN_USE))
                .list()
                .forEach(uses::add);
        return uses;
    }
}
