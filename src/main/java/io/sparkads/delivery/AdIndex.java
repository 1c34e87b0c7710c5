package io.sparkads.delivery;

import io.sparkads.authorization.AccountUnlinked;
import io.sparkads.authorization.SparkAuthorizationExtended;
import io.sparkads.authorization.SparkAuthorizationRevoked;
import io.sparkads.campaigns.AdsChanged;
import io.sparkads.campaigns.DeliverableAd;
import io.sparkads.campaigns.DeliverableAds;
import io.sparkads.delivery.engine.AdCandidate;
import io.sparkads.delivery.engine.AdDecisionEngine;
import io.sparkads.delivery.engine.ServingRules;
import io.sparkads.reporting.RollupsChanged;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Keeps the decision engine's in-memory index in step with the database: a full load at start,
 * single ads as soon as a change commits (here after commit, on other servers through {@link
 * ServingChangeListener}), and a full reload every few minutes as a safety net. A revoked post
 * leaves the index the moment the revocation commits, before anything else reacts.
 *
 * <p>Changes to the engine are serialized: a full reload reads and replaces under the same lock, so
 * a change applied while it reads cannot be undone by its older snapshot.
 */
@Component
class AdIndex {
    private static final Logger log = LoggerFactory.getLogger(AdIndex.class);

    private final AdDecisionEngine engine;
    private final ServingRules rules;
    private final AdCandidates candidates;
    private final DeliverableAds ads;
    private final Clock clock;

    AdIndex(
            AdDecisionEngine engine,
            ServingRules rules,
            BudgetReservations budgets,
            DeliverableAds ads,
            Clock clock) {
        this.engine = engine;
        this.rules = rules;
        this.candidates = new AdCandidates(rules, budgets);
        this.ads = ads;
        this.clock = clock;
    }

    @EventListener(ApplicationReadyEvent.class)
    void loadAll() {
        reload();
        log.info("Decision engine holds {} deliverable ads", engine.size());
    }

    /** The safety net: every change also reaches every server as it commits. */
    @Scheduled(
            initialDelayString = "${sparkads.delivery.resync-interval:5m}",
            fixedDelayString = "${sparkads.delivery.resync-interval:5m}")
    void resync() {
        reload();
        rules.forgetOld(clock.instant());
    }

    /** Reads every deliverable ad again and replaces the engine's index with them. */
    synchronized void reload() {
        engine.replaceAll(ads.allDeliverable().stream().map(candidates::of).toList());
    }

    /** Whether spend can stop the ad: its campaign or ad group has a budget. */
    boolean budgeted(long adId) {
        return candidates.budgeted(adId);
    }

    /** A change another server (or another writer) announced on the serving-change channel. */
    void apply(ServingChange change) {
        if (change.kind().removes()) {
            remove(change.adIds());
        } else {
            refresh(change.adIds());
        }
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(AdsChanged event) {
        refresh(event.adIds());
    }

    private synchronized void refresh(Collection<Long> adIds) {
        Map<Long, DeliverableAd> deliverable = ads.deliverable(adIds);
        List<AdCandidate> upserts = new ArrayList<>(deliverable.size());
        List<Long> removals = new ArrayList<>();
        for (long adId : adIds) {
            DeliverableAd ad = deliverable.get(adId);
            if (ad == null) {
                removals.add(adId);
            } else {
                upserts.add(candidates.of(ad));
            }
        }
        engine.apply(upserts, removals); // one new index for a request's ads, not one per ad
    }

    private synchronized void remove(Collection<Long> adIds) {
        engine.apply(List.of(), adIds);
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(SparkAuthorizationRevoked event) {
        List<Long> stopped = ads.idsShowing(event.itemId(), event.advertiserIds());
        remove(stopped);
        if (!stopped.isEmpty()) {
            log.info("Stopped ads {} of post {}: {}", stopped, event.itemId(), event.reason());
        }
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(SparkAuthorizationExtended event) {
        on(new AdsChanged(new HashSet<>(ads.idsShowing(event.itemId(), event.advertiserIds()))));
    }

    /** Spend was recorded: an ad whose budget is now used up leaves the engine. */
    @TransactionalEventListener(fallbackExecution = true)
    void on(RollupsChanged event) {
        Set<Long> served = new HashSet<>();
        event.adIds().stream().filter(candidates::budgeted).forEach(served::add);
        if (!served.isEmpty()) {
            on(new AdsChanged(served));
        }
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(AccountUnlinked event) {
        List<Long> stopped = ads.idsOfLinkedIdentity(event.advertiserId(), event.accountId());
        remove(stopped);
        if (!stopped.isEmpty()) {
            log.info(
                    "Stopped ads {} of unlinked account {}: {}",
                    stopped,
                    event.accountId(),
                    event.reason());
        }
    }
}
