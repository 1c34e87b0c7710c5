package io.sparkads.delivery.engine;

import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.IntPredicate;

/**
 * Decides which ads to serve for an ad request.
 *
 * <p>The engine holds the servable ads in an immutable {@link AdIndex}: per placement, a {@link
 * PlacementRanking} sorted by eCPM, best first, each ad valued ({@link Valuation}) by the index's
 * {@link RateEstimates}. Reads take the current index from a volatile field and never lock; writes
 * (ads about once a second, new rates on each refresh) build a new index and swap it in, one writer
 * at a time, so a reader always sees the whole of one index, before or after a write.
 *
 * <p>A request walks its placement's ranking in eCPM order, over only the ads whose targeting its
 * viewer matches ({@link TargetingIndex}: bitsets, 64 ads a word), keeps the eligible ads in a
 * {@link Shortlist} of {@code slots} entries, and stops as soon as the shortlist is full and the
 * next ad is worth less than its last entry. Once the shortlist is full, an ad of equal eCPM is
 * compared by its tie key first, and checked for eligibility only if it would get in: groups of
 * equal bids (common with bids in whole cents) then cost a hash per ad, not a targeting check; a
 * run of more than {@link TieBreak#WINDOW} equal ads costs a window of them ({@link TieBreak}).
 *
 * <p>An exploring request ({@link Exploration}) then reads only the placement's unjudged ads, and
 * may give one slot to the best Thompson draw among them ({@link Explorer}).
 */
public final class AdDecisionEngine {

    private final ImpressionIds impressionIds;
    private final InstantSource clock;
    private final Object writeLock = new Object();
    private final Exploration exploration;
    private volatile AdIndex index = AdIndex.empty(RateEstimates.assumed());

    /** An engine that never explores ({@link Exploration#NONE}). */
    public AdDecisionEngine(ImpressionIds impressionIds, InstantSource clock) {
        this(impressionIds, clock, Exploration.NONE);
    }

    public AdDecisionEngine(
            ImpressionIds impressionIds, InstantSource clock, Exploration exploration) {
        if (exploration == null) {
            throw new IllegalArgumentException(
                    "exploration must not be null (use Exploration.NONE)");
        }
        if (impressionIds == null) {
            throw new IllegalArgumentException("impressionIds must not be null");
        }
        if (clock == null) {
            throw new IllegalArgumentException("clock must not be null");
        }
        this.impressionIds = impressionIds;
        this.clock = clock;
        this.exploration = exploration;
    }

    /** Adds the ad, or replaces the ad with the same id; valued by the current rates. */
    public void upsert(AdCandidate ad) {
        if (ad == null) {
            throw new IllegalArgumentException("ad must not be null");
        }
        synchronized (writeLock) {
            index = index.with(ad);
        }
    }

    /**
     * Adds or replaces the {@code upserts} and stops serving the {@code removals}, all in one new
     * index (one copy for the batch, where {@link #upsert} copies once per ad). An id in both is
     * upserted.
     */
    public void apply(Collection<AdCandidate> upserts, Collection<Long> removals) {
        if (upserts == null || removals == null) {
            throw new IllegalArgumentException("upserts and removals must not be null");
        }
        for (AdCandidate ad : upserts) {
            if (ad == null) {
                throw new IllegalArgumentException("upserts must not contain null");
            }
        }
        synchronized (writeLock) {
            index = index.changed(upserts, removals);
        }
    }

    /** Stops serving the ad; nothing happens when it is not there. */
    public void remove(long adId) {
        synchronized (writeLock) {
            index = index.without(adId);
        }
    }

    /**
     * Replaces every ad at once, valued by the current rates: no request sees a mix of the old and
     * the new ads.
     */
    public void replaceAll(Collection<AdCandidate> ads) {
        if (ads == null) {
            throw new IllegalArgumentException("ads must not be null");
        }
        synchronized (writeLock) {
            index = AdIndex.of(ads, index.rates);
        }
    }

