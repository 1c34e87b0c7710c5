package io.sparkads.authorization;

import io.sparkads.authorization.SparkCodeStore.CodeRow;
import io.sparkads.common.Refusal;
import io.sparkads.common.Secrets;
import io.sparkads.content.Post;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The advertiser's side of a code: looking at what it would bind, and applying it so the post joins
 * the ad account's creative library. Wrong codes count toward the attempt limit, since codes are
 * secrets a caller could otherwise guess.
 */
@Service
public class CodeApplications {
    private static final Logger log = LoggerFactory.getLogger(CodeApplications.class);

    private final JdbcClient jdbc;
    private final Clock clock;
    private final SparkCodeStore store;
    private final AuthorizationAudit audit;
    private final CodeAttemptLimiter limiter;

    CodeApplications(
            JdbcClient jdbc,
            Clock clock,
            SparkCodeStore store,
            AuthorizationAudit audit,
            CodeAttemptLimiter limiter) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.store = store;
        this.audit = audit;
        this.limiter = limiter;
    }

    /**
     * What applying the code would bind, without binding it. Failed attempts count toward the
     * limit.
     */
    public SparkPost preview(long advertiserId, String authCode, Actor actor) {
        CodeRow code = findCode(advertiserId, authCode, actor);
        return store.toSparkPost(code, store.boundAt(advertiserId, code.itemId()).orElse(null));
    }

    /** Binds the code's post to the ad account; applying the same code again changes nothing. */
    @Transactional
    public SparkPost apply(long advertiserId, String authCode, Actor actor) {
        CodeRow code = findCode(advertiserId, authCode, actor);
        Instant now = clock.instant();
        SparkCodeStatus status = code.statusAsOf(now);
        if (!status.isLive()) {
            throw refused(
                    advertiserId,
                    code,
                    actor,
                    "The authorization code is "
                            + status.name().toLowerCase()
                            + "; ask the creator for a new one");
        }
        Post post = store.posts().get(code.itemId());
        if (!post.isSparkAvailable()) {
            throw refused(advertiserId, code, actor, "The post of this code is no longer public");
        }
        Optional<Instant> existing = store.boundAt(advertiserId, code.itemId());
        if (existing.isEmpty()) {
            store.bind(advertiserId, post, code.id(), now);
            jdbc.sql(
                            "update spark_codes set status = 'IN_USE' where id = ? and status = 'NOT_USED'")
                    .param(code.id())
                    .update();
            audit.recordAndPublish(
                    AuditAction.CODE_APPLIED,
                    AuditSubject.use(code.itemId(), code.accountId(), advertiserId),
                    actor,
                    "code " + code.id(),
                    new PostBound(advertiserId, code.itemId(), code.accountId()));
        }
        return store.toSparkPost(store.byId(code.id()), existing.orElse(now));
    }

    /** Looks a code up by its hash; an unknown code counts as a failed attempt. */
    private CodeRow findCode(long advertiserId, String authCode, Actor actor) {
        limiter.checkAllowed(advertiserId, actor.address());
        if (authCode == null || authCode.isBlank()) {
            throw Refusal.invalid("auth_code is required");
        }
        Optional<CodeRow> code =
                authCode.length() > 64
                        ? Optional.empty()
                        : jdbc.sql("select * from spark_codes where code_hash = ?")
                                .param(Secrets.hash(authCode.strip()))
                                .query((rs, n) -> SparkCodeStore.codeRow(rs))
                                .optional();
        if (code.isEmpty()) {
            limiter.recordFailure(advertiserId, actor.address());
            log.warn(
                    "Invalid authorization code from advertiser {} at {}",
                    advertiserId,
                    actor.address());
            audit.recordRefusal(AuditSubject.use(null, null, advertiserId), actor, "invalid code");
            throw Refusal.invalid(
                    "auth_code is not a valid authorization code; check it with the creator");
        }
        return code.get();
    }

    private Refusal refused(long advertiserId, CodeRow code, Actor actor, String reason) {
        limiter.recordFailure(advertiserId, actor.address());
        log.warn(
                "Refused authorization code {} for advertiser {}: {}",
                code.id(),
                advertiserId,
                reason);
        audit.recordRefusal(
                AuditSubject.use(code.itemId(), code.accountId(), advertiserId), actor, reason);
        return Refusal.conflict(reason);
    }
}
