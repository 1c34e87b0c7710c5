package io.sparkads.delivery;

import io.sparkads.common.AdLineage;
import io.sparkads.delivery.engine.AdCandidate;
import io.sparkads.delivery.engine.AdDecisionEngine;
import io.sparkads.delivery.engine.Outcomes;
import io.sparkads.delivery.engine.Placement;
import io.sparkads.delivery.engine.RateEstimates;
import io.sparkads.reporting.AdOutcomeTotals;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Feeds the decision engine what every ad's outcomes say of its rates: every few seconds it reads
 * the per-ad totals that changed since its last read (all of them at start and every {@link
 * #FULL_READ_EVERY}), estimates each ad's rates smoothed up its ad group, advertiser and placement
 * ({@link RateEstimates#estimate}) and hands them to the engine. Every server reads the same
 * totals, so every server ranks by the same rates.
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
     * After a refresh that took t, the next waits at least this many times t: with many ads and
     * much traffic, estimating and repricing take a while (docs/benchmarks.md), and the feed should
     * not keep a core busy more than a fifth of the time, whatever the refresh setting.
     */
    static final long WAIT_PER_REFRESH_TIME = 4;

    /**
     * How often every ad's totals are read again rather than only the changed ones: a safety net (a
     * restored database, a row put right by hand), not needed for correctness.
     */
    static final Duration FULL_READ_EVERY = Duration.ofMinutes(10);

    /** {@link System#nanoTime()} before which a scheduled refresh is skipped. */
    private volatile long notBefore = System.nanoTime();

    /** Every ad's totals as last read, by ad id. */
    private final Map<Long, AdOutcomeTotals.Totals> known = new TreeMap<>();

    /** What the last read returned, for the next to read only what changed after it. */
    private long mark;

    /** {@link System#nanoTime()} from which the next refresh reads every ad again. */
    private long nextFullRead = System.nanoTime();

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
        long now = System.nanoTime();
        AdOutcomeTotals.Read read;
        if (now - nextFullRead >= 0) {
            read = totals.all();
            known.clear();
            nextFullRead = now + FULL_READ_EVERY.toNanos();
        } else {
            read = totals.changedSince(mark);
        }
        for (AdOutcomeTotals.Totals t : read.totals()) {
            known.put(t.lineage().adId(), t);
        }
        mark = read.mark();
        List<RateEstimates.AdOutcomes> evidence = new ArrayList<>(known.size());
        for (AdOutcomeTotals.Totals t : known.values()) {
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
