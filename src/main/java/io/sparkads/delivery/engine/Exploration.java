package io.sparkads.delivery.engine;

import java.util.SplittableRandom;
import java.util.random.RandomGenerator;

/**
 * How much traffic the engine may spend judging ads it knows little of: at most {@code share} of
 * requests (chosen by a hash of the request id and {@code seed}, so a run is reproducible). {@link
 * #NONE} never explores.
 *
 * <p>The rule (docs/delivery.md, "Exploration"): an exploring request draws, for each eligible
 * <em>unjudged</em> ad not already served (its price depends on a learned rate, CPC, CPV or OCPM,
 * and it has fewer than {@value #JUDGED_AFTER_IMPRESSIONS} impressions of its own), a Thompson
 * sample of its eCPM: its valuation with each rate drawn from its Beta posterior (the first {@link
 * Explorer#MAX_DRAWS} such ads by eCPM). The best sample takes one slot if it reaches half the eCPM
 * of the last ad served (or a slot is free), at the place its sample earns; the last ad of the
 * ranking makes room. So at most {@code share} of requests, and at most one slot of each, go to
 * exploration.
 *
 * @param share the bounded share of requests that may explore, in [0, 1)
 * @param seed mixed into the choice of exploring requests and into their random draws
 */
public record Exploration(double share, long seed) {
    public static final Exploration NONE = new Exploration(0, 0);

    /**
     * An ad is judged once it has this many impressions of its own: by then a click-through rate of
     * 1% rests on about 10 clicks and its posterior's spread is within about a third of its mean.
     */
    public static final long JUDGED_AFTER_IMPRESSIONS = 1_000;

    public Exploration {
        if (!(share >= 0 && share < 1)) {
            throw new IllegalArgumentException("share must be in [0, 1), got " + share);
        }
    }

    /**
     * Whether the request explores: a uniform hash of its id and the seed falls below the share.
     */
    public boolean explores(String requestId) {
        if (share == 0) {
            return false;
        }
        double uniform = (requestHash(requestId) >>> 11) * 0x1.0p-53;
        return uniform < share;
    }

    /** The random draws of an exploring request: the same for the same request id and seed. */
    RandomGenerator random(String requestId) {
        return new SplittableRandom(TieBreak.mix(requestHash(requestId) ^ 0x9e3779b97f4a7c15L));
    }

    private long requestHash(String requestId) {
        return TieBreak.mix(TieBreak.mix(requestId.hashCode()) ^ seed);
    }
}
