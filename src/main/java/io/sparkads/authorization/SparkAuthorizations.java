package io.sparkads.authorization;

import io.sparkads.common.Ids;
import io.sparkads.common.PageRequest;
import io.sparkads.common.Refusal;
import io.sparkads.content.AppAccount;
import io.sparkads.content.AppAccounts;
import io.sparkads.content.Post;
import io.sparkads.content.PostDeleted;
import io.sparkads.content.PostVisibilityChanged;
import io.sparkads.content.Posts;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Authorization codes and the creative library: a creator issues a code for a public post, an ad
 * account applies it, and the creator can take it back at any time.
 */
@Service
public class SparkAuthorizations {
    public static final Set<Integer> VALID_DAYS = Set.of(7, 30, 60, 365);

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int CODE_BYTES = 18; // 144 bits

    private final JdbcClient jdbc;
    private final Clock clock;
    private final Posts posts;
    private final AppAccounts accounts;
    private final ApplicationEventPublisher events;

    SparkAuthorizations(
            JdbcClient jdbc, Clock clock, Posts posts, AppAccounts accounts, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.posts = posts;
        this.accounts = accounts;
        this.events = events;
    }

    /** Turns ad authorization on for a public post and issues a code valid for {@code days}. */
    @Transactional
    public IssuedCode issueCode(long itemId, Integer days) {
        if (days == null || !VALID_DAYS.contains(days)) {
            throw Refusal.invalid("days must be one of 7, 30, 60 or 365, was " + days);
        }
        Post post = posts.get(itemId);
        if (!post.isSparkAvailable()) {
            throw Refusal.conflict(
                    "Post " + itemId + " is " + (post.deletedAt() != null ? "deleted" : "not public")
                            + "; only public posts can be authorized for ads");
        }
        Instant now = clock.instant();
        Instant end = now.plus(Duration.ofDays(days));
        String code = newCode();
        jdbc.sql(
                        """
                        insert into post_ad_authorizations (item_id, account_id, enabled, changed_at) values (?, ?, true, ?)
                        on conflict (item_id) do update set enabled = true, changed_at = excluded.changed_at
                        """)
                .params(itemId, post.accountId(), Timestamp.from(now))
                .update();
        jdbc.sql(
                        """
                        insert into spark_codes (id, item_id, account_id, code_hash, status, auth_start_time, auth_end_time, created_at)
                        values (?, ?, ?, ?, 'NOT_USED', ?, ?, ?)
                        """)
                .params(
                        Ids.next(),
                        itemId,
                        post.accountId(),
                        hash(code),
                        Timestamp.from(now),
                        Timestamp.from(end),
                        Timestamp.from(now))
                .update();
        return new IssuedCode(itemId, code, now, end);
    }

    /** The creator turns ad authorization off: every code of the post is revoked, every ad stops. */
    @Transactional
    public void revoke(long itemId) {
        Post post = posts.get(itemId);
        Instant now = clock.instant();
        jdbc.sql("update post_ad_authorizations set enabled = false, changed_at = ? where item_id = ?")
                .params(Timestamp.from(now), itemId)
                .update();
        jdbc.sql(
                        "update spark_codes set status = 'REVOKED', revoked_at = ? where item_id = ? and status in ('NOT_USED', 'IN_USE')")
                .params(Timestamp.from(now), itemId)
                .update();
        events.publishEvent(
                new SparkAuthorizationRevoked(
                        post.itemId(),
                        advertisersUsing(itemId),
                        SparkAuthorizationRevoked.Cause.REVOKED_BY_CREATOR,
                        "The creator revoked the ad authorization"));
    }

    /** What applying the code would bind, without binding it. */
    public SparkPost preview(long advertiserId, String authCode) {
        CodeRow code = findCode(authCode);
        SparkPost post = toSparkPost(code, boundAt(advertiserId, code.itemId()).orElse(null));
        return post;
    }

    /** Binds the code's post to the ad account; applying the same code again changes nothing. */
    @Transactional
    public SparkPost apply(long advertiserId, String authCode) {
        CodeRow code = findCode(authCode);
        Instant now = clock.instant();
        SparkCodeStatus status = code.status().asOf(now, code.authEnd());
        if (status == SparkCodeStatus.EXPIRED || status == SparkCodeStatus.REVOKED) {
            throw Refusal.conflict(
                    "The authorization code is " + status.name().toLowerCase() + "; ask the creator for a new one");
        }
        Post post = posts.get(code.itemId());
        if (!post.isSparkAvailable()) {
            throw Refusal.conflict("The post of this code is no longer public");
        }
        Optional<Instant> existing = boundAt(advertiserId, code.itemId());
        if (existing.isEmpty()) {
            jdbc.sql(
                            """
                            insert into post_bindings (id, advertiser_id, item_id, account_id, code_id, bound_at)
                            values (?, ?, ?, ?, ?, ?)
                            """)
                    .params(Ids.next(), advertiserId, code.itemId(), code.accountId(), code.id(), Timestamp.from(now))
                    .update();
            jdbc.sql("update spark_codes set status = 'IN_USE' where id = ? and status = 'NOT_USED'")
                    .param(code.id())
                    .update();
            events.publishEvent(new PostBound(advertiserId, code.itemId(), code.accountId()));
        }
        return toSparkPost(findCode(authCode), existing.orElse(now));
    }

