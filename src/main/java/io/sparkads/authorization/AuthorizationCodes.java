package io.sparkads.authorization;

import io.sparkads.authorization.SparkCodeStore.CodeRow;
import io.sparkads.common.Refusal;
import io.sparkads.common.Secrets;
import io.sparkads.content.Post;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The creator's side of authorization codes and how they end: turning ad authorization on for a
 * public post by issuing a code, taking it back (one code, or the whole post), and codes expiring
 * at the end of their period. Applying a code is the advertiser's side, in {@link
 * CodeApplications}.
 */
@Service
public class AuthorizationCodes {
    private static final int CODE_BYTES = 18; // 144 bits

    private final JdbcClient jdbc;
    private final Clock clock;
    private final SparkCodeStore store;
    private final AuthorizationAudit audit;
    private final ApplicationEventPublisher events;

    AuthorizationCodes(
            JdbcClient jdbc,
            Clock clock,
            SparkCodeStore store,
            AuthorizationAudit audit,
            ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.store = store;
        this.audit = audit;
        this.events = events;
    }

    /** Turns ad authorization on for a public post and issues a code valid for {@code days}. */
    @Transactional
    public IssuedCode issueCode(long itemId, Integer days, Actor actor) {
        AuthorizationPeriod period = AuthorizationPeriod.of(days);
        Post post = store.posts().get(itemId);
        if (!post.isSparkAvailable()) {
            throw Refusal.conflict(
                    "Post "
                            + itemId
                            + " is "
                            + (post.deletedAt() != null ? "deleted" : "not public")
                            + "; only public posts can be authorized for ads");
        }
        Instant now = clock.instant();
        Instant end = now.plus(period.duration());
        String code = Secrets.newCode("#", CODE_BYTES);
        long codeId = store.storeCode(post, Secrets.hash(code), SparkCodeStatus.NOT_USED, now, end);
        audit.record(
                AuditAction.CODE_ISSUED,
                AuditSubject.post(itemId, post.accountId()),
                actor,
                "code " + codeId + " valid for " + period.days() + " days");
        return new IssuedCode(itemId, code, now, end);
    }

    /**
     * The creator turns ad authorization off: every code of the post is revoked, every ad stops.
     */
    @Transactional
    public void revoke(long itemId, Actor actor) {
        Post post = store.posts().get(itemId);
        Instant now = clock.instant();
        jdbc.sql(
                        "update post_ad_authorizations set enabled = false, changed_at = ? where item_id = ?")
                .params(Timestamp.from(now), itemId)
                .update();
        jdbc.sql(
                        "update spark_codes set status = 'REVOKED', revoked_at = ? where item_id = ? and status in ('NOT_USED', 'IN_USE')")
                .params(Timestamp.from(now), itemId)
                .update();
        Set<Long> advertisers =
                recordRevocation(
                        AuditAction.AUTHORIZATION_TURNED_OFF,
                        itemId,
                        post.accountId(),
                        null,
                        actor);
        revokedByCreator(itemId, advertisers, "The creator revoked the ad authorization");
    }

    /** Revokes one code: the ad accounts that applied it lose the post, others keep theirs. */
    @Transactional
    public void revokeCode(long itemId, long codeId, Actor actor) {
        CodeRow code =
                jdbc.sql("select * from spark_codes where id = ? and item_id = ?")
                        .params(codeId, itemId)
                        .query((rs, n) -> SparkCodeStore.codeRow(rs))
                        .optional()
                        .orElseThrow(
                                () ->
                                        Refusal.notFound(
                                                "Post " + itemId + " has no code " + codeId));
        SparkCodeStatus status = code.statusAsOf(clock.instant());
        if (!status.isLive()) {
            throw Refusal.conflict("Code " + codeId + " is already " + status.name().toLowerCase());
        }
        jdbc.sql("update spark_codes set status = 'REVOKED', revoked_at = ? where id = ?")
                .params(Timestamp.from(clock.instant()), codeId)
                .update();
        Set<Long> advertisers =
                recordRevocation(AuditAction.CODE_REVOKED, itemId, code.accountId(), codeId, actor);
        if (!advertisers.isEmpty()) {
            revokedByCreator(itemId, advertisers, "The creator revoked the authorization code");
        }
    }

    /**
     * Records the creator's revocation of one code ({@code codeId}) or all of the post's, and
     * returns the ad accounts that held the post through them.
     */
    private Set<Long> recordRevocation(
            AuditAction action, long itemId, long accountId, Long codeId, Actor actor) {
        Set<Long> advertisers = store.advertisersUsing(itemId, codeId);
        audit.record(
                action,
                AuditSubject.post(itemId, accountId),
                actor,
                (codeId == null ? "" : "code " + codeId + "; ")
                        + advertisers.size()
                        + " ad account(s) affected");
        return advertisers;
    }

    /** The ads of {@code advertisers} using the post stop, saying why. */
    private void revokedByCreator(long itemId, Set<Long> advertisers, String reason) {
        events.publishEvent(
                new SparkAuthorizationRevoked(
                        itemId,
                        advertisers,
                        SparkAuthorizationRevoked.Cause.REVOKED_BY_CREATOR,
                        reason));
    }

    /** The codes a creator issued for a post, newest first, with their current status. */
    public List<CodeSummary> codesOf(long itemId) {
        Instant now = clock.instant();
        return jdbc.sql(
                        """
                        select c.*, (select count(*) from post_bindings b where b.code_id = c.id) as uses
                        from spark_codes c where c.item_id = ? order by c.created_at desc, c.id desc
                        """)
                .param(itemId)
                .query(
                        (rs, n) -> {
                            CodeRow c = SparkCodeStore.codeRow(rs);
                            return new CodeSummary(
                                    c.statusAsOf(now),
                                    c.authStart(),
                                    c.authEnd(),
                                    String.valueOf(c.id()),
                                    rs.getInt("uses"));
                        })
                .list();
    }

    /**
     * Marks codes past their end as expired and stops the ads using them. Returns how many expired.
     */
    @Transactional
    public int expireDueCodes() {
        List<CodeRow> due =
                jdbc.sql(
                                """
                                update spark_codes set status = 'EXPIRED'
                                where status in ('NOT_USED', 'IN_USE') and auth_end_time <= ?
                                returning *
                                """)
                        .param(Timestamp.from(clock.instant()))
                        .query((rs, n) -> SparkCodeStore.codeRow(rs))
                        .list();
        for (CodeRow code : due) {
            Set<Long> advertisers = store.advertisersUsing(code.itemId(), code.id());
            audit.record(
                    AuditAction.AUTHORIZATION_EXPIRED,
                    AuditSubject.post(code.itemId(), code.accountId()),
                    Actor.system(),
                    "code " + code.id());
            if (!advertisers.isEmpty()) {
                events.publishEvent(
                        new SparkAuthorizationRevoked(
                                code.itemId(),
                                advertisers,
                                SparkAuthorizationRevoked.Cause.EXPIRED,
                                "The authorization expired"));
            }
        }
        return due.size();
    }
}
