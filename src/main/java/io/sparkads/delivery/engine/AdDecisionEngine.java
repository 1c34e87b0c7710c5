package io.sparkads.delivery.engine;

import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Decides which ads to serve for an ad request.
 *
 * <p>The engine holds the servable ads in an immutable {@link Index}: per placement, a {@link
 * Ranking} sorted by eCPM, best first. Reads take the current index from a volatile field and never
 * lock; writes (about once a second) build a new index and swap it in, one writer at a time, so a
 * reader always sees the whole of one index, before or after a write.
 *
 * <p>A request walks its placement's ranking in eCPM order, keeps the eligible ads in a {@link
 * Shortlist} of {@code slots} entries, and stops as soon as the shortlist is full and the next ad
 * is worth less than its last entry. Once the shortlist is full, an ad of equal eCPM is compared by
 * its tie key first, and checked for eligibility only if it would get in: large groups of equal
 * bids (common with bids in whole cents) then cost a hash per ad, not a targeting check.
 */
public final class AdDecisionEngine {

    private final ImpressionIds impressionIds;
    private final InstantSource clock;
    private final Object writeLock = new Object();
    private volatile Index index = Index.EMPTY;
    private volatile RateEstimates rates = RateEstimates.assumed();

    public AdDecisionEngine(ImpressionIds impressionIds, InstantSource clock) {
        if (impressionIds == null) {
            throw new IllegalArgumentException("impressionIds must not be null");
        }
        if (clock == null) {
            throw new IllegalArgumentException("clock must not be null");
        }
        this.impressionIds = impressionIds;
        this.clock = clock;
    }

    /** Adds the ad, or replaces the ad with the same id. */
    public void upsert(AdCandidate ad) {
        if (ad == null) {
            throw new IllegalArgumentException("ad must not be null");
        }
        synchronized (writeLock) {
            index = index.with(ad);
        }
    }

    /** Stops serving the ad; nothing happens when it is not there. */
    public void remove(long adId) {
        synchronized (writeLock) {
            index = index.without(adId);
        }
    }

    /** Replaces every ad at once: no request sees a mix of the old and the new ads. */
    public void replaceAll(Collection<AdCandidate> ads) {
        if (ads == null) {
            throw new IllegalArgumentException("ads must not be null");
        }
        Index replacement = Index.of(ads);
        synchronized (writeLock) {
            index = replacement;
        }
    }

    /** Ranks by these predicted rates from now on. */
    public void useRates(RateEstimates rates) {
        if (rates == null) {
            throw new IllegalArgumentException("rates must not be null");
        }
        this.rates = rates;
    }

    /** The predicted rates the engine ranks by. */
    public RateEstimates rates() {
        return rates;
    }

    public Optional<AdCandidate> find(long adId) {
        return Optional.ofNullable(index.byId.get(adId));
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
     * eligible.
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
        Viewer viewer = request.viewer();
        Set<Long> excludedItems = request.excludeItemIds();
        long viewerSeed = TieBreak.viewerSeed(viewer.viewerId());
        Ranking ranking = index.ranking(request.placement());
        // one more than the slots: the best eligible ad left out sets the price of the last
        Shortlist shortlist = new Shortlist(ranking, request.slots() + 1);

        for (int i = 0; i < ranking.ads.length; i++) {
            long tieKey = TieBreak.key(viewerSeed, ranking.adIds[i]);
            if (shortlist.isFull()) {
                if (ranking.ecpmMicros[i] < shortlist.lastEcpmMicros()) {
                    break; // the rest are sorted lower still
                }
                if (!shortlist.ranksAboveLast(i, tieKey)) {
                    continue; // an equal ad that loses the tie: skip the costlier checks
                }
            }
            AdCandidate ad = ranking.ads[i];
            if (ad.isLiveAt(now)
                    && (ad.itemId() == null || !excludedItems.contains(ad.itemId()))
                    && ad.targeting().matches(viewer)
                    && filter.allows(ad, viewer, now)) {
                shortlist.offer(i, tieKey);
            }
        }

        int served = Math.min(shortlist.size, request.slots());
        List<Decision> decisions = new ArrayList<>(served);
        ServedAudience audience = served == 0 ? null : ServedAudience.of(request);
        for (int i = 0; i < served; i++) {
            AdCandidate ad = ranking.ads[shortlist.positions[i]];
            long charged =
                    i + 1 < shortlist.size
                            ? Decision.chargedMicros(
                                    ad, ranking.ecpmMicros[shortlist.positions[i + 1]])
                            : ad.bidMicros();
            decisions.add(
                    new Decision(impressionIds.issue(ad, audience, now, charged), ad, charged));
        }
        return decisions;
    }

