package io.sparkads.delivery.engine;

/**
 * Orders ads of equal eCPM per viewer: a well-mixed 64-bit hash of the viewer id and the ad id,
 * stable across requests and restarts (it relies only on {@link String#hashCode}, whose value Java
 * specifies).
 *
 * <p>A run of more than {@link #WINDOW} equal ads (one ad group's new ads at one bid, before their
 * rates are learned) is not walked whole: the viewer enters the run, taken as a ring, at a place
 * set by its hash, and only the first {@code WINDOW} ads from there whose targeting matches
 * compete, by the same hash. Every place is as likely, so every ad is in as many viewers' windows,
 * and a decision costs the window, not the run: 10,000 ads of one bid no longer cost 10,000 hashes
 * a request.
 */
final class TieBreak {
    private TieBreak() {}

    /** How many matching ads of a large run of equal ads a request compares. */
    static final int WINDOW = 256;

    static long viewerSeed(String viewerId) {
        return viewerId == null ? 0 : mix(viewerId.hashCode());
    }

    static long key(long viewerSeed, long adId) {
        return mix(viewerSeed ^ mix(adId));
    }

    /** The SplitMix64 finaliser. */
    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }
}
