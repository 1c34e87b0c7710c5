package io.sparkads.delivery.simulation;

import io.sparkads.delivery.engine.Viewer;
import java.util.List;

/**
 * Common random numbers: the viewer of every request, and every random draw that decides what the
 * viewer does with an ad, are pure functions of (seed, request, slot, draw). Every arm therefore
 * meets the same viewers in the same order, and a viewer who would click an ad of true rate p on
 * one arm clicks an ad of the same rate on another: differences between arms come from the ads they
 * choose, not from luck.
 */
final class Traffic {
    /** Distinct viewers in the run; a viewer's segment is fixed. */
    static final int VIEWERS = 5_000;

    /** The independent draws behind one impression; see {@link Draw}. */
    enum Draw {
        CLICK,
        CONVERSION,
        SIX_SECOND_VIEW,
        COMPLETION,
        ENGAGEMENT,
        PROFILE_VISIT,
        FOLLOW
    }

    private final long seed;
    private final List<Segment> segments;
    private final int[] segmentOfViewer = new int[VIEWERS];
    private final Viewer[] viewers = new Viewer[VIEWERS];

    Traffic(long seed, List<Segment> segments) {
        if (segments == null || segments.isEmpty()) {
            throw new IllegalArgumentException("at least one segment is required");
        }
        this.seed = seed;
        this.segments = List.copyOf(segments);
        double total = segments.stream().mapToDouble(Segment::share).sum();
        for (int v = 0; v < VIEWERS; v++) {
            double u = unit(mix(seed ^ 0x5e9e47L ^ mix(v))) * total;
            int s = 0;
            while (s < segments.size() - 1 && u >= segments.get(s).share()) {
                u -= segments.get(s).share();
                s++;
            }
            segmentOfViewer[v] = s;
            Viewer p = segments.get(s).prototype();
            viewers[v] =
                    new Viewer(
                            "viewer-" + v,
                            p.region(),
                            p.ageGroup(),
                            p.gender(),
                            p.interests(),
                            p.language(),
                            p.os());
        }
    }

    List<Segment> segments() {
        return segments;
    }

    int viewerIndex(long request) {
        return (int) Math.floorMod(mix(seed ^ mix(request)), (long) VIEWERS);
    }

    Viewer viewer(long request) {
        return viewers[viewerIndex(request)];
    }

    int segment(long request) {
        return segmentOfViewer[viewerIndex(request)];
    }

    /** A uniform draw in [0, 1) for one event of one slot of one request. */
    double uniform(long request, int slot, Draw draw) {
        long key = mix(mix(seed + request) ^ (slot * 0x9E3779B97F4A7C15L)) ^ mix(draw.ordinal());
        return unit(mix(key));
    }

    private static double unit(long bits) {
        return (bits >>> 11) * 0x1.0p-53;
    }

    /** The SplitMix64 finaliser. */
    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }
}
