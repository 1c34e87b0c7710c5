package io.sparkads.delivery.engine;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * An immutable snapshot of the servable ads, each valued by one {@link RateEstimates}: per
 * placement, a {@link PlacementRanking} sorted by eCPM, best first.
 */
final class AdIndex {

    final RateEstimates rates;
    final Map<Long, RankedAd> byId;

    /** Indexed by placement ordinal. */
    private final PlacementRanking[] byPlacement;

    private AdIndex(RateEstimates rates, Map<Long, RankedAd> byId, PlacementRanking[] byPlacement) {
        this.rates = rates;
        this.byId = byId;
        this.byPlacement = byPlacement;
    }

    static AdIndex empty(RateEstimates rates) {
        return of(List.of(), rates);
    }

    /** The ads valued by the rates; refuses a null ad and an ad given twice. */
    static AdIndex of(Collection<AdCandidate> ads, RateEstimates rates) {
        Map<Long, RankedAd> byId = new HashMap<>();
        List<List<RankedAd>> perPlacement = new ArrayList<>();
        for (int p = 0; p < Placement.values().length; p++) {
            perPlacement.add(new ArrayList<>());
        }
        for (AdCandidate ad : ads) {
            if (ad == null) {
                throw new IllegalArgumentException("ads must not contain null");
            }
            RankedAd ranked = new RankedAd(ad, Valuation.of(ad, rates));
            if (byId.put(ad.lineage().adId(), ranked) != null) {
                throw new IllegalArgumentException("ad " + ad.lineage().adId() + " is given twice");
            }
            perPlacement.get(ad.placement().ordinal()).add(ranked);
        }
        PlacementRanking[] byPlacement = new PlacementRanking[perPlacement.size()];
        for (int p = 0; p < byPlacement.length; p++) {
            RankedAd[] sorted = perPlacement.get(p).toArray(RankedAd[]::new);
            Arrays.sort(sorted, RankedAd.BEST_FIRST);
            byPlacement[p] = new PlacementRanking(sorted);
        }
        return new AdIndex(rates, byId, byPlacement);
    }

    /** The same ads, valued by other rates. */
    AdIndex repricedBy(RateEstimates other) {
        List<AdCandidate> ads = new ArrayList<>(byId.size());
        for (RankedAd ranked : byId.values()) {
            ads.add(ranked.ad());
        }
        return of(ads, other);
    }

    PlacementRanking ranking(Placement placement) {
        return byPlacement[placement.ordinal()];
    }

    AdIndex with(AdCandidate ad) {
        RankedAd ranked = new RankedAd(ad, Valuation.of(ad, rates));
        Map<Long, RankedAd> byId = new HashMap<>(this.byId);
        RankedAd old = byId.put(ad.lineage().adId(), ranked);
        PlacementRanking[] byPlacement = this.byPlacement.clone();
        if (old != null) {
            int from = old.ad().placement().ordinal();
            byPlacement[from] = byPlacement[from].without(old);
        }
        int to = ad.placement().ordinal();
        byPlacement[to] = byPlacement[to].with(ranked);
        return new AdIndex(rates, byId, byPlacement);
    }

    /**
     * The ads upserted (replacing those with the same ids; the last of an id wins) and the removed
     * ids gone, in one copy of the index: a batch of k changes costs one pass over the ads of the
     * placements it touches, not k.
     */
    AdIndex changed(Collection<AdCandidate> upserts, Collection<Long> removals) {
        if (upserts.size() + removals.size() == 1) { // one change: shift, not rebuild, the index
            return upserts.isEmpty()
                    ? without(removals.iterator().next())
                    : with(upserts.iterator().next());
        }
        Map<Long, RankedAd> byId = new HashMap<>(this.byId);
        Set<RankedAd> gone = Collections.newSetFromMap(new IdentityHashMap<>());
        Map<Long, RankedAd> added = new LinkedHashMap<>();
        for (long adId : removals) {
            RankedAd old = byId.remove(adId);
            if (old != null) {
                gone.add(old);
            }
        }
        for (AdCandidate ad : upserts) {
            RankedAd ranked = new RankedAd(ad, Valuation.of(ad, rates));
            RankedAd old = byId.put(ad.lineage().adId(), ranked);
            if (old != null && added.remove(old.adId()) == null) {
                gone.add(old); // in the index before this batch, not an earlier upsert of it
            }
            added.put(ranked.adId(), ranked);
        }
        PlacementRanking[] byPlacement = this.byPlacement.clone();
        for (int p = 0; p < byPlacement.length; p++) {
            List<RankedAd> addedHere = new ArrayList<>();
            for (RankedAd ranked : added.values()) {
                if (ranked.ad().placement().ordinal() == p) {
                    addedHere.add(ranked);
                }
            }
            byPlacement[p] = byPlacement[p].changed(gone, addedHere);
        }
        return new AdIndex(rates, byId, byPlacement);
    }

    AdIndex without(long adId) {
        RankedAd old = byId.get(adId);
        if (old == null) {
            return this;
        }
        Map<Long, RankedAd> byId = new HashMap<>(this.byId);
        byId.remove(adId);
        PlacementRanking[] byPlacement = this.byPlacement.clone();
        int from = old.ad().placement().ordinal();
        byPlacement[from] = byPlacement[from].without(old);
        return new AdIndex(rates, byId, byPlacement);
    }
}