    /** The ad account's Spark Ad posts, newest binding first. */
    public List<SparkPost> library(long advertiserId, PageRequest page) {
        return jdbc.sql(
                        """
                        select c.*, b.bound_at from post_bindings b join spark_codes c on c.id = b.code_id
                        where b.advertiser_id = ? and b.unbound_at is null
                        order by b.bound_at desc, b.id desc limit ? offset ?
                        """)
                .params(advertiserId, page.pageSize(), page.offset())
                .query((rs, n) -> toSparkPost(codeRow(rs), rs.getTimestamp("bound_at").toInstant()))
                .list();
    }

    public long librarySize(long advertiserId) {
        return jdbc.sql("select count(*) from post_bindings where advertiser_id = ? and unbound_at is null")
                .param(advertiserId)
                .query(Long.class)
                .single();
    }

    /** The post as bound to this ad account, if it is. */
    public Optional<SparkPost> bound(long advertiserId, long itemId) {
        return jdbc.sql(
                        """
                        select c.*, b.bound_at from post_bindings b join spark_codes c on c.id = b.code_id
                        where b.advertiser_id = ? and b.item_id = ? and b.unbound_at is null
                        """)
                .params(advertiserId, itemId)
                .query((rs, n) -> toSparkPost(codeRow(rs), rs.getTimestamp("bound_at").toInstant()))
                .optional();
    }

    /** Removes an expired or revoked post from the library; a live authorization stays. */
    @Transactional
    public void unbind(long advertiserId, long itemId) {
        SparkPost post =
                bound(advertiserId, itemId)
                        .orElseThrow(() -> Refusal.notFound("Post " + itemId + " is not in this ad account's library"));
        if (post.status() == SparkCodeStatus.IN_USE || post.status() == SparkCodeStatus.NOT_USED) {
            throw Refusal.conflict(
                    "Only expired or revoked posts can be unbound; post " + itemId + " is still authorized");
        }
        jdbc.sql("update post_bindings set unbound_at = ? where advertiser_id = ? and item_id = ? and unbound_at is null")
                .params(Timestamp.from(clock.instant()), advertiserId, itemId)
                .update();
    }

    /** The codes a creator issued for a post, newest first, with their current status. */
    public List<CodeSummary> codesOf(long itemId) {
        Instant now = clock.instant();
        return jdbc.sql("select * from spark_codes where item_id = ? order by created_at desc, id desc")
                .param(itemId)
                .query((rs, n) -> codeRow(rs))
                .list()
                .stream()
                .map(c -> new CodeSummary(c.status().asOf(now, c.authEnd()), c.authStart(), c.authEnd()))
                .toList();
    }

    public record CodeSummary(SparkCodeStatus status, Instant authStartTime, Instant authEndTime) {}

    @EventListener
    void on(PostDeleted event) {
        events.publishEvent(
                new SparkAuthorizationRevoked(event.itemId(), advertisersUsing(event.itemId()),
                        SparkAuthorizationRevoked.Cause.POST_UNAVAILABLE,
                        "The creator deleted the post"));
    }

    @EventListener
    void on(PostVisibilityChanged event) {
        if (event.visibility() != Post.Visibility.PUBLIC) {
            events.publishEvent(
                    new SparkAuthorizationRevoked(
                            event.itemId(),
                            advertisersUsing(event.itemId()),
                            SparkAuthorizationRevoked.Cause.POST_UNAVAILABLE,
                            "The creator made the post " + event.visibility().name().toLowerCase()));
        }
    }

    private Set<Long> advertisersUsing(long itemId) {
        return new HashSet<>(
                jdbc.sql("select advertiser_id from post_bindings where item_id = ? and unbound_at is null")
                        .param(itemId)
                        .query(Long.class)
                        .list());
    }

    private Optional<Instant> boundAt(long advertiserId, long itemId) {
        return jdbc.sql("select bound_at from post_bindings where advertiser_id = ? and item_id = ? and unbound_at is null")
                .params(advertiserId, itemId)
                .query((rs, n) -> rs.getTimestamp(1).toInstant())
                .optional();
    }

    private CodeRow findCode(String authCode) {
        if (authCode == null || authCode.isBlank()) {
            throw Refusal.invalid("auth_code is required");
        }
        if (authCode.length() > 64) {
            throw Refusal.invalid("auth_code is not a valid authorization code");
        }
        return jdbc.sql("select * from spark_codes where code_hash = ?")
                .param(hash(authCode.strip()))
                .query((rs, n) -> codeRow(rs))
                .optional()
                .orElseThrow(() -> Refusal.invalid("auth_code is not a valid authorization code; check it with the creator"));
    }

    private SparkPost toSparkPost(CodeRow code, Instant boundAt) {
        Post post = posts.get(code.itemId());
        AppAccount account = accounts.get(code.accountId());
        return new SparkPost(
                post, account, code.status().asOf(clock.instant(), code.authEnd()), code.authStart(), code.authEnd(), boundAt);
    }

    private record CodeRow(long id, long itemId, long accountId, SparkCodeStatus status, Instant authStart, Instant authEnd) {}

    private static CodeRow codeRow(ResultSet rs) throws SQLException {
        return new CodeRow(
                rs.getLong("id"),
                rs.getLong("item_id"),
                rs.getLong("account_id"),
                SparkCodeStatus.valueOf(rs.getString("status")),
                rs.getTimestamp("auth_start_time").toInstant(),
                rs.getTimestamp("auth_end_time").toInstant());
    }

    private static String newCode() {
        byte[] bytes = new byte[CODE_BYTES];
        RANDOM.nextBytes(bytes);
        return "#" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static byte[] hash(String code) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(code.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