    /**
     * Ranks by these predicted rates from now on: values every ad again and swaps the repriced
     * index in whole, so a request sees either the old ranking or the new one.
     */
    public void useRates(RateEstimates rates) {
        if (rates == null) {
            throw new IllegalArgumentException("rates must not be null");
        }
        synchronized (writeLock) {
            index = index.repricedBy(rates);
        }
    }

    /** The predicted rates the engine ranks by. */
    public RateEstimates rates() {
        return index.rates;
    }

    /** The exploration setting the engine was built with. */
    public Exploration exploration() {
        return exploration;
    }

    public Optional<AdCandidate> find(long adId) {
        return Optional.ofNullable(index.byId.get(adId)).map(RankedAd::ad);
    }

    /** How the current rates value the ad; empty when the engine does not hold it. */
    public Optional<Valuation> valuation(long adId) {
        return Optional.ofNullable(index.byId.get(adId)).map(RankedAd::value);
    }

    /** How many ads the engine holds, whatever their placement or schedule. */
    public int size() {
        return index.byId.size();
    }

    /**
     * The ads to serve, best first: at most {@code slots}, of the request's placement, live now,
     * targeting the viewer, not showing an excluded item, and never two showing the same item. They
     * are ranked by eCPM; ads of equal eCPM are ordered by a hash of the viewer and the ad, so
     * equal ads take turns across viewers while each viewer sees a stable order. Each decision has
     * a fresh impression id and its charged price (see {@link Decision}). Empty when nothing is
     * eligible. A bounded share of requests gives one slot to an ad still being judged: see {@link
     * Exploration}.
     */
    public List<Decision> decide(AdRequest request) {
        return decide(request, ServingFilter.NONE);
    }

    /**
     * As {@link #decide(AdRequest)}, with a further check of each eligible ad: frequency caps, day
     * parting and reservations that depend on state outside the index.
     */
    public List<Decision> decide(AdRequest request, ServingFilter filter) {
        return decide(request, filter, clock.instant());
    }

    /**
     * As {@link #decide(AdRequest, ServingFilter)}, as of the given instant: the ads live then, and
     * impression ids stamped with it.
     */
    public List<Decision> decide(AdRequest request, ServingFilter filter, Instant now) {
        if (now == null) {
            throw new IllegalArgumentException("now must not be null");
        }
        AdIndex index = this.index; // one snapshot for the whole request
        Viewer viewer = request.viewer();
        Set<Long> excludedItems = request.excludeItemIds();
        long viewerSeed = TieBreak.viewerSeed(viewer.viewerId());
        PlacementRanking ranking = index.ranking(request.placement());
        // one more than the slots: the best eligible ad left out sets the price of the last
        Shortlist shortlist = new Shortlist(ranking, request.slots() + 1);

        IntPredicate servable =
                position -> isServable(ranking.ads[position], viewer, excludedItems, filter, now);
        TargetingIndex.Matches matches = ranking.targeting.matching(viewer);
        for (int i = matches.next(); i >= 0; i = matches.next()) {
            if (shortlist.isFull() && ranking.ecpmMicros[i] < shortlist.lastEcpmMicros()) {
                break; // the rest are sorted lower still
            }
            if (ranking.runEnd[i] - ranking.runStart[i] > TieBreak.WINDOW) {
                considerWindow(ranking, i, matches, viewerSeed, shortlist, servable);
                matches.seek(ranking.runEnd[i]);
            } else {
                consider(ranking, i, viewerSeed, shortlist, servable);
            }
        }

        int served = Math.min(shortlist.size, request.slots());
        Explorer.Pick explored = null;
        if (ranking.unjudged.length > 0 && exploration.explores(request.requestId())) {
            explored =
                    Explorer.pick(
                            ranking,
                            shortlist.positions,
                            served,
                            request.slots(),
                            index,
                            viewer,
                            ad -> isServable(ad, viewer, excludedItems, filter, now),
                            exploration.random(request.requestId()));
        }
        if (served == 0 && explored == null) {
            return List.of();
        }
        List<Decision> decisions = new ArrayList<>(served + 1);
        ServedAudience audience = ServedAudience.of(request);
        // an explored ad takes the last slot when the ranking fills them all: that ad is never
        // issued
        boolean displacing = explored != null && served == request.slots();
        for (int i = 0; i < (displacing ? served - 1 : served); i++) {
            int position = shortlist.positions[i];
            Valuation value = ranking.values[position];
            long charged =
                    i + 1 < shortlist.size
                            ? value.chargedMicros(ranking.ecpmMicros[shortlist.positions[i + 1]])
                            : value.capMicros();
            decisions.add(decision(ranking.ads[position], value, charged, false, audience, now));
        }
        if (explored != null) {
            int at = Explorer.placeOf(explored, ranking, shortlist.positions, served);
            // priced against the ad it displaces (the last served), else the best left out
            int displaced = displacing ? served - 1 : served;
            Valuation value = ranking.values[explored.position()];
            long charged =
                    displaced < shortlist.size
                            ? value.chargedMicros(
                                    ranking.ecpmMicros[shortlist.positions[displaced]])
                            : value.capMicros();
            decisions.add(
                    Math.min(at, decisions.size()), // a draw below the displaced ad takes its slot
                    decision(
                            ranking.ads[explored.position()], value, charged, true, audience, now));
        }
        return decisions;
    }

