package io.sparkads.delivery;

import io.sparkads.authorization.AccountUnlinked;
import io.sparkads.authorization.SparkAuthorizationExtended;
import io.sparkads.authorization.SparkAuthorizationRevoked;
import io.sparkads.campaigns.AdsChanged;
import io.sparkads.campaigns.DeliverableAds;
import io.sparkads.delivery.ServingChange.Kind;
import io.sparkads.reporting.RollupsChanged;
import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Tells every server's decision engine about a serving change, with {@code pg_notify} inside the
 * transaction that makes the change: PostgreSQL delivers the notification only if, and once, that
 * transaction commits. The servers listen with {@link ServingChangeListener}; the server that took
 * the change applies it itself after commit ({@link AdIndex}).
 */
@Component
class ServingChangeNotifier {
    private final String serverId = UUID.randomUUID().toString();
    private final JdbcClient jdbc;
    private final DeliverableAds ads;
    private final AdIndex index;
    // Compared with another server's wall clock, so never the application's (settable) clock.
    private final Clock wallClock = Clock.systemUTC();

    ServingChangeNotifier(JdbcClient jdbc, DeliverableAds ads, AdIndex index) {
        this.jdbc = jdbc;
        this.ads = ads;
        this.index = index;
    }

    /** This server's id in the notifications it sends, so it can skip its own. */
    String serverId() {
        return serverId;
    }

    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT, fallbackExecution = true)
    void on(AdsChanged event) {
        send(Kind.CHANGED, event.adIds());
    }

    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT, fallbackExecution = true)
    void on(SparkAuthorizationRevoked event) {
        send(Kind.REVOKED, ads.idsShowing(event.itemId(), event.advertiserIds()));
    }

    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT, fallbackExecution = true)
    void on(SparkAuthorizationExtended event) {
        send(Kind.EXTENDED, ads.idsShowing(event.itemId(), event.advertiserIds()));
    }

    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT, fallbackExecution = true)
    void on(AccountUnlinked event) {
        send(Kind.UNLINKED, ads.idsOfLinkedIdentity(event.advertiserId(), event.accountId()));
    }

    /**
     * Spend was recorded: only ads whose budget this transaction used up are announced, so paid
     * events do not make every server re-read every budgeted ad.
     */
    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT, fallbackExecution = true)
    void on(RollupsChanged event) {
        List<Long> exhausted =
                event.adIds().stream()
                        .filter(index::budgeted)
                        .filter(adId -> ads.deliverable(adId).isEmpty())
                        .sorted()
                        .toList();
        send(Kind.BUDGET, exhausted);
    }

    private void send(Kind kind, Collection<Long> adIds) {
        if (adIds.isEmpty()) {
            return;
        }
        ServingChange change =
                new ServingChange(serverId, kind, wallClock.instant(), List.copyOf(adIds));
        for (String payload : change.payloads()) {
            jdbc.sql("select pg_notify(?, ?)")
                    .params(ServingChange.CHANNEL, payload)
                    .query((rs, n) -> null)
                    .list();
        }
    }
}
