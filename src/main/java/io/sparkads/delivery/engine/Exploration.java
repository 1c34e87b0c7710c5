package io.sparkads.delivery.engine;

/**
 * How much traffic the engine may spend judging ads it knows little of: at most {@code share} of
 * requests (chosen by a hash of the request id and {@code seed}, so a run is reproducible). {@link
 * #NONE} never explores.
 *
 * @param share the bounded share of requests that may explore, in [0, 1)
 * @param seed mixed into the choice of exploring requests and into their random draws
 */
public record Exploration(double share, long seed) {
    public static final Exploration NONE = new Exploration(0, 0);

    public Exploration {
        if (!(share >= 0 && share < 1)) {
            throw new IllegalArgumentException("share must be in [0, 1), got " + share);
        }
    }
}
