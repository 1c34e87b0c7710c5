package io.sparkads.delivery;

import io.sparkads.authorization.AccountUnlinked;
import io.sparkads.authorization.SparkAuthorizationExtended;
import io.sparkads.authorization.SparkAuthorizationRevoked;
import io.sparkads.campaigns.AdsChanged;
import io.sparkads.campaigns.DeliverableAd;
import io.sparkads.campaigns.DeliverableAds;
import io.sparkads.delivery.engine.AdCandidate;
import io.sparkads.delivery.engine.AdDecisionEngine;
import io.sparkads.delivery.engine.BillingEvent;
import io.sparkads.delivery.engine.Creative;
import io.sparkads.delivery.engine.Placement;
import io.sparkads.delivery.engine.Targeting;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Keeps the decision engine's in-memory index in step with the database: a full load at start and
 * every few seconds as a safety net, and single ads as soon as a change commits. A revoked post
 * leaves the index the moment the revocation commits, before anything else reacts.
 */
@Component
class AdIndex {
    private static final Logger log = LoggerFactory.getLogger(AdIndex.class);

    private final AdDecisionEngine engine;
    private final io.sparkads.delivery.engine.ServingRules rules;
    private final DeliverableAds ads;
    private final java.time.Clock clock;

    AdIndex(
            AdDecisionEngine engine,
            io.sparkads.delivery.engine.ServingRules rules,
            DeliverableAds ads,
            java.time.Clock clock) {
        this.engine = engine;
        this.rules = rules;
        this.ads = ads;
        this.clock = clock;
    }

    @EventListener(ApplicationReadyEvent.class)
    void loadAll() {
        engine.replaceAll(ads.allDeliverable().stream().map(this::candidate).toList());
        log.info("Decision engine holds {} deliverable ads", engine.size());
    }

    @Scheduled(
            initialDelayString = "${sparkads.delivery.resync-interval:30s}",
            fixedDelayString = "${sparkads.delivery.resync-interval:30s}")
    void resync() {
        engine.replaceAll(ads.allDeliverable().stream().map(this::candidate).toList());
        rules.forgetOld(clock.instant());
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(AdsChanged event) {
        for (long adId : event.adIds()) {
            ads.deliverable(adId)
                    .map(this::candidate)
                    .ifPresentOrElse(engine::upsert, () -> engine.remove(adId));
        }
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(SparkAuthorizationRevoked event) {
        List<Long> stopped = ads.idsShowing(event.itemId(), event.advertiserIds());
        stopped.forEach(engine::remove);
        if (!stopped.isEmpty()) {
            log.info("Stopped ads {} of post {}: {}", stopped, event.itemId(), event.reason());
        }
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(SparkAuthorizationExtended event) {
        on(
                new AdsChanged(
                        new java.util.HashSet<>(
                                ads.idsShowing(event.itemId(), event.advertiserIds()))));
    }

    /** Spend was recorded: an ad whose budget is now used up leaves the engine. */
    @TransactionalEventListener(fallbackExecution = true)
    void on(io.sparkads.reporting.RollupsChanged event) {
        Set<Long> served = new java.util.HashSet<>();
        event.adIds().stream().filter(budgeted::contains).forEach(served::add);
        if (!served.isEmpty()) {
            on(new AdsChanged(served));
        }
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(AccountUnlinked event) {
        List<Long> stopped = ads.idsOfLinkedIdentity(event.advertiserId(), event.accountId());
        stopped.forEach(engine::remove);
        if (!stopped.isEmpty()) {
            log.info(
                    "Stopped ads {} of unlinked account {}: {}",
                    stopped,
                    event.accountId(),
                    event.reason());
        }
    }

    /**
     * The engine's view of the ad; its ad group's serving rules go to {@link
     * io.sparkads.delivery.engine.ServingRules}.
     */
    /** Ads whose campaign or ad group has a budget: spend can stop them. */
    private final Set<Long> budgeted = java.util.concurrent.ConcurrentHashMap.newKeySet();

    AdCandidate candidate(DeliverableAd ad) {
        if (ad.budgeted()) {
            budgeted.add(ad.adId());
        } else {
            budgeted.remove(ad.adId());
        }
        rules.setRule(
                ad.adgroupId(),
                new io.sparkads.delivery.engine.ServingRules.Rule(
                        ad.frequency(),
                        ad.frequencySchedule(),
                        ad.dayparting(),
                        ad.topviewDailyImpressions(),
                        ad.zone()));
        return new AdCandidate(
                ad.adId(),
                ad.adgroupId(),
                ad.campaignId(),
                ad.advertiserId(),
                ad.itemId(),
                ad.spark(),
                Placement.valueOf(ad.placement()),
                new Targeting(
                        ad.regions(),
                        ad.ageGroups(),
                        ad.genders(),
                        ad.languages(),
                        ad.interests(),
                        ad.operatingSystems()),
                ad.start(),
                ad.end(),
                BillingEvent.valueOf(ad.billingEvent()),
                ad.bidPrice().movePointRight(6).longValueExact(),
                new Creative(
                        ad.identityAccountId(),
                        ad.displayName(),
                        ad.avatarUrl(),
                        ad.caption(),
                        ad.videoUrl(),
                        ad.posterUrl(),
                        ad.callToAction(),
                        ad.destinationType(),
                        ad.destinationUrl()));
    }
}
