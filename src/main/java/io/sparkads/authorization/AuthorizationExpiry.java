package io.sparkads.authorization;

import io.sparkads.authorization.SparkCodeStore.CodeRow;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Codes reaching their end: marked expired, and the ad accounts using them told. */
@Service
class AuthorizationExpiry {
    private final JdbcClient jdbc;
    private final Clock clock;
    private final SparkCodeStore store;
    private final AuthorizationAudit audit;
    private final ApplicationEventPublisher events;

    AuthorizationExpiry(
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
                    code.itemId(),
                    code.accountId(),
                    null,
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
