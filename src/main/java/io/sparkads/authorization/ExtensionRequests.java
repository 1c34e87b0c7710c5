package io.sparkads.authorization;

import io.sparkads.authorization.SparkCodeStore.CodeRow;
import io.sparkads.common.Ids;
import io.sparkads.common.Refusal;
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
 * An advertiser asks the creator for more time on a post's authorization; the creator approves it
 * with a new period or declines. One request per post waits at a time.
 */
@Service
public class ExtensionRequests {
    private static final int MAX_MESSAGE = 500;

    private final JdbcClient jdbc;
    private final Clock clock;
    private final SparkCodeStore store;
    private final AuthorizationAudit audit;

    ExtensionRequests(
            JdbcClient jdbc, Clock clock, SparkCodeStore store, AuthorizationAudit audit) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.store = store;
        this.audit = audit;
    }

    /** The advertiser asks the creator to extend a post's authorization. */
    @Transactional
    public ExtensionRequest requestExtension(
            long advertiserId, long itemId, String message, Actor actor) {
        CodeRow code =
                store.boundCode(advertiserId, itemId)
                        .orElseThrow(() -> CreativeLibrary.notInLibrary(itemId));
        SparkCodeStatus status = code.statusAsOf(clock.instant());
        if (!status.isLive()) {
            throw Refusal.conflict(
                    "The authorization is "
                            + status.name().toLowerCase()
                            + "; ask the creator for a new code");
        }
        if (message != null && message.length() > MAX_MESSAGE) {
            throw Refusal.invalid("message must be at most " + MAX_MESSAGE + " characters");
        }
        if (jdbc.sql(
                        "select exists (select 1 from extension_requests where advertiser_id = ? and item_id = ? and status = 'PENDING')")
                .params(advertiserId, itemId)
                .query(Boolean.class)
                .single()) {
            throw Refusal.conflict(
                    "An extension request for post "
                            + itemId
                            + " is already waiting for the creator");
        }
        long id = Ids.next();
        jdbc.sql(
                        """
                        insert into extension_requests (id, advertiser_id, item_id, account_id, code_id, status, message, requested_at)
                        values (?, ?, ?, ?, ?, 'PENDING', ?, ?)
                        """)
                .params(
                        id,
                        advertiserId,
                        itemId,
                        code.accountId(),
                        code.id(),
                        message,
                        Timestamp.from(clock.instant()))
                .update();
        audit.record(
                AuditAction.EXTENSION_REQUESTED,
                AuditSubject.use(itemId, code.accountId(), advertiserId),
                actor,
                message);
        return extension(id).orElseThrow();
    }

    /** The creator approves an extension with a new period, or declines it. */
    @Transactional
    public ExtensionRequest decideExtension(
            long itemId, long requestId, boolean approve, Integer days, Actor actor) {
        ExtensionRequest request =
                extension(requestId)
                        .filter(r -> r.itemId() == itemId)
                        .orElseThrow(
                                () ->
                                        Refusal.notFound(
                                                "Post "
                                                        + itemId
                                                        + " has no extension request "
                                                        + requestId));
        if (request.status() != ExtensionRequest.Status.PENDING) {
            throw Refusal.conflict(
                    "Extension request "
                            + requestId
                            + " was already "
                            + request.status().name().toLowerCase());
        }
        Instant now = clock.instant();
        if (!approve) {
            jdbc.sql(
                            "update extension_requests set status = 'DECLINED', decided_at = ? where id = ?")
                    .params(Timestamp.from(now), requestId)
                    .update();
            audit.record(
                    AuditAction.EXTENSION_DECLINED,
                    AuditSubject.use(itemId, request.accountId(), request.advertiserId()),
                    actor,
                    null);
            return extension(requestId).orElseThrow();
        }
        AuthorizationPeriod period = AuthorizationPeriod.of(days);
        CodeRow code =
                jdbc.sql(
                                "select c.* from spark_codes c join extension_requests r on r.code_id = c.id where r.id = ?")
                        .param(requestId)
                        .query((rs, n) -> SparkCodeStore.codeRow(rs))
                        .single();
        SparkCodeStatus status = code.statusAsOf(now);
        if (!status.isLive()) {
            throw Refusal.conflict(
                    "The authorization is already "
                            + status.name().toLowerCase()
                            + "; issue a new code instead");
        }
        Instant newEnd = code.authEnd().plus(period.duration());
        jdbc.sql("update spark_codes set auth_end_time = ? where id = ?")
                .params(Timestamp.from(newEnd), code.id())
                .update();
        jdbc.sql(
                        "update extension_requests set status = 'APPROVED', decided_at = ?, days = ? where id = ?")
                .params(Timestamp.from(now), period.days(), requestId)
                .update();
        audit.recordAndPublish(
                AuditAction.AUTHORIZATION_EXTENDED,
                AuditSubject.use(itemId, request.accountId(), request.advertiserId()),
                actor,
                "by " + period.days() + " days to " + newEnd,
                new SparkAuthorizationExtended(itemId, store.advertisersUsing(itemId, code.id())));
        return extension(requestId).orElseThrow();
    }

    public List<ExtensionRequest> extensionsOf(long itemId) {
        return jdbc.sql(
                        "select * from extension_requests where item_id = ? order by requested_at desc, id desc")
                .param(itemId)
                .query((rs, n) -> extensionRow(rs))
                .list();
    }

    public Optional<ExtensionRequest> extension(long requestId) {
        return jdbc.sql("select * from extension_requests where id = ?")
                .param(requestId)
                .query((rs, n) -> extensionRow(rs))
                .optional();
    }

    private static ExtensionRequest extensionRow(ResultSet rs) throws SQLException {
        return new ExtensionRequest(
                rs.getLong("id"),
                rs.getLong("advertiser_id"),
                rs.getLong("item_id"),
                rs.getLong("account_id"),
                ExtensionRequest.Status.valueOf(rs.getString("status")),
                rs.getString("message"),
                rs.getTimestamp("requested_at").toInstant(),
                AccountLinks.instantOrNull(rs, "decided_at"),
                (Integer) rs.getObject("days"));
    }
}
