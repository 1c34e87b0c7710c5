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
 * <p>The engine holds the servable ads in an immutable {@link Index}: per placement, an array
 * sorted by eCPM, best first. Reads take the current index from a volatile field and never lock;
 * writes (about once a second) build a new index and swap it in, one writer at a time, so a reader
 * always sees the whole of one index, before or after a write.
 *
 * <p>A request walks its placement's array in eCPM order, keeps the eligible ads in a {@link
 * Shortlist} of {@code slots} entries, and stops as soon as the shortlist is full and the next ad
 * is worth less than its last entry.
 */
public final class AdDecisionEngine {

    private final ImpressionIds impressionIds;
    private final InstantSource clock;
    private final Object writeLock = new Object();
    private volatile Index index = Index.EMPTY;

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

    public Optional<AdCandidate> find(long adId) {
        return Optional.ofNullable(index.byId.get(adId));
    }

    /** How many ads the engine holds, whatever their placement or schedule. */
    public int size() {
        return index.byId.size();
    }

    /**
     * The ads to serve, best first: at most {@code slots}, of the request's placement, live now,
     * targeting the viewer, not showing an excluded item, and never two showing the same item.
     * They are ranked by eCPM; ads of equal eCPM are ordered by a hash of the viewer and the ad, so
     * equal ads take turns across viewers while each viewer sees a stable order. Each decision has
     * a fresh impression id. Empty when nothing is eligible.
     */
    public List<Decision> decide(AdRequest request) {
        Instant now = clock.instant();
        Viewer viewer = request.viewer();
        Set<Long> excludedItems = request.excludeItemIds();
        long viewerSeed = TieBreak.viewerSeed(viewer.viewerId());
        Shortlist shortlist = new Shortlist(request.slots());

        for (Ranked candidate : index.ranked(request.placement())) {
            if (shortlist.cannotTake(candidate.ecpmMicros)) {
                break; // the rest are sorted below the shortlist's last entry
            }
            AdCandidate ad = candidate.ad;
            if (ad.isLiveAt(now)
                    && (ad.itemId() == null || !excludedItems.contains(ad.itemId()))
                    && ad.targeting().matches(viewer)) {
                shortlist.offer(candidate, TieBreak.key(viewerSeed, ad.adId()));
            }
        }

        List<Decision> decisions = new ArrayList<>(shortlist.size);
        for (int i = 0; i < shortlist.size; i++) {
            AdCandidate ad = shortlist.entries[i].ad;
            decisions.add(new Decision(impressionIds.issue(ad, now), ad));
        }
        return decisions;
    }

    /** An ad with its eCPM worked out once, when it is indexed. */
    private static final class Ranked {
        /** eCPM, best first; then by ad id, only so that the index order is deterministic. */
        static final Comparator<Ranked> BEST_FIRST =
                Comparator.comparingLong((Ranked r) -> r.ecpmMicros)
                        .reversed()
                        .thenComparingLong(r -> r.ad.adId());

        final AdCandidate ad;
        final long ecpmMicros;

        Ranked(AdCandidate ad) {
            this.ad = ad;
            this.ecpmMicros = ad.ecpmMicros();
        }
    }

    /** An immutable snapshot of the servable ads. */
    private static final class Index {
        static final Index EMPTY = of(List.of());

        final Map<Long, AdCandidate> byId;
        /** Indexed by placement ordinal; each sorted {@link Ranked#BEST_FIRST}. */
        final Ranked[][] byPlacement;

        private Index(Map<Long, AdCandidate> byId, Ranked[][] byPlacement) {
            this.byId = byId;
            this.byPlacement = byPlacement;
        }

        static Index of(Collection<AdCandidate> ads) {
            Map<Long, AdCandidate> byId = new HashMap<>();
            List<List<Ranked>> lists = new ArrayList<>();
            for (int p = 0; p < Placement.values().length; p++) {
                lists.add(new ArrayList<>());
            }
            for (AdCandidate ad : ads) {
                if (ad == null) {
                    throw new IllegalArgumentException("ads must not contain null");
                }
                if (byId.put(ad.adId(), ad) != null) {
                    throw new IllegalArgumentException("ad " + ad.adId() + " is given twice");
                }
                lists.get(ad.placement().ordinal()).add(new Ranked(ad));
            }
            Ranked[][] byPlacement = new Ranked[lists.size()][];
            for (int p = 0; p < byPlacement.length; p++) {
                byPlacement[p] = lists.get(p).toArray(Ranked[]::new);
                Arrays.sort(byPlacement[p], Ranked.BEST_FIRST);
            }
            return new Index(byId, byPlacement);
        }

