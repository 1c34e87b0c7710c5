package io.sparkads.authorization;

import io.sparkads.common.Ids;
import io.sparkads.common.PageRequest;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The audit trail of authorizations. Rows are appended in the transaction of what they record (a
 * refusal in its own, so it survives the refused request); the database refuses any update or
 * delete.
 */
@Service
public class AuthorizationAudit {
    private static final RowMapper<AuditEntry> ROW =
            (rs, n) ->
                    new AuditEntry(
                            rs.getLong("id"),
                            rs.getTimestamp("occurred_at").toInstant(),
                            AuditAction.valueOf(rs.getString("action")),
                            (Long) rs.getObject("item_id"),
                            (Long) rs.getObject("account_id"),
                            (Long) rs.getObject("advertiser_id"),
                            Actor.Kind.valueOf(rs.getString("actor_kind")),
                            rs.getString("actor_id"),
                            rs.getString("client_address"),
                            rs.getString("detail"),
                            (Long) rs.getObject("actor_user_id"),
                            rs.getString("actor_user_name"));

    private final JdbcClient jdbc;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    AuthorizationAudit(JdbcClient jdbc, Clock clock, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.events = events;
    }

    /**
     * Records what happened and tells the other modules, in the caller's transaction: a change
     * other modules react to is always in the trail too.
     */
    void recordAndPublish(
            AuditAction action, AuditSubject subject, Actor actor, String detail, Object event) {
        record(action, subject, actor, detail);
        events.publishEvent(event);
    }

    void record(AuditAction action, AuditSubject subject, Actor actor, String detail) {
        jdbc.sql(
                        """
                        insert into authorization_audit (id, occurred_at, action, item_id, account_id, advertiser_id,
                                                         actor_kind, actor_id, client_address, detail,
                                                         actor_user_id, actor_user_name)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                        """)
                .params(
                        Ids.next(),
                        Timestamp.from(clock.instant()),
                        action.name(),
                        subject.itemId(),
                        subject.accountId(),
                        subject.advertiserId(),
                        actor.kind().name(),
                        actor.id(),
                        actor.address(),
                        detail,
                        actor.userId(),
                        actor.userName())
                .update();
    }

    /**
     * Records a refused code outside the caller's transaction: the refusal must stay recorded when
     * the request fails.
     */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void recordRefusal(AuditSubject subject, Actor actor, String reason) {
        record(AuditAction.CODE_REFUSED, subject, actor, reason);
    }

    /** What happened to the creator's posts and links, newest first. */
    public List<AuditEntry> ofAccount(long accountId, PageRequest page) {
        return entriesWhere("account_id", accountId, page);
    }

    /** What happened in the ad account, newest first. */
    public List<AuditEntry> ofAdvertiser(long advertiserId, PageRequest page) {
        return entriesWhere("advertiser_id", advertiserId, page);
    }

    /** What happened to one post, newest first. */
    public List<AuditEntry> ofPost(long itemId, PageRequest page) {
        return entriesWhere("item_id", itemId, page);
    }

    /** {@code column} is one of this class's constants, never a caller's text. */
    private List<AuditEntry> entriesWhere(String column, long id, PageRequest page) {
        return jdbc.sql(
                        "select * from authorization_audit where "
                                + column
                                + " = ? order by occurred_at desc, id desc limit ? offset ?")
                .params(id, page.pageSize(), page.offset())
                .query(ROW)
                .list();
    }
}