    /** An immutable snapshot of the servable ads. */
    private static final class Index {
        static final Index EMPTY = of(List.of());

        final Map<Long, AdCandidate> byId;

        /** Indexed by placement ordinal. */
        final Ranking[] byPlacement;

        private Index(Map<Long, AdCandidate> byId, Ranking[] byPlacement) {
            this.byId = byId;
            this.byPlacement = byPlacement;
        }

        static Index of(Collection<AdCandidate> ads) {
            Map<Long, AdCandidate> byId = new HashMap<>();
            List<List<AdCandidate>> perPlacement = new ArrayList<>();
            for (int p = 0; p < Placement.values().length; p++) {
                perPlacement.add(new ArrayList<>());
            }
            for (AdCandidate ad : ads) {
                if (ad == null) {
                    throw new IllegalArgumentException("ads must not contain null");
                }
                if (byId.put(ad.lineage().adId(), ad) != null) {
                    throw new IllegalArgumentException(
                            "ad " + ad.lineage().adId() + " is given twice");
                }
                perPlacement.get(ad.placement().ordinal()).add(ad);
            }
            Ranking[] byPlacement = new Ranking[perPlacement.size()];
            for (int p = 0; p < byPlacement.length; p++) {
                AdCandidate[] sorted = perPlacement.get(p).toArray(AdCandidate[]::new);
                Arrays.sort(sorted, Ranking.BEST_FIRST);
                byPlacement[p] = new Ranking(sorted);
            }
            return new Index(byId, byPlacement);
        }

        Ranking ranking(Placement placement) {
            return byPlacement[placement.ordinal()];
        }

        Index with(AdCandidate ad) {
            Map<Long, AdCandidate> byId = new HashMap<>(this.byId);
            AdCandidate old = byId.put(ad.lineage().adId(), ad);
            Ranking[] byPlacement = this.byPlacement.clone();
            if (old != null) {
                int from = old.placement().ordinal();
                byPlacement[from] = byPlacement[from].without(old);
            }
            int to = ad.placement().ordinal();
            byPlacement[to] = byPlacement[to].with(ad);
            return new Index(byId, byPlacement);
        }

        Index without(long adId) {
            AdCandidate old = byId.get(adId);
            if (old == null) {
                return this;
            }
            Map<Long, AdCandidate> byId = new HashMap<>(this.byId);
            byId.remove(adId);
            Ranking[] byPlacement = this.byPlacement.clone();
            int from = old.placement().ordinal();
            byPlacement[from] = byPlacement[from].without(old);
            return new Index(byId, byPlacement);
        }
    }

    /**
     * One placement's ads, best first: by eCPM, then by ad id (only so that the order is
     * deterministic). The eCPMs and ad ids are copied into arrays of their own, so that a request
     * scanning many equal ads reads contiguous memory.
     */
    private static final class Ranking {
        static final Comparator<AdCandidate> BEST_FIRST =
                Comparator.comparingLong(AdCandidate::ecpmMicros)
                        .reversed()
                        .thenComparingLong(ad -> ad.lineage().adId());

        final AdCandidate[] ads;
        final long[] ecpmMicros;
        final long[] adIds;

        /**
         * @param sorted ads sorted {@link #BEST_FIRST}; not copied
         */
        Ranking(AdCandidate[] sorted) {
            this.ads = sorted;
            this.ecpmMicros = new long[sorted.length];
            this.adIds = new long[sorted.length];
            for (int i = 0; i < sorted.length; i++) {
                ecpmMicros[i] = sorted[i].ecpmMicros();
                adIds[i] = sorted[i].lineage().adId();
            }
        }

