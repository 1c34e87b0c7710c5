package io.sparkads.delivery.engine;

import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * One placement's ads, best first ({@link RankedAd#BEST_FIRST}). The eCPMs and ad ids are copied
 * into arrays of their own, so that a request scanning many equal ads reads contiguous memory; the
 * positions of the ads exploration may still judge are listed apart, so that an exploring request
 * reads only those. Both lists have a {@link TargetingIndex}, so that a request walks only the ads
 * whose targeting its viewer matches.
 */
final class PlacementRanking {
    final AdCandidate[] ads;
    final Valuation[] values;
    final long[] ecpmMicros;
    final long[] adIds;

    /**
     * Where the run of equal eCPMs holding each position starts and ends (exclusive); a run of more
     * than {@link TieBreak#WINDOW} ads is walked by window ({@link #windowStart}).
     */
    final int[] runStart;

    final int[] runEnd;

    /** Positions of the {@link RankedAd#isUnjudged() unjudged} ads, ascending. */
    final int[] unjudged;

    /** The targeting of {@link #ads}, by position; shifted, not rebuilt, by one upsert. */
    final TargetingIndex targeting;

    /** The targeting of the unjudged ads, by index into {@link #unjudged}. */
    final TargetingIndex unjudgedTargeting;

    private final RankedAd[] sorted;

    /**
     * @param sorted ads sorted {@link RankedAd#BEST_FIRST}; not copied
     */
    PlacementRanking(RankedAd[] sorted) {
        this(sorted, null, null);
    }

    /** As above, with the targeting indexes given, or built when {@code null}. */
    private PlacementRanking(
            RankedAd[] sorted, TargetingIndex targeting, TargetingIndex unjudgedTargeting) {
        this.sorted = sorted;
        this.ads = new AdCandidate[sorted.length];
        this.values = new Valuation[sorted.length];
        this.ecpmMicros = new long[sorted.length];
        this.adIds = new long[sorted.length];
        this.runStart = new int[sorted.length];
        this.runEnd = new int[sorted.length];
        int[] unjudged = new int[sorted.length];
        int unjudgedCount = 0;
        for (int i = 0; i < sorted.length; i++) {
            ads[i] = sorted[i].ad();
            values[i] = sorted[i].value();
            ecpmMicros[i] = values[i].ecpmMicros();
            adIds[i] = sorted[i].adId();
            runStart[i] = i > 0 && ecpmMicros[i] == ecpmMicros[i - 1] ? runStart[i - 1] : i;
            if (sorted[i].isUnjudged()) {
                unjudged[unjudgedCount++] = i;
            }
        }
        for (int i = sorted.length - 1; i >= 0; i--) {
            runEnd[i] =
                    i + 1 < sorted.length && ecpmMicros[i] == ecpmMicros[i + 1]
                            ? runEnd[i + 1]
                            : i + 1;
        }
        this.unjudged = Arrays.copyOf(unjudged, unjudgedCount);
        this.targeting = targeting != null ? targeting : new TargetingIndex(ads);
        if (unjudgedTargeting == null) {
            AdCandidate[] unjudgedAds = new AdCandidate[unjudgedCount];
            for (int u = 0; u < unjudgedCount; u++) {
                unjudgedAds[u] = ads[unjudged[u]];
            }
            unjudgedTargeting = new TargetingIndex(unjudgedAds);
        }
        this.unjudgedTargeting = unjudgedTargeting;
    }

    int size() {
        return sorted.length;
    }

    /**
     * Where a viewer whose hash is {@code viewerSeed} enters the run of equal ads holding {@code
     * position}: a place of the run, each as likely over viewers.
     */
    int windowStart(int position, long viewerSeed) {
        int length = runEnd[position] - runStart[position];
        return runStart[position] + (int) Long.remainderUnsigned(viewerSeed, length);
    }

    PlacementRanking with(RankedAd ad) {
        int at = -Arrays.binarySearch(sorted, ad, RankedAd.BEST_FIRST) - 1;
        RankedAd[] result = new RankedAd[sorted.length + 1];
        System.arraycopy(sorted, 0, result, 0, at);
        result[at] = ad;
        System.arraycopy(sorted, at, result, at + 1, sorted.length - at);
        Targeting targeting = ad.ad().targeting();
        return new PlacementRanking(
                result,
                this.targeting.inserted(at, targeting),
                ad.isUnjudged()
                        ? unjudgedTargeting.inserted(unjudgedBefore(at), targeting)
                        : unjudgedTargeting);
    }

    /**
     * This ranking without the {@code gone} ads (by identity) and with the {@code added} ones, in
     * one merge; itself when neither touches it.
     */
    PlacementRanking changed(Set<RankedAd> gone, List<RankedAd> added) {
        int removed = 0;
        for (RankedAd ranked : sorted) {
            if (gone.contains(ranked)) {
                removed++;
            }
        }
        if (removed == 0 && added.isEmpty()) {
            return this;
        }
        RankedAd[] adding = added.toArray(RankedAd[]::new);
        Arrays.sort(adding, RankedAd.BEST_FIRST);
        RankedAd[] result = new RankedAd[sorted.length - removed + adding.length];
        int at = 0;
        int next = 0;
        for (RankedAd ranked : sorted) {
            if (gone.contains(ranked)) {
                continue;
            }
            while (next < adding.length && RankedAd.BEST_FIRST.compare(adding[next], ranked) < 0) {
                result[at++] = adding[next++];
            }
            result[at++] = ranked;
        }
        while (next < adding.length) {
            result[at++] = adding[next++];
        }
        return new PlacementRanking(result);
    }

    PlacementRanking without(RankedAd ad) {
        int at = Arrays.binarySearch(sorted, ad, RankedAd.BEST_FIRST);
        RankedAd[] result = new RankedAd[sorted.length - 1];
        System.arraycopy(sorted, 0, result, 0, at);
        System.arraycopy(sorted, at + 1, result, at, sorted.length - at - 1);
        return new PlacementRanking(
                result,
                targeting.removed(at),
                ad.isUnjudged()
                        ? unjudgedTargeting.removed(unjudgedBefore(at))
                        : unjudgedTargeting);
    }

    /** How many unjudged ads rank above {@code position}: its index among them, if it is one. */
    private int unjudgedBefore(int position) {
        int found = Arrays.binarySearch(unjudged, position);
        return found >= 0 ? found : -found - 1;
    }
}
