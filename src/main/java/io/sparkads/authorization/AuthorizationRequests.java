package io.sparkads.authorization;

import io.sparkads.common.Ids;
import io.sparkads.common.Refusal;
import io.sparkads.common.Secrets;
import io.sparkads.content.Post;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * An advertiser asks the creator of a public post for ad authorization (from Trend Discovery, a
 * post they found, or the Business API); the creator accepts for a period, or declines. On accept
 * the post joins that ad account's library at once, as if the advertiser had applied a code: a code
 * is stored for it but never shown, so no one else can apply it. One request per post and ad
 * account waits at a time. Every step is in the audit trail of the post, the creator's account and
 * the ad account.
 */
@Service
public class AuthorizationRequests {
    static final int MAX_MESSAGE = 500;
    private static final int CODE_BYTES = 18;

    private final JdbcClient jdbc;
    private final Clock clock;
    private final SparkCodeStore store;
    private final AccountLinks links;
    private final AuthorizationAudit audit;

    AuthorizationRequests(
            JdbcClient jdbc,
            Clock clock,
            SparkCodeStore store,
            AccountLinks links,
            AuthorizationAudit audit) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.store = store;
        this.links = links;
        this.audit = audit;
    }

    /** The advertiser asks the creator of a public post to authorize it for the ad account. */
    @Transactional
    public AuthorizationRequest request(
            long advertiserId, long itemId, String message, Actor actor) {
        Post post =
                store.posts()
                        .find(itemId)
                        .filter(p -> p.deletedAt() == null)
                        .orElseThrow(() -> Refusal.notFound("No post with item_id " + itemId));
        if (!post.isSparkAvailable() || post.adsOnly()) {
            throw Refusal.conflict(
                    "Post "
                            + itemId
                            + " is not public; a creator can authorize only public posts for ads");
        }
        String text = message == null || message.isBlank() ? null : message.strip();
        if (text != null && text.length() > MAX_MESSAGE) {
            throw Refusal.invalid("message must be at most " + MAX_MESSAGE + " characters");
        }
        Instant now = clock.instant();
        if (store.boundCode(advertiserId, itemId)
                        .filter(c -> c.statusAsOf(now).isLive())
                        .isPresent()
                || links.linkedPost(advertiserId, itemId).isPresent()) {
            throw Refusal.conflict(
                    "Post " + itemId + " is already in your Spark Ad posts; no request is needed");
        }
        long id = Ids.next();
        boolean created =
                jdbc.sql(
                                        """
                                insert into authorization_requests (id, advertiser_id, item_id, account_id, status, message, requested_at)
                                values (?, ?, ?, ?, 'PENDING', ?, ?)
                                on conflict (advertiser_id, item_id) where status = 'PENDING' do nothing
                                """)
                                .params(
                                        id,
                                        advertiserId,
                                        itemId,
                                        post.accountId(),
                                        text,
                                        Timestamp.from(now))
                                .update()
                        == 1;
        if (!created) {
            throw Refusal.conflict(
                    "Your request for post " + itemId + " is already waiting for the creator");
        }
        audit.record(
                AuditAction.AUTHORIZATION_REQUESTED,
                AuditSubject.use(itemId, post.accountId(), advertiserId),
                actor,
                text);
        return find(id).orElseThrow();
    }

    /**
     * The creator of {@code accountId} decides; {@code accountId} null lets the platform API decide
     * any request, as it acts for every creator. On accept the post is bound for {@code days}.
     */
    @Transactional
    public AuthorizationRequest decide(
            Long accountId,
            long requestId,
            AuthorizationRequest.Decision decision,
            Integer days,
            Actor actor) {
        if (decision == null) {
            throw Refusal.invalid("decision must be ACCEPT or DECLINE");
        }
        AuthorizationRequest request =
                jdbc.sql("select * from authorization_requests where id = ? for update")
                        .param(requestId)
                        .query((rs, n) -> row(rs))
                        .optional()
                        .filter(r -> accountId == null || r.accountId() == accountId)
                        .orElseThrow(
                                () ->
                                        Refusal.notFound(
                                                (accountId == null
                                                                ? "There is"
                                                                : "Account " + accountId + " has")
                                                        + " no authorization request "
                                                        + requestId));
        if (!request.isPending()) {
            throw Refusal.conflict(
                    "Authorization request "
                            + requestId
                            + " was already "
                            + request.status().name().toLowerCase());
        }
        AuditSubject subject =
                AuditSubject.use(request.itemId(), request.accountId(), request.advertiserId());
        Instant now = clock.instant();
        if (decision == AuthorizationRequest.Decision.DECLINE) {
            jdbc.sql(
                            "update authorization_requests set status = 'DECLINED', decided_at = ? where id = ?")
                    .params(Timestamp.from(now), requestId)
                    .update();
            audit.record(AuditAction.AUTHORIZATION_REQUEST_DECLINED, subject, actor, null);
            return find(requestId).orElseThrow();
        }
        AuthorizationPeriod period = AuthorizationPeriod.of(days);
        Post post = store.posts().get(request.itemId());
        if (!post.isSparkAvailable()) {
            throw Refusal.conflict(
                    "Post "
                            + post.itemId()
                            + " is no longer public; make it public before authorizing it");
        }
        if (store.boundCode(request.advertiserId(), post.itemId())
                .filter(c -> c.statusAsOf(now).isLive())
                .isPresent()) {
            throw Refusal.conflict(
                    "Post " + post.itemId() + " is already in that ad account's Spark Ad posts");
        }
        // An expired or revoked binding the advertiser has not unbound gives way to the new one.
        jdbc.sql(
                        "update post_bindings set unbound_at = ? where advertiser_id = ? and item_id = ? and unbound_at is null")
                .params(Timestamp.from(now), request.advertiserId(), post.itemId())
                .update();
        // The code's secret is thrown away: the binding below is its only use.
        long codeId =
                store.storeCode(
                        post,
                        Secrets.hash(Secrets.newCode("#", CODE_BYTES)),
                        SparkCodeStatus.IN_USE,
                        now,
                        now.plus(period.duration()));
        store.bind(request.advertiserId(), post, codeId, now);
        jdbc.sql(
                        "update authorization_requests set status = 'ACCEPTED', decided_at = ?, days = ?, code_id = ? where id = ?")
                .params(Timestamp.from(now), period.days(), codeId, requestId)
                .update();
        audit.recordAndPublish(
                AuditAction.AUTHORIZATION_REQUEST_ACCEPTED,
                subject,
                actor,
                "authorized for " + period.days() + " days (code " + codeId + ")",
                new PostBound(request.advertiserId(), post.itemId(), post.accountId()));
        return find(requestId).orElseThrow();
    }

    /** Requests to the creator's account, pending ones first, then newest first. */
    public List<AuthorizationRequest> toAccount(long accountId) {
        return jdbc.sql(
                        "select * from authorization_requests where account_id = ? order by status <> 'PENDING', requested_at desc, id desc")
                .param(accountId)
                .query((rs, n) -> row(rs))
                .list();
    }

    /** The ad account's requests, newest first. */
    public List<AuthorizationRequest> ofAdvertiser(long advertiserId) {
        return jdbc.sql(
                        "select * from authorization_requests where advertiser_id = ? order by requested_at desc, id desc")
                .param(advertiserId)
                .query((rs, n) -> row(rs))
                .list();
    }

    public Optional<AuthorizationRequest> find(long requestId) {
        return jdbc.sql("select * from authorization_requests where id = ?")
                .param(requestId)
                .query((rs, n) -> row(rs))
                .optional();
    }

    private static AuthorizationRequest row(ResultSet rs) throws SQLException {
        return new AuthorizationRequest(
                rs.getLong("id"),
                rs.getLong("advertiser_id"),
                rs.getLong("item_id"),
                rs.getLong("account_id"),
                AuthorizationRequest.Status.valueOf(rs.getString("status")),
                rs.getString("message"),
                rs.getTimestamp("requested_at").toInstant(),
                AccountLinks.instantOrNull(rs, "decided_at"),
                (Integer) rs.getObject("days"));
    }
}
