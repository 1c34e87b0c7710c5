package io.sparkads.delivery;

import io.sparkads.common.AdLineage;
import io.sparkads.delivery.engine.AdCandidate;
import io.sparkads.delivery.engine.AdDecisionEngine;
import io.sparkads.delivery.engine.Outcomes;
import io.sparkads.delivery.engine.Placement;
import io.sparkads.delivery.engine.RateEstimates;
import io.sparkads.reporting.AdOutcomeTotals;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Feeds the decision engine what every ad's outcomes say of its rates: every few seconds it reads
 * the per-ad totals from the reporting rollups (one grouped query), estimates each ad's rates
 * smoothed up its ad group, advertiser and placement ({@link RateEstimates#estimate}) and hands
 * them to the engine. Every server reads the same rollups, so every server ranks by the same rates.
 *
 * <p>An ad's placement comes from the engine's candidate; an ad the engine no longer holds (paused,
 * ended) still counts as evidence for its ad group and advertiser, placed in the feed, where nearly
 * all ads run.
 */
@Component
class PredictedRatesFeed {
    private static final Logger log = LoggerFactory.getLogger(PredictedRatesFeed.class);

    private final AdOutcomeTotals totals;
    private final AdDecisionEngine engine;

    /**
     * After a refresh that took t, the next waits at least this many times t: with many ads the
     * grouped query takes seconds (docs/benchmarks.md), and the feed should not keep the database
     * busy more than a fifth of the time, whatever the refresh setting.
     */
    static final long WAIT_PER_REFRESH_TIME = 4;

    /** {@link System#nanoTime()} before which a scheduled refresh is skipped. */
    private volatile long notBefore = System.nanoTime();

    /** The evidence of the last estimate: unchanged evidence is not estimated again. */
    private List<RateEstimates.AdOutcomes> lastEvidence = List.of();

    PredictedRatesFeed(AdOutcomeTotals totals, AdDecisionEngine engine) {
        this.totals = totals;
        this.engine = engine;
    }

    @Scheduled(
            initialDelayString = "${sparkads.delivery.rates-refresh:2s}",
            fixedDelayString = "${sparkads.delivery.rates-refresh:2s}")
    void scheduledRefresh() {
        long started = System.nanoTime();
        if (started - notBefore < 0) {
            return;
        }
        try {
            refresh();
        } catch (DataAccessException e) {
            // the engine keeps ranking by the rates it has; the next refresh tries again
            log.warn("Could not read ad outcomes for predicted rates: {}", e.getMessage());
        }
        notBefore = started + WAIT_PER_REFRESH_TIME * (System.nanoTime() - started);
    }

    /** Reads the outcomes now and gives the engine their estimates; whether they changed. */
    synchronized boolean refresh() {
        List<RateEstimates.AdOutcomes> evidence = new ArrayList<>();
        for (AdOutcomeTotals.Totals t : totals.byAd()) {
            evidence.add(
                    new RateEstimates.AdOutcomes(
                            t.lineage(), placementOf(t.lineage()), outcomesOf(t)));
        }
        if (evidence.equals(lastEvidence)) {
            return false;
        }
        engine.useRates(RateEstimates.estimate(evidence));
        lastEvidence = List.copyOf(evidence);
        return true;
    }

    private Placement placementOf(AdLineage lineage) {
        return engine.find(lineage.adId()).map(AdCandidate::placement).orElse(Placement.IN_FEED);
    }

    static Outcomes outcomesOf(AdOutcomeTotals.Totals t) {
        return new Outcomes(
                t.impressions(),
                t.clicks(),
                t.sixSecondViews(),
                t.completions(),
                t.conversions(),
                t.engagements(),
                t.profileVisits(),
                t.follows());
    }
}
