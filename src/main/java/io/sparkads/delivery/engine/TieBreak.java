package io.sparkads.delivery.engine;

/**
 * Orders ads of equal eCPM per viewer: a well-mixed 64-bit hash of the viewer id and the ad id,
 * stable across requests and restarts (it relies only on {@link String#hashCode}, whose value Java
 * specifies).
 */
final class TieBreak {
    private TieBreak() {}

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