        Ranked[] ranked(Placement placement) {
            return byPlacement[placement.ordinal()];
        }

        Index with(AdCandidate ad) {
            Map<Long, AdCandidate> byId = new HashMap<>(this.byId);
            AdCandidate old = byId.put(ad.adId(), ad);
            Ranked[][] byPlacement = this.byPlacement.clone();
            if (old != null) {
                int from = old.placement().ordinal();
                byPlacement[from] = removed(byPlacement[from], old.adId());
            }
            int to = ad.placement().ordinal();
            byPlacement[to] = inserted(byPlacement[to], new Ranked(ad));
            return new Index(byId, byPlacement);
        }

        Index without(long adId) {
            AdCandidate old = byId.get(adId);
            if (old == null) {
                return this;
            }
            Map<Long, AdCandidate> byId = new HashMap<>(this.byId);
            byId.remove(adId);
            Ranked[][] byPlacement = this.byPlacement.clone();
            int p = old.placement().ordinal();
            byPlacement[p] = removed(byPlacement[p], adId);
            return new Index(byId, byPlacement);
        }

        private static Ranked[] inserted(Ranked[] sorted, Ranked entry) {
            int at = -Arrays.binarySearch(sorted, entry, Ranked.BEST_FIRST) - 1;
            Ranked[] result = new Ranked[sorted.length + 1];
            System.arraycopy(sorted, 0, result, 0, at);
            result[at] = entry;
            System.arraycopy(sorted, at, result, at + 1, sorted.length - at);
            return result;
        }

        private static Ranked[] removed(Ranked[] sorted, long adId) {
            int at = 0;
            while (sorted[at].ad.adId() != adId) {
                at++;
            }
            Ranked[] result = new Ranked[sorted.length - 1];
            System.arraycopy(sorted, 0, result, 0, at);
            System.arraycopy(sorted, at + 1, result, at, sorted.length - at - 1);
            return result;
        }
    }

    /**
     * The best {@code capacity} eligible ads seen so far, best first, holding at most one ad per
     * item: the best-ranked one. An ad whose item is already listed either replaces that entry (when
     * it ranks higher) or is dropped. Offers arrive in eCPM order, ties in any order.
     */
    private static final class Shortlist {
        final Ranked[] entries;
        final long[] tieKeys;
        int size;

        Shortlist(int capacity) {
            entries = new Ranked[capacity];
            tieKeys = new long[capacity];
        }

        /** Whether an ad of this eCPM, or any lower, could no longer get in. */
        boolean cannotTake(long ecpmMicros) {
            return size == entries.length && ecpmMicros < entries[size - 1].ecpmMicros;
        }

        void offer(Ranked candidate, long tieKey) {
            Long itemId = candidate.ad.itemId();
            if (itemId != null) {
                for (int i = 0; i < size; i++) {
                    if (itemId.equals(entries[i].ad.itemId())) {
                        if (ranksAbove(entries[i], tieKeys[i], candidate, tieKey)) {
                            return; // the item is already listed with a better ad
                        }
                        removeAt(i);
                        break;
                    }
                }
            }
            if (size == entries.length) {
                if (!ranksAbove(candidate, tieKey, entries[size - 1], tieKeys[size - 1])) {
                    return;
                }
                size--; // the last entry makes room
            }
            int at = size;
            while (at > 0 && ranksAbove(candidate, tieKey, entries[at - 1], tieKeys[at - 1])) {
                entries[at] = entries[at - 1];
                tieKeys[at] = tieKeys[at - 1];
                at--;
            }
            entries[at] = candidate;
            tieKeys[at] = tieKey;
            size++;
        }

        private void removeAt(int i) {
            System.arraycopy(entries, i + 1, entries, i, size - i - 1);
            System.arraycopy(tieKeys, i + 1, tieKeys, i, size - i - 1);
            size--;
            entries[size] = null;
        }

        /** Higher eCPM first; on equal eCPM, the lower tie key; on equal keys, the lower ad id. */
        private static boolean ranksAbove(Ranked a, long aKey, Ranked b, long bKey) {
            if (a.ecpmMicros != b.ecpmMicros) {
                return a.ecpmMicros > b.ecpmMicros;
            }
            if (aKey != bKey) {
                return aKey < bKey;
            }
            return a.ad.adId() < b.ad.adId();
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