    /** Offers the ad if it ranks above the shortlist's last entry and may be served. */
    private static void consider(
            PlacementRanking ranking,
            int position,
            long viewerSeed,
            Shortlist shortlist,
            IntPredicate servable) {
        long tieKey = TieBreak.key(viewerSeed, ranking.adIds[position]);
        if (shortlist.isFull() && !shortlist.ranksAboveLast(position, tieKey)) {
            return; // an equal ad that loses the tie: skip the costlier checks
        }
        if (servable.test(position)) {
            shortlist.offer(position, tieKey);
        }
    }

    /**
     * A run of more than {@link TieBreak#WINDOW} equal ads, entered at {@code first}: the viewer
     * compares the first {@code WINDOW} matching ads from its own point on the run's ring, and more
     * only while the shortlist still has room (so that a run whose window the serving rules refuse
     * still fills the slots before a lower eCPM does).
     */
    private static void considerWindow(
            PlacementRanking ranking,
            int first,
            TargetingIndex.Matches matches,
            long viewerSeed,
            Shortlist shortlist,
            IntPredicate servable) {
        int start = ranking.runStart[first];
        int end = ranking.runEnd[first];
        int from = ranking.windowStart(first, viewerSeed);
        int compared = 0;
        matches.seek(from);
        for (int p = matches.next();
                p >= 0 && p < end && (compared < TieBreak.WINDOW || !shortlist.isFull());
                p = matches.next(), compared++) {
            consider(ranking, p, viewerSeed, shortlist, servable);
        }
        if (from == start) {
            return;
        }
        matches.seek(start); // round the ring: the run's ads before the viewer's point
        for (int p = matches.next();
                p >= 0 && p < from && (compared < TieBreak.WINDOW || !shortlist.isFull());
                p = matches.next(), compared++) {
            consider(ranking, p, viewerSeed, shortlist, servable);
        }
    }

    private Decision decision(
            AdCandidate ad,
            Valuation value,
            long charged,
            boolean explored,
            ServedAudience audience,
            Instant now) {
        return new Decision(
                impressionIds.issue(ad, audience, now, charged),
                ad,
                charged,
                value.reservedMicros(charged),
                explored);
    }

    /**
     * Whether an ad whose targeting the viewer matches (the index has checked that) may be served:
     * live now, not showing an excluded item, and allowed by the filter.
     */
    private static boolean isServable(
            AdCandidate ad,
            Viewer viewer,
            Set<Long> excludedItems,
            ServingFilter filter,
            Instant now) {
        return ad.isLiveAt(now)
                && (ad.itemId() == null || !excludedItems.contains(ad.itemId()))
                && filter.allows(ad, viewer, now);
    }
}