        Ranking with(AdCandidate ad) {
            int at = -Arrays.binarySearch(ads, ad, BEST_FIRST) - 1;
            AdCandidate[] result = new AdCandidate[ads.length + 1];
            System.arraycopy(ads, 0, result, 0, at);
            result[at] = ad;
            System.arraycopy(ads, at, result, at + 1, ads.length - at);
            return new Ranking(result);
        }

        Ranking without(AdCandidate ad) {
            int at = Arrays.binarySearch(ads, ad, BEST_FIRST);
            AdCandidate[] result = new AdCandidate[ads.length - 1];
            System.arraycopy(ads, 0, result, 0, at);
            System.arraycopy(ads, at + 1, result, at, ads.length - at - 1);
            return new Ranking(result);
        }
    }

    /**
     * The best {@code capacity} eligible ads seen so far, as positions in the ranking, best first,
     * holding at most one ad per item: the best-ranked one. An ad whose item is already listed
     * either replaces that entry (when it ranks higher) or is dropped. Offers arrive in eCPM order,
     * ties in any order.
     */
    private static final class Shortlist {
        final Ranking ranking;
        final int[] positions;
        final long[] tieKeys;
        int size;

        Shortlist(Ranking ranking, int capacity) {
            this.ranking = ranking;
            this.positions = new int[capacity];
            this.tieKeys = new long[capacity];
        }

        boolean isFull() {
            return size == positions.length;
        }

        long lastEcpmMicros() {
            return ranking.ecpmMicros[positions[size - 1]];
        }

        boolean ranksAboveLast(int position, long tieKey) {
            return ranksAbove(position, tieKey, positions[size - 1], tieKeys[size - 1]);
        }

        void offer(int position, long tieKey) {
            Long itemId = ranking.ads[position].itemId();
            if (itemId != null) {
                for (int i = 0; i < size; i++) {
                    if (itemId.equals(ranking.ads[positions[i]].itemId())) {
                        if (ranksAbove(positions[i], tieKeys[i], position, tieKey)) {
                            return; // the item is already listed with a better ad
                        }
                        removeAt(i);
                        break;
                    }
                }
            }
            if (isFull()) {
                if (!ranksAboveLast(position, tieKey)) {
                    return;
                }
                size--; // the last entry makes room
            }
            int at = size;
            while (at > 0 && ranksAbove(position, tieKey, positions[at - 1], tieKeys[at - 1])) {
                positions[at] = positions[at - 1];
                tieKeys[at] = tieKeys[at - 1];
                at--;
            }
            positions[at] = position;
            tieKeys[at] = tieKey;
            size++;
        }

        private void removeAt(int i) {
            System.arraycopy(positions, i + 1, positions, i, size - i - 1);
            System.arraycopy(tieKeys, i + 1, tieKeys, i, size - i - 1);
            size--;
        }

        /**
         * Higher eCPM first; on equal eCPM, the lower tie key; on equal keys, the lower ad id,
         * which among equal eCPMs is the earlier position.
         */
        private boolean ranksAbove(int a, long aKey, int b, long bKey) {
            long aEcpm = ranking.ecpmMicros[a];
            long bEcpm = ranking.ecpmMicros[b];
            if (aEcpm != bEcpm) {
                return aEcpm > bEcpm;
            }
            if (aKey != bKey) {
                return aKey < bKey;
            }
            return a < b;
        }
    }

    /**
     * Orders ads of equal eCPM per viewer: a well-mixed 64-bit hash of the viewer id and the ad id,
     * stable across requests and restarts (it relies only on {@link String#hashCode}, whose value
     * Java specifies).
     */
    private static final class TieBreak {
        private TieBreak() {}

        static long viewerSeed(String viewerId) {
            return viewerId == null ? 0 : mix(viewerId.hashCode());
        }

        static long key(long viewerSeed, long adId) {
            return mix(viewerSeed ^ mix(adId));
        }

        /** The SplitMix64 finaliser. */
        private static long mix(long z) {
            z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
            z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
            return z ^ (z >>> 31);
        }
    }
}
